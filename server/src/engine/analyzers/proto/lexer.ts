/**
 * A tolerant protobuf lexer (proto2, proto3, editions). It never throws: an unterminated block
 * comment runs to the end of the input, an unterminated string to the end of its line, and an
 * unknown character becomes a one-character punctuation token.
 */

export type ProtoTokenKind = 'ident' | 'string' | 'comment' | 'number' | 'punct';

export interface ProtoToken {
  kind: ProtoTokenKind;
  start: number;
  end: number;
  /** The content span: a string's or comment's text. */
  inStart: number;
  inEnd: number;
  /** The text for identifiers and punctuation. */
  text: string;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);

type Sink = (kind: ProtoTokenKind, start: number, end: number, inStart: number, inEnd: number) => void;

/** Reports every token of text[from, to) to the sink, allocating nothing itself. */
function scan(text: string, from: number, to: number, sink: Sink): void {
  const n = to;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const ch = text[i];
    const start = i;
    if (c <= 32 || c === 0xfeff || c === 0xa0 || c === 0x85 || c === 0x2028 || c === 0x2029) {
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      let e = i + 2;
      while (e < n && text[e] !== '\n' && text[e] !== '\r') e++;
      sink('comment', start, e, start + 2, e);
      i = e;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const shut = close >= 0 && close + 2 <= n;
      const e = shut ? close + 2 : n;
      sink('comment', start, e, start + 2, shut ? close : n);
      i = e;
    } else if (ch === '"' || ch === "'") {
      let e = i + 1;
      while (e < n && text[e] !== ch && text[e] !== '\n' && text[e] !== '\r') e += text[e] === '\\' && e + 1 < n && text[e + 1] !== '\n' ? 2 : 1;
      const closed = e < n && text[e] === ch;
      sink('string', start, closed ? e + 1 : e, start + 1, Math.min(e, n));
      i = closed ? e + 1 : e;
    } else if (isIdentStart(c)) {
      let e = i + 1;
      while (e < n && isIdentPart(text.charCodeAt(e))) e++;
      sink('ident', start, e, start, e);
      i = e;
    } else if (isDigit(c)) {
      let e = i + 1;
      while (e < n && (isIdentPart(text.charCodeAt(e)) || text[e] === '.')) e++;
      sink('number', start, e, start, e);
      i = e;
    } else {
      sink('punct', start, i + 1, start, i + 1);
      i++;
    }
  }
}

/** The tokens of text[from, to). */
export function lexProto(text: string, from = 0, to = text.length): ProtoToken[] {
  const out: ProtoToken[] = [];
  scan(text, from, to, (kind, start, end, inStart, inEnd) => {
    out.push({ kind, start, end, inStart, inEnd, text: kind === 'ident' || kind === 'punct' ? text.slice(start, end) : '' });
  });
  return out;
}

/**
 * The top-level declarations as [start, end) offsets: each runs from the end of the previous one
 * (so it holds its leading comments) to its `;` or the `}` that closes its block.
 */
export function topLevelRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let depth = 0;
  scan(text, 0, text.length, (kind, start, end) => {
    if (kind !== 'punct') return;
    const ch = text[start];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    if ((ch === ';' || ch === '}') && depth === 0) {
      out.push([from, end]);
      from = end;
    }
  });
  if (from < text.length) out.push([from, text.length]);
  return out;
}
