/**
 * Fix-all that settles. On well-formed code one pass of fixes leaves nothing fixable. On broken
 * code a rename changes token lengths, and tree-sitter's error recovery (whose costs count bytes)
 * can then shape the broken region differently, so a second look may judge a neighbour anew.
 * Fix-all re-checks its own result and repeats (a few passes at most), and returns the composed
 * edits against the original text, so one reviewed edit leaves nothing fixable behind.
 */
import { fixEdits } from './engine';
import { LineIndex } from './positions';
import type { Finding, TextEdit } from './types';

/** Passes after which a text that still changes is left as it is (fixes that never settle). */
const MAX_PASSES = 4;

export interface Settled {
  /** The text after every pass. */
  text: string;
  /** Edits against the original text that produce `text`, in order, non-overlapping. */
  edits: TextEdit[];
  /** Passes that changed something (0: nothing to fix). */
  passes: number;
  /** The findings of the final text (what is left needs a manual change). */
  left: Finding[];
}

/** A stretch of the current text and the stretch of the original it stands for. */
interface Piece {
  from: number;
  to: number;
  text: string;
  changed: boolean;
}

export function settleFixes(original: string, check: (text: string) => Finding[], first?: Finding[]): Settled {
  let pieces: Piece[] = [{ from: 0, to: original.length, text: original, changed: false }];
  let findings = first ?? check(original);
  let text = original;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const edits = fixEdits(findings);
    if (edits.length === 0) break;
    pieces = applyPass(pieces, edits);
    text = pieces.map((p) => p.text).join('');
    passes++;
    findings = check(text);
  }
  return { text, edits: composed(original, pieces), passes, left: findings };
}

/** Applies one pass of non-overlapping edits (offsets in the current text) to the pieces. */
function applyPass(pieces: Piece[], edits: TextEdit[]): Piece[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const out: Piece[] = [];
  let qi = 0;
  let cur: Piece | undefined = pieces[qi++];
  let at = 0; // where `cur` starts in the current text
  const next = (): void => {
    at += cur ? cur.text.length : 0;
    cur = pieces[qi++];
  };
  let floor = 0;
  for (const e of sorted) {
    const start = e.offset;
    const end = e.offset + e.length;
    if (start < floor || e.length <= 0) continue;
    while (cur && at + cur.text.length <= start) {
      out.push(cur);
      next();
    }
    if (!cur) break;
    // Keep what comes before the edit: an unchanged stretch splits, a changed one is taken whole.
    let from: number;
    let before = '';
    if (cur.changed) {
      from = cur.from;
      before = cur.text.slice(0, start - at);
    } else {
      from = cur.from + (start - at);
      if (start > at) out.push({ from: cur.from, to: from, text: cur.text.slice(0, start - at), changed: false });
    }
    while (cur && at + cur.text.length < end) next();
    if (!cur) break;
    const into = end - at;
    if (cur.changed) {
      out.push({ from, to: cur.to, text: before + e.newText + cur.text.slice(into), changed: true });
      next();
    } else {
      const to: number = cur.from + into;
      out.push({ from, to, text: before + e.newText, changed: true });
      if (into < cur.text.length) {
        cur = { from: to, to: cur.to, text: cur.text.slice(into), changed: false };
        at += into;
      } else next();
    }
    floor = end;
  }
  while (cur) {
    out.push(cur);
    next();
  }
  return out;
}

function composed(original: string, pieces: Piece[]): TextEdit[] {
  const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new LineIndex(bom ? original.slice(1) : original);
  const edits: TextEdit[] = [];
  for (const p of pieces) {
    if (!p.changed || p.text === original.slice(p.from, p.to)) continue;
    edits.push({ offset: p.from, length: p.to - p.from, newText: p.text, range: { start: lines.positionAt(p.from - bom), end: lines.positionAt(p.to - bom) } });
  }
  return edits;
}
