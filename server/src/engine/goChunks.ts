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

/** Every top-level declaration, in order; together they tile the whole text. */
export function topLevelDeclarations(text: string): Declaration[] {
  const lexed = lex(text);
  if (!lexed) return text.length ? [{ start: 0, end: text.length, kind: 'header' }] : [];
  const out: Declaration[] = [];
  let prev = 0;
  let kind: Declaration['kind'] = 'header';
  for (const s of lexed.starts) {
    const at = withLeadingComments(text, s.offset, lexed.commentLines);
    if (at > prev) out.push({ start: prev, end: at, kind });
    prev = at;
    kind = s.kind;
  }
  if (text.length > prev) out.push({ start: prev, end: text.length, kind });
  return out;
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

/**
 * Offsets of lines that open a top-level declaration (and of column-0 comment lines), or null when
 * the lexer loses track (an unterminated raw string or block comment), in which case the file is
 * not cut. Unbalanced brackets heal at the next column-0 `func` or `type`.
 */
function lex(text: string): { starts: { offset: number; kind: Declaration['kind'] }[]; commentLines: Set<number> } | null {
  const out: { offset: number; kind: Declaration['kind'] }[] = [];
  /** Offsets of lines that are a // comment from column 0 (doc comments are made of these). */
  const commentLines = new Set<number>();
  const n = text.length;
  let depth = 0;
  let i = 0;
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
          if (i === 0 || text.charCodeAt(i - 1) === NL || text.charCodeAt(i - 1) === CR) commentLines.add(i);
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
