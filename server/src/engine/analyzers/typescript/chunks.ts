/**
 * Cuts TypeScript/TSX/JavaScript into top-level statements without parsing it, so the analyzer
 * hands tree-sitter only the statements that may hold a term (parsing and node access dominate
 * its cost; this runs at lexer speed). The lexer works on tokens, not lines, so a minified
 * one-line bundle is cut too. It follows strings, template literals (with nested `${}`),
 * comments, regex literals and JSX; where it is unsure it does not cut, so a statement is never
 * split but several may share a chunk. Once it loses track (an unterminated template literal,
 * pathological nesting) the rest of the text is one chunk.
 *
 * A cut goes before a token at bracket depth 0 when the statement before has surely ended: after
 * `;` or `}` (unless the token continues it: `else`, `catch`, `as` …), or on a new line before a
 * declaration keyword (`export`, `const`, `class` …) that automatic semicolon insertion separates.
 * Comment lines directly above a statement (no blank line between) go with it; a comment on the
 * line where the previous statement ends stays with that statement.
 */

export interface Statement {
  /** [start, end) offsets in UTF-16 code units; statements tile the whole text. */
  start: number;
  end: number;
  /** Names a top-level `const`/`let`/`var` statement declares (the only context other statements read). */
  declares?: string[];
}

/** Words that cannot start a new statement after `;` or `}`: they continue the one before. */
const CONTINUES = new Set(['from', 'else', 'catch', 'finally', 'while', 'as', 'satisfies', 'in', 'instanceof', 'of', 'extends', 'implements', 'is', 'keyof']);
/** Words that start a declaration; on a new line, ASI ends the statement before them. */
const DECLARATIONS = new Set(['export', 'import', 'const', 'let', 'var', 'function', 'class', 'interface', 'type', 'enum', 'declare', 'namespace', 'module', 'abstract', 'async']);
/** Words after which a statement goes on (`export default\nclass`, `return\nx` is ASI'd but rare at top level). */
const OPEN_ENDED = new Set([
  ...DECLARATIONS,
  ...CONTINUES,
  'default',
  'new',
  'typeof',
  'void',
  'delete',
  'await',
  'yield',
  'throw',
  'return',
  'case',
  'do',
  'readonly',
  'unique',
  'infer',
  'asserts',
  'from',
  'static',
  'public',
  'private',
  'protected',
  'override',
  'get',
  'set',
  'accessor',
]);
/** Words after which `/` starts a regex and `<` may open JSX. */
const EXPRESSION_BEFORE = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'default', 'extends']);

const MAX_NESTING = 256;
const NL = 10;

type Prev = 'start' | 'word' | 'literal' | 'close' | 'brace' | 'semicolon' | 'punct';

/** Thrown when the lexer loses track. Not an Error: no stack to capture, and a failed JSX attempt is common. */
class Lost {}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

class Cutter {
  readonly cuts: number[] = [0];
  private readonly n: number;
  /** Characters scanned by regex and JSX attempts that failed (see waste). */
  private wasted = 0;

  constructor(
    private readonly text: string,
    private readonly jsx: boolean,
  ) {
    this.n = text.length;
  }

  /** Scans code from i; nested code ends after its closing `}` (returned), top-level code at the end. */
  code(i: number, nested: number): number {
    if (nested > MAX_NESTING) throw new Lost();
    const t = this.text;
    const n = this.n;
    const top = nested === 0;
    let depth = 0;
    let prev: Prev = 'start';
    // The previous token when it is a word, as offsets (sliced only when needed).
    let pw = 0;
    let pwEnd = 0;
    let newline = false;
    // Top level only: where the current run of comment lines above the next token begins.
    let lineStart = i;
    let lineHasToken = false;
    let commentRun = -1;
    let linesSinceComment = 0;
    let decorators = false;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === NL) {
        newline = true;
        lineHasToken = false;
        lineStart = i + 1;
        linesSinceComment++;
        i++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xfeff || c === 0xa0) {
        i++;
        continue;
      }
      const next = t.charCodeAt(i + 1);
      if (c === 0x2f && (next === 0x2f || next === 0x2a)) {
        const end = next === 0x2f ? this.lineEnd(i) : this.blockCommentEnd(i);
        if (top && depth === 0 && !lineHasToken) {
          if (commentRun < 0 || linesSinceComment > 1) commentRun = lineStart;
          for (let k = i; k < end; k++) if (t.charCodeAt(k) === NL) lineStart = k + 1;
          linesSinceComment = 0;
        }
        if (next === 0x2a) for (let k = i; k < end; k++) if (t.charCodeAt(k) === NL) newline = true;
        lineHasToken = true;
        i = end;
        continue;
      }
      // A significant token: first decide whether a statement starts here.
      if (top && depth === 0) {
        const word = isIdentStart(c) ? this.word(i) : c === 0x40 ? '@' : '';
        if (decorators) {
          // `@a() @b()\nexport class X`: decorators belong to the class that follows.
          if (word === 'class' || word === 'export' || word === 'abstract') decorators = false;
        } else if (word && prev !== 'start' && this.startsStatement(word, prev, this.text.slice(pw, pwEnd), newline)) {
          const at = commentRun >= 0 && linesSinceComment <= 1 ? commentRun : lineHasToken ? i : lineStart;
          if (at > this.cuts[this.cuts.length - 1]) this.cuts.push(at);
        }
        if (word === '@') decorators = true;
      }
      commentRun = -1;
      lineHasToken = true;
      newline = false;
      if (isIdentStart(c)) {
        pw = i;
        pwEnd = i = this.wordEnd(i);
        prev = 'word';
        continue;
      }
      switch (c) {
        case 0x27: // '
        case 0x22: // "
          i = this.stringEnd(i, c);
          prev = 'literal';
          break;
        case 0x60: // `
          i = this.templateEnd(i, nested);
          prev = 'literal';
          break;
        case 0x7b: // {
        case 0x28: // (
        case 0x5b: // [
          depth++;
          prev = 'punct';
          i++;
          break;
        case 0x7d: // }
          if (depth === 0 && !top) return i + 1;
          depth = Math.max(0, depth - 1);
          prev = 'brace';
          i++;
          break;
        case 0x29: // )
        case 0x5d: // ]
          depth = Math.max(0, depth - 1);
          prev = 'close';
          i++;
          break;
        case 0x3b: // ;
          prev = 'semicolon';
          i++;
          break;
        case 0x2f: {
          // `/`: a regex where an expression may start, else division.
          const end: number = this.expressionMayStart(prev, t, pw, pwEnd) ? this.regexEnd(i) : -1;
          prev = end > 0 ? 'literal' : 'punct';
          i = end > 0 ? end : i + 1;
          break;
        }
        case 0x3c: {
          // `<`: JSX where an expression may start (TSX/JSX only), else an operator or type arguments.
          const end: number = this.jsx && this.expressionMayStart(prev, t, pw, pwEnd) ? this.jsxAttempt(i, nested) : -1;
          prev = end > 0 ? 'literal' : 'punct';
          i = end > 0 ? end : i + 1;
          break;
        }
        default:
          if (c >= 48 && c <= 57) {
            i = this.wordEnd(i);
            prev = 'literal';
          } else {
            // `++`/`--` end an expression (`x++\nfoo`); other operators continue it.
            prev = (c === 0x2b || c === 0x2d) && next === c ? 'close' : 'punct';
            i += prev === 'close' ? 2 : 1;
          }
      }
    }
    if (!top) throw new Lost();
    return n;
  }

  private startsStatement(word: string, prev: Prev, prevWord: string, newline: boolean): boolean {
    if (prev === 'semicolon' || prev === 'brace') return !CONTINUES.has(word);
    if (!newline || !(DECLARATIONS.has(word) || word === '@')) return false;
    if (prev === 'word') return !OPEN_ENDED.has(prevWord);
    if (prev === 'literal') return true;
    // `if (x)\nfunction f() {}` is the if's body; a lexical declaration or class cannot be.
    if (prev === 'close') return word !== 'function' && word !== 'async';
    return false;
  }

  private expressionMayStart(prev: Prev, t: string, pw: number, pwEnd: number): boolean {
    if (prev === 'word') return EXPRESSION_BEFORE.has(t.slice(pw, pwEnd));
    return prev !== 'literal' && prev !== 'close';
  }

  private word(i: number): string {
    return this.text.slice(i, this.wordEnd(i));
  }

  private wordEnd(i: number): number {
    let j = i + 1;
    while (j < this.n && isIdentPart(this.text.charCodeAt(j))) j++;
    return j;
  }

  private lineEnd(i: number): number {
    const e = this.text.indexOf('\n', i);
    return e < 0 ? this.n : e;
  }

  private blockCommentEnd(i: number): number {
    const e = this.text.indexOf('*/', i + 2);
    return e < 0 ? this.n : e + 2;
  }

  /** Past a quoted string; an unescaped newline ends it too (broken code stays line-local). */
  private stringEnd(i: number, quote: number): number {
    const t = this.text;
    for (let j = i + 1; j < this.n; j++) {
      const c = t.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === quote) return j + 1;
      else if (c === NL) return j;
    }
    return this.n;
  }

  private templateEnd(i: number, nested: number): number {
    const t = this.text;
    for (let j = i + 1; j < this.n; j++) {
      const c = t.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === 0x60) return j + 1;
      else if (c === 0x24 && t.charCodeAt(j + 1) === 0x7b) j = this.code(j + 2, nested + 1) - 1;
    }
    throw new Lost();
  }

  /** Past a regex literal and its flags, or -1 when there is none on this line (then it is division). */
  private regexEnd(i: number): number {
    const t = this.text;
    let cls = false;
    for (let j = i + 1; j < this.n; j++) {
      const c = t.charCodeAt(j);
      if (c === NL || c === 13) return this.waste(j - i);
      if (c === 0x5c) j++;
      else if (c === 0x5b) cls = true;
      else if (c === 0x5d) cls = false;
      else if (c === 0x2f && !cls) return this.wordEnd(j);
    }
    return this.waste(this.n - i);
  }

  /** Counts a failed regex or JSX attempt; -1. Past twice the text, stop cutting (no quadratic rescans). */
  private waste(scanned: number): -1 {
    this.wasted += scanned;
    if (this.wasted > 2 * this.n + 4096) throw new Lost();
    return -1;
  }

  private jsxAttempt(i: number, nested: number): number {
    try {
      return this.element(i, nested + 1);
    } catch (e) {
      if (!(e instanceof NotJsx)) throw e;
      return this.waste(e.at - i);
    }
  }

  /** Past a JSX element or fragment starting at `<`; NotJsx when it is not one. */
  private element(i: number, nested: number): number {
    if (nested > MAX_NESTING) throw new Lost();
    const t = this.text;
    let j = this.skipSpace(i + 1);
    if (t.charCodeAt(j) !== 0x3e) {
      if (!isIdentStart(t.charCodeAt(j))) throw new NotJsx(j);
      j = this.jsxNameEnd(j);
      for (;;) {
        j = this.skipSpace(j);
        const c = t.charCodeAt(j);
        if (c === 0x2f && t.charCodeAt(j + 1) === 0x3e) return j + 2;
        if (c === 0x3e) break;
        if (c === 0x7b) j = this.inner(j, nested);
        else if (isIdentStart(c)) {
          j = this.skipSpace(this.jsxNameEnd(j));
          if (t.charCodeAt(j) !== 0x3d) continue;
          j = this.skipSpace(j + 1);
          const v = t.charCodeAt(j);
          if (v === 0x22 || v === 0x27) {
            const close = t.indexOf(String.fromCharCode(v), j + 1);
            if (close < 0) throw new NotJsx(this.n);
            j = close + 1;
          } else if (v === 0x7b) j = this.inner(j, nested);
          else if (v === 0x3c) j = this.element(j, nested + 1);
          else throw new NotJsx(j);
        } else throw new NotJsx(j);
      }
    }
    // Children: text (quotes and slashes mean nothing in it), expressions, elements, the closing tag.
    for (j++; j < this.n; ) {
      const c = t.charCodeAt(j);
      if (c === 0x3c) {
        if (t.charCodeAt(this.skipSpace(j + 1)) === 0x2f) {
          const close = t.indexOf('>', j);
          if (close < 0) throw new NotJsx(this.n);
          return close + 1;
        }
        j = this.element(j, nested + 1);
      } else if (c === 0x7b) j = this.inner(j, nested);
      else j++;
    }
    throw new NotJsx(this.n);
  }

  /** `{…}` inside JSX: code up to its closing brace. */
  private inner(j: number, nested: number): number {
    try {
      return this.code(j + 1, nested + 1);
    } catch (e) {
      if (e instanceof Lost) throw new NotJsx(this.n);
      throw e;
    }
  }

  private jsxNameEnd(j: number): number {
    const t = this.text;
    while (j < this.n) {
      const c = t.charCodeAt(j);
      if (isIdentPart(c) || c === 0x2e || c === 0x3a || c === 0x2d) j++;
      else break;
    }
    return j;
  }

  private skipSpace(j: number): number {
    const t = this.text;
    while (j < this.n) {
      const c = t.charCodeAt(j);
      if (c === 32 || c === 9 || c === NL || c === 13) j++;
      else if (c === 0x2f && t.charCodeAt(j + 1) === 0x2a) j = this.blockCommentEnd(j);
      else break;
    }
    return j;
  }
}

/** Thrown when a `<` does not open JSX after all, with where that became clear. */
class NotJsx {
  constructor(readonly at: number) {}
}

let last: { text: string; jsx: boolean; statements: Statement[] } | undefined;

/** Top-level statements (several may share one), in order, tiling the text. `jsx` for .tsx/.jsx. */
export function topLevelStatements(text: string, jsx: boolean): Statement[] {
  // The analyzer and the contract scan cut the same text one after the other.
  if (last && last.jsx === jsx && last.text === text) return last.statements;
  const statements = cut(text, jsx);
  last = { text, jsx, statements };
  return statements;
}

function cut(text: string, jsx: boolean): Statement[] {
  const cutter = new Cutter(text, jsx);
  try {
    cutter.code(0, 0);
  } catch (e) {
    // Lost track: the cuts made so far stand, the rest is one chunk.
    if (!(e instanceof Lost) && !(e instanceof NotJsx) && !(e instanceof RangeError)) throw e;
  }
  const cuts = cutter.cuts;
  const out: Statement[] = [];
  for (let k = 0; k < cuts.length; k++) {
    const start = cuts[k];
    const end = k + 1 < cuts.length ? cuts[k + 1] : text.length;
    if (end <= start) continue;
    const s: Statement = { start, end };
    const declares = declaredNames(text, start, end);
    if (declares) s.declares = declares;
    out.push(s);
  }
  return out;
}

const DECLARATION_KEYWORD = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)?/y;

/** Past whitespace and comments (a plain loop: a regex over runs of slashes backtracks exponentially). */
function skipTrivia(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? end : e;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? end : e + 2;
    } else break;
  }
  return i;
}

/** The names a `const`/`let`/`var` statement declares: the first and those after a top-level comma. */
function declaredNames(text: string, start: number, end: number): string[] | undefined {
  DECLARATION_KEYWORD.lastIndex = skipTrivia(text, start, end);
  const m = DECLARATION_KEYWORD.exec(text);
  if (!m || m.index + m[0].length > end) return undefined;
  const names = m[1] ? [m[1]] : [];
  // Later declarators (`const a = 1, b = 2`): a name after a comma at depth 0. Approximate (strings
  // are not skipped): an extra name only adds a little context to a parse.
  let depth = 0;
  for (let i = m.index + m[0].length; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x28 || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x29 || c === 0x5d) depth = Math.max(0, depth - 1);
    else if (c === 0x2c && depth === 0) {
      const w = /\s*([A-Za-z_$][\w$]*)/y;
      w.lastIndex = i + 1;
      const n = w.exec(text);
      if (n) names.push(n[1]);
    } else if (c === 0x3b && depth === 0) break;
  }
  return names;
}
