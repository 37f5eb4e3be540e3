/**
 * What of a chunk micromark must see. A chunk of plain paragraph lines (each starts with a letter
 * in column 0, so it is one top-level paragraph) loses its leading and trailing lines that hold
 * no candidate, when the cut falls after a sentence end: those lines hold no markup that could
 * open or close an inline construct, so the lines kept parse to the same inline nodes, sentences
 * and neighbouring words as in the whole paragraph. The kept pieces of a group are parsed as one
 * text joined by blank lines (definitions still reach their references), and offsets map back.
 */

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
/** A line that can only be paragraph text: no inline markup, no block marker, no tab. */
const PLAIN = /^[A-Za-z][A-Za-z0-9 ,.;:!?-]*$/;
/** The line ends a sentence (a `.`, `!` or `?` the next line break follows). */
const SENTENCE_END = /[.!?] *$/;
const LETTER_START = /^[A-Za-z]/;

interface Line {
  start: number;
  end: number;
  body: string;
}

function linesOf(doc: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  LINE.lastIndex = start;
  let m: RegExpExecArray | null;
  while (LINE.lastIndex < end && (m = LINE.exec(doc)) && m[0] !== '') {
    const e = Math.min(m.index + m[0].length, end);
    out.push({ start: m.index, end: e, body: doc.slice(m.index, e).replace(/[\r\n]+$/, '') });
  }
  return out;
}

/**
 * The part [start, end) of the chunk to parse. `mayHold(s, e)` says whether a line may hold a
 * candidate; such lines are always kept.
 */
export function keptRange(doc: string, start: number, end: number, mayHold: (s: number, e: number) => boolean): [number, number] {
  const lines = linesOf(doc, start, end);
  if (lines.length < 2 || !lines.every((l) => LETTER_START.test(l.body))) return [start, end];
  const droppable = lines.map((l) => PLAIN.test(l.body) && !mayHold(l.start, l.end));
  let first = droppable.indexOf(false);
  if (first < 0) return [start, start];
  let last = droppable.lastIndexOf(false);
  while (first > 0 && !SENTENCE_END.test(lines[first - 1].body)) first--;
  while (last < lines.length - 1 && !SENTENCE_END.test(lines[last].body)) last++;
  return [lines[first].start, lines[last].end];
}

/**
 * Ranges of the document parsed as one text, offsets mapped back. Ranges of one group are joined by
 * a blank line; groups by a thematic break between blank lines, which closes every container and
 * leaves a code block no caption from the group before.
 */
export class Pieces {
  readonly text: string;
  /** Start of each piece in `text` and in the document. */
  private readonly at: Array<{ text: number; doc: number; length: number }> = [];

  constructor(doc: string, groups: Array<Array<[number, number]>>) {
    const parts: string[] = [];
    let length = 0;
    const add = (part: string): void => {
      parts.push(part);
      length += part.length;
    };
    for (const ranges of groups) {
      let first = true;
      for (const [s, e] of ranges) {
        if (e <= s) continue;
        const prev = this.at[this.at.length - 1];
        if (prev && !first && prev.doc + prev.length === s) {
          prev.length += e - s;
          add(doc.slice(s, e));
          continue;
        }
        if (prev) {
          // A piece ends with its line break, unless it ends the document.
          const eol = /[\r\n]$/.test(parts[parts.length - 1]) ? '' : '\n';
          add(eol + (first ? '\n***\n\n' : '\n'));
        }
        first = false;
        this.at.push({ text: length, doc: s, length: e - s });
        add(doc.slice(s, e));
      }
    }
    this.text = parts.join('');
  }

  get empty(): boolean {
    return this.at.length === 0;
  }

  /** The document offset of an offset in `text` (one between pieces maps to the end of the piece before). */
  toDoc(offset: number): number {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid].text <= offset) lo = mid;
      else hi = mid - 1;
    }
    const p = this.at[lo];
    return p.doc + Math.min(Math.max(offset - p.text, 0), p.length);
  }
}
