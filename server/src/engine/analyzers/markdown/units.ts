/**
 * The units a Markdown block is judged by: a table row, a sentence, or a whole heading. A
 * unit that names the old name as legacy/deprecated/renamed, maps old → new (an arrow after the
 * token, or a table row that also holds the replacement) makes its tokens migration references;
 * a unit that talks about a domain (planning) puts its tokens in that domain.
 */
import type { AnalyzerContext } from '../../analyzer';
import { escapeRegExp } from '../../regex';

export interface Unit {
  start: number;
  end: number;
  kind: 'row' | 'sentence' | 'item';
  text: string;
  migrationWording: boolean;
  domain?: string;
  /** A table row's header row (the line above the delimiter row). */
  header?: string;
}

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const ARROW = /→|⇒|⟶|⟹|->/g;
/** A table column of the names not to use: "Not", "Avoid", "Don't use", "Old", "Before". */
const OLD_COLUMN = /^\s*(?:\*\*)?(?:not|avoid|don'?t(?:\s+use)?|do\s+not\s+use|never|old(?:\s+name)?|before|was|instead\s+of)(?:\*\*)?\s*$/i;
/** Text that says the name is gone (after an arrow, in a mapping row's cell). */
const SAYS_REMOVED = /\b(?:removed|dropped|deleted|gone)\b/;

function isRow(line: string, next: string | undefined): boolean {
  return /^\s*\|/.test(line) || (next !== undefined && DELIMITER_ROW.test(next) && line.includes('|'));
}

function inMask(pos: number, masks: Array<[number, number]>): boolean {
  return masks.some(([s, e]) => pos >= s && pos < e);
}

/** Sentence ranges of [start, end) in doc: a `.`, `!` or `?` followed by white space ends one. */
function sentences(doc: string, start: number, end: number, masks: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const ch = doc[i];
    if ((ch === '.' || ch === '!' || ch === '?') && (i + 1 >= end || /\s/.test(doc[i + 1])) && !inMask(i, masks)) {
      out.push([s, i + 1]);
      s = i + 1;
    }
  }
  if (doc.slice(s, end).trim()) out.push([s, end]);
  return out;
}

/**
 * Units of the block [start, end) of doc. Table rows are units of their own; the other lines are
 * split into sentences, or kept whole (a heading). `masks` are ranges (inline code, link
 * destinations) whose punctuation never ends a sentence.
 */
export function splitUnits(ctx: AnalyzerContext, doc: string, start: number, end: number, whole: boolean, masks: Array<[number, number]>): Unit[] {
  const spans: Array<[number, number, Unit['kind'], string?]> = [];
  let header: string | undefined;
  const lines: Array<[number, number]> = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while (re.lastIndex < end && (m = re.exec(doc)) && m[0] !== '') lines.push([m.index, Math.min(m.index + m[0].length, end)]);
  let prose: [number, number] | null = null;
  const flush = (): void => {
    if (!prose) return;
    if (whole) spans.push([prose[0], prose[1], 'item']);
    else for (const [s, e] of sentences(doc, prose[0], prose[1], masks)) spans.push([s, e, 'sentence']);
    prose = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const [ls, le] = lines[i];
    const next = lines[i + 1] ? doc.slice(lines[i + 1][0], lines[i + 1][1]) : undefined;
    const line = doc.slice(ls, le);
    if (isRow(line, next)) {
      flush();
      if (next !== undefined && DELIMITER_ROW.test(next)) header = line;
      spans.push([ls, le, 'row', header]);
    } else {
      header = undefined;
      if (prose) prose[1] = le;
      else prose = [ls, le];
    }
  }
  flush();
  return spans.map(([s, e, kind, head]) => {
    const text = doc.slice(s, e);
    return { start: s, end: e, kind, text, migrationWording: ctx.isMigrationText(text), domain: ctx.domainOf(text), ...(head !== undefined && head !== text ? { header: head } : {}) };
  });
}

export function unitAt(units: Unit[], pos: number): Unit | undefined {
  return units.find((u) => pos >= u.start && pos < u.end);
}

/**
 * Does an arrow after the token in its unit map it to its new name (`run_id` → `session_id`,
 * `X.RunID` → replaced by …)? What follows the arrow must name it (one of `names`) or say what
 * changed: `?run_id=…` → `TurnStore.List` routes a request, it renames nothing.
 */
export function arrowAfter(unit: Unit, tokenEnd: number, names: string[], isMigration: (text: string) => boolean): boolean {
  const arrows = [...unit.text.matchAll(ARROW)].filter((m) => unit.start + m.index >= tokenEnd);
  return arrows.some((m, i) => {
    const next = arrows[i + 1];
    const target = unit.text.slice(m.index + m[0].length, next ? next.index : unit.text.length);
    const lower = target.toLowerCase();
    return names.some((n) => n !== '' && lower.includes(n.toLowerCase())) || isMigration(target) || SAYS_REMOVED.test(lower);
  });
}

/** "moving from `run_id` to `session_id`", "should be updated to `?session_id=`": a change, then "to", then the new name. */
const CHANGE_TO = /\b(?:from|updat\w*|chang\w*|switch\w*|mov(?:e|es|ed|ing)|migrat\w*)\b[^.;!?]*?\b(?:to|into)\s+[`'"*_]*[?&]?/gi;

export function changedTo(unit: Unit, tokenEnd: number, names: string[]): boolean {
  for (const m of unit.text.matchAll(CHANGE_TO)) {
    const at = m.index + m[0].length;
    if (unit.start + at <= tokenEnd) continue;
    const target = unit.text.slice(at, at + 64).toLowerCase();
    if (names.some((n) => n !== '' && target.startsWith(n.toLowerCase()))) return true;
  }
  return false;
}

/**
 * Does a table row hold the token's replacement elsewhere? `maps`: an old | new mapping row, the
 * new name alone in another cell that holds no old name (`| run_id | session_id |`,
 * `| ?run_id=X | ?session_id=X |`). `beside`: a description cell mentions the new name ("Same value
 * as `session_id`", "Mirrors `X-Session-Id`"): the row documents the alias next to the name that
 * replaces it. A cell that says what changed (removed, renamed …) maps too. A cell that mentions
 * both names, or the token's own cell, maps nothing.
 */
export function rowMapsTo(unit: Unit, tokenStart: number, replacements: string[], hasLegacy: (text: string) => boolean, isMigration: (text: string) => boolean, exact: string[] = replacements): 'maps' | 'beside' | false {
  if (unit.kind !== 'row') return false;
  const at = tokenStart - unit.start;
  let cellStart = 0;
  let column = -1;
  const others: Array<{ text: string; after: boolean }> = [];
  const cells = unit.text.split('|');
  cells.forEach((cell, i) => {
    const cellEnd = cellStart + cell.length;
    if (at >= cellStart && at < cellEnd) column = i;
    else if (!hasLegacy(cell)) others.push({ text: cell.toLowerCase(), after: cellStart > at });
    cellStart = cellEnd + 1;
  });
  // | Use | Not |: a column whose header says its names are the ones not to use lists old names.
  const head = column >= 0 ? unit.header?.split('|')[column] : undefined;
  if (head !== undefined && (OLD_COLUMN.test(head) || isMigration(head))) return 'maps';
  let found: 'maps' | 'beside' | false = false;
  for (const r of replacements) {
    if (r === '') continue;
    const source = `(?<![a-z0-9])${escapeRegExp(r.toLowerCase())}(?![a-z0-9])`;
    const name = new RegExp(source);
    for (const { text: c, after } of others) {
      if (!name.test(c)) continue;
      // …and so does a cell that says what changed (`removed, read "session_id"`).
      if (isMigration(c) || SAYS_REMOVED.test(c)) return 'maps';
      // What the cell says besides the name: nothing (or a type in parentheses) makes it the new
      // column of an old | new row; a name before the token is the row's subject
      // (| `session_id` | … | set from `Conversation.RunID` |), not what it becomes.
      const rest = c.replace(new RegExp(source, 'g'), ' ').replace(/\([^)]*\)/g, ' ').replace(/`[^`]*`/g, ' ');
      if (!/[a-z]{2,}/.test(rest)) {
        if (after) return 'maps';
        continue;
      }
      // Beside only the token's own new spelling: `X-Run-ID` described with `session_id` is a header to rename.
      if (exact.some((e) => e.toLowerCase() === r.toLowerCase())) found = 'beside';
    }
  }
  return found;
}

/** Separates two items of one list: a comma, a slash, "and", "or". */
const LIST_GAP = /^\s*(?:[,/;]\s*)?(?:(?:and|or|&)\s+)?$/i;

/**
 * Is the token's code span one item of a list (`conv_id`, `session_id`, `run_id`) that also holds
 * the span as it would read fixed? The fix would list the same name twice: the item is removed.
 */
export function listedBeside(unit: Unit, tokenStart: number, token: string, replacement: string): boolean {
  const spans = [...unit.text.matchAll(/`([^`\n]+)`/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, code: m[1] }));
  const at = spans.findIndex((x) => unit.start + x.start < tokenStart && tokenStart < unit.start + x.end);
  if (at < 0) return false;
  const fixed = spans[at].code.replace(token, replacement).toLowerCase();
  const joined = (i: number): boolean => LIST_GAP.test(unit.text.slice(spans[i].end, spans[i + 1].start));
  for (let i = at - 1; i >= 0 && joined(i); i--) if (spans[i].code.toLowerCase() === fixed) return true;
  for (let i = at + 1; i < spans.length && joined(i - 1); i++) if (spans[i].code.toLowerCase() === fixed) return true;
  return false;
}
