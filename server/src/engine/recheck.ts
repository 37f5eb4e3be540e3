/**
 * Re-checking a Go document after an edit inside one top-level declaration. Everything termshift
 * decides about a Go token depends on its own declaration, the package clause and a few
 * file-level facts; so when an edit stays inside one declaration, leaves every declaration
 * boundary and that declaration's keyword line where they were, and touches no directive, the
 * findings outside it are the previous ones (shifted past the edit) and only that declaration is
 * checked again. Anything else (and any file where a rename collides across declarations) is
 * checked whole. A property test holds this equal to a whole check.
 */
import { ACROSS_DECLARATIONS, ACROSS_FILES, CLASH } from './analyzers/go';
import { ALREADY_DECLARED, codeStart } from './collisions';
import { commonPrefix, commonSuffix, topLevelDeclarations } from './goChunks';
import { escapeRegExp } from './regex';
import type { Finding } from './types';

export interface Previous {
  /** The text checked last (without a BOM). */
  text: string;
  findings: Finding[];
  /** Whether a finding reaches across declarations; worked out once per check, when first asked. */
  crossDeclaration?: boolean;
}

export interface RecheckPlan {
  /** The declaration to check again, in the new text. */
  within: { start: number; end: number };
  /** The edit: [p, oldEnd) of the previous text became [p, newEnd) of the new one. */
  edit: { p: number; oldEnd: number; newEnd: number };
  /** Previous findings before it, its new findings, previous findings after it shifted; null: check whole. */
  stitch(fresh: Finding[]): Finding[] | null;
}

/**
 * Renames that collide reach across declarations (a struct's field and its uses elsewhere), and so
 * does a name judged by how other declarations use it (a Hub's `runs` keyed by session ids).
 */
const CROSS_DECLARATION = new RegExp(`${escapeRegExp(CLASH)}|${escapeRegExp(ALREADY_DECLARED)}|${escapeRegExp(ACROSS_DECLARATIONS)}|${escapeRegExp(ACROSS_FILES)}`);

export function planRecheck(prev: Previous, text: string, bom: number): RecheckPlan | null {
  const old = prev.text;
  const limit = Math.min(old.length, text.length);
  const p = commonPrefix(old, text);
  const s = commonSuffix(old, text, limit - p);
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  const delta = text.length - old.length;
  // A directive changes which lines are reported, anywhere below it.
  const linesOf = (t: string, a: number, b: number): string => {
    const end = t.indexOf('\n', b);
    return t.slice(t.lastIndexOf('\n', a - 1) + 1, end < 0 ? t.length : end);
  };
  if (/termshift-/.test(linesOf(old, p, oldEnd)) || /termshift-/.test(linesOf(text, p, newEnd))) return null;
  // A CR next to the edit can join or split a CRLF: line counts are then not the edit's newlines.
  if (/\r/.test(old.slice(Math.max(0, p - 1), oldEnd + 1)) || /\r/.test(text.slice(Math.max(0, p - 1), newEnd + 1))) return null;
  prev.crossDeclaration ??= prev.findings.some((f) => CROSS_DECLARATION.test(f.message));
  if (prev.crossDeclaration) return null;
  const before = topLevelDeclarations(old).map((d) => ({ start: d.start, end: d.end, kind: d.kind }));
  const after = topLevelDeclarations(text);
  if (before.length !== after.length) return null;
  let at = -1;
  for (let i = 0; i < after.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a.kind !== b.kind) return null;
    if (b.start <= p && newEnd <= b.end && a.start <= p && oldEnd <= a.end) at = i;
    else if (b.end <= p ? a.start !== b.start || a.end !== b.end : a.start + delta !== b.start || a.end + delta !== b.end) return null;
  }
  if (at < 0) return null;
  const d = after[at];
  if (before[at].start !== d.start || before[at].end + delta !== d.end || d.kind === 'header' || d.kind === 'import') return null;
  // The keyword line names what the declaration declares (collisions are judged from it).
  const keyword = d.start + codeStart(text, d.start, d.end);
  const keywordLineEnd = text.indexOf('\n', keyword);
  if (p <= (keywordLineEnd < 0 ? text.length : keywordLineEnd) && newEnd >= keyword) return null;
  // The generated-code marker is read from the first 2 KiB.
  if (p < 2048) return null;
  let lineDelta = 0;
  for (let i = p; i < newEnd; i++) if (text.charCodeAt(i) === 10) lineDelta++;
  for (let i = p; i < oldEnd; i++) if (old.charCodeAt(i) === 10) lineDelta--;
  const oldStart = d.start + bom;
  const oldStop = before[at].end + bom;
  return {
    within: { start: d.start, end: d.end },
    edit: { p, oldEnd, newEnd },
    stitch(fresh) {
      if (fresh.some((f) => CROSS_DECLARATION.test(f.message))) return null;
      const out: Finding[] = [];
      for (const f of prev.findings) if (f.offset + f.length <= oldStart) out.push(f);
      for (const f of fresh) if (f.offset >= d.start + bom && f.offset < d.end + bom) out.push(f);
      for (const f of prev.findings) {
        if (f.offset < oldStop) continue;
        // Findings are not modified once made, so an unmoved range is shared, not copied.
        const range = lineDelta === 0 ? f.range : { start: { line: f.range.start.line + lineDelta, character: f.range.start.character }, end: { line: f.range.end.line + lineDelta, character: f.range.end.character } };
        out.push({ ...f, offset: f.offset + delta, range });
      }
      return out;
    },
  };
}

