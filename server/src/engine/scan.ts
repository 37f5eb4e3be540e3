/**
 * The tolerant word scanner shared by analyzers for text without finer syntax: comments, string
 * contents, prose, unknown fenced blocks. It finds identifier-like words and reads the dotted
 * qualifier before each one (PlanningRun.run_id) so the domain comes from syntax, not spelling.
 */
import type { AnalyzerContext } from './analyzer';
import type { Candidate, ContextKind } from './types';
import { escapeRegExp, wordsPattern } from './regex';
import { hasWordSequence, lowerWords } from './words';
import { commandQualifier, qualifierAround } from './qualifiers';

/** After a name: a lint rule about it ("the RunID rule", "`run_id` linter"). */
const LINT_RULE_AFTER = /^[`'"*_]*\s+(?:lint\s+)?(?:rules?|linters?)\b/i;
const WORD = /[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/g;
/** Text that ends by giving a value to the new name: `session_id=${`, `"sessionId": "`, `--session-id $`. */
const VALUE_OF_NEW = /(?:(?:session[-_]?id|sessionId)["']?\s*[=:]|--session-id\s)\s*["'`]?\$?\{?(?:this\.|env\.|process\.env\.)?$/i;
/** A JSON-style string value after a key: `: "…"`. */
const DATA_VALUE = /:\s*"(?:[^"\\\n]|\\.)*"/g;
const QUALIFIER = /((?:[A-Za-z_][A-Za-z0-9_]*(?:\(\))?\??\.)+)$/;
/** The path segment after a word, as a route parameter: `/{runID}`, `/:runId`, `/<run_id>`, `/${encode(runId)}`. */
const PARAMETER_AFTER = /^\/(?:\{|:|<|\$\{(?:[\w.]+\()?)([A-Za-z_][\w-]*)/;
/** The path segment before a word: `planning/` in `/planning/runs/{runID}`. */
const SEGMENT_BEFORE = /([A-Za-z_][\w-]*)\/$/;

export interface ScanOptions {
  context: ContextKind;
  /** Added to every candidate offset. */
  offset?: number;
  inherit?: Partial<Candidate>;
  /** How to judge a sentence or line for migration wording and domain markers; default: the line. */
  unit?: 'line' | 'none';
}

/** Lines (or the whole text) as [start, end) offsets. */
function unitAt(text: string, pos: number): [number, number] {
  const s = Math.max(text.lastIndexOf('\n', pos - 1) + 1, 0);
  let e = text.indexOf('\n', pos);
  if (e < 0) e = text.length;
  return [s, e];
}

const ARROW = /^[\s`'"*_]*(?:to|into|→|->|=>|⇒|becomes|with)[\s`'"*_]+/i;

/** "`session_id` from `run_id`", "session_id ← run_id": the new name, then what it is filled from. */
const FROM_BEFORE = /[\s`'"*_]+(?:from|←|<-)[\s`'"*_]+$/i;

/**
 * "from run_id to session_id", "run_id → session_id", "backfill session_id from run_id": the old
 * name beside its new one is a migration reference.
 */
export function namesItsReplacementBeside(text: string, start: number, end: number, replacement: string | null | undefined): boolean {
  if (!replacement) return false;
  const after = text.slice(end, end + 40 + replacement.length);
  const arrow = ARROW.exec(after);
  if (arrow && after.startsWith(replacement, arrow[0].length)) return true;
  const before = text.slice(Math.max(0, start - 40 - replacement.length), start);
  const from = FROM_BEFORE.exec(before);
  return !!from && before.slice(0, from.index).endsWith(replacement);
}

const restPatterns = new WeakMap<AnalyzerContext['rules'], Array<{ head: string; words: RegExp; dotted: RegExp }>>();

/** After the term's head word ("run"), the rest of it as words (" id", " IDs") or as a dotted lower-case attribute key (OpenTelemetry's "run.id"), if they follow. */
function restOfTerm(ctx: AnalyzerContext, token: string, text: string, end: number): string | undefined {
  let list = restPatterns.get(ctx.rules);
  if (!list) {
    list = ctx.rules.rules
      .filter((r) => r.spec.legacy.length > 1)
      .map((r) => {
        const rest = r.spec.legacy.slice(1);
        return {
          head: r.spec.legacy[0].toLowerCase(),
          words: new RegExp(`^(?:[ \\t]+${wordsPattern(rest, '[ \\t]+')})s?(?![\\w-])`, 'i'),
          dotted: new RegExp(`^${rest.map((w) => `\\.${escapeRegExp(w.toLowerCase())}`).join('')}(?![\\w.-])`),
        };
      });
    restPatterns.set(ctx.rules, list);
  }
  const lower = token.toLowerCase();
  const after = text.slice(end, end + 40);
  for (const { head, words, dotted } of list) {
    if (lower !== head) continue;
    const m = words.exec(after) ?? (token === head ? dotted.exec(after) : null);
    if (m) return m[0];
  }
  return undefined;
}

/**
 * /debug/runs/{runID}/turns: the collection a route's session parameter indexes is the sessions;
 * /planning/runs/{runID} and actions/runs/${GITHUB_RUN_ID} are planning's and the CI's.
 */
export function markRouteCollection(ctx: AnalyzerContext, text: string, start: number, token: string, c: Candidate): void {
  if (c.domain || c.migration || ctx.match(token)?.kind !== 'bare') return;
  const param = PARAMETER_AFTER.exec(text.slice(start + token.length, start + token.length + 48));
  if (!param || ctx.match(param[1])?.kind !== 'term') return;
  const parent = SEGMENT_BEFORE.exec(text.slice(Math.max(0, start - 48), start))?.[1];
  const d = (parent ? (ctx.domainOf(parent) ?? ctx.domainOfQualifier(parent)) : undefined) ?? ctx.domainOf(param[1]) ?? ctx.domainOfQualifier(param[1]);
  if (d) c.domain = d;
  else c.denotesSession = true;
}

function namesBoth(ctx: AnalyzerContext, token: string): boolean {
  const words = lowerWords(token);
  return words.length > 3 && ctx.rules.rules.some((r) => hasWordSequence(words, r.spec.legacy) && hasWordSequence(words, r.spec.preferred));
}

export function scanWords(text: string, ctx: AnalyzerContext, opts: ScanOptions): Candidate[] {
  const out: Candidate[] = [];
  const base = opts.offset ?? 0;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  // Tokens come in order, so the current line's bounds are reused until a token passes its end:
  // finding them again per token was quadratic on a minified one-line file.
  let unitStart = -1;
  let unitEnd = -1;
  let unit: { migration: boolean; domain?: string; values: Array<[number, number, boolean]>; program?: string } = { migration: false, values: [] };
  while ((m = WORD.exec(text))) {
    let token = m[0];
    let start = m.index;
    // An escape letter is not part of the word after it: '\bRunID\b' (a regex), "…\nrun_id=…".
    if (text.charCodeAt(start - 1) === 92 && /^[A-Za-z]./.test(token) && ctx.isCandidate(token.slice(1))) {
      token = token.slice(1);
      start++;
    }
    if (!ctx.isCandidate(token)) continue;
    // "// the run id of the conversation", "filter by run id": in a comment or a string the term is
    // also written as words, and a key as a dotted attribute name ("run.id").
    // Text without a parser (a YAML comment, a diagram's label: "Get/Put by run ID") has words too,
    // but a dotted name there is code (jq's .run.id).
    const prose = opts.context === 'comment' || opts.context === 'string' || opts.context === 'log-key' || opts.context === 'object-key';
    if (prose || opts.context === 'code') {
      const rest = restOfTerm(ctx, token, text, start + token.length);
      if (rest && (prose || /^\s/.test(rest))) {
        token += rest;
        WORD.lastIndex = start + token.length;
      }
    }
    const c: Candidate = { ...opts.inherit, start: base + start, end: base + start + token.length, context: opts.inherit?.context ?? opts.context };
    const q = QUALIFIER.exec(text.slice(Math.max(0, start - 200), start));
    if (q) {
      const d = ctx.domainOf(q[1]);
      if (d) c.domain = d;
      else if (c.domain && ctx.namesSession(q[1])) c.domain = undefined;
    }
    // github.run_id, GITHUB_RUN_ID: someone else's run, whatever the line says (a domain whose
    // words count only in the name and its qualifier).
    const name = `${q?.[1] ?? ''}${token}`;
    const qualified = ctx.domainOfQualifier(name) ?? qualifierAround(ctx, text, start, start + token.length, !!q);
    const external = qualified && !ctx.domainOf(name) ? qualified : undefined;
    if (external) c.domain = external;
    // session_id=${RUN_ID}, sessionId: runId: the value given to the new name is the session's.
    const givenToNew = VALUE_OF_NEW.test(text.slice(Math.max(0, start - 40), start));
    if (givenToNew) c.domain = undefined;
    if (opts.unit !== 'none') {
      if (start < unitStart || start >= unitEnd) {
        [unitStart, unitEnd] = unitAt(text, start);
        const line = text.slice(unitStart, unitEnd);
        // Another member's data value ("run_id": "sess-legacy") is not wording about the name;
        // the value a token sits in is (msg: "RunID is deprecated; use SessionID").
        const values: Array<[number, number, boolean]> = [];
        for (const v of line.matchAll(DATA_VALUE)) values.push([unitStart + v.index, unitStart + v.index + v[0].length, ctx.isMigrationText(v[0])]);
        unit = { migration: ctx.isMigrationText(line.replace(DATA_VALUE, ': ""')), domain: ctx.domainOf(line), values, program: opts.context === 'code' ? commandQualifier(ctx, line) : undefined };
      }
      if (unit.migration || unit.values.some(([from, to, says]) => says && start >= from && start < to)) c.migration = true;
      if (!c.domain && unit.domain && !givenToNew) c.domain = unit.domain;
      if (external) c.domain = external;
      else if (unit.program && !c.domain) c.domain = unit.program;
    }
    if (!c.migration && namesItsReplacementBeside(text, start, start + token.length, ctx.match(token)?.replacement)) c.migration = true;
    // 0007-session-id-over-run-id.md, run_id_to_session_id: a name that holds both names is about the rename.
    if (!c.migration && namesBoth(ctx, token)) c.migration = true;
    // 0006_rename_turns_run_id, 0007_add_run_id_index: a numbered migration's name is its history.
    if (!c.migration && /^\d{3,}_/.test(token)) c.migration = true;
    // "the RunID lint rule", "the RunID rule": a rule that exists because of the old name names it.
    if (!c.migration && LINT_RULE_AFTER.test(text.slice(start + token.length, start + token.length + 20))) c.migration = true;
    // TurnsPerRun, lastSeqByRun, RunSummary: a name keyed like the session uses the bare word as its
    // old name (a hyphenated "per-run" in a sentence is wording, not a name).
    if (!c.domain && !token.includes('-') && ctx.bareIsKeyedSession(token)) c.denotesSession = true;
    markRouteCollection(ctx, text, start, token, c);
    out.push(c);
  }
  return out;
}
