/**
 * TypeScript, TSX and JavaScript via tree-sitter. Only the places a cheap word scan says may hold
 * a term are looked at: for each, the smallest syntax node gives the role (object key, property
 * access, type member, function name, string, URL, comment) and the nodes above it the domain
 * (typescript/scopes.ts). Process verbs (`runTests()`, `run()`) are function names and calls.
 * Only the top-level statements holding a candidate are parsed (typescript/chunks.ts).
 */
import type { Language, Node, Point, Range, Tree } from 'web-tree-sitter';
import type { Analyzer, AnalyzerContext } from '../analyzer';
import { newParser } from '../parsers';
import { scanWords } from '../scan';
import { textKey } from '../textKey';
import type { Candidate, ContextKind } from '../types';
import { lowerWords } from '../words';
import { topLevelStatements, type Statement } from './typescript/chunks';
import { declarationOf, declarationSignal, isSilentMemberRead, MAX_CLIMB, scopeSignal, signalOf } from './typescript/scopes';
import { applyMemberDomains, declaringTypeDomain } from './typescript/members';
import { containerOf, scanContainer } from './typescript/strings';
import { field, IDENTIFIERS, isFunctionName, same } from './typescript/syntax';
import { bindingOf, shifted, statePairOf, unifyBindings, type Noted } from './typescript/bindings';
import { escapeRegExp } from '../regex';

/**
 * Below this size, a statement that parses with an error makes the whole file parsed as one
 * (exactly as before statements were cut): the cut may have been wrong, or error recovery across
 * statements matters. Above it, the statements stand alone, so a huge broken file stays bounded.
 */
const WHOLE_FILE_ON_ERROR = 64 * 1024;
/** How many statements back a top-level `const`/`let` is context (declarationOf reads as far). */
const CONTEXT_STATEMENTS = 64;
const MAX_CACHED_STATEMENT = 64 * 1024;
const MAX_CACHE_ENTRIES = 20_000;

export interface TypeScriptAnalyzerOptions {
  /** TSX/JSX grammar: the statement cutter follows JSX. */
  jsx?: boolean;
  /** Remember each statement's candidates by its text (and its context's): for the language server. */
  cacheStatements?: boolean;
  /** Parse every file whole: the reference the statement cut is tested against. */
  wholeFile?: boolean;
  /** Files below this size are parsed whole when a statement has a syntax error (default 64 KiB). */
  wholeFileOnError?: number;
}

type Token = [start: number, end: number];

export function createTypeScriptAnalyzer(language: Language, options: TypeScriptAnalyzerOptions = {}): Analyzer {
  const parser = newParser(language);
  const caches = new WeakMap<object, Map<string, Candidate[]>>();
  const safely = (text: string, ctx: AnalyzerContext, start: number, end: number, run: () => Candidate[]): Candidate[] => {
    try {
      return run();
    } catch {
      // tree-sitter is tolerant of broken code; this guards against our own bugs.
      return scanWords(text.slice(start, end), ctx, { context: 'code', offset: start });
    }
  };
  const whole = (text: string, ctx: AnalyzerContext, tokens: Token[]): Candidate[] =>
    safely(text, ctx, 0, text.length, () => {
      const tree = parser.parse(text);
      if (!tree) return scanWords(text, ctx, { context: 'code' });
      try {
        return analyzeTree(tree.rootNode, tokens, ctx, text);
      } finally {
        tree.delete();
      }
    });
  const wholeBelow = options.wholeFileOnError ?? WHOLE_FILE_ON_ERROR;
  return (text, ctx) => finish(analyze(text, ctx));
  function analyze(text: string, ctx: AnalyzerContext): Candidate[] {
    const tokens = candidateTokens(text, ctx);
    if (tokens.length === 0) return [];
    const fileDomain = fileDomainOf(text, ctx);
    if (fileDomain) FILE_DOMAIN.set(ctx, fileDomain);
    if (options.wholeFile) return whole(text, ctx, tokens);
    // Parse only the top-level statements holding a candidate, each on its own (with the earlier
    // top-level declarations it may read, see declarationOf); included ranges keep file offsets.
    const stmts = topLevelStatements(text, !!options.jsx);
    let cache: Map<string, Candidate[]> | undefined;
    if (options.cacheStatements) {
      cache = caches.get(ctx.rules);
      if (!cache) caches.set(ctx.rules, (cache = new Map()));
    }
    const rows = new Rows(text);
    const out: Candidate[] = [];
    let t = 0;
    for (let k = 0; k < stmts.length && t < tokens.length; k++) {
      const stmt = stmts[k];
      if (tokens[t][0] >= stmt.end) continue;
      const first = t;
      while (t < tokens.length && tokens[t][0] < stmt.end) t++;
      const mine = tokens.slice(first, t);
      const context = contextStatements(text, stmts, k);
      const key = cache && stmt.end - stmt.start <= MAX_CACHED_STATEMENT ? (fileDomain ?? '') + '|' + [stmt, ...context].map((s) => textKey(text, s.start, s.end)).join('|') : undefined;
      const hit = key ? cache?.get(key) : undefined;
      if (hit) {
        for (const c of hit) out.push(shifted(c, stmt.start));
        continue;
      }
      let broken = false;
      const found = safely(text, ctx, stmt.start, stmt.end, () => {
        let tree: Tree | null = null;
        try {
          // The parser reads the text through a 10 KB buffer: hand it no more than this statement needs.
          const read = (i: number): string => text.slice(i, Math.min(stmt.end, i + 10240));
          tree = parser.parse(read, null, { includedRanges: [...context, stmt].map((s) => rows.range(s)) });
          if (!tree) return scanWords(text.slice(stmt.start, stmt.end), ctx, { context: 'code', offset: stmt.start });
          broken = tree.rootNode.hasError;
          if (broken && text.length < wholeBelow) return [];
          return analyzeTree(tree.rootNode, mine, ctx, text);
        } finally {
          tree?.delete();
        }
      });
      if (broken && text.length < wholeBelow) return whole(text, ctx, tokens);
      out.push(...found);
      if (cache && key && !broken) {
        if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
        cache.set(key, found.map((c) => shifted(c, -stmt.start)));
      }
    }
    return out;
  }
}

/** Candidates of an identifier note what it does with its name until the file's bindings are unified. */
function finish(cands: Noted[]): Candidate[] {
  unifyBindings(cands);
  applyMemberDomains(cands);
  for (const c of cands) {
    delete c.binding;
    delete c.name;
    delete c.strong;
    delete c.pair;
    delete c.silent;
    delete c.memberOf;
    delete c.memberRead;
  }
  return cands;
}

/** Earlier top-level declarations of a name this statement mentions: what declarationOf may read. */
function contextStatements(text: string, stmts: Statement[], k: number): Statement[] {
  const out: Statement[] = [];
  let words: Set<string> | undefined;
  for (let j = Math.max(0, k - CONTEXT_STATEMENTS); j < k; j++) {
    const d = stmts[j].declares;
    if (!d?.length) continue;
    words ??= new Set(text.slice(stmts[k].start, stmts[k].end).match(/[A-Za-z_$][\w$]*/g));
    if (d.some((n) => words?.has(n))) out.push(stmts[j]);
  }
  return out;
}

/** Candidate tokens (maximal runs of [A-Za-z0-9_$] a rule matches), in order, found from the rules' hint words. */
function candidateTokens(text: string, ctx: AnalyzerContext): Token[] {
  const out: Token[] = [];
  const hint = ctx.rules.hint;
  hint.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last = -1;
  while ((m = hint.exec(text))) {
    let s = m.index;
    let e = s + m[0].length;
    while (s > 0 && isTokenChar(text.charCodeAt(s - 1))) s--;
    while (e < text.length && isTokenChar(text.charCodeAt(e))) e++;
    hint.lastIndex = Math.max(hint.lastIndex, e);
    if (s <= last) continue;
    last = s;
    if (ctx.isCandidate(text.slice(s, e))) out.push([s, e]);
  }
  return out;
}

function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/** Rows as tree-sitter counts them (newlines only), for included ranges. */
class Rows {
  private newlines: number[] | undefined;
  constructor(private readonly text: string) {}

  range(s: Statement): Range {
    return { startIndex: s.start, endIndex: s.end, startPosition: this.point(s.start), endPosition: this.point(s.end) };
  }

  private point(offset: number): Point {
    if (!this.newlines) {
      this.newlines = [];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.newlines.push(i);
    }
    const nl = this.newlines;
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nl[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return { row: lo, column: offset - (lo > 0 ? nl[lo - 1] + 1 : 0) };
  }
}

function analyzeTree(root: Node, tokens: Token[], ctx: AnalyzerContext, text: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const [s, e] of tokens) {
    const node = root.descendantForIndex(s, e);
    if (!node) continue;
    const container = containerOf(node);
    const target = container ?? (IDENTIFIERS.has(node.type) ? node : null);
    const key = target ? `${target.startIndex}:${target.endIndex}` : `${s}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (container) out.push(...containerCandidates(ctx, container));
    else if (target) {
      const c = identifierCandidate(ctx, target, text);
      if (c) out.push(c);
    } else {
      // Tokens in nodes with no finer meaning (errors, numbers, regexes) are plain code words.
      out.push({ start: s, end: e, context: 'code', ...judge(ctx, node) });
    }
  }
  return out;
}

function contextOf(node: Node, verb: boolean): ContextKind {
  if (verb) return 'function';
  const p = node.parent;
  switch (node.type) {
    case 'type_identifier':
      return 'type';
    case 'shorthand_property_identifier':
      return 'object-key';
    case 'private_property_identifier':
      return 'field';
    case 'property_identifier':
      if (p?.type === 'pair' && same(field(p, 'key'), node)) return 'object-key';
      return 'field';
    default:
      return 'identifier';
  }
}

function identifierCandidate(ctx: AnalyzerContext, node: Node, text: string): Candidate | null {
  const name = node.text;
  if (!ctx.isCandidate(name)) return null;
  const verb = isFunctionName(node);
  const c: Noted = { start: node.startIndex, end: node.endIndex, context: contextOf(node, verb) };
  if (verb) c.verb = true;
  const binding = bindingOf(node);
  if (binding) Object.assign(c, { binding, name }, binding.kind === 'declares' && declarationSignal(ctx, node) ? { strong: true } : {});
  const pair = binding?.kind === 'declares' ? statePairOf(node) : undefined;
  if (pair !== undefined) c.pair = pair;
  // ciRunId, VITE_GITHUB_RUN_ID: a qualifier in the name itself says whose run it is.
  const own = ctx.domainOf(name) ?? ctx.domainOfQualifier(name);
  if (own) return { ...c, domain: own };
  const member = declaringTypeDomain(ctx, node);
  if (member !== undefined) Object.assign(c, { name, memberOf: member });
  else if (isSilentMemberRead(ctx, node)) Object.assign(c, { name, memberRead: true });
  Object.assign(c, judge(ctx, node));
  const fallback = compatFallback(ctx, node, text);
  if (fallback) c.noFix = fallback;
  // A bare `run` holds the session when it is declared from one (`const run = await sessions.get(id)`,
  // `(run: Session) =>`): read from its declaration only, never from a qualifier (`session.run` is a
  // property of a session) or error recovery's guesses.
  // turnsByRun, runByConv: the bare word is the key's noun, the session's old name.
  if (!c.domain && ctx.bareIsKeyedSession(name)) {
    c.denotesSession = true;
    delete c.verb;
  }
  // A React state pair's setter (setRuns beside runs) is named for the same value.
  const words = lowerWords(name);
  if (!c.domain && !verb && (words.length === 1 || (words.length === 2 && words[0] === 'set')) && node.type === 'identifier') {
    const decl = declarationOf(node, name);
    if (decl && signalOf(ctx, decl)?.evidence) c.denotesSession = true;
  }
  return c;
}

/**
 * `body.session_id ?? body.run_id`: a compatibility read of the old field beside the new one.
 * Renaming it would read the same field twice; the fallback is removed instead. Read from the
 * text around the token, not the tree: error recovery reshapes a broken file's tree when a fix
 * elsewhere changes it, and the verdict must not change with it (fixes converge).
 */
function compatFallback(ctx: AnalyzerContext, node: Node, text: string): string | undefined {
  const replacement = ctx.match(node.text)?.replacement;
  if (!replacement) return undefined;
  const before = text.slice(Math.max(0, node.startIndex - 200), node.startIndex);
  const owner = /([A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*)\??\.$/.exec(before)?.[1];
  if (!owner) return undefined;
  const norm = (x: string): string => x.replace(/\?\./g, '.');
  const other = `${norm(owner)}.${replacement}`;
  const after = /^\s*(?:\?\?|\|\|)\s*([A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*)/.exec(text.slice(node.endIndex, node.endIndex + 200))?.[1];
  const ahead = new RegExp(`([A-Za-z_$][\\w$]*(?:\\??\\.[A-Za-z_$][\\w$]*)*)\\s*(?:\\?\\?|\\|\\|)\\s*${escapeRegExp(owner)}\\??\\.$`).exec(before)?.[1];
  return (after && norm(after) === other) || (ahead && norm(ahead) === other) ? `\`${owner}.${replacement}\` is read here already; remove this fallback` : undefined;
}

function containerCandidates(ctx: AnalyzerContext, node: Node): Candidate[] {
  const cands = scanContainer(ctx, node);
  if (cands.length === 0) return cands;
  const j = judge(ctx, node);
  const reported = toDeprecationReporter(ctx, node) || heldAsOldName(ctx, node);
  for (const c of cands) {
    if (!c.domain && j.domain) c.domain = j.domain;
    if (j.migration || reported) c.migration = true;
  }
  return cands;
}

/**
 * `const LEGACY_STORAGE_KEY = 'webchat.runId'`: text held by a name that says it is the old one is
 * about the old name (renaming the key would lose what old builds stored). A test's title does not
 * count: a test of a legacy path still names current things.
 */
function heldAsOldName(ctx: AnalyzerContext, node: Node): boolean {
  let child = node;
  let depth = 0;
  for (let p = node.parent; p && depth < MAX_CLIMB; child = p, p = p.parent, depth++) {
    const holder = p.type === 'variable_declarator' || p.type === 'public_field_definition' ? field(p, 'name') : p.type === 'pair' ? field(p, 'key') : null;
    if (holder && !same(holder, child) && ctx.isMigrationText(lowerWords(holder.text).join(' '))) return true;
  }
  return false;
}

/** `opts.onDeprecation?.('server returned run_id …')`, `warnDeprecated('runId')`: the message is about the old name. */
function toDeprecationReporter(ctx: AnalyzerContext, node: Node): boolean {
  const args = node.parent?.type === 'arguments' ? node.parent : null;
  const callee = args?.parent?.type === 'call_expression' ? field(args.parent, 'function') : null;
  return !!callee && ctx.isMigrationText(lowerWords(callee.text).join(' '));
}

/**
 * Domain from the syntax above. A comment marking the member legacy or deprecated does not make
 * the member's own name a migration reference: `/** @deprecated *\/ run_id?: string` is still the
 * legacy alias to remove (as a Go field under `// Deprecated:` is), and the comment itself is one.
 */
function judge(ctx: AnalyzerContext, node: Node): Partial<Noted> {
  const out: Partial<Noted> = {};
  const s = scopeSignal(ctx, node);
  if (s?.domain) out.domain = s.domain;
  else if (!s) {
    const file = FILE_DOMAIN.get(ctx);
    if (file) out.domain = file;
    else out.silent = true;
  }
  return out;
}

/** The domain a whole file is about, by the analysis it belongs to (see fileDomainOf). */
const FILE_DOMAIN = new WeakMap<AnalyzerContext, string>();

/**
 * Code generated from a planning proto package says so (ts-proto: `export const protobufPackage =
 * "larkspur.planning.v1"`): like a Go package clause, it is the outermost scope.
 */
function fileDomainOf(text: string, ctx: AnalyzerContext): string | undefined {
  const pkg = /^export const protobufPackage = ["']([\w.]+)["']/m.exec(text.slice(0, 16 * 1024))?.[1];
  return pkg ? ctx.domainOf(pkg.replace(/\./g, ' ')) : undefined;
}
