/**
 * A shell or make variable named with the bare word (`RUN=4c7e…`, `make turns RUN=<run_id>`) holds
 * the session where the text puts it where a session id goes: `select(.run_id == "$RUN")`,
 * `WHERE run_id = '$RUN'`, `--session-id $(RUN)`, or gives it a `<run_id>` placeholder. Then every
 * occurrence of the name in the text is the session's (its assignment, its uses, its comments).
 */
import type { AnalyzerContext } from './analyzer';
import { escapeRegExp, wordsPattern } from './regex';
import type { Candidate } from './types';

/** The term's spellings, old and new, as a pattern: run_id, runId, RUN-ID, session_id … */
function termNames(ctx: AnalyzerContext): string {
  return ctx.rules.rules.flatMap((r) => [r.spec.legacy, r.spec.preferred].map((words) => wordsPattern(words, '[-_]?'))).join('|');
}

/** A variable's expansion: `$RUN`, `${RUN}`, `$(RUN)` (name: a regex source). */
function reference(name: string): string {
  return `\\$(?:\\{|\\()?${name}\\b`;
}

export function applySessionVariables(text: string, found: Candidate[], ctx: AnalyzerContext): void {
  const names = new Set<string>();
  for (const c of found) {
    const token = text.slice(c.start, c.end);
    if (!c.domain && /^[A-Za-z]+$/.test(token) && ctx.match(token)?.kind === 'bare') names.add(token);
  }
  if (names.size === 0) return;
  const term = termNames(ctx);
  const holding = [...names].filter((name) => {
    // The term's spelling is any case; the variable's is exact (`$RUN` is not `npm run`).
    const ref = reference(`(${escapeRegExp(name)})`);
    const given = new RegExp(`(?:${term})["'\\]]*\\s*(?:==|=|:|\\s)\\s*\\\\?["']?${ref}|--(?:${term})[=\\s]+["']?${ref}|(?<![\\w$])(${escapeRegExp(name)})=<(?:${term})>`, 'gi');
    for (const m of text.matchAll(given)) if ((m[1] ?? m[2] ?? m[3]) === name) return true;
    return false;
  });
  const vars = holding.map((name) => reference(escapeRegExp(name)));
  // A flag named with the bare word that takes the session (`--run $(RUN)`, `[--run RUN_ID]`,
  // `--run) RUN_ID="$2"`) is the session's flag wherever the text names it.
  const value = `(?:${[`\\$?\\{?(?:${term})\\b`, ...vars].join('|')})`;
  const flags = [...names].filter((name) => new RegExp(`--${escapeRegExp(name)}(?:[=\\s]+["']?|\\)\\s*)${value}`, 'i').test(text));
  for (const c of found) {
    if (c.domain) continue;
    const token = text.slice(c.start, c.end);
    const flag = flags.includes(token) && text.slice(c.start - 2, c.start) === '--' && !/[\w-]/.test(text[c.end] ?? '');
    if (holding.includes(token) || flag) {
      c.denotesSession = true;
      c.because = flag ? 'the flag takes a session id' : 'the text puts it where a session id goes';
    }
  }
}
