/**
 * Protobuf analyzer. Reads message / enum / service / oneof / extend scopes with nesting, so a field
 * of a planning message (PlanningRun.run_id, or a message nested inside one) is the planning domain.
 * Fields, enum values, oneofs → proto-field; message, enum and type names → type; rpc names →
 * function; `reserved "run_id";` → migration reference. A field marked `[deprecated = true]` is still
 * the legacy name on the wire and is flagged. Comments and strings go to the word scanner.
 */
import type { Analyzer, AnalyzerContext } from '../analyzer';
import { scanWords, type ScanOptions } from '../scan';
import type { Candidate, ContextKind } from '../types';
import { lexProto, topLevelRanges, type ProtoToken } from './proto/lexer';

interface Scope {
  kind: string;
  domain?: string;
}

const LABELS = new Set(['repeated', 'optional', 'required', 'map', 'stream', 'group']);
const OPEN = new Set(['(', '[', '<']);
const CLOSE = new Set([')', ']', '>']);

class ProtoReader {
  private readonly out: Candidate[] = [];
  private readonly t: ProtoToken[];
  private readonly stack: Scope[] = [{ kind: 'file' }];

  constructor(
    private readonly text: string,
    private readonly ctx: AnalyzerContext,
  ) {
    // package larkspur.planning.v1; is the outermost scope, as Go's package clause is.
    const pkg = /^[ \t]*package[ \t]+([\w.]+)[ \t]*;/m.exec(text);
    if (pkg) this.stack[0].domain = ctx.domainOf(pkg[1].replace(/\./g, ' '));
    // Only top-level declarations that may hold a term are tokenized; scopes never cross them.
    this.t = [];
    for (const [from, to] of topLevelRanges(text)) {
      if (ctx.rules.mayMatch(text.slice(from, to))) for (const tok of lexProto(text, from, to)) this.t.push(tok);
    }
  }

  read(): Candidate[] {
    let i = 0;
    while (i < this.t.length) {
      const tok = this.t[i];
      if (tok.kind === 'comment') this.comment(tok);
      else if (this.isPunct(i, '}')) {
        if (this.stack.length > 1) this.stack.pop();
      } else if (!this.isPunct(i, ';')) {
        i = this.statement(i);
        continue;
      }
      i++;
    }
    return this.out;
  }

  private get scope(): Scope {
    return this.stack[this.stack.length - 1];
  }

  private isPunct(i: number, ch: string): boolean {
    const tok = this.t[i];
    return !!tok && tok.kind === 'punct' && tok.text === ch;
  }

  /** Collects one statement (to `;`, to a block's `{`, or to a stray `}`), reads it, and returns where the next one starts. */
  private statement(first: number): number {
    const code: number[] = [];
    let depth = 0;
    let j = first;
    let ender: '{' | ';' | null = null;
    for (; j < this.t.length; j++) {
      const tok = this.t[j];
      if (tok.kind === 'comment') {
        this.comment(tok);
        continue;
      }
      if (tok.kind === 'punct') {
        if (OPEN.has(tok.text)) depth++;
        else if (CLOSE.has(tok.text)) depth = Math.max(0, depth - 1);
        else if (tok.text === '{' && (depth > 0 || this.t[code[0]]?.text === 'option' || this.isPunct(code[code.length - 1], ':') || this.isPunct(code[code.length - 1], '='))) {
          // An option's message value: { run_id: "x" } is data, not a scope.
          j = this.aggregate(j, code);
          continue;
        } else if (depth === 0 && (tok.text === ';' || tok.text === '{')) {
          ender = tok.text;
          break;
        } else if (tok.text === '}' && depth === 0) break;
      }
      code.push(j);
    }
    const scope = this.read1(code, first, ender === ';' ? j : -1);
    if (ender === '{') this.stack.push(scope ?? { kind: 'block', domain: this.scope.domain });
    return ender ? j + 1 : j;
  }

  /** Skips a balanced `{ … }` option value, keeping its tokens in the statement. Returns the index of its `}`. */
  private aggregate(open: number, code: number[]): number {
    let level = 0;
    let j = open;
    for (; j < this.t.length; j++) {
      if (this.isPunct(j, '{')) level++;
      else if (this.isPunct(j, '}') && --level === 0) break;
      else if (this.t[j].kind === 'comment') this.comment(this.t[j]);
      else code.push(j);
    }
    return j;
  }

  /** Reads a statement's tokens; returns the scope a following `{` opens. */
  private read1(code: number[], first: number, semicolon: number): Scope | undefined {
    const scope = this.scope;
    const tok = (k: number): ProtoToken | undefined => this.t[code[k]];
    const head = tok(0)?.text;
    switch (head) {
      case 'message':
      case 'enum':
      case 'service': {
        // A message of a planning package is planning unless its own name shows the session.
        const own = this.nameDomain(tok(1));
        const domain = own ?? (scope.kind === 'file' && tok(1) && this.ctx.hasEvidence(tok(1)!.text) ? undefined : scope.domain);
        this.emit(tok(1), 'type', domain);
        this.rest(code, 2, domain);
        return { kind: head, domain };
      }
      case 'extend': {
        const domain = this.typeDomain(code, 1) ?? scope.domain;
        this.types(code, 1, code.length, domain);
        return { kind: 'message', domain };
      }
      case 'oneof': {
        const domain = scope.domain ?? this.attachedDomain(first, semicolon);
        this.emit(tok(1), 'proto-field', domain);
        return { kind: 'oneof', domain };
      }
      case 'rpc': {
        this.emit(tok(1), 'function', scope.domain);
        // Request and response types are top-level messages: their own names decide.
        this.types(code, 2, code.length, undefined);
        return { kind: 'rpc', domain: scope.domain };
      }
      case 'reserved':
        // reserved "run_id"; keeps the old name from being reused: it names the old name on purpose.
        this.rest(code, 1, scope.domain, true);
        return undefined;
      case 'package':
      case 'syntax':
      case 'edition':
      case 'import':
      case 'option':
      case 'extensions':
        this.rest(code, 1, scope.domain);
        return undefined;
    }
    if (scope.kind === 'service' || scope.kind === 'rpc' || scope.kind === 'file') {
      this.rest(code, 0, scope.domain);
      return undefined;
    }
    return this.field(code, first, semicolon);
  }

  /** `[label] Type name = N [options];`, `map<K, V> name = N;`, an enum value `NAME = N;`, a proto2 group. */
  private field(code: number[], first: number, semicolon: number): Scope | undefined {
    const scope = this.scope;
    let eq = -1;
    for (let k = 0, depth = 0; k < code.length; k++) {
      const tok = this.t[code[k]];
      if (tok.kind !== 'punct') continue;
      if (OPEN.has(tok.text)) depth++;
      else if (CLOSE.has(tok.text)) depth--;
      else if (tok.text === '=' && depth === 0) {
        eq = k;
        break;
      }
    }
    const name = this.t[code[eq - 1]];
    if (eq < 1 || name?.kind !== 'ident') {
      this.rest(code, 0, scope.domain);
      return undefined;
    }
    const domain = scope.domain ?? this.attachedDomain(first, semicolon);
    this.emit(name, 'proto-field', domain);
    if (scope.kind !== 'enum') this.types(code, 0, eq - 1, scope.domain);
    this.options(code, eq + 1, domain);
    // proto2 `repeated group Result = 1 { … }` declares a field and a message at once.
    const group = code.some((k, n) => n < eq && this.t[k].text === 'group');
    return group ? { kind: 'message', domain: this.nameDomain(name) ?? scope.domain } : undefined;
  }

  /** Type references (dotted names) among tokens [from, to), skipping labels and `stream`/`returns`. */
  private types(code: number[], from: number, to: number, scopeDomain: string | undefined): void {
    for (let k = from; k < to; k++) {
      const tok = this.t[code[k]];
      if (tok.kind === 'string') this.scanString(tok, 'string', scopeDomain);
      if (tok.kind !== 'ident' || LABELS.has(tok.text) || tok.text === 'returns') continue;
      this.emit(tok, 'type', this.typeDomain(code, k) ?? scopeDomain);
    }
  }

  /** Field options after the number: `[json_name = "runId", deprecated = true]`. */
  private options(code: number[], from: number, domain: string | undefined): void {
    for (let k = from; k < code.length; k++) {
      const tok = this.t[code[k]];
      if (tok.kind === 'string') {
        const key = this.t[code[k - 2]];
        // json_name is the field's name on the wire, like a Go json tag.
        this.scanString(tok, key?.text === 'json_name' && this.isPunct(code[k - 1], '=') ? 'tag' : 'string', domain);
      } else if (tok.kind === 'ident') this.emit(tok, 'identifier', domain);
    }
  }

  /** Every identifier and string of tokens [from, end). */
  private rest(code: number[], from: number, domain: string | undefined, migration = false): void {
    for (let k = from; k < code.length; k++) {
      const tok = this.t[code[k]];
      if (tok.kind === 'string') this.scanString(tok, 'string', domain, migration);
      else if (tok.kind === 'ident') this.emit(tok, migration ? 'proto-field' : 'identifier', domain, migration);
    }
  }

  /** The domain named by the dotted type name that token k belongs to (planning.v1.PlanningRun). */
  private typeDomain(code: number[], k: number): string | undefined {
    let a = k;
    while (a >= 2 && this.isPunct(code[a - 1], '.') && this.t[code[a - 2]].kind === 'ident') a -= 2;
    let b = k;
    while (this.isPunct(code[b + 1], '.') && this.t[code[b + 2]]?.kind === 'ident') b += 2;
    const tok = this.t[code[a]];
    const last = this.t[code[b]];
    return tok && last ? this.ctx.domainOf(this.text.slice(tok.start, last.end)) : undefined;
  }

  private nameDomain(tok: ProtoToken | undefined): string | undefined {
    return tok?.kind === 'ident' ? this.ctx.domainOf(tok.text) : undefined;
  }

  /**
   * The domain named by the comments attached to a declaration: the comment lines directly above it
   * (each alone on its line, no blank line between) and a comment after it on the same line. A comment that also names the
   * session ("unlike PlanningRun.run_id, this is the session") decides nothing.
   */
  private attachedDomain(first: number, semicolon: number): string | undefined {
    const texts: string[] = [];
    let next = this.t[first];
    for (let k = first - 1; k >= 0 && this.t[k].kind === 'comment'; k--) {
      if (!blankGap(this.text, this.t[k].end, next.start) || !startsLine(this.text, this.t[k].start)) break;
      texts.push(this.text.slice(this.t[k].inStart, this.t[k].inEnd));
      next = this.t[k];
    }
    const after = semicolon >= 0 ? this.t[semicolon + 1] : undefined;
    if (after?.kind === 'comment' && /^[ \t]*$/.test(this.text.slice(this.t[semicolon].end, after.start))) {
      texts.push(this.text.slice(after.inStart, after.inEnd));
    }
    for (const s of texts) {
      const d = this.ctx.domainOf(s);
      if (d && !this.ctx.hasEvidence(s)) return d;
    }
    return undefined;
  }

  private comment(tok: ProtoToken): void {
    const domain = this.scope.domain;
    this.words(tok, { context: 'comment', offset: tok.inStart, inherit: domain ? { domain } : undefined });
  }

  private scanString(tok: ProtoToken, context: ContextKind, domain: string | undefined, migration = false): void {
    const inherit: Partial<Candidate> | undefined = domain || migration ? { ...(domain ? { domain } : {}), ...(migration ? { migration } : {}) } : undefined;
    this.words(tok, { context, offset: tok.inStart, inherit });
  }

  private words(tok: ProtoToken, opts: ScanOptions): void {
    // A loop, not push(...): a long comment can hold more words than a call has room for arguments.
    for (const c of scanWords(this.text.slice(tok.inStart, tok.inEnd), this.ctx, opts)) this.out.push(c);
  }

  private emit(tok: ProtoToken | undefined, context: ContextKind, domain: string | undefined, migration = false): void {
    if (!tok || tok.kind !== 'ident' || !this.ctx.isCandidate(tok.text)) return;
    const c: Candidate = { start: tok.start, end: tok.end, context };
    // The name itself may carry the domain marker (planning_run_id, PlanningRunID).
    const d = this.ctx.domainOf(tok.text) ?? domain;
    if (d) c.domain = d;
    // message RunSummary, GetModeForRun: a name keyed like the session uses the bare word as its old name.
    else if (this.ctx.bareIsKeyedSession(tok.text)) c.denotesSession = true;
    if (migration) c.migration = true;
    this.out.push(c);
  }
}

/** Only blanks before this offset on its line (so a comment there is not a trailing one). */
function startsLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && text[i] !== '\n' && text[i] !== '\r'; i--) {
    if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\ufeff') return false;
  }
  return true;
}

/** Only blanks and at most one line break between two offsets (no blank line, no skipped code). */
function blankGap(text: string, from: number, to: number): boolean {
  return /^[ \t]*(?:\r\n|\r|\n)?[ \t]*$/.test(text.slice(from, to));
}

export const analyzeProto: Analyzer = (text, ctx) => new ProtoReader(text, ctx).read();
