/**
 * A tolerant SQL lexer for SQLite and Postgres (and the MySQL quoting people paste into Go strings).
 * It never throws: unterminated strings, quoted names and comments run to the end of the input, and
 * any character it does not know becomes a one-character operator token.
 */

export type SqlTokenKind =
  | 'word' // bare identifier or keyword
  | 'qident' // "quoted", `backquoted` or [bracketed] identifier
  | 'string' // 'literal', E'escaped'
  | 'dollar' // $$body$$ or $tag$body$tag$
  | 'comment' // -- line or /* block */
  | 'number'
  | 'param' // ?, ?1, $1, :name, @name, $name
  | 'punct' // ( ) , ; . =
  | 'op';

export interface SqlToken {
  kind: SqlTokenKind;
  start: number;
  end: number;
  /** The content span: the name inside quotes, a string's or comment's text, a dollar body. */
  inStart: number;
  inEnd: number;
  /** Upper-cased text for words, the character for punctuation; empty otherwise. */
  upper: string;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const NON_ASCII_LETTER = /[\p{L}\p{M}\p{Nd}]/u;
const isIdentStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 0x80 && NON_ASCII_LETTER.test(String.fromCharCode(c)));
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: number): boolean => c <= 32 || c === 0xfeff || c === 0xa0 || c === 0x85 || c === 0x2028 || c === 0x2029;

/**
 * The end of a quoted run that doubles its quote to escape it ('it''s', "a""b"): the input end if
 * unterminated, or -1 when `oneLine` and the line ends first.
 */
function quotedEnd(text: string, from: number, quote: string, backslash: boolean, oneLine = false): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (oneLine && (ch === '\n' || ch === '\r')) return -1;
    if (backslash && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i;
    }
    i++;
  }
  return text.length;
}

const DOLLAR_TAG = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;
const BRACKET_NAME = /\[([^\]\r\n]*)\]/y;

type Sink = (kind: SqlTokenKind, start: number, end: number, inStart: number, inEnd: number) => void;

/**
 * The scanner behind both entry points: reports every token of text[from, to) to the sink without
 * allocating anything itself, so the statement splitter can run over a whole file cheaply.
 */
function scan(text: string, from: number, to: number, sink: Sink): void {
  const n = to;
  let i = from;
  // What the previous token was, for E'…' strings and [name] versus a subscript.
  let prevKind: SqlTokenKind | null = null;
  let prevEnd = -1;
  let prevIsE = false;
  let prevCloses = false;
  const emit = (kind: SqlTokenKind, start: number, end: number, inStart = start, inEnd = end): void => {
    sink(kind, start, end, inStart, inEnd);
    if (kind === 'comment') return;
    prevKind = kind;
    prevEnd = end;
    prevIsE = kind === 'word' && end - start === 1 && (text[start] === 'E' || text[start] === 'e');
    prevCloses = kind === 'punct' && text[start] === ')';
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const ch = text[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '-' && text[i + 1] === '-') {
      let e = i + 2;
      while (e < n && text[e] !== '\n' && text[e] !== '\r') e++;
      emit('comment', start, e, start + 2, e);
      i = e;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      // SQLite does not nest block comments; Postgres does, but nesting is rare and the
      // non-nesting reading keeps a stray "/*" inside a comment from swallowing the file.
      const close = text.indexOf('*/', i + 2);
      const shut = close >= 0 && close + 2 <= n;
      const e = shut ? close + 2 : n;
      emit('comment', start, e, start + 2, shut ? close : n);
      i = e;
      continue;
    }
    if (ch === "'") {
      const escaped = prevIsE && prevEnd === start;
      const close = Math.min(quotedEnd(text, i + 1, "'", escaped), n);
      emit('string', start, Math.min(close + 1, n), start + 1, close);
      i = close + 1;
      continue;
    }
    if (ch === '"' || ch === '`') {
      // A quoted name never spans lines; a stray quote (an escaped one in a Go string) is an operator.
      const close = quotedEnd(text, i + 1, ch, false, true);
      if (close < 0 || close >= n) {
        emit('op', start, i + 1);
        i++;
      } else {
        emit('qident', start, close + 1, start + 1, close);
        i = close + 1;
      }
      continue;
    }
    if (ch === '[' && !(prevKind === 'word' || prevKind === 'qident' || prevCloses)) {
      // [name] is an identifier in SQLite and SQL Server; after a value it is a Postgres subscript.
      BRACKET_NAME.lastIndex = i;
      const hit = BRACKET_NAME.exec(text);
      if (hit && i + hit[0].length <= n) {
        emit('qident', start, i + hit[0].length, start + 1, i + hit[0].length - 1);
        i += hit[0].length;
        continue;
      }
    }
    if (ch === '$') {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(text);
      if (tag && i + tag[0].length <= n) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        const shut = close >= 0 && close + tag[0].length <= n;
        const e = shut ? close + tag[0].length : n;
        emit('dollar', start, e, i + tag[0].length, shut ? close : n);
        i = e;
        continue;
      }
    }
    if ((ch === '$' || ch === '?' || ch === ':' || ch === '@') && i + 1 < n && isIdentPart(text.charCodeAt(i + 1)) && !(ch === ':' && text[i - 1] === ':')) {
      let e = i + 1;
      while (e < n && isIdentPart(text.charCodeAt(e))) e++;
      emit('param', start, e, start + 1, e);
      i = e;
      continue;
    }
    if (ch === '?') {
      emit('param', start, i + 1);
      i++;
      continue;
    }
    if (isIdentStart(c)) {
      let e = i + 1;
      while (e < n && isIdentPart(text.charCodeAt(e))) e++;
      emit('word', start, e);
      i = e;
      continue;
    }
    if (isDigit(c) || (ch === '.' && isDigit(text.charCodeAt(i + 1)))) {
      let e = i + 1;
      while (e < n && (isIdentPart(text.charCodeAt(e)) || text[e] === '.')) e++;
      emit('number', start, e);
      i = e;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === ';' || ch === '.' || ch === '=') {
      emit('punct', start, i + 1);
      i++;
      continue;
    }
    emit('op', start, i + 1);
    i++;
  }
}

/** Keywords are few; caching their upper-case form saves two string allocations per word. */
const upperCache = new Map<string, string>();
function upperOf(word: string): string {
  let u = upperCache.get(word);
  if (u === undefined) {
    if (upperCache.size > 50_000) upperCache.clear();
    u = word.toUpperCase();
    upperCache.set(word, u);
  }
  return u;
}

/** The tokens of text[from, to). */
export function lexSql(text: string, from = 0, to = text.length): SqlToken[] {
  const out: SqlToken[] = [];
  scan(text, from, to, (kind, start, end, inStart, inEnd) => {
    const upper = kind === 'word' ? upperOf(text.slice(start, end)) : kind === 'punct' ? text[start] : '';
    out.push({ kind, start, end, inStart, inEnd, upper });
  });
  return out;
}

/** The statements of the text as [start, end) offsets, split at top-level semicolons (not included). */
export function statementRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  scan(text, 0, text.length, (kind, start, end) => {
    if (kind === 'punct' && text[start] === ';') {
      out.push([from, start]);
      from = end;
    }
  });
  if (from < text.length) out.push([from, text.length]);
  return out;
}
