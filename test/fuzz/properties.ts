/**
 * The invariants every engine answer must keep, whatever the input: no throw, a time bound, ranges
 * that agree with offsets and sit on character boundaries, and fixes that converge and touch only
 * the flagged text. Shared by `npm run fuzz` and the fast slice in test/unit/robustness-*.test.ts.
 */
import { applyEdits, fixEdits, LineIndex, settleFixes, type Engine, type Finding, type TextEdit } from '../../server/src/engine';

/** Per-check wall-clock bound (ms). */
export const TIME_BOUND_MS = 2000;

export class Stats {
  inputs = 0;
  checks = 0;
  findings = 0;
  fixes = 0;
  maxCheckMs = 0;
  maxCheckInput = '';
  totalCheckMs = 0;
  /** Inputs whose fix-all needed a second pass (broken syntax that a rename re-shapes). */
  laterPasses = 0;
  laterPassExample = '';
}

export class InvariantError extends Error {
  constructor(message: string, readonly input: string, readonly path: string) {
    super(`${message}\n  path: ${path}\n  input: ${JSON.stringify(input.length > 600 ? input.slice(0, 600) + '…' : input)}`);
  }
}

function timedCheck(engine: Engine, text: string, path: string, stats: Stats): Finding[] {
  const t0 = performance.now();
  let findings: Finding[];
  try {
    findings = engine.check(text, { path });
  } catch (e) {
    throw new InvariantError(`check threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, text, path);
  }
  const ms = performance.now() - t0;
  stats.checks++;
  stats.totalCheckMs += ms;
  if (ms > stats.maxCheckMs) {
    stats.maxCheckMs = ms;
    stats.maxCheckInput = text.length > 200 ? `${text.length} chars` : JSON.stringify(text);
  }
  if (ms > TIME_BOUND_MS) throw new InvariantError(`check took ${ms.toFixed(0)} ms (bound ${TIME_BOUND_MS} ms)`, text, path);
  return findings;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Is `offset` a place where a range may start or end: not inside a surrogate pair or a CRLF? */
export function onBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (isHigh(before) && isLow(after)) return false;
  if (before === 13 && after === 10) return false;
  return true;
}

function samePos(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Range/offset/text agreement of one answer. Ranges are relative to the text without its BOM (as editors see it). */
export function checkFindings(text: string, findings: Finding[], path: string): void {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(bom);
  const lines = new LineIndex(body);
  let lastEnd = -1;
  for (const f of findings) {
    const fail = (why: string): never => {
      throw new InvariantError(`${why}: ${JSON.stringify(f)}`, text, path);
    };
    const end = f.offset + f.length;
    if (!Number.isInteger(f.offset) || !Number.isInteger(f.length) || f.length <= 0) fail('offset/length not a positive span');
    if (f.offset < bom || end > text.length) fail('range outside the text');
    if (f.offset < lastEnd) fail('findings overlap or are out of order');
    lastEnd = end;
    if (text.slice(f.offset, end) !== f.text) fail('text is not the slice at offset/length');
    if (!samePos(lines.positionAt(f.offset - bom), f.range.start) || !samePos(lines.positionAt(end - bom), f.range.end)) fail('range does not agree with offset/length');
    if (lines.offsetAt(f.range.start) + bom !== f.offset || lines.offsetAt(f.range.end) + bom !== end) fail('range does not map back to offset/length');
    if (!onBoundary(text, f.offset) || !onBoundary(text, end)) fail('range splits a surrogate pair or a CRLF');
    if (!['error', 'warning', 'information', 'hint'].includes(f.severity)) fail('unknown severity');
    if (!f.category || !f.ruleId || !f.message) fail('missing category, rule id or message');
    if (f.replacement !== null) {
      if (typeof f.replacement !== 'string' || f.replacement.length === 0) fail('empty replacement');
      // LSP line breaks are CR, LF and CRLF only (U+2028 inside a quoted SQL name is not one).
      if (/[\r\n]/.test(f.replacement)) fail('replacement contains a line break');
      // A lone surrogate the text already had may be kept; a fix must not make a new one.
      if (loneSurrogates(f.replacement) > loneSurrogates(f.text)) fail('replacement makes a lone surrogate');
    }
  }
}

/** Applies edits by hand, refusing overlaps, so applyEdits is checked against an independent splice. */
function spliceEdits(text: string, edits: TextEdit[], path: string): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.offset < pos) throw new InvariantError(`fix edits overlap: ${JSON.stringify(sorted)}`, text, path);
    out += text.slice(pos, e.offset) + e.newText;
    pos = e.offset + e.length;
  }
  return out + text.slice(pos);
}

/** All properties for one input. Throws InvariantError on the first broken one. */
export function checkInput(engine: Engine, text: string, path: string, stats: Stats): void {
  stats.inputs++;
  const findings = timedCheck(engine, text, path, stats);
  stats.findings += findings.length;
  checkFindings(text, findings, path);
  const edits = fixEdits(findings);
  if (edits.length === 0) return;
  stats.fixes += edits.length;
  for (const e of edits) {
    const f = findings.find((x) => x.offset === e.offset && x.length === e.length);
    if (!f || f.replacement !== e.newText) throw new InvariantError(`fix edit does not come from a finding: ${JSON.stringify(e)}`, text, path);
  }
  const fixed = applyEdits(text, edits);
  // Only the flagged ranges change: the result is exactly the original with each span replaced.
  const expected = spliceEdits(text, edits, path);
  if (fixed !== expected) throw new InvariantError('applyEdits changed text outside the flagged ranges (or dropped an edit)', text, path);
  if (bomOf(fixed) !== bomOf(text)) throw new InvariantError('fix changed the BOM', text, path);
  if (lineBreaks(fixed) !== lineBreaks(text)) throw new InvariantError('fix changed the line breaks', text, path);
  if (loneSurrogates(fixed) !== loneSurrogates(text)) throw new InvariantError('fix made or removed a lone surrogate', text, path);
  // Fix-all converges: it re-checks its own result until nothing fixable is left (settleFixes), its
  // composed edits give that result from the original, and a second fix-all changes nothing.
  // Well-formed code settles in one pass; inputs that took more are counted, not failed.
  const settled = settleFixes(text, (t) => timedCheck(engine, t, path, stats), findings);
  if (settled.passes > 1) {
    stats.laterPasses++;
    stats.laterPassExample ||= text.length > 200 ? text.slice(0, 200) + '…' : text;
  }
  checkFindings(settled.text, settled.left, path);
  const left = fixEdits(settled.left);
  if (left.length > 0) {
    throw new InvariantError(`fixes do not converge: after ${settled.passes} passes ${left.length} fixable finding(s) remain: ${JSON.stringify(settled.left.filter((f) => f.replacement !== null && f.replacement !== f.text).map((f) => [f.text, f.replacement, f.context, f.category]))}\n  fixed: ${JSON.stringify(settled.text.length > 600 ? settled.text.slice(0, 600) : settled.text)}`, text, path);
  }
  if (spliceEdits(text, settled.edits, path) !== settled.text) throw new InvariantError('the composed fix-all edits do not give the settled text', text, path);
  if (settled.passes === 1 && settled.text !== fixed) throw new InvariantError('a one-pass fix-all differs from applying the fixes', text, path);
  if (bomOf(settled.text) !== bomOf(text) || lineBreaks(settled.text) !== lineBreaks(text) || loneSurrogates(settled.text) !== loneSurrogates(text)) throw new InvariantError('fix-all changed the BOM, line breaks or surrogates', text, path);
}

export function loneSurrogates(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c) && isLow(s.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) n++;
  }
  return n;
}

function bomOf(s: string): boolean {
  return s.charCodeAt(0) === 0xfeff;
}

function lineBreaks(s: string): string {
  return (s.match(/\r\n|\r|\n/g) ?? []).join('|');
}
