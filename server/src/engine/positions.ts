/** Offset ↔ LSP position (0-based line, UTF-16 character). JS strings are UTF-16, so offsets are code units. */
import type { Position } from './types';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    if (text.indexOf('\r') < 0) {
      // No CR at all (most files): indexOf runs natively, far faster than a loop per character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /**
   * The index of `text`, which is the previous text with [p, oldEnd) replaced by [p, newEnd): the
   * line starts outside the edit are moved, not found again. The caller makes sure no CR sits
   * next to the edit (a CRLF split or joined there would change a line break outside it).
   */
  afterEdit(text: string, p: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const starts: number[] = [];
    let i = 0;
    for (; i < this.starts.length && this.starts[i] <= p; i++) starts.push(this.starts[i]);
    for (let k = p; k < newEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) starts.push(k + 1);
    }
    for (; i < this.starts.length; i++) if (this.starts[i] > oldEnd) starts.push(this.starts[i] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}
