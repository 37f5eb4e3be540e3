/**
 * Reading the words around a token in prose and inline code: is the bare word "run" a verb
 * ("run the tests", `go run`, `RunLoop()`), is the token part of a package path, which word
 * precedes it ("planning `run_id`").
 */
import { MODAL_BEFORE } from '../../matcher';
import { escapeRegExp } from '../../regex';

/** Words after which "run" is a verb: modals and "to" (as in names), subjects, command runners. */
const VERB_BEFORE = new Set([...MODAL_BEFORE, 'please', 'then', 'we', 'you', 'they', 'i', 'go', 'npm', 'yarn', 'pnpm', 'npx', 'make', 'cargo', 'just', 'and', 'or', 'don', 'also', 'first', 'always']);
/** Words before which "run" is a verb: determiners and objects of running. */
const VERB_AFTER = new Set(['the', 'a', 'an', 'all', 'tests', 'test', 'it', 'them', 'this', 'that', 'these', 'those', 'your', 'our', 'its', 'every', 'each', 'go', 'npm', 'make', 'migrations', 'against', 'locally', 'again', 'once']);

const PREV_WORD = /([A-Za-z']+)[\s`*_"(]*$/;
const NEXT_WORD = /^[\s`*_"]*([A-Za-z']+)/;

/** Is the bare "run" at [start, end) of text used as a verb? */
export function isVerbInProse(text: string, start: number, end: number): boolean {
  if (text[end] === '(' || (text[end] === '`' && text[end + 1] === '(')) return true;
  const prev = PREV_WORD.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase().replace(/'/g, '');
  if (prev && VERB_BEFORE.has(prev)) return true;
  const next = NEXT_WORD.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
  if (next && VERB_AFTER.has(next)) return true;
  // An imperative at the start of a sentence or list item: "Run `npm test`".
  const before = text.slice(0, start).replace(/[\s*_>#-]+$/, '');
  return text[start] === 'R' && (before === '' || /[.!?:]$/.test(before)) && /^\s*`/.test(text.slice(end));
}

/** Is the token a call (`RunLoop()`, `t.Run(…)`) or the argument of a command runner (`go run`)? */
export function isVerbInCode(text: string, start: number, end: number): boolean {
  if (text[end] === '(') return true;
  const prev = /([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase();
  return prev !== undefined && ['go', 'npm', 'yarn', 'pnpm', 'npx', 'make', 'cargo'].includes(prev);
}

/** Is [start, end) inside one of the rule packs' package paths (`pkg/cmds/run`) written in text? */
export function inPackagePath(text: string, start: number, end: number, packages: string[]): boolean {
  for (const p of packages) {
    let i = text.indexOf(p, Math.max(0, start - p.length));
    while (i >= 0 && i <= start) {
      const after = text[i + p.length];
      if (i + p.length >= end && (after === undefined || !/[\w-]/.test(after))) return true;
      i = text.indexOf(p, i + 1);
    }
  }
  return false;
}

/** The word just before the token, skipping markup (`*`, backticks, quotes). */
export function previousWord(text: string, start: number): string | undefined {
  return PREV_WORD.exec(text.slice(Math.max(0, start - 60), start))?.[1];
}

/** Prose spelling of a multi-word legacy term as separate words: "run ID", "Run IDs". */
export function phrasePattern(words: string[]): RegExp | null {
  if (words.length < 2) return null;
  const esc = words.map(escapeRegExp);
  return new RegExp(`(?<![\\w-])${esc.join(' ')}s?(?![\\w-])`, 'gi');
}
