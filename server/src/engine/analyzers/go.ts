/**
 * Go: tree-sitter syntax decides what each occurrence is. Identifiers get their domain from the
 * selector operand's type, the struct they are declared in, the composite literal they key, the
 * variable's initialiser, the type switch case, the receiver; strings get a role (tag, log key,
 * query parameter, map key, SQL handed to the SQL analyzer); comments take their declaration's domain.
 */
import type { Language, Node, Point, Range, Tree } from 'web-tree-sitter';
import { cutWhole, topLevelDeclarations, type Chunk, type Declaration as Declaration0 } from '../goChunks';
import { BoundedCache, textKey } from '../textKey';
import { LineIndex } from '../positions';
import type { PackageFileSource, PackageSource, Position } from '../types';
import type { Analyzer, AnalyzerContext } from '../analyzer';
import { newParser } from '../parsers';
import { scanWords } from '../scan';
import { hasWordSequence, lowerWords, SENTENCE_END } from '../words';
import type { Candidate, ContextKind } from '../types';
import { argumentOf, collectionExpression, factName, holdingAt, stated } from './go/collections';
import { GoDomains, type Declaration, type Domain } from './go/domains';
import { fieldTypes, mergeFieldTypes, NO_FIELD_TYPES, type DeclaredStructs, type FieldTypes } from './go/fieldTypes';
import { wrapCaseSnippet } from './go/snippets';
import { isBareNoun, markSessionNouns } from '../nouns';
import { containedNameFacts } from './go/containedNames';
import { FORMAT_FUNCTION, LOG_KEY_METHODS, roleOf, URL_METHODS, verbAfter } from './go/strings';
import { looksLikeSql } from '../sqlShape';
import { ancestors, field, fields, mapTypeOf, named, packageName, packageWords, resetAncestry, sameLineComment, STRING_TYPES, stringContent, typeName } from './go/syntax';
import { escapeRegExp } from '../regex';
import { MODAL_BEFORE } from '../matcher';

/** `.Str("` …: a log field constructor's key, or a URL read's parameter, follows (regex source). */
const LOG_CALL = `\\.(?:${[...LOG_KEY_METHODS].join('|')})\\(\\s*"`;
/** A log field whose key is a constant, not a string: `.Str(KeySession, …)` (group 1: the constant). */
const LOG_KEY_CONSTANT = new RegExp(`\\.(?:${[...LOG_KEY_METHODS].join('|')})\\(\\s*([A-Za-z_][\\w.]*)\\s*,`, 'g');
/** The same, across a line break after the dot (`log.With().` ⏎ `Str("…`), as gofmt leaves chains. */
const LOG_CALL_SPLIT = `\\.\\s*(?:${[...LOG_KEY_METHODS].join('|')})\\(\\s*"`;
const URL_CALL = `\\.(?:${[...URL_METHODS].join('|')})\\(\\s*"`;
const MIGRATION_SQL = /\b(?:RENAME\s+COLUMN|DROP\s+(?:INDEX|COLUMN))\b/i;
const IDENTIFIERS = new Set(['identifier', 'field_identifier', 'type_identifier', 'package_identifier']);

export interface GoAnalyzerOptions {
  /**
   * Remember each declaration's candidates by its text: an editor re-checks mostly unchanged
   * files, and a package's files are read once for their siblings and once for themselves.
   */
  cacheDeclarations?: boolean;
}

const MAX_CACHED_DECLARATION = 64 * 1024;
const MAX_CACHE_ENTRIES = 20_000;

/** What the analyzer keeps of one file of a package for its siblings' checks. */
interface PackageFile {
  pkg: string | undefined;
  types: FieldTypes;
  /** The facts it states, by the signature of the package's field table they were found with. */
  facts: Map<string, ReadonlySet<string>>;
  /** Reads it again when its facts are wanted with another field table (texts are not kept). */
  read?: () => string | null;
}

const MAX_PACKAGE_FILES = 4096;
/** The Go convention for generated files (a serialized descriptor must not be edited by hand). */
function isGenerated(text: string): boolean {
  return /^\/\/ Code generated .* DO NOT EDIT\.$/m.test(text.slice(0, 2048));
}

/** A package this large (generated code, a vendored tree) is read for its own files only. */
const MAX_SIBLINGS = 256;

export function createGoAnalyzer(language: Language, options: GoAnalyzerOptions = {}): Analyzer {
  const parser = newParser(language);
  const caches = new WeakMap<object, Map<string, Analysed>>();
  const packageFiles = new WeakMap<object, BoundedCache<PackageFile>>();

  // Each declaration is parsed on its own (one included range, file offsets kept): a broken
  // declaration cannot swallow the next, so results never depend on which others were parsed,
  // and a fix elsewhere cannot change what is found here (fixes converge).
  const parserOf = (text: string): ((chunk: Chunk) => Tree | null) => {
    let lines: LineIndex | undefined;
    return (chunk) => {
      lines ??= new LineIndex(text);
      const range: Range = { startIndex: chunk.start, endIndex: chunk.end, startPosition: toPoint(lines.positionAt(chunk.start)), endPosition: toPoint(lines.positionAt(chunk.end)) };
      return parser.parse(text, null, { includedRanges: [range] });
    };
  };
  const structMemos = new WeakMap<object, BoundedCache<DeclaredStructs>>();
  const ownTypes = (text: string, ctx: AnalyzerContext, all: readonly Readonly<Declaration0>[]): FieldTypes => {
    // Most files never name a domain: one native pass over the text says so (the editor asks on every keystroke).
    if (!ctx.rules.mayNameDomain(text)) return NO_FIELD_TYPES;
    let memo = structMemos.get(ctx.rules);
    if (!memo) structMemos.set(ctx.rules, (memo = new BoundedCache(MAX_CACHE_ENTRIES)));
    return fieldTypes(text, all, parserOf(text), (s) => ctx.domainOf(s), memo, (s) => ctx.namesSession(s));
  };

  /** A file's candidates and the facts it states, before they are resolved; null when it holds nothing. */
  const collect = (text: string, ctx: AnalyzerContext, types: FieldTypes, all: readonly Readonly<Declaration0>[], known: ReadonlySet<string>): { out: Candidate[]; facts: Set<string> } | null => {
    // Parse only the top-level declarations that may hold a term (parsing dominates the cost);
    // tree-sitter's included ranges keep every offset relative to the whole file.
    // One pass of the term pattern over the file, then per declaration only where bare words may count.
    const within = ctx.within;
    const scope = within ? text.slice(within.start, within.end) : text;
    const hits = within ? ctx.rules.termOffsets(scope).map((o) => o + within.start) : ctx.rules.termOffsets(text);
    const bare = ctx.rules.mayMatchBare(scope);
    const knownNames = namesPattern(known);
    // A declaration that uses a name the package's other files state facts about needs them all.
    if (within && knownNames?.test(scope)) ctx.acrossDeclarations?.();
    // Nothing to find (a fenced Go block in a document often holds no term): skip the declaration scan.
    if (hits.length === 0 && !bare && !knownNames) return null;
    let h = 0;
    const decls = all.filter((d) => {
      if (within && (d.start < within.start || d.end > within.end)) return false;
      while (h < hits.length && hits[h] < d.start) h++;
      if (h < hits.length && hits[h] < d.end) return true;
      return bare && ctx.rules.mayMatchBare(text.slice(d.start, d.end));
    });
    if (decls.length === 0 && !knownNames) return null;
    let cache: Map<string, Analysed> | undefined;
    if (options.cacheDeclarations) {
      cache = caches.get(ctx.rules);
      if (!cache) caches.set(ctx.rules, (cache = new Map()));
    }
    const out: Candidate[] = [];
    const facts = new Set<string>();
    const parse = parserOf(text);
    // What a declaration finds depends on its package's name, whether the file is generated and the
    // struct fields the package types by a domain: so does its cache entry (files share the cache).
    const keyed = `\u0000${packageName(text) ?? ''}\u0000${isGenerated(text) ? 1 : 0}\u0000${types.signature}`;
    let file: GoFile | undefined;
    const analyse = (list: Chunk[]): void => {
      for (const chunk of list) {
        const key = cache && chunk.end - chunk.start <= MAX_CACHED_DECLARATION ? textKey(text, chunk.start, chunk.end) + keyed : undefined;
        const hit = key ? cache?.get(key) : undefined;
        if (hit) {
          for (const c of hit.found) out.push({ ...c, start: c.start + chunk.start, end: c.end + chunk.start });
          for (const f of hit.facts) facts.add(f);
          continue;
        }
        if (minified(text, chunk)) {
          // Not Go as people write it (a minified bundle named .go): tree-sitter's error recovery
          // took seconds on 2 MB of one line; its words are read by the tolerant scanner instead.
          out.push(...scanWords(text.slice(chunk.start, chunk.end), ctx, { context: 'code', offset: chunk.start }));
          continue;
        }
        file ??= new GoFile(text, ctx, types);
        const tree = parse(chunk);
        if (!tree) continue;
        try {
          resetAncestry();
          const found = file.analyzeChunk(tree.rootNode, chunk);
          out.push(...found.found);
          for (const f of found.facts) facts.add(f);
          if (cache && key) {
            if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
            cache.set(key, { found: found.found.map((c) => ({ ...c, start: c.start - chunk.start, end: c.end - chunk.start })), facts: found.facts });
          }
        } finally {
          resetAncestry();
          tree.delete();
        }
      }
    };
    analyse(decls);
    // Names the file or its package states facts about (a Hub's `runs`, startRunForPrompt's
    // parameter, ErrRunNotFound) are found in declarations that hold no term too (`&Hub{runs: …}`,
    // `return nil, ErrRunNotFound`): those are read as well.
    if (!within && (facts.size > 0 || knownNames)) {
      const more = facts.size > 0 ? namesPattern(new Set([...facts, ...known])) : knownNames;
      const chosen = new Set(decls.map((d) => d.start));
      if (more) analyse(all.filter((d) => !chosen.has(d.start) && more.test(text.slice(d.start, d.end))));
    }
    return { out, facts };
  };

  /** What the analyzer keeps of a file of the package or of one it imports. */
  const fileOf = (s: PackageFileSource, ctx: AnalyzerContext): PackageFile | undefined => {
    let memo = packageFiles.get(ctx.rules);
    if (!memo) packageFiles.set(ctx.rules, (memo = new BoundedCache(MAX_PACKAGE_FILES)));
    let f = memo.get(s.key);
    if (!f) {
      const text = s.read();
      if (text === null) return undefined;
      f = { pkg: packageName(text), types: ctx.rules.mayMatch(text) ? ownTypes(text, ctx, cutWhole(text)) : NO_FIELD_TYPES, facts: new Map(), read: () => s.read() };
      memo.set(s.key, f);
    }
    return f;
  };

  /** The package's other files, as far as they are the same package (an external test package sees its package). */
  const siblingsOf = (source: PackageSource, pkg: string | undefined, ctx: AnalyzerContext): PackageFile[] => {
    const list = source.siblings();
    if (list.length > MAX_SIBLINGS) return [];
    const out: PackageFile[] = [];
    for (const s of list) {
      if (s.key === source.key) continue;
      const f = fileOf(s, ctx);
      if (f && pkg !== undefined && (f.pkg === pkg || `${f.pkg}_test` === pkg)) out.push(f);
    }
    return out;
  };

  /** Facts the module's packages this file imports state about their exported names (session.ErrRunNotFound). */
  const importedFacts = (source: PackageSource, text: string, all: readonly Readonly<Declaration0>[], ctx: AnalyzerContext, into: Set<string>): void => {
    if (!source.imported) return;
    for (const path of importPaths(text, all)) {
      const files = source.imported(path);
      if (!files || files.length > MAX_SIBLINGS) continue;
      for (const s of files) {
        const f = fileOf(s, ctx);
        if (!f) continue;
        for (const fact of factsOf(f, ctx, f.types)) if (/^field:\?\.[A-Z]/.test(fact)) into.add(fact);
      }
    }
  };

  /** The facts a sibling states, found with the package's field table. */
  const factsOf = (f: PackageFile, ctx: AnalyzerContext, types: FieldTypes): ReadonlySet<string> => {
    let facts = f.facts.get(types.signature);
    if (facts) return facts;
    const text = f.read?.() ?? null;
    facts = EMPTY;
    if (text !== null && ctx.rules.mayMatch(text)) {
      const quiet: AnalyzerContext = { ...ctx, within: undefined, acrossDeclarations: undefined, package: undefined };
      facts = collect(text, quiet, types, cutWhole(text), EMPTY)?.facts ?? EMPTY;
    }
    f.facts.set(types.signature, facts);
    return facts;
  };

  const analyzer: Analyzer = (text, ctx) => {
    const all = topLevelDeclarations(text);
    const own = ownTypes(text, ctx, all);
    let types = own;
    const known = new Set<string>();
    const source = ctx.package;
    const pkg = source ? packageName(text) : undefined;
    if (source) {
      const siblings = siblingsOf(source, pkg, ctx);
      types = mergeFieldTypes([own, ...siblings.map((s) => s.types)]);
      for (const s of siblings) for (const f of factsOf(s, ctx, types)) known.add(f);
      importedFacts(source, text, all, ctx, known);
    }
    const found = collect(text, ctx, types, all, known);
    if (!found) return [];
    if (source && !ctx.within) {
      // Its siblings' checks read it from here.
      packageFiles.get(ctx.rules)?.set(source.key, { pkg, types: own, facts: new Map([[types.signature, found.facts]]) });
    }
    return resolved(sameFieldVerdicts(found.out, text), found.facts, known, ctx);
  };
  return (text, ctx) => {
    const wrapped = ctx.within ? null : wrapCaseSnippet(text);
    if (!wrapped) return analyzer(text, ctx);
    const end = wrapped.offset + text.length;
    return analyzer(wrapped.text, ctx)
      .filter((c) => c.start >= wrapped.offset && c.end <= end)
      .map((c) => ({ ...c, start: c.start - wrapped.offset, end: c.end - wrapped.offset }));
  };
}

/** The import paths a file names ("example.com/chat/internal/session"). */
function importPaths(text: string, all: readonly Readonly<Declaration0>[]): string[] {
  const out: string[] = [];
  for (const d of all) {
    if (d.kind !== 'import') continue;
    for (const m of text.slice(d.start, d.end).matchAll(/"([^"\n]+)"|`([^`\n]+)`/g)) out.push(m[1] ?? m[2]);
  }
  return out;
}

/** A pattern for the names facts are about, or null when there are none. */
function namesPattern(facts: ReadonlySet<string>): RegExp | null {
  if (facts.size === 0) return null;
  const names = [...new Set([...facts].map(factName).filter((n): n is string => !!n))];
  // TestDeleteRun, qDeleteRun, deleteRunStmt are named after DeleteRun (see go/containedNames.ts).
  return names.length ? new RegExp(`(?:${names.map((n) => (/^[A-Z]/.test(n) ? '' : '(?<![\\w])') + escapeRegExp(n)).join('|')})(?![a-z0-9_])`) : null;
}

/** One declaration's candidates, and the facts it states about names for the others. */
interface Analysed {
  found: Candidate[];
  facts: ReadonlySet<string>;
}

/** The part of a name that says what it is keyed by (ForSession, BySessionID, _by_session). */
const KEYED_BY_NAME = /(?:For|By|Per|_for_|_by_|_per_)[A-Za-z]*/g;

/** Verbs of operations on stored data, whose object is what the id given to them identifies. */
const STORAGE_VERBS = new Set(['get', 'list', 'load', 'find', 'lookup', 'fetch', 'count', 'delete', 'remove', 'purge', 'clear', 'drop', 'archive', 'export', 'read', 'save', 'store', 'put']);

/** How a finding says it holds because of another declaration (the editor's re-check looks for it). */
export const ACROSS_DECLARATIONS = 'as this file uses it elsewhere';
/** The same, where another file of its package, or a package it imports, says it. */
export const ACROSS_FILES = 'as other files of its module say';

/**
 * Keeps a candidate that requires a fact only where the file states it (`h.runs[c.runID]` in one
 * method makes the Hub's `runs` field a map of sessions in all of them). A re-check of one
 * declaration cannot see the others: where facts are at stake, it asks for the whole file.
 */
function resolved(out: Candidate[], own: ReadonlySet<string>, known: ReadonlySet<string>, ctx: AnalyzerContext): Candidate[] {
  const pending = out.some((c) => c.requires);
  if (ctx.within && (pending || own.size > 0)) ctx.acrossDeclarations?.();
  if (!pending) return out;
  const inFile = withLinks(own);
  const inPackage = known.size ? withLinks(new Set([...own, ...known])) : inFile;
  const kept: Candidate[] = [];
  for (const c of out) {
    if (!c.requires) kept.push(c);
    else if (c.requires.some((r) => stated(inFile, r))) kept.push({ ...c, requires: undefined, because: `${c.because}, ${ACROSS_DECLARATIONS}` });
    else if (c.requires.some((r) => stated(inPackage, r))) kept.push({ ...c, requires: undefined, because: `${c.because}, ${ACROSS_FILES}` });
    else if (c.otherwise) kept.push({ start: c.start, end: c.end, context: c.context, ...c.otherwise });
  }
  return kept;
}

/** runs map[string]*runQueue keyed by session ids: runQueue is a session's. */
function withLinks(stated0: ReadonlySet<string>): Set<string> {
  const facts = new Set(stated0);
  for (const f of stated0) {
    const link = /^link:(.+)>(.+)$/.exec(f);
    if (link && stated(facts, `${link[1]}:keyed`)) facts.add(`type:${link[2]}:keyed`);
  }
  return facts;
}

/** Byte escapes: a serialized descriptor in generated code, whose lengths a hand edit would break. */
const SERIALIZED = /\\(?:x[0-9A-Fa-f]{2}|[0-7]{3})/;

/** How a field's finding says its struct already has the new name (the editor's re-check looks for it). */
export const CLASH = 'the struct already has';
const SHIM_NOTE = 'a JSON compatibility field beside the type it embeds, which already has the new name: remove it with the compatibility code';

/**
 * A field the struct declares beside its replacement (chatResponse has SessionID and RunID) is
 * removed, not renamed: so are the writes to it where the value's type is that struct
 * (`resp.RunID = …`), which sit in other declarations than the struct. A read can read the
 * replacement instead, and a literal key is judged by its literal.
 */
function sameFieldVerdicts(out: Candidate[], text: string): Candidate[] {
  const removed = new Map<string, string>();
  for (const c of out) if (c.owner && c.noFix?.startsWith(CLASH)) removed.set(`${c.owner}.${text.slice(c.start, c.end)}`, c.noFix);
  if (removed.size === 0) return out;
  for (const c of out) {
    if (!c.owner || c.noFix || c.context !== 'field') continue;
    const why = removed.get(`${c.owner}.${text.slice(c.start, c.end)}`);
    if (why) c.noFix = why;
  }
  return out;
}

/** A declaration over 64 KiB whose lines average over 1,000 characters. */
function minified(text: string, chunk: Chunk): boolean {
  const size = chunk.end - chunk.start;
  if (size <= 64 * 1024) return false;
  let lines = 0;
  for (let i = text.indexOf('\n', chunk.start); i >= 0 && i < chunk.end; i = text.indexOf('\n', i + 1)) lines++;
  return size / (lines + 1) > 1000;
}

/**
 * Does a statement of this function build the logger this log line uses (its root) with this key
 * in its context (`l := log.With().Str("key", …)`, `logger := slog.With("key", …)`)?
 */
function contextLoggerHas(fn: string, root: string | undefined, key: string): boolean {
  if (!root) return false;
  const re = new RegExp(`${LOG_CALL_SPLIT}${key}"|\\.With\\([^)]*"${key}"`, 'g');
  const assigns = new RegExp(`^\\s*(?:var\\s+)?${escapeRegExp(root)}\\s*(?::=|=)`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(fn))) {
    // The statement around the key: a chain continues over lines that end in "." "," or "(".
    let start = fn.lastIndexOf('\n', m.index);
    while (start > 0 && /[.,(]\s*$/.test(fn.slice(fn.lastIndexOf('\n', start - 1) + 1, start))) start = fn.lastIndexOf('\n', start - 1);
    const stmt = fn.slice(start + 1, m.index + m[0].length);
    if (/\.With\(/.test(stmt) && assigns.test(stmt)) return true;
  }
  return false;
}

/** The variable a log chain adds its fields to: `e` of `e.Str("run_id", …)`. */
function eventOf(chain: string): string | undefined {
  return new RegExp(`^([A-Za-z_]\\w*)${LOG_CALL}`).exec(chain)?.[1];
}

/** `e.Str("session_id", …)` then `e.Str("run_id", …)`: fields added to one event (or encoder) held in a variable. */
function sameEventHas(fn: string, chain: string, key: string): boolean {
  const root = eventOf(chain);
  // The event is the function's parameter (a package such as zap builds separate fields).
  const params = fn.slice(0, fn.indexOf('{'));
  // e.Str("event_id", …).⏎Str("session_id", …): anywhere along a chain on the event.
  return !!root && new RegExp(`[(,]\\s*${root}\\s`).test(params) && new RegExp(`(?<![\\w.])${root}(?:\\s*\\.\\s*\\w+\\((?:[^()]|\\([^()]*\\))*\\))*?${LOG_CALL_SPLIT}${key}"`).test(fn);
}

/** slog.GroupValue(slog.String("session_id", …), slog.String("run_id", …)): a field beside the key in one call's arguments. */
function besideKey(call: Node, key: string): boolean {
  const args = call.parent;
  if (args?.type !== 'argument_list') return false;
  const keyField = new RegExp(`^[\\w.]*${LOG_CALL}${escapeRegExp(key)}"`);
  return named(args).some((a) => a.id !== call.id && keyField.test(a.text));
}

/** The same event variable is given the key elsewhere in a snippet of statements. */
function sameEventIn(snippet: string, chain: string, key: string): boolean {
  if (!snippet) return false;
  const root = eventOf(chain);
  return !!root && new RegExp(`(?<![\\w.])${root}${LOG_CALL}${key}"`).test(snippet);
}

function toPoint(p: Position): Point {
  return { row: p.line, column: p.character };
}

const EMPTY: ReadonlySet<string> = new Set();

function known(d: Domain): d is string {
  return typeof d === 'string';
}

/** The key of a keyed element in a composite literal (`Hub{runs: …}`). */
function isLiteralKey(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'literal_element' && parent.parent?.type === 'keyed_element' && named(parent.parent)[0]?.id === parent.id;
}

class GoFile {
  private readonly out: Candidate[] = [];
  private readonly seen = new Set<number>();
  private domains: GoDomains;

  constructor(
    private readonly text: string,
    private readonly ctx: AnalyzerContext,
    private readonly fieldTypes: FieldTypes,
  ) {
    // Every name of package ci (or github) is qualified by it, as ci.RunContext is from outside.
    const pkg = packageWords(packageName(text) ?? '');
    this.packageDomain = ctx.domainOf(pkg) ?? ctx.domainOfQualifier(pkg);
    this.domains = this.newDomains();
    this.generated = isGenerated(text);
  }

  private readonly generated: boolean;
  private readonly packageDomain: string | undefined;

  private newDomains(): GoDomains {
    return new GoDomains(
      (s) => this.ctx.domainOf(s),
      (s) => this.ctx.namesSession(s),
      this.packageDomain,
      this.fieldTypes,
      (s) => this.ctx.domainOfQualifier(s),
      (s) => this.ctx.hasEvidence(s),
    );
  }

  /** The candidates of one top-level declaration. */
  analyzeChunk(root: Node, chunk: Chunk): Analysed {
    // Each chunk is its own tree; node ids (addresses) may repeat across trees, so no cache may cross.
    this.domains = this.newDomains();
    this.facts = new Set();
    this.nouns = [];
    const first = this.out.length;
    const slice = this.text.slice(chunk.start, chunk.end);
    const hint = this.ctx.rules.hint;
    hint.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = hint.exec(slice))) {
      m.index += chunk.start;
      const node = root.descendantForIndex(m.index, m.index + m[0].length);
      if (!node) continue;
      const owner = this.ownerOf(node);
      if (!owner || this.seen.has(owner.startIndex)) continue;
      this.seen.add(owner.startIndex);
      if (IDENTIFIERS.has(owner.type)) this.identifier(owner);
      else if (STRING_TYPES.has(owner.type)) this.string(owner);
      else if (owner.type === 'comment') this.comment(owner);
    }
    // A local's facts are all in its own declaration: settled here (offsets are not cached).
    const found: Candidate[] = [];
    for (const c of this.out.slice(first)) {
      const local = c.requires?.filter((r) => r.startsWith('var@'));
      if (!local?.length) found.push(c);
      else if (local.some((r) => stated(this.facts, r))) found.push({ ...c, requires: undefined });
      else if (local.length < (c.requires?.length ?? 0)) found.push({ ...c, requires: c.requires?.filter((r) => !r.startsWith('var@')) });
    }
    // A doc comment's mention of a name goes with the name (see bareNamesDocumented).
    const at = new Map(found.map((c) => [c.start, c]));
    for (let i = found.length - 1; i >= 0; i--) {
      const same = found[i].requires?.find((r) => r.startsWith('same@'));
      if (!same) continue;
      const name = at.get(Number(same.slice(5)));
      if (name?.denotesSession && !name.requires?.some((r) => r.startsWith('same@'))) found[i] = { ...found[i], requires: name.requires, because: name.because };
      else found.splice(i, 1);
    }
    markSessionNouns(this.ctx, this.text, this.nouns, found, 'its declaration names the session by the legacy id');
    this.out.length = first;
    this.out.push(...found);
    const facts = new Set([...this.facts].filter((f) => !f.startsWith('var@')));
    return { found, facts };
  }

  /** Counted nouns in this declaration's comments ("gets exactly one run", "a run with its turn count"). */
  private nouns: Candidate[] = [];

  /** Facts the current declaration states about names (see go/collections.ts). */
  private facts = new Set<string>();

  /** The identifier, string literal or comment a position lies in. */
  private ownerOf(node: Node): Node | null {
    if (IDENTIFIERS.has(node.type) || node.type === 'comment' || STRING_TYPES.has(node.type)) return node;
    for (const a of ancestors(node)) if (STRING_TYPES.has(a.type)) return a;
    return null;
  }

  // ---- identifiers -------------------------------------------------------------------------

  private identifier(node: Node): void {
    const token = node.text;
    const match = this.ctx.match(token);
    if (!match) return;
    const parent = node.parent;
    if (node.type === 'package_identifier' || parent?.type === 'package_clause') {
      if (this.ctx.rules.packages.some((p) => p.split('/').pop() === token)) this.push(node, 'identifier', { packagePath: true });
      // An import's own alias (import resRunID "…") is a name like any other; a package's name is not.
      else if (parent?.type === 'import_spec' && match.kind !== 'bare') this.push(node, 'identifier', { domain: this.identifierDomain(node) });
      return;
    }
    const fnName = this.isFunctionName(node);
    if (match.kind === 'bare') {
      // lastSeqByRun, runByConv: "run" is the key's noun here, the session's old name (not a verb).
      // runStoreConformance(t, …): a function named with the bare word first runs something, unless
      // the name is only the bare word and its noun (runLogger(ctx) returns a logger).
      const words = lowerWords(token);
      if (this.ctx.bareIsKeyedSession(token) && !(fnName && words.length > 2 && this.ctx.rules.bareWords.has(words[0]))) {
        const context: ContextKind = fnName ? 'function' : node.type === 'field_identifier' ? 'field' : 'identifier';
        // Its type (a zerolog.Logger) says nothing of whose run it is; the scope does (a Planner's).
        this.push(node, context, { denotesSession: true, domain: this.identifierDomain(node) ?? this.domains.scopeDomain(node) });
        return;
      }
      if (fnName) {
        // DeleteRun(ctx, runID) takes the session: so does every call of DeleteRun, here or in
        // another file, whatever its arguments (s.turns.DeleteRun(ctx, "r1")). Run(…) is a verb.
        const takes = `field:?.${token}:takes`;
        if (this.namesTheSessionItTakes(node) || this.documentedAsSession(node)) {
          this.facts.add(takes);
          this.push(node, 'function', { denotesSession: true, domain: this.identifierDomain(node) });
        } else if (!this.ctx.rules.bareWords.has(lowerWords(token)[0])) {
          // TestDeleteRun: the test of a method that takes the session is named after it.
          const requires = [takes, ...this.containedNames(token)];
          this.push(node, 'function', { denotesSession: true, domain: this.identifierDomain(node), requires, because: 'a declaration of it takes the session', otherwise: { verb: true } });
        } else this.push(node, 'function', { verb: true });
        return;
      }
      const holds = this.bareHolds(node, isLiteralKey(node));
      const kind: ContextKind = node.type === 'type_identifier' ? 'type' : node.type === 'identifier' && !isLiteralKey(node) ? 'identifier' : 'field';
      // qDeleteRun, the query of DeleteRun(ctx, runID): named after a name that holds the session.
      const contained = holds?.requires || !holds ? this.containedNames(token) : [];
      if (holds) this.push(node, kind, { denotesSession: true, ...holds, ...(holds.requires ? { requires: [...holds.requires, ...contained] } : {}) });
      else if (contained.length && !known(this.identifierDomain(node))) this.push(node, kind, { denotesSession: true, requires: contained, because: 'it is named after a name that holds the session' });
      return;
    }
    const isKey = isLiteralKey(node);
    const context: ContextKind = fnName ? 'function' : node.type === 'type_identifier' ? 'type' : node.type === 'field_identifier' || isKey ? 'field' : 'identifier';
    const extra: Partial<Candidate> = { domain: this.identifierDomain(node) ?? this.trailingCommentDomain(node) };
    // JobRun.RunID, WorkflowRun{RunID: …}: a run entity's own id is not the session's alias.
    const owner = context === 'field' ? this.ownerType(node, isKey) : undefined;
    if (!extra.domain && this.isRunEntity(owner)) return;
    // A write to a field (resp.RunID = …) goes where the field goes; a read can read its replacement.
    if (owner && (parent?.type === 'field_declaration' || this.isAssigned(node))) extra.owner = owner;
    if (isKey && match.replacement && parent?.parent?.parent) {
      // chatResponse{SessionID: id, RunID: id}: renaming the key would set SessionID twice.
      const keys = named(parent.parent.parent).map((el) => (el.type === 'keyed_element' ? named(el)[0]?.text : undefined));
      if (keys.includes(match.replacement)) extra.noFix = `the literal already sets ${match.replacement}; remove this key instead`;
    }
    if (parent?.type === 'field_declaration' && match.replacement) {
      const clash = this.fieldCollision(parent);
      if (clash) extra.noFix = clash;
    }
    if (!extra.noFix && (node.type === 'field_identifier' || isKey) && this.shimFields(node).has(token)) {
      extra.noFix = SHIM_NOTE;
    }
    if (!extra.noFix && match.replacement && parent?.type === 'selector_expression') {
      const twin = this.comparedWith(parent, match.replacement);
      if (twin) extra.noFix = `this compares it with ${twin} already: renaming makes both sides the same; remove the legacy read instead`;
    }
    const unscoped = `field:?.${token}:unscoped`;
    if (!known(extra.domain) && this.isPackageLevelName(node)) this.facts.add(unscoped);
    // Str(FieldRunID, …) in a planning method: a name the package declares outside any domain is
    // what its declaration is, or renaming one would leave the other behind.
    if (known(extra.domain) && !isKey && this.declaredOutOfSight(node)) {
      this.push(node, context, { ...extra, domain: undefined, requires: [unscoped], because: 'the package declares it outside that scope', otherwise: extra });
      return;
    }
    this.push(node, context, extra);
  }

  /** `testRunID = "plan-1" // the planning run the frames below use`: the comment says whose it is. */
  private trailingCommentDomain(node: Node): string | undefined {
    const spec = node.parent;
    if (!spec || !/^(?:var_spec|const_spec|field_declaration)$/.test(spec.type) || !named(spec).some((n) => n.id === node.id)) return undefined;
    const comment = sameLineComment(spec);
    return comment && !this.ctx.namesSession(comment.text) ? this.ctx.domainOf(comment.text) : undefined;
  }

  /** The name a top-level var, const, func or type declaration declares. */
  private isPackageLevelName(node: Node): boolean {
    const p = node.parent;
    if (!p || field(p, 'name')?.id !== node.id) return false;
    if (p.type === 'function_declaration' || p.type === 'type_spec') return true;
    return (p.type === 'var_spec' || p.type === 'const_spec') && !this.enclosingFunction(node);
  }

  /**
   * A name whose domain comes only from the scope it is used in: no declaration in sight, nothing in
   * its use; unqualified or selected from a package (`obs.FieldRunID`).
   */
  private declaredOutOfSight(node: Node): boolean {
    if (this.ctx.domainOf(node.text) ?? this.ctx.domainOfQualifier(node.text)) return false;
    const p = node.parent;
    let name: Node = node;
    if (p?.type === 'selector_expression' && field(p, 'field')?.id === node.id) {
      const operand = field(p, 'operand');
      if (operand?.type !== 'identifier' || this.domains.lookup(operand) || this.domains.fieldDomain(p) !== undefined || this.domains.exprDomain(operand) !== undefined) return false;
      name = p;
    } else if (node.type !== 'identifier' || this.domains.lookup(node) || this.domains.useDomain(node)) return false;
    return !this.indexDomain(name);
  }

  /** `.Str(KeySession, id).Str("run_id", id)`: the same log line's key constant that names the session. */
  private namedSessionKey(chain: string): boolean {
    for (const m of chain.matchAll(LOG_KEY_CONSTANT)) {
      const words = lowerWords(m[1]);
      if (!this.ctx.isCandidate(m[1]) && this.ctx.rules.rules.some((r) => words.includes(r.spec.preferred[0].toLowerCase()))) return true;
    }
    return false;
  }

  /** Is this selector's field the target of an assignment (`resp.RunID = …`)? */
  private isAssigned(node: Node): boolean {
    const sel = node.parent;
    if (sel?.type !== 'selector_expression' || field(sel, 'field')?.id !== node.id) return false;
    const list = sel.parent;
    return list?.type === 'expression_list' && list.parent?.type === 'assignment_statement' && field(list.parent, 'left')?.id === list.id;
  }

  private readonly shims = new Map<number, ReadonlySet<string>>();

  /**
   * The legacy fields of a JSON compatibility shim in this function: an anonymous struct that
   * embeds a local alias of a type (`type alias EventMetadata`; `struct { alias; RunID string }`)
   * while the function already uses the new name (`RunID: em.SessionID`). Renaming such a field
   * would shadow the embedded type's own SessionID; the field goes with the shim.
   */
  private shimFields(node: Node): ReadonlySet<string> {
    const fn = this.enclosingFunction(node);
    if (!fn) return EMPTY;
    // Keyed by offset: each declaration is its own tree, and node ids repeat across trees.
    const known = this.shims.get(fn.startIndex);
    if (known) return known;
    const set = new Set<string>();
    const fnText = fn.text;
    if (/\btype\s+\w+\s+\*?[A-Z]\w*/.test(fnText)) {
      for (const st of fn.descendantsOfType('struct_type')) {
        const decls = st ? named(named(st)[0] ?? st).filter((d) => d.type === 'field_declaration') : [];
        const embedsAlias = decls.some((d) => {
          if (named(d).some((n) => n.type === 'field_identifier')) return false;
          const t = d.text.replace(/^\*/, '').trim();
          return new RegExp(`\\btype\\s+${t}\\s+\\*?[A-Z]\\w*`).test(fnText);
        });
        if (!embedsAlias) continue;
        for (const d of decls) {
          for (const n of named(d)) {
            if (n.type !== 'field_identifier') continue;
            const r = this.ctx.match(n.text)?.replacement;
            if (r && new RegExp(`\\b${r}\\b`).test(fnText)) set.add(n.text);
          }
        }
      }
    }
    this.shims.set(fn.startIndex, set);
    return set;
  }

  /** The type a field, key or selected field belongs to, where the syntax shows it. */
  private ownerType(node: Node, isKey: boolean): string | undefined {
    const parent = node.parent;
    if (parent?.type === 'field_declaration') {
      const spec = parent.parent?.parent?.parent;
      return spec?.type === 'type_spec' ? field(spec, 'name')?.text : undefined;
    }
    if (isKey) {
      for (const a of ancestors(node)) if (a.type === 'composite_literal') return typeName(field(a, 'type'));
      return undefined;
    }
    if (parent?.type === 'selector_expression' && field(parent, 'field')?.id === node.id) {
      const operand = field(parent, 'operand');
      if (operand?.type !== 'identifier') return undefined;
      return this.domains.declaredType(this.domains.lookup(operand)?.source ?? null);
    }
    return undefined;
  }

  /** A type whose name ends in the bare word (JobRun, WorkflowRun, a planning package's Run): a kind of run. */
  private isRunEntity(type: string | undefined): boolean {
    if (!type) return false;
    const words = lowerWords(type.split('.').pop() ?? '');
    return words.length > 0 && this.ctx.rules.bareWords.has(words[words.length - 1]);
  }

  private isFunctionName(node: Node): boolean {
    const p = node.parent;
    if (!p) return false;
    if ((p.type === 'function_declaration' || p.type === 'method_declaration' || p.type === 'method_elem' || p.type === 'method_spec') && field(p, 'name')?.id === node.id) return true;
    if (p.type === 'call_expression' && field(p, 'function')?.id === node.id) return true;
    return p.type === 'selector_expression' && field(p, 'field')?.id === node.id && p.parent?.type === 'call_expression' && field(p.parent, 'function')?.id === p.id;
  }

  private identifierDomain(node: Node): string | undefined {
    // CIRunID, githubRunID: a qualifier in the name itself says whose run it is.
    const own = this.ctx.domainOf(node.text) ?? this.ctx.domainOfQualifier(node.text);
    if (own) return own;
    const parent = node.parent;
    if (parent?.type === 'qualified_type') {
      // scheduler.RunStore: the package's name qualifies the type.
      const pkg = field(parent, 'package')?.text ?? '';
      const d = this.ctx.domainOf(pkg) ?? this.ctx.domainOfQualifier(pkg);
      if (d) return d;
    }
    if (parent?.type === 'selector_expression' && field(parent, 'field')?.id === node.id) {
      const operand = field(parent, 'operand');
      // tp.planning[e.RunID]: a key into a planning map is a planning run id, whatever e is.
      const index = parent.parent;
      if (index?.type === 'index_expression' && field(index, 'index')?.id === parent.id) {
        const keyed = this.domains.useDomain(parent);
        if (keyed) return keyed;
      }
      const d = this.domains.fieldDomain(parent) ?? this.domains.exprDomain(operand);
      if (known(d)) return d;
      // scheduler.RunID, ci.RunContext: a package named for another system qualifies what it exports.
      const pkg = operand?.type === 'identifier' && !this.domains.lookup(operand) ? this.ctx.domainOfQualifier(operand.text) : undefined;
      if (pkg) return pkg;
      // conv.RunID, session.RunID: the owner's name shows a session even where its type is unknown.
      if (d === null || (operand && this.ctx.namesSession(operand.text))) return undefined;
    } else if (parent?.type === 'literal_element' && parent.parent?.type === 'keyed_element' && named(parent.parent)[0]?.id === parent.id) {
      const literal = parent.parent.parent;
      // Envelope{Type: "planning.start", RunID: ev.Meta.SessionID}: a value that shows the session outweighs the type.
      const value = named(parent.parent)[1];
      const discriminated = literal?.type === 'literal_value' && !(value && this.ctx.namesSession(value.text)) ? this.domains.discriminatorDomain(literal) : undefined;
      const d = discriminated ?? this.literalDomain(parent.parent);
      if (known(d)) return d;
      if (d === null) return undefined;
    } else if (parent?.type === 'field_declaration') {
      // byRun map[string]*planningAgg: a field holding a domain's values is that domain's.
      const d = this.domains.typeDomain(field(parent, 'type'));
      if (known(d)) return d;
    } else if (node.type === 'identifier') {
      let decl = this.domains.lookup(node);
      // ids = append(ids, x) says nothing new: the variable is what its declaration made it.
      if (decl?.reassigns && !known(decl.domain)) decl = this.domains.lookup(node, true) ?? decl;
      const d = decl?.domain;
      if (known(d)) return d;
      if (d === null) return undefined;
      // Declared out of sight (a doc's snippet, a package-level variable): this use still tells.
      const used = decl ? this.domains.usesDomain(decl) : this.domains.useDomain(node);
      if (used) return used;
      // A key into a map of sessions is a session id, whatever the function is called.
      if (used === null) return undefined;
    }
    return this.indexDomain(node) ?? this.domains.scopeDomain(node);
  }

  /** The type of the composite literal a keyed element belongs to (through elided nested literals). */
  private literalDomain(keyed: Node): Domain {
    for (const a of ancestors(keyed)) {
      if (a.type !== 'composite_literal') continue;
      // TimelineItem{RunID: …} where the struct declares RunID a planning run's.
      const key = named(keyed)[0]?.text;
      const declared = key ? this.fieldTypes.domainOf(typeName(field(a, 'type')), key) : undefined;
      return declared ?? this.domains.typeDomain(field(a, 'type'));
    }
    return undefined;
  }

  /** p.planning[ev.RunID]: a key into a planning map is a planning run id. */
  private indexDomain(node: Node): string | undefined {
    let child = node;
    for (const a of ancestors(node)) {
      if (a.type === 'index_expression' && field(a, 'index')?.id === child.id) {
        const operand = field(a, 'operand');
        const d = this.ctx.domainOf(operand?.text ?? '') ?? (operand ? this.domains.fieldDomain(operand) : undefined);
        if (d) return d;
      }
      if (a.type.endsWith('_statement') || a.type === 'block') break;
      child = a;
    }
    return undefined;
  }

  /**
   * Whether a bare-word name (`run`, `runs`, `enabledRuns`, `runLog`) holds the session: `{}` when
   * its declaration says so; with `requires`, when facts stated by other uses say so (see
   * go/collections.ts); null when nothing does.
   */
  private bareHolds(node: Node, isKey: boolean): Pick<Candidate, 'because' | 'requires'> | null {
    if (node.type === 'type_identifier') {
      // "// RunNotFoundError is returned when … an unknown session.": its uses go with it.
      if (this.documentedAsSession(node)) {
        this.facts.add(`type:${node.text}:documented`);
        return { because: 'its doc comment says it is about the session' };
      }
      // type runQueue struct: what a map of sessions holds per session (see collectionValue).
      if (this.isRunEntity(node.text) || known(this.identifierDomain(node))) return null;
      return { requires: [`type:${node.text}:keyed`, `type:${node.text}:documented`], because: 'a map of sessions holds one per session, or its doc comment names the session' };
    }
    if (node.type !== 'identifier' && node.type !== 'field_identifier') return null;
    const local = node.type === 'identifier' && !isKey;
    const decl = local ? this.domains.lookup(node, true) : undefined;
    if (decl && known(decl.domain)) return null;
    if (local && this.denotesSession(node)) {
      const arg = argumentOf(node);
      if (arg) this.facts.add(`arg:${arg.fn}#${arg.index}:passed`);
      // A package-level variable (ErrRunNotFound = errors.New("session not found")) is the same
      // name in the functions that use it, out of this declaration's sight.
      if (/^(?:var|const)_spec$/.test(node.parent?.type ?? '') && !this.enclosingFunction(node)) this.facts.add(`field:?.${node.text}:holds`);
      return {};
    }
    // In a planning scope (PlanningRuns(), a planning type's field) a collection of runs is planning's.
    if (known(this.identifierDomain(node))) return null;
    const requires: string[] = [];
    // A name declared out of sight may be a collection or a variable the package declares.
    let because = local && !decl ? 'its declaration or its uses hold session ids' : 'it is keyed by, or filled with, session ids';
    const scope = this.collectionScope(node, isKey, decl);
    if (scope) {
      const holding = holdingAt(collectionExpression(node), (v) => this.isSessionId(v));
      if (holding) this.facts.add(`${scope}:${holding}`);
      requires.push(`${scope}:*`);
      const value = this.collectionValue(node);
      if (value) this.facts.add(`link:${scope}>${value}`);
    }
    if (decl?.ranges) {
      const subject = this.collectionScope(decl.ranges.subject, false, undefined);
      if (subject) requires.push(`${subject}:${decl.ranges.index === 0 ? 'keyed' : 'holds'}`);
      because = 'it ranges over a collection of sessions';
    }
    if (decl?.param) {
      requires.push(`arg:${decl.param.fn}#${decl.param.index}:passed`);
      because = "its callers pass it the session's value";
    }
    return requires.length > 0 ? { requires, because } : null;
  }

  /**
   * `runs map[string]*runQueue`: the bare-named type a bare-named map field holds. Where the map is
   * keyed by session ids, that type is the per-session thing (a run queue is a session's queue).
   */
  private collectionValue(node: Node): string | undefined {
    const decl = node.parent;
    if (node.type !== 'field_identifier' || decl?.type !== 'field_declaration') return undefined;
    const type = field(decl, 'type');
    const map = type && mapTypeOf(type);
    const value = map ? typeName(field(map, 'value')) : '';
    if (!value || value.includes('.') || this.ctx.match(value)?.kind !== 'bare' || this.isRunEntity(value) || this.ctx.domainOf(value)) return undefined;
    return value;
  }

  /**
   * The fact scope of a collection: `field:Hub.runs` for a field (through a selector, its
   * declaration or a literal's key; `?` for an owner out of sight), `var@offset` for a local.
   */
  private collectionScope(node: Node, isKey: boolean, decl: Declaration | undefined): string | undefined {
    let name = node;
    if (node.type === 'selector_expression') {
      const f = field(node, 'field');
      if (!f) return undefined;
      name = f;
    } else if (node.type === 'identifier' && !isKey) {
      const d = decl ?? this.domains.lookup(node, true);
      // Declared out of sight (a package-level variable): known by its name, as a field is.
      return d ? `var@${d.from}` : `field:?.${node.text}`;
    } else if (node.type !== 'field_identifier' && !isKey) return undefined;
    return `field:${this.ownerType(name, isKey) ?? '?'}.${name.text}`;
  }

  /** Does this value show a session id, under either name (`c.runID`, `conv.SessionID`), outside any domain? */
  private isSessionId(v: Node): boolean {
    // The value itself, not a value built with it (kv{runID, at}).
    if (v.type !== 'identifier' && v.type !== 'selector_expression') return false;
    const words = lowerWords(v.text);
    if (!this.ctx.rules.rules.some((r) => hasWordSequence(words, r.spec.legacy) || hasWordSequence(words, r.spec.preferred))) return false;
    if (!this.ctx.namesSession(v.text)) return false;
    const last = v.type === 'selector_expression' ? field(v, 'field') : v;
    // run.RunID of a *JobRun is the job run's own id.
    if (last && last !== v && this.isRunEntity(this.ownerType(last, false))) return false;
    return !!last && !known(this.identifierDomain(last));
  }

  /**
   * `LookupRun(runID string)`, `convs.LookupRun(runID)`: where the bare word is a noun after the
   * verb (not `RunLoop`) and the function takes the session's id, it names what that id identifies:
   * the session. Without such a parameter it stays a verb phrase (`startRunForPrompt`, whose run is
   * the inference).
   */
  private namesTheSessionItTakes(node: Node): boolean {
    const words = lowerWords(node.text);
    if (this.ctx.rules.bareWords.has(words[0])) return false;
    const p = node.parent;
    let values: Node[] = [];
    if (p && /^(?:function_declaration|method_declaration|method_elem|method_spec)$/.test(p.type)) {
      const params = field(p, 'parameters');
      values = params ? named(params).flatMap((d) => fields(d, 'name')) : [];
    } else {
      const call = p?.type === 'call_expression' ? p : p?.parent?.type === 'call_expression' ? p.parent : null;
      const args = call ? field(call, 'arguments') : null;
      values = args ? named(args) : [];
    }
    const last = (v: Node): string => (v.type === 'selector_expression' ? (field(v, 'field')?.text ?? '') : v.text);
    if (values.some((v) => this.ctx.match(last(v))?.kind === 'term' && this.isSessionId(v))) return true;
    // PurgeRunTurns(ctx, sessionID): an operation on stored data, given the session by its new name.
    // (StartRun(ctx, sessionID) starts a run within the session: that run is the inference.)
    return STORAGE_VERBS.has(words[0]) && values.some((v) => !this.ctx.match(last(v)) && this.isSessionId(v));
  }

  /**
   * "// runsToBackfill returns the sessions to process.": a declaration whose doc comment's first
   * sentence, about the name, speaks of sessions and of no run (no "the inference runs of a
   * session"), nor of another domain. A function named with the singular bare word first
   * (RunInference) runs something, whatever its comment says.
   */
  private documentedAsSession(node: Node): boolean {
    const decl = node.parent;
    if (!decl || field(decl, 'name')?.id !== node.id) return false;
    const first = /^[A-Za-z][a-z]*/.exec(node.text)?.[0].toLowerCase() ?? '';
    if (decl.type !== 'type_spec' && this.ctx.rules.bareWords.has(first) && !first.endsWith('s')) return false;
    const holder = decl.type === 'type_spec' ? decl.parent : decl;
    let doc = '';
    for (let c = holder?.previousSibling ?? null, row = holder?.startPosition.row ?? 0; c?.type === 'comment' && c.endPosition.row + 1 === row; c = c.previousSibling) {
      doc = `${c.text.replace(/^\/\/\s?/, '')} ${doc}`;
      row = c.startPosition.row;
    }
    if (!doc.startsWith(`${node.text} `)) return false;
    const end = doc.search(SENTENCE_END);
    // The term itself (--run-id) is not a word about a run.
    const sentence = doc
      .slice(node.text.length, end >= 0 ? end : doc.length)
      .split(/\s+/)
      .filter((t) => this.ctx.match(t.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, ''))?.kind !== 'term')
      .join(' ');
    return this.ctx.hasEvidence(sentence) && !this.ctx.domainOf(sentence) && !lowerWords(sentence).some((w) => this.ctx.rules.bareWords.has(w) || this.ctx.rules.bareWords.has(w.replace(/s$/, '')));
  }

  /** The facts that make a name this one contains (`DeleteRun` in `qDeleteRun`) the session's. */
  private containedNames(token: string): string[] {
    const bare = this.ctx.rules.bareWords;
    return containedNameFacts(token, (w) => bare.has(w) || (w.endsWith('s') && bare.has(w.slice(0, -1))));
  }

  /** A bare `run`/`runLog` variable holds the session when its declaration says so. */
  private denotesSession(node: Node): boolean {
    // The variable is what its declaration made it: `run = uuid.NewString()` later is the same run.
    const decl = this.domains.lookup(node, true);
    if (!decl || known(decl.domain)) return false;
    // run := JobRun{RunID: …} is a run entity, whatever id it carries.
    if (decl.source && this.isRunEntity(this.domains.declaredType(decl.source))) return false;
    // runs := p.ListForSession(id): the many things a call gives for one session are keyed by it,
    // not sessions (run := m.LookupBySession(id) is the one the session is).
    const plural = /s$/i.test(node.text) && decl.source?.type === 'call_expression';
    if (decl.source && this.ctx.namesSession(plural ? decl.source.text.replace(KEYED_BY_NAME, '') : decl.source.text)) return true;
    return this.domains.usedAsSession(decl, (s) => this.ctx.namesSession(s));
  }

  // ---- strings -----------------------------------------------------------------------------

  private string(lit: Node): void {
    const [offset, content] = stringContent(lit);
    // SQL first: db.Query("SELECT … WHERE run_id = ?") is a query, whatever the method is called.
    const role = looksLikeSql(content) ? ({ kind: 'text' } as const) : roleOf(lit);
    // flag.Int64("run-id", 0, "GitHub Actions workflow run id"): the flag's usage says whose it is.
    const call = lit.parent?.type === 'argument_list' ? lit.parent.parent : null;
    // planning.Payload["run_id"]: a key into a domain's map is that domain's.
    const scope = (call?.type === 'call_expression' ? this.domains.flagUsageDomain(call) : undefined) ?? this.indexDomain(lit) ?? this.domains.scopeDomain(lit);
    switch (role.kind) {
      case 'tag':
        this.tag(lit, offset, content, scope);
        return;
      case 'import':
        this.importPath(offset, content);
        return;
      case 'log-key':
      case 'map-key': {
        const d = this.domains.exprDomain(role.value);
        // A variable declared in sight is judged by its declaration, not by its name's words.
        const declared = role.value?.type === 'identifier' && this.domains.lookup(role.value) !== undefined;
        const domain = known(d) ? d : d === null || (role.value && !declared && this.ctx.namesSession(role.value.text)) ? undefined : scope;
        if (role.kind === 'map-key') {
          this.words(content, offset, 'object-key', { domain }, (r) => role.literal.text.includes(`"${r}"`));
        } else {
          // The same log line, or a logger the function derives with the preferred key already in its
          // context (log.With().Str("session_id", …)), would log it twice; another log line would not.
          const chain = this.chainOf(role.call).text;
          const enclosing = this.enclosingFunction(role.call);
          const fn = enclosing?.text ?? '';
          // A doc's snippet of statements (e.Str("session_id", …) ⏎ e.Str("run_id", …)) fills one event.
          const snippet = !enclosing && !/^func\s/m.test(this.text) ? this.text : '';
          // Only log field constructors count: a query read .Get("session_id") logs nothing.
          const root = /^\s*([A-Za-z_]\w*)\s*\./.exec(this.statementOf(role.call)?.text ?? '')?.[1];
          this.words(content, offset, 'log-key', { domain }, (r) => chain.includes(`"${r}"`) || this.namedSessionKey(chain) || contextLoggerHas(fn, root, r) || sameEventHas(fn, chain, r) || sameEventIn(snippet, chain, r) || besideKey(role.call, r));
        }
        return;
      }
      case 'url-param':
        // Only a read of the new parameter makes this one a fallback (not "session_id" in the response).
        this.words(content, offset, 'url', { domain: scope }, (r) => new RegExp(`${URL_CALL}${r}"`).test(this.enclosingFunction(lit)?.text ?? ''));
        return;
      default:
        if (looksLikeSql(content)) {
          // TestMigrateSessionColumns builds the schema as it was before: its SQL is history.
          this.out.push(...this.ctx.embed('sql', content, offset, { domain: scope, ...(this.inMigration(lit) === 'test' ? { migration: true } : {}) }));
          return;
        }
        const cands = scanWords(content, this.ctx, { context: 'string', offset, inherit: scope ? { domain: scope } : undefined });
        // hasColumn("turns", "run_id") beside `RENAME COLUMN run_id TO session_id`: the probe is part of the migration.
        if (cands.length && /^[\w.-]+$/.test(content) && (this.inMigrationStep(lit, content) || this.inMigration(lit) !== undefined || this.heldByOldName(lit))) for (const c of cands) c.migration = true;
        for (const c of cands) {
          const before = this.text.slice(Math.max(0, c.start - 1), c.start);
          if ((before === '?' || before === '&') && this.text[c.end] === '=') c.context = 'url';
          if (!c.domain && this.printsSession(lit, offset, content, c)) {
            c.denotesSession = true;
            c.because = 'the format prints a session id after it';
          } else if (isBareNoun(this.ctx, this.text, c, content, c.start - offset)) this.nouns.push(c); // "unknown run", t.Run("lists turns for a run")
          if (this.generated && SERIALIZED.test(lit.text)) c.noFix = 'generated code: change its source and regenerate';
          else {
            const duplicate = this.alreadyHere(lit, content, c);
            if (duplicate) c.noFix = duplicate;
          }
          this.out.push(c);
        }
    }
  }

  /**
   * `fmt.Errorf("insert turn %s (run %s): %w", t.ID, t.RunID, err)`: the bare word in a format,
   * right before the verb that prints a session id, names the session (not after "to": "failed to
   * run %s" runs a command).
   */
  private printsSession(lit: Node, offset: number, content: string, c: Candidate): boolean {
    if (this.ctx.match(this.text.slice(c.start, c.end))?.kind !== 'bare' || !/^[A-Za-z]+$/.test(this.text.slice(c.start, c.end))) return false;
    const args = lit.parent?.type === 'argument_list' ? lit.parent : null;
    const call = args?.parent?.type === 'call_expression' ? args.parent : null;
    const callee = call ? field(call, 'function') : null;
    const name = callee?.type === 'selector_expression' ? field(callee, 'field')?.text : callee?.text;
    if (!args || !name || !FORMAT_FUNCTION.test(name)) return false;
    const before = /([A-Za-z]+)\W*$/.exec(content.slice(0, c.start - offset))?.[1]?.toLowerCase();
    if (before && MODAL_BEFORE.has(before)) return false;
    const verb = verbAfter(content, c.end - offset);
    if (verb === null) return false;
    const list = named(args);
    let value: Node | undefined = list[list.findIndex((a) => a.id === lit.id) + 1 + verb];
    // shortID(m.runID): a value formatted on its way to the verb is the same id.
    const inner = value?.type === 'call_expression' ? named(field(value, 'arguments') ?? value) : [];
    if (inner.length === 1) value = inner[0];
    return !!value && this.isSessionId(value);
  }

  /**
   * Where the new name is already beside this string, a rename would duplicate it: a URL that has
   * both parameters (`?session_id=s3&run_id=zzz`), a comparison or assertion of the same map under
   * both keys (`resp["run_id"] != resp["session_id"]`), a call whose other arguments name the new
   * one (`StringVar(&id, "run-id", "", "alias of --session-id")`). The legacy one is to go.
   */
  private alreadyHere(lit: Node, content: string, c: Candidate): string | undefined {
    const r = this.ctx.match(this.text.slice(c.start, c.end))?.replacement;
    if (!r) return undefined;
    const esc = escapeRegExp(r);
    if (c.context === 'url' && new RegExp(`[?&]${esc}=`).test(content)) return `the URL already has ${r}=; remove this parameter instead`;
    const parent = lit.parent;
    if (parent?.type === 'index_expression' && field(parent, 'index')?.id === lit.id) {
      const operand = field(parent, 'operand')?.text ?? '';
      let stmt: Node = parent;
      for (const a of ancestors(parent)) {
        stmt = a;
        if (a.type.endsWith('_statement') || a.type === 'block') break;
      }
      const twin = new RegExp(`(?<![\\w.])${escapeRegExp(operand)}\\[\\s*"${esc}"\\s*\\]`);
      if (operand && twin.test(stmt.text)) return `this compares ${operand}["${r}"] already: renaming makes both sides the same; remove the legacy read instead`;
    }
    // "--session-id and --run-id disagree": the text names the new one already (a document's other
    // object may hold it without a clash, and the bare word's "session" is any sentence's word).
    const term = this.ctx.match(this.text.slice(c.start, c.end))?.kind === 'term';
    if (term && !/^\s*[[{]/.test(content) && new RegExp(`(?<!\\w|\\w-)${esc}(?![\\w-])`).test(content)) return `the text already names ${r}; a rename would name it twice`;
    if (parent?.type === 'argument_list') {
      const word = new RegExp(`(?<!\\w)${esc}(?![\\w-])`);
      if (named(parent).some((a) => a.id !== lit.id && STRING_TYPES.has(a.type) && word.test(a.text))) return `the call already names ${r}; remove this alias instead`;
    }
    return undefined;
  }

  /**
   * The function around a node is a migration (MigrateSessionColumns: its column probes name the old
   * column) or a test of one (TestMigrateSessionColumns: its fixtures are the old schema).
   */
  private inMigration(node: Node): 'migration' | 'test' | undefined {
    const fn = [...ancestors(node)].find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
    const name = fn ? (field(fn, 'name')?.text ?? '') : '';
    // Named for this migration (MigrateSessionColumns), not for the schema (migrate, TestSchemaMatchesMigration).
    const words = lowerWords(name);
    const test = name.startsWith('Test');
    // TestTurnsDeprecatedRunIDParam tests the old parameter on purpose.
    const about = words.some((w) => w.startsWith('migrat')) || (test && words.some((w) => w === 'legacy' || w === 'deprecated'));
    if (!about || !(this.ctx.hasEvidence(name) || words.some((w) => this.ctx.rules.bareWords.has(w)))) return undefined;
    return test ? 'test' : 'migration';
  }

  /**
   * `assert.Equal(t, resp.SessionID, resp.RunID)`, `resp.RunID != resp.SessionID`: the same value is
   * already read under the new name beside this one, so a rename compares it with itself.
   */
  private comparedWith(sel: Node, replacement: string): string | undefined {
    const operand = field(sel, 'operand')?.text;
    if (!operand || field(sel, 'field')?.id !== named(sel)[named(sel).length - 1]?.id) return undefined;
    const host = sel.parent?.type === 'argument_list' || sel.parent?.type === 'binary_expression' ? sel.parent : null;
    if (!host || (host.type === 'binary_expression' && !/^[!=]=$/.test(field(host, 'operator')?.text ?? ''))) return undefined;
    const twin = `${operand}.${replacement}`;
    return named(host).some((n) => n.id !== sel.id && n.text === twin) ? twin : undefined;
  }

  /** `legacy, err := hasColumn(ctx, db, "turns", "run_id")`: what a probe's answer is called says what it looks for. */
  private heldByOldName(lit: Node): boolean {
    const call = lit.parent?.type === 'argument_list' ? lit.parent.parent : null;
    const list = call?.parent?.type === 'expression_list' ? call.parent : null;
    const stmt = list?.parent;
    if (!stmt || !/^(?:short_var_declaration|assignment_statement)$/.test(stmt.type) || field(stmt, 'right')?.id !== list?.id) return false;
    const first = named(field(stmt, 'left') ?? stmt)[0];
    return first?.type === 'identifier' && this.ctx.isMigrationText(lowerWords(first.text).join(' '));
  }

  /** The step (a literal element, a block, a function) around a string also renames or drops this name in SQL. */
  private inMigrationStep(lit: Node, name: string): boolean {
    for (const a of ancestors(lit)) {
      if (a.type !== 'literal_value' && a.type !== 'block' && a.type !== 'func_literal' && a.type !== 'function_declaration' && a.type !== 'method_declaration') continue;
      const body = a.text;
      if (MIGRATION_SQL.test(body)) {
        // The old name or the new one: a fix of the SQL must not change what the probe is.
        const names = [name, this.ctx.match(name)?.replacement ?? name].map(escapeRegExp);
        return new RegExp(`(?:RENAME\\s+COLUMN|DROP\\s+(?:INDEX|COLUMN)(?:\\s+IF\\s+EXISTS)?)\\s+["\`]?(?:${names.join('|')})\\b`, 'i').test(body);
      }
      if (a.type !== 'literal_value' && a.type !== 'block') return false;
    }
    return false;
  }

  /**
   * Keys in a map literal, a log call chain or a handler: when the same container already has the
   * preferred key, renaming would duplicate it, so there is no safe fix.
   */
  private words(content: string, offset: number, context: ContextKind, inherit: Partial<Candidate>, alreadyHas: (replacement: string) => boolean): void {
    for (const c of scanWords(content, this.ctx, { context, offset, inherit })) {
      const replacement = this.ctx.match(this.text.slice(c.start, c.end))?.replacement;
      if (replacement && alreadyHas(replacement)) {
        c.noFix = `"${replacement}" is already present here; remove the legacy key instead`;
      }
      this.out.push(c);
    }
  }

  private chainOf(call: Node): Node {
    let top = call;
    for (const a of ancestors(call)) {
      if (a.type === 'call_expression' || a.type === 'selector_expression') top = a;
      else break;
    }
    return top;
  }

  /** The statement a node is part of (`l.Info().Str(…).Msg(…)`, `x := …`). */
  private statementOf(node: Node): Node | null {
    for (const a of ancestors(node)) if (a.type.endsWith('_statement') || a.type === 'short_var_declaration') return a;
    return null;
  }

  private enclosingFunction(node: Node): Node | null {
    for (const a of ancestors(node)) if (a.type === 'function_declaration' || a.type === 'method_declaration' || a.type === 'func_literal') return a;
    return null;
  }

  private tag(lit: Node, offset: number, content: string, scope: string | undefined): void {
    const fieldDecl = lit.parent as Node;
    const spec = fieldDecl.parent?.parent?.parent;
    if (!scope && spec?.type === 'type_spec' && this.isRunEntity(field(spec, 'name')?.text)) return;
    const nameNode = named(fieldDecl).find((n) => n.type === 'field_identifier');
    const fieldName = nameNode?.text ?? '';
    const fieldDomain = this.ctx.domainOf(fieldName) ?? (nameNode ? this.trailingCommentDomain(nameNode) : undefined) ?? scope;
    const removed = fieldName ? this.ctx.match(fieldName)?.kind === 'removal' : false;
    const clash = removed ? undefined : (this.fieldCollision(fieldDecl) ?? (this.shimFields(lit).has(fieldName) ? SHIM_NOTE : undefined));
    for (const c of scanWords(content, this.ctx, { context: 'tag', offset, unit: 'none', inherit: fieldDomain ? { domain: fieldDomain } : undefined })) {
      if (removed) c.noFix = `the field ${fieldName} is removed`;
      else if (clash) c.noFix = clash;
      this.out.push(c);
    }
  }

  /**
   * Renaming this field (its name or a tag key) would give the struct a second member of the new
   * name: the field is the duplicate to remove. One verdict for the name and all its tags, so a
   * fix of one never changes the verdict on the others (fixes converge).
   */
  private fieldCollision(fieldDecl: Node): string | undefined {
    const list = fieldDecl.parent;
    if (!list) return undefined;
    for (const n of named(fieldDecl)) {
      if (n.type !== 'field_identifier') continue;
      const r = this.ctx.match(n.text)?.replacement;
      if (r && named(list).some((f) => f.id !== fieldDecl.id && named(f).some((m) => m.type === 'field_identifier' && m.text === r))) return `${CLASH} ${r}; remove this field instead`;
    }
    const tag = field(fieldDecl, 'tag');
    if (!tag) return undefined;
    const structText = list.text;
    for (const word of tag.text.match(/[\w-]+/g) ?? []) {
      const r = this.ctx.match(word)?.replacement;
      if (r && new RegExp(`["=,]${r}[",]`).test(structText)) return `${CLASH} "${r}"; remove this field instead`;
    }
    return undefined;
  }

  private importPath(offset: number, content: string): void {
    for (const p of this.ctx.rules.packages) {
      const at = content.endsWith(p) ? content.length - p.length : -1;
      if (at < 0) continue;
      const last = p.split('/').pop() ?? p;
      const start = offset + content.length - last.length;
      this.out.push({ start, end: start + last.length, context: 'string', packagePath: true });
    }
  }

  // ---- comments ----------------------------------------------------------------------------

  private comment(node: Node): void {
    const domain = this.attachedDomain(node) ?? this.domains.scopeDomain(node);
    const body = node.text;
    // A commented-out statement (// DROP INDEX IF EXISTS idx_…_run_id_at;) is read as the SQL it is.
    const sql = body.replace(/^\/\/\s?|^\/\*|\*\/$/g, '');
    if (/^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH)\b/.test(sql) && looksLikeSql(sql) && !this.ctx.isMigrationText(sql)) {
      const at = body.indexOf(sql.trimStart().slice(0, 8));
      this.out.push(...this.ctx.embed('sql', body.slice(at), node.startIndex + at, domain ? { domain, context: 'comment' } : { context: 'comment' }));
      return;
    }
    const cands = scanWords(body, this.ctx, { context: 'comment', offset: node.startIndex, inherit: domain ? { domain } : undefined });
    this.wordBeforeTheLine(node, cands);
    // "// Callers should pass session_id; run_id is\n// still accepted during the deprecation window."
    for (const c of cands) if (!c.migration && this.ctx.isMigrationText(this.sentenceAcrossLines(node, c.start - node.startIndex))) c.migration = true;
    // "// LookupByRunID resolves … (legacy name)": a doc comment's mention of the declared name is
    // that name, renamed with it, whatever else the comment says; but a `Deprecated:` paragraph
    // is about the old name itself (Go's convention for marking it), a migration reference.
    const documents = this.attachedNames(node);
    // "// LegacyRunID mirrors SessionID for consumers that still read run_id": the doc comment of
    // a member scheduled for deletion describes the compatibility, and goes with it.
    if (documents.some((n) => this.ctx.match(n.text)?.kind === 'removal')) for (const c of cands) c.migration = true;
    const declared = cands.some((c) => c.migration) && !/^\/\/\s*Deprecated:/.test(body) ? documents.map((n) => n.text) : [];
    for (const c of cands) {
      const token = this.text.slice(c.start, c.end);
      if (c.migration && declared.includes(token)) c.migration = undefined;
      // As for code: in a planning package, a name that shows the session is the session's.
      if (c.domain && c.domain === this.packageDomain && this.ctx.hasEvidence(token)) c.domain = undefined;
    }
    for (const c of cands) if (isBareNoun(this.ctx, this.text, c, body, c.start - node.startIndex)) this.nouns.push(c);
    this.bareNamesDocumented(node, cands);
    for (const c of cands) if (!c.requires) this.mentionOfName(c);
    this.out.push(...cands);
  }

  /**
   * "// … only carry the planning\n// run_id, so …": a term that starts a comment line takes the
   * adjective that ended the line before, as it would in one line.
   */
  private wordBeforeTheLine(node: Node, cands: Candidate[]): void {
    const first = cands[0];
    const prev = node.previousSibling;
    if (!first || first.domain || !/^\/\/\s*$/.test(this.text.slice(node.startIndex, first.start))) return;
    if (prev?.type !== 'comment' || !prev.text.startsWith('//') || prev.endPosition.row + 1 !== node.startPosition.row) return;
    const last = /([A-Za-z]+)[\s`*_"]*$/.exec(prev.text)?.[1];
    const d = last ? (this.ctx.domainOf(last) ?? this.ctx.domainOfQualifier(last)) : undefined;
    if (d) first.domain = d;
  }

  /**
   * "// errors.Is(err, ErrRunNotFound)": a comment's mention of a Go name (camel humps, not a word
   * of the sentence) holds the session where the name does, here or in the package.
   */
  private mentionOfName(c: Candidate): void {
    const token = this.text.slice(c.start, c.end);
    if (c.denotesSession || c.migration || c.domain || c.packagePath || !/[a-z][A-Z]/.test(token) || this.ctx.match(token)?.kind !== 'bare') return;
    Object.assign(c, { denotesSession: true, verb: undefined, requires: [`field:?.${token}:*`, ...this.containedNames(token)], because: 'it names a name that holds the session', otherwise: { ...c } });
  }

  /**
   * "// enabledRuns is the set of …": a doc comment's mention of a declared bare-word name is that
   * name, and holds the session where the name does (settled once the declaration is read).
   */
  private bareNamesDocumented(node: Node, cands: Candidate[]): void {
    for (const name of this.attachedNames(node)) {
      if (this.ctx.match(name.text)?.kind !== 'bare') continue;
      const re = new RegExp(`(?<![\\w.])${escapeRegExp(name.text)}(?![\\w])`, 'g');
      for (const m of node.text.matchAll(re)) {
        const start = node.startIndex + m.index;
        const scanned = cands.find((c) => c.start === start);
        const mention: Candidate = { start, end: start + name.text.length, context: 'comment', denotesSession: true, requires: [`same@${name.startIndex}`] };
        if (scanned) Object.assign(scanned, mention);
        else this.out.push(mention);
      }
    }
  }

  /**
   * The sentence around `at` in a line comment, continued over the `//` lines before and after it
   * (a sentence ends at `.`, `!` or `?` and white space, or at a line that is not a comment).
   */
  private sentenceAcrossLines(node: Node, at: number): string {
    const line = (n: Node): string => n.text.replace(/^\/\/\s?/, '');
    const adjacent = (a: Node | null, b: Node | null): a is Node => !!a && !!b && a.type === 'comment' && b.type === 'comment' && a.text.startsWith('//') && b.text.startsWith('//') && a.endPosition.row + 1 === b.startPosition.row;
    const here = node.text;
    const lastEnd = (t: string): number => {
      let e = -1;
      for (const m of t.matchAll(SENTENCE_END)) e = m.index + 1;
      return e;
    };
    const firstEnd = (t: string): number => t.search(SENTENCE_END);
    let head = here.slice(0, at);
    const cut = lastEnd(head);
    const prev = node.previousSibling;
    if (cut >= 0) head = head.slice(cut);
    else if (adjacent(prev, node)) head = `${line(prev).slice(Math.max(0, lastEnd(line(prev))))} ${head}`;
    let tail = here.slice(at);
    const stop = firstEnd(tail);
    if (stop >= 0) tail = tail.slice(0, stop + 1);
    else if (adjacent(node, node.nextSibling)) {
      const next = line(node.nextSibling as Node);
      const e = firstEnd(next);
      tail = `${tail} ${e >= 0 ? next.slice(0, e + 1) : next}`;
    }
    return head + tail;
  }

  /** The names declared by the declaration a doc comment sits on. */
  private attachedNames(node: Node): Node[] {
    const next = this.documented(node);
    const names = (n: Node, types: string[]): Node[] => named(n).filter((x) => types.includes(x.type));
    switch (next?.type) {
      case 'function_declaration':
      case 'method_declaration':
      case 'method_elem':
      case 'method_spec': {
        const name = field(next, 'name');
        return name ? [name] : [];
      }
      case 'field_declaration':
        return names(next, ['field_identifier']);
      case 'type_declaration':
      case 'var_declaration':
      case 'const_declaration':
        return named(next).flatMap((spec) => names(spec, ['identifier', 'type_identifier']));
      case 'type_spec':
      case 'var_spec':
      case 'const_spec':
        return names(next, ['identifier', 'type_identifier']);
      default:
        return [];
    }
  }

  /** The declaration a comment documents: the one right after its block of comment lines. */
  private documented(node: Node): Node | null {
    let last = node;
    let next = node.nextNamedSibling;
    while (next && next.type === 'comment' && next.startPosition.row - last.endPosition.row <= 1) {
      last = next;
      next = next.nextNamedSibling;
    }
    return next && next.startPosition.row - last.endPosition.row <= 1 ? next : null;
  }

  /** A doc comment belongs to the declaration that follows it. */
  private attachedDomain(node: Node): string | undefined {
    const next = this.documented(node);
    if (!next) return undefined;
    switch (next.type) {
      case 'type_declaration':
        return this.ctx.domainOf(named(next).map((s) => field(s, 'name')?.text ?? '').join(' '));
      case 'field_declaration':
        return this.ctx.domainOf(named(next).find((n) => n.type === 'field_identifier')?.text ?? '') ?? this.domains.scopeDomain(next);
      case 'method_declaration':
      case 'function_declaration': {
        const body = field(next, 'body');
        return this.ctx.domainOf(field(next, 'name')?.text ?? '') ?? (body ? this.domains.scopeDomain(body) : undefined);
      }
      default:
        return undefined;
    }
  }

  private push(node: Node, context: ContextKind, extra: Partial<Candidate>): void {
    // In a planning package a name that shows the session (convRunID, sessionRunID) is the session's.
    if (extra.domain && extra.domain === this.packageDomain && this.ctx.hasEvidence(node.text)) extra = { ...extra, domain: undefined };
    this.out.push({ ...extra, start: node.startIndex, end: node.endIndex, context });
  }
}
