/**
 * A finding on a compound name (`resRunID`, `setRunId`, `runLog`, `WEBCHAT_RUN_ID`) as the parts
 * of it that hold the term: `RunID` → `SessionID` at its own range, the rest of the name untouched.
 * This is how the command line reports them: the term is found as a sub-word and only those parts
 * are replaced; a plural ending is not the term (`RunID` inside `RunIDs`). An explicit rename is
 * whole (`startRunForPrompt`) unless a longer name holds it (`DistinctRuns` in `TestDistinctRuns`);
 * a removal (`LegacyRunID`) is always whole, and so is a finding whose fix is not the parts' (an
 * analyzer's own verdict).
 * A prose phrase is reported by the words its fix changes: `run` → `session` in "the run ID".
 */
import { matchToken, type MatchPart } from './matcher';
import { splitWords } from './words';
import type { Ruleset } from './rules/compile';
import type { Finding } from './types';

/** Where a token's parts are, by rule, token and fix: a workspace repeats the same few names. */
type Span = { start: number; end: number; replacement: string | null };
const memo = new WeakMap<Ruleset, Map<string, Span[] | null>>();

export function legacyParts(f: Finding, rules: Ruleset): Finding[] {
  if (f.range.start.line !== f.range.end.line || f.range.end.character - f.range.start.character !== f.text.length) return [f];
  if (/\s/.test(f.text)) return proseWords(f);
  let known = memo.get(rules);
  if (!known) memo.set(rules, (known = new Map()));
  const key = `${f.ruleId}\0${f.text}\0${f.replacement ?? '\0'}`;
  let spans = known.get(key);
  if (spans === undefined) known.set(key, (spans = partsOf(f, rules)));
  if (!spans) return [f];
  return spans.map((p) => ({
    ...f,
    range: { start: { line: f.range.start.line, character: f.range.start.character + p.start }, end: { line: f.range.start.line, character: f.range.start.character + p.end } },
    offset: f.offset + p.start,
    length: p.end - p.start,
    text: f.text.slice(p.start, p.end),
    replacement: f.replacement === null ? null : p.replacement,
  }));
}

/** The parts a finding's token is reported as; null: the token whole. */
function partsOf(f: Finding, rules: Ruleset): Span[] | null {
  const rule = rules.rules.find((r) => r.id === f.ruleId);
  const match = rule ? matchToken(f.text, rule.seqs) : null;
  if (!match || match.kind === 'removal' || match.parts.length === 0) return null;
  // The parts' fixes must make the finding's own fix (or it has none).
  if (f.replacement !== null && f.replacement !== match.replacement) return null;
  const parts = match.parts.map((p) => changedWords(singular(p, f.text), f.text));
  if (parts.length === 1 && parts[0].start === 0 && parts[0].end === f.text.length) return null;
  return parts.map((p) => ({ start: p.start, end: p.end, replacement: p.replacement }));
}

/** A term without its plural ending: `RunID` → `SessionID` inside `RunIDs`, whose `s` stays. */
function singular(p: MatchPart, token: string): MatchPart {
  const last = p.seq.from[p.seq.from.length - 1];
  const text = token.slice(p.start, p.end).toLowerCase();
  if (p.seq.kind !== 'term' || p.seq.from.length < 2 || !text.endsWith(last + 's') || p.replacement === null) return p;
  return { ...p, end: p.end - 1, replacement: p.replacement.slice(0, -1) };
}

/**
 * A rename written in another convention than the rules' symbol is the term inside a name: only
 * its changed words are the finding (`Run` → `Session` in `ListTurnsByRun`). The symbol itself
 * (`turns_by_run`, `DistinctRuns` in `TestDistinctRuns`) is renamed whole.
 */
function changedWords(p: MatchPart, token: string): MatchPart {
  const text = token.slice(p.start, p.end);
  if (p.seq.kind !== 'rename' || !p.seq.to || p.replacement === null || text === p.seq.name) return p;
  const { from, to } = p.seq;
  const words = splitWords(text);
  if (words.length !== from.length) return p;
  const { head, tail } = sameEnds(from, to);
  const start = head === 0 ? 0 : words[head].start;
  const end = tail === 0 ? text.length : words[words.length - 1 - tail].end;
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (!p.replacement.startsWith(before) || !p.replacement.endsWith(after)) return p;
  return { ...p, start: p.start + start, end: p.start + end, replacement: p.replacement.slice(before.length, p.replacement.length - after.length) };
}

/** The words of a prose phrase that its fix changes ("run ID" → "session ID" is `run` → `session`). */
function proseWords(f: Finding): Finding[] {
  if (f.replacement === null || f.replacement === f.text) return [f];
  const a = f.text.split(/(\s+)/);
  const b = f.replacement.split(/(\s+)/);
  const { head, tail } = sameEnds(a, b);
  if (head === 0 && tail === 0) return [f];
  const start = a.slice(0, head).join('').length;
  const text = a.slice(head, a.length - tail).join('');
  const replacement = b.slice(head, b.length - tail).join('');
  const range = { start: { line: f.range.start.line, character: f.range.start.character + start }, end: { line: f.range.start.line, character: f.range.start.character + start + text.length } };
  return [{ ...f, range, offset: f.offset + start, length: text.length, text, replacement }];
}

/** How many items two lists share at their start and, after those, at their end (at least one item of each left between). */
function sameEnds(a: string[], b: string[]): { head: number; tail: number } {
  let head = 0;
  while (head < a.length - 1 && head < b.length - 1 && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - 1 - head && tail < b.length - 1 - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { head, tail };
}
