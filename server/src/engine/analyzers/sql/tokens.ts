/**
 * A view over one statement's tokens with the small questions the statement reader asks: is this an
 * identifier, a keyword, a dotted name; where does this parenthesis close; what are the top-level
 * comma-separated parts of a range.
 */
import { RESERVED } from './keywords';
import type { SqlToken } from './lexer';

export interface Name {
  /** Token indices of the dotted parts: schema.table → [schema, table]. */
  parts: number[];
  text: string;
  last: string;
  next: number;
}

export class SqlTokens {
  /** For every "(" the index of its ")" (or the token count when unbalanced); -1 elsewhere. */
  protected readonly close: number[];

  constructor(
    protected readonly text: string,
    protected readonly t: SqlToken[],
  ) {
    this.close = matchParens(t);
  }

  protected isIdent(i: number): boolean {
    const k = this.t[i]?.kind;
    return k === 'word' || k === 'qident';
  }

  /** :run_id, @run_id, $run_id: bind parameters named after the column they fill. */
  protected isNamedParam(i: number): boolean {
    const tok = this.t[i];
    return !!tok && tok.kind === 'param' && tok.inEnd > tok.inStart && !/^\d+$/.test(this.name(i));
  }

  /** An identifier that is not a reserved word (so it can be a table name or an alias). */
  protected isName(i: number): boolean {
    return this.t[i]?.kind === 'qident' || (this.t[i]?.kind === 'word' && !RESERVED.has(this.t[i].upper));
  }

  protected kw(i: number, ...words: string[]): boolean {
    const tok = this.t[i];
    return !!tok && tok.kind === 'word' && words.includes(tok.upper);
  }

  protected punct(i: number, ch: string): boolean {
    const tok = this.t[i];
    return !!tok && tok.kind === 'punct' && tok.upper === ch;
  }

  protected name(i: number): string {
    const tok = this.t[i];
    return this.text.slice(tok.inStart, tok.inEnd);
  }

  protected skip(i: number, words: string[]): number {
    while (this.kw(i, ...words)) i++;
    return i;
  }

  /** A dotted name starting at i (schema.table, t.column); null when i is not an identifier. */
  protected dotted(i: number): Name | null {
    if (!this.isIdent(i)) return null;
    const parts = [i];
    let j = i + 1;
    while (this.punct(j, '.') && this.isIdent(j + 1)) {
      parts.push(j + 1);
      j += 2;
    }
    const names = parts.map((p) => this.name(p));
    return { parts, text: names.join('.'), last: names[names.length - 1], next: j };
  }

  /** Top-level comma-separated ranges of [from, to), skipping over parentheses. */
  protected commaList(from: number, to: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let a = from;
    for (let i = from; i < to; i++) {
      if (this.punct(i, '(')) i = Math.min(this.close[i], to);
      else if (this.punct(i, ',')) {
        out.push([a, i]);
        a = i + 1;
      }
    }
    out.push([a, to]);
    return out;
  }

  /** The first index in [from, to) outside parentheses holding one of the words; `to` when none. */
  protected until(from: number, to: number, words: string[]): number {
    for (let i = from; i < to; i++) {
      if (this.punct(i, '(')) i = Math.min(this.close[i], to);
      else if (this.kw(i, ...words)) return i;
    }
    return to;
  }

  /** The column named by [a, b) when it is just a (qualified) name: `run_id`, `t.run_id`; else -1. */
  protected soleIdent(a: number, b: number): number {
    let k = a;
    while (k + 2 < b && this.isIdent(k) && this.punct(k + 1, '.')) k += 2;
    return k === b - 1 && this.isIdent(k) ? k : -1;
  }
}

/** For every "(" the index of its ")" (or the last token when unbalanced); -1 elsewhere. */
function matchParens(t: SqlToken[]): number[] {
  const close = new Array<number>(t.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i].kind !== 'punct') continue;
    if (t[i].upper === '(') stack.push(i);
    else if (t[i].upper === ')' && stack.length) close[stack.pop()!] = i;
  }
  for (const open of stack) close[open] = t.length;
  return close;
}
