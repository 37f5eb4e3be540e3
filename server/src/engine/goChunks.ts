/**
 * Cuts a Go file into its top-level declarations without parsing it, so the Go analyzer can hand
 * tree-sitter only the declarations that may hold a term (web-tree-sitter parses real Go at about
 * 6.6 MB/s here; this cut runs at lexer speed). A declaration starts on a line that begins, at
 * column 0 and outside any bracket, string or comment, with func/type/var/const/import, together
 * with the comment lines right above it. Raw strings (backticks), interpreted strings, runes and
 * block comments are skipped, so `func` at the start of a line inside a SQL or template string
 * never splits. Code that is not gofmt'ed only yields coarser chunks; text the lexer cannot
 * follow (an unterminated string or bracket) is one chunk.
 */

export interface Chunk {
  /** Offsets into the text (UTF-16 code units), whole lines: [start, end). */
  start: number;
  end: number;
}

export interface Declaration extends Chunk {
  /** The keyword that opens it; 'header' for the text before the first declaration (package clause). */
  kind: 'header' | 'func' | 'type' | 'var' | 'const' | 'import';
}

const KEYWORD = /^(func|type|var|const|import)[\s(]/;
const NL = 10;
const CR = 13;

/**
 * The last text cut: the analyzer and the mixed-contract scan both cut the same document, and in
 * the editor each keystroke changes a few characters of it, so the next cut lexes only from the
 * declaration before the change to the first declaration after it that starts where it did
 * (measured on a 10,000-line file: 1.7 ms for a whole cut, about 0.1 ms for such a re-cut).
 */
let last: { text: string; lexed: Lexed | null; cut: readonly Readonly<Declaration>[] } | undefined;

/** Every top-level declaration, in order; together they tile the whole text. Shared: do not modify. */
export function topLevelDeclarations(text: string): readonly Readonly<Declaration>[] {
  if (last?.text !== text) {
    const lexed = last?.lexed ? relex(last.text, last.lexed, text) : lex(text, 0);
    last = { text, lexed, cut: cutAt(text, lexed) };
  }
  return last.cut;
}

/** The cut without the memory of the last text (what the incremental cut must always equal). */
export function cutWhole(text: string): Declaration[] {
  return cutAt(text, lex(text, 0));
}

function cutAt(text: string, lexed: Lexed | null): Declaration[] {
  if (!lexed) return text.length ? [{ start: 0, end: text.length, kind: 'header' }] : [];
  const commentLines = new Set(lexed.commentLines);
  const out: Declaration[] = [];
  let prev = 0;
  let kind: Declaration['kind'] = 'header';
  for (const s of lexed.starts) {
    const at = withLeadingComments(text, s.offset, commentLines);
    if (at > prev) out.push({ start: prev, end: at, kind });
    prev = at;
    kind = s.kind;
  }
  if (text.length > prev) out.push({ start: prev, end: text.length, kind });
  return out;
}

/** How many leading code units two texts share (compared a block at a time, natively). */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const BLOCK = 4096;
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many trailing code units two texts share, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  const BLOCK = 4096;
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * The lex of `text` from the lex of `prev`: the lexer's state at a declaration start is always the
 * same (depth 0, outside strings and comments), so it restarts at the last start wholly before the
 * change and stops at the first start after the change that was a start before too.
 */
function relex(prev: string, old: Lexed, text: string): Lexed | null {
  const p = commonPrefix(prev, text);
  const q = commonSuffix(prev, text, Math.min(prev.length, text.length) - p);
  const delta = text.length - prev.length;
  const changedEnd = text.length - q;
  // A start is read from its line's first 8 characters: those must lie before the change.
  let k = old.starts.length - 1;
  while (k >= 0 && old.starts[k].offset + 8 > p) k--;
  const from = k >= 0 ? old.starts[k].offset : 0;
  const oldStarts = new Set<number>();
  for (const s of old.starts) if (s.offset >= prev.length - q) oldStarts.add(s.offset);
  const mid = lex(text, from, (x) => x >= changedEnd && oldStarts.has(x - delta));
  if (!mid) return null;
  const starts = old.starts.filter((s) => s.offset < from);
  starts.push(...mid.starts);
  const commentLines = old.commentLines.filter((c) => c < from);
  commentLines.push(...mid.commentLines);
  if (mid.stoppedAt !== undefined) {
    const resume = mid.stoppedAt - delta;
    for (const s of old.starts) if (s.offset >= resume) starts.push({ offset: s.offset + delta, kind: s.kind });
    for (const c of old.commentLines) if (c >= resume) commentLines.push(c + delta);
  }
  return { starts, commentLines };
}

/** The declarations (and the header) whose text may hold a term: the only parts worth parsing. */
export function candidateDeclarations(text: string, mayMatch: (text: string) => boolean): Chunk[] {
  const out: Chunk[] = [];
  for (const d of topLevelDeclarations(text)) {
    if (!mayMatch(text.slice(d.start, d.end))) continue;
    const last = out[out.length - 1];
    // Adjacent candidates become one chunk: fewer, larger ranges for the parser.
    if (last && last.end === d.start) last.end = d.end;
    else out.push({ start: d.start, end: d.end });
  }
  return out;
}

interface Lexed {
  starts: { offset: number; kind: Declaration['kind'] }[];
  /** Offsets of lines that are a // comment from column 0 (doc comments are made of these), in order. */
  commentLines: number[];
  /** Where `stop` said to stop (a declaration start that is not in `starts`). */
  stoppedAt?: number;
}

/**
 * Offsets of lines that open a top-level declaration (and of column-0 comment lines) from `from`
 * (a line start outside any bracket, string or comment), or null when the lexer loses track (an
 * unterminated raw string or block comment), in which case the file is not cut. Unbalanced
 * brackets heal at the next column-0 `func` or `type`. `stop` may end the lex at a declaration start.
 */
function lex(text: string, from: number, stop?: (offset: number) => boolean): Lexed | null {
  const out: Lexed['starts'] = [];
  const commentLines: number[] = [];
  const n = text.length;
  let depth = 0;
  let i = from;
  let lineStart = true;
  while (i < n) {
    if (lineStart) {
      lineStart = false;
      const c = text.charCodeAt(i);
      // f(unc) t(ype) v(ar) c(onst) i(mport): test the regex only where it can match.
      if (c === 102 || c === 116 || c === 118 || c === 99 || c === 105) {
        const m = KEYWORD.exec(text.slice(i, i + 8));
        // gofmt puts only top-level declarations at column 0, so `func`/`type` there also heals a
        // bracket left open above (code being typed): the editor's file is cut all the same.
        if (m && (depth === 0 || m[1] === 'func' || m[1] === 'type')) {
          if (stop?.(i)) return { starts: out, commentLines, stoppedAt: i };
          depth = 0;
          out.push({ offset: i, kind: m[1] as Declaration['kind'] });
        }
      }
    }
    const c = text.charCodeAt(i);
    switch (c) {
      case NL:
      case CR: // a lone CR ends a line too (LSP counts it; mixed endings happen)
        lineStart = true;
        i++;
        break;
      case 0x7b: // {
      case 0x28: // (
      case 0x5b: // [
        depth++;
        i++;
        break;
      case 0x7d: // }
      case 0x29: // )
      case 0x5d: // ]
        // A stray closer (code being typed) is forgiven rather than losing the whole cut.
        depth = Math.max(0, depth - 1);
        i++;
        break;
      case 0x60: {
        // Raw string: no escapes, may span lines.
        const close = text.indexOf('`', i + 1);
        if (close < 0) return null;
        i = close + 1;
        break;
      }
      case 0x22: // "
      case 0x27: // '
        i = skipQuoted(text, i, c);
        break;
      case 0x2f: {
        // /
        const next = text.charCodeAt(i + 1);
        if (next === 0x2f) {
          if (i === 0 || text.charCodeAt(i - 1) === NL || text.charCodeAt(i - 1) === CR) commentLines.push(i);
          let eol = i;
          while (eol < n && text.charCodeAt(eol) !== NL && text.charCodeAt(eol) !== CR) eol++;
          i = eol;
        } else if (next === 0x2a) {
          const close = text.indexOf('*/', i + 2);
          if (close < 0) return null;
          i = close + 2;
        } else i++;
        break;
      }
      default:
        i++;
    }
  }
  // An unclosed bracket at the end is the last declaration still being typed.
  return { starts: out, commentLines };
}

/** Past an interpreted string or rune; a newline ends it too (broken code stays line-local). */
function skipQuoted(text: string, i: number, quote: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j += 2;
    else if (c === quote) return j + 1;
    else if (c === NL) return j;
    else j++;
  }
  return n;
}

/** Moves a declaration's start up over the comment lines directly above it (its doc comment). */
function withLeadingComments(text: string, offset: number, commentLines: Set<number>): number {
  let at = offset;
  while (at > 0) {
    // The line above ends with the newline at at-1 (lastIndexOf clamps a negative start to 0).
    const prevStart = at >= 2 ? text.lastIndexOf('\n', at - 2) + 1 : 0;
    if (prevStart >= at || !commentLines.has(prevStart)) break;
    at = prevStart;
  }
  return at;
}
