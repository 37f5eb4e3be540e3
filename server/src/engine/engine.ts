/**
 * The engine: text in, findings and text edits out. No editor or protocol types here; the
 * language server, the command line and the tests all call this.
 */
import type { Analyzer, AnalyzerContext } from './analyzer';
import { classify, type Verdict } from './classify';
import { withCollisions } from './collisions';
import { applyObjectDomains, discriminatedObjects } from './jsonScopes';
import { planRecheck, type Previous } from './recheck';
import { withMixedContracts, type Contract } from './contracts';
import { BoundedCache } from './textKey';
import { findSuppressions } from './directives';
import { languageOfName, languageOfPath, type LanguageId } from './languages';
import { matchToken, type TokenMatch } from './matcher';
import { loadGrammars, type Grammars } from './parsers';
import { LineIndex } from './positions';
import type { CompiledRule, Ruleset } from './rules/compile';
import { builtinRuleset } from './rules/load';
import { advisedEntries } from './advisedEntries';
import { applyMappingDomains, discriminatedMappings } from './yamlScopes';
import { scanWords } from './scan';
import { quotedSql } from './quotedSql';
import { applyDefinitions } from './definitions';
import { applyAssignedDomains } from './assignedNames';
import { applySessionVariables } from './sessionVariables';
import { APPLIED_MIGRATION, isVersionedMigration } from './appliedMigrations';
import type { Candidate, Finding, PackageSource, TextEdit } from './types';
import { lowerWords } from './words';
import { createGoAnalyzer } from './analyzers/go';
import { analyzeSql } from './analyzers/sql';
import { analyzeMarkdown } from './analyzers/markdown';
import { analyzeProto } from './analyzers/proto';
import { createTypeScriptAnalyzer } from './analyzers/typescript';

export interface CheckOptions {
  /** Relative path with forward slashes; used for the language and the rules' path scopes. */
  path?: string;
  /** A VS Code language id; wins over the path's extension. */
  languageId?: string;
  phase?: string;
  /** The other files of the file's package (Go): what they declare and state counts here too. */
  package?: PackageSource;
}

/** Text and languages without a parser (JSON examples, shell): words by line, and JSON objects' own domain. */
const analyzeText: Analyzer = (text, ctx) => {
  let found = scanWords(text, ctx, { context: 'code' });
  const sql = found.length ? quotedSql(text) : [];
  if (sql.length) {
    found = found.filter((c) => !sql.some(([s, e]) => c.start >= s && c.end <= e));
    for (const [s, e] of sql) found.push(...ctx.embed('sql', text.slice(s, e), s));
  }
  if (found.length && text.includes('{')) applyObjectDomains(discriminatedObjects(text, (s) => ctx.domainOf(s)), found);
  if (found.length) {
    applyMappingDomains(discriminatedMappings(text, (s) => ctx.domainOf(s)), found);
    applyAssignedDomains(text, found);
    applyDefinitions(ctx, text, found, true);
    applySessionVariables(text, found, ctx);
    const entries = advisedEntries(text, ctx, (s) => ctx.rules.rules.some((r) => preferredPattern(r).test(s)));
    for (const c of found) if (entries.some(([s, e]) => c.start >= s && c.end <= e)) c.migration = true;
  }
  return found;
};

/** Words a name calls itself the old one with. */
const OLD_NAME_WORDS = new Set(['legacy', 'deprecated', 'compat', 'backcompat']);

const preferredPatterns = new WeakMap<CompiledRule, RegExp>();
function preferredPattern(rule: CompiledRule): RegExp {
  let re = preferredPatterns.get(rule);
  if (!re) {
    re = new RegExp(rule.spec.preferred.map((w) => w.replace(/[^A-Za-z0-9]/g, '')).join('[-_ ]?'), 'i');
    preferredPatterns.set(rule, re);
  }
  return re;
}

/** Embedded code nests (a fenced block in a doc string …); past this depth it is scanned as text. */
const MAX_EMBED_DEPTH = 4;
/** Documents whose last check an incremental engine keeps (the editor's open files). */
const RECENT_DOCUMENTS = 32;

export interface EngineOptions {
  /**
   * Keep per-declaration results between checks (the language server re-checks a document on
   * every change; the command line reads each file once and does not need it).
   */
  incremental?: boolean;
}

export class Engine {
  private readonly analyzers: Record<LanguageId, Analyzer>;
  private tokenCache = new Map<string, TokenMatch | null>();
  private readonly contractCache: BoundedCache<Contract[]> | undefined;
  private matchCache = new Map<string, { rule: CompiledRule; match: TokenMatch } | null>();
  /** Verdicts by everything classify reads: a re-check in the editor judges the same tokens again. */
  private verdictCache = new BoundedCache<Verdict | null>(50_000);
  private readonly grammars: Grammars;
  /** The last check of each recently checked document, for the next one (incremental engines only). */
  private recent: Map<string, Previous & { bom: number; lines?: LineIndex }> | undefined;

  private constructor(
    public readonly rules: Ruleset,
    grammars: Grammars,
    options: EngineOptions = {},
  ) {
    this.grammars = grammars;
    this.contractCache = options.incremental ? new BoundedCache(20_000) : undefined;
    this.recent = options.incremental ? new Map() : undefined;
    const ts = createTypeScriptAnalyzer(grammars.typescript, { cacheStatements: options.incremental });
    const tsx = createTypeScriptAnalyzer(grammars.tsx, { jsx: true, cacheStatements: options.incremental });
    this.analyzers = {
      go: createGoAnalyzer(grammars.go, { cacheDeclarations: true }),
      sql: analyzeSql,
      markdown: analyzeMarkdown,
      proto: analyzeProto,
      typescript: ts,
      javascript: ts,
      typescriptreact: tsx,
      javascriptreact: tsx,
      text: analyzeText,
    };
  }

  static async create(rules: Ruleset = builtinRuleset(), options: EngineOptions = {}): Promise<Engine> {
    return new Engine(rules, await loadGrammars(), options);
  }

  withRules(rules: Ruleset): Engine {
    const e = Object.create(Engine.prototype) as Engine;
    Object.assign(e, this, { rules, tokenCache: new Map(), matchCache: new Map(), verdictCache: new BoundedCache<Verdict | null>(50_000), contractCache: this.contractCache ? new BoundedCache(20_000) : undefined, recent: this.recent ? new Map() : undefined });
    return e;
  }

  /** Which language a document is analysed as. */
  languageOf(opts: CheckOptions): LanguageId {
    if (opts.languageId) {
      const byName = languageOfName(opts.languageId);
      if (byName !== 'text' || !opts.path) return byName;
    }
    return opts.path ? languageOfPath(opts.path) : 'text';
  }

  /** Rules that apply to this path (path scopes); none when the path is excluded. */
  rulesFor(path: string | undefined): CompiledRule[] {
    if (!path) return this.rules.rules;
    const rel = path.replace(/^\.?\//, '');
    if (rel && !rel.startsWith('..') && this.rules.exclude.ignores(rel)) return [];
    return this.rules.rules.filter((r) => !rel || rel.startsWith('..') || ((!r.include || r.include.ignores(rel)) && !(r.exclude && r.exclude.ignores(rel))));
  }

  check(original: string, opts: CheckOptions = {}): Finding[] {
    if (!this.recent) return this.checkWhole(original, opts);
    // The editor checks a document again on every change: a Go edit inside one declaration
    // re-checks that declaration only (see recheck.ts).
    const key = `${opts.path ?? ''}\0${opts.languageId ?? ''}\0${opts.phase ?? ''}`;
    const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = bom ? original.slice(1) : original;
    const prev = this.recent.get(key);
    let findings: Finding[] | null = null;
    // The same text again (a code action right after the change's check): the same findings.
    // The line index is kept too: after an edit its line starts are moved, not found again.
    const index: { lines?: LineIndex; across?: boolean } = {};
    if (prev && prev.bom === bom && prev.text === text) {
      findings = prev.findings;
      index.lines = prev.lines;
    } else if (prev && prev.bom === bom && this.languageOf(opts) === 'go') {
      const plan = planRecheck(prev, text, bom);
      if (plan) {
        index.lines = prev.lines?.afterEdit(text, plan.edit.p, plan.edit.oldEnd, plan.edit.newEnd);
        const fresh = this.checkWhole(original, opts, plan.within, index);
        findings = index.across ? null : plan.stitch(fresh);
      }
    }
    // (An index moved past the edit stays right for the text when the declaration check is refused.)
    findings ??= this.checkWhole(original, opts, undefined, index);
    this.recent.delete(key);
    if (this.recent.size >= RECENT_DOCUMENTS) this.recent.delete(this.recent.keys().next().value as string);
    this.recent.set(key, { text, bom, findings: [...findings], lines: index.lines });
    return findings;
  }

  /**
   * Checks the text (or, with `within`, the top-level Go declaration at those offsets only).
   * `index.lines`: the text's line index when the caller has it; else the one made is left there.
   */
  private checkWhole(original: string, opts: CheckOptions, within?: { start: number; end: number }, index: { lines?: LineIndex; across?: boolean } = {}): Finding[] {
    const rules = this.rulesFor(opts.path);
    if (rules.length === 0) return [];
    const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = bom ? original.slice(1) : original;
    if (!this.rules.mayMatch(text)) return [];
    const lines = (index.lines ??= new LineIndex(text));
    const suppressed = findSuppressions(text, lines);
    if (suppressed.file) return [];
    const language = this.languageOf(opts);
    let candidates: Candidate[];
    try {
      candidates = this.analyze(language, text, 0, within, () => (index.across = true), opts.package);
    } catch {
      // An analyzer bug must never take the editor or CI down: fall back to the word scanner.
      candidates = analyzeText(text, this.analyzerContext());
    }
    if (isVersionedMigration(opts.path) && language === 'sql') candidates = candidates.map((c) => ({ ...c, migration: APPLIED_MIGRATION }));
    const phase = opts.phase ?? this.rules.phase;
    let findings: Finding[] = [];
    let lastEnd = -1;
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const c of candidates) {
      if (c.start < lastEnd || c.end <= c.start || c.end > text.length) continue;
      const token = text.slice(c.start, c.end);
      const hit = rules.length === this.rules.rules.length ? this.cachedMatch(token) : this.firstMatch(rules, token);
      if (!hit) continue;
      // A name that says it is the old one: LEGACY_RUN_KEY (the bare word) names the old key on
      // purpose and stays; legacy_alias_run_id goes with the compatibility code, not renamed.
      const old = hit.match.kind !== 'removal' && !c.migration && !c.domain && lowerWords(token).some((w) => OLD_NAME_WORDS.has(w));
      const named = !old ? c : hit.match.kind === 'bare' ? { ...c, migration: 'its name says it is the old one' } : { ...c, noFix: c.noFix ?? 'its name says it is the old one: remove it with the compatibility code' };
      const verdict = this.verdict(hit.rule, token, hit.match, named, phase);
      if (!verdict) continue;
      const range = { start: lines.positionAt(c.start), end: lines.positionAt(c.end) };
      if (suppressed.lines.has(range.start.line)) continue;
      findings.push({ range, offset: c.start + bom, length: c.end - c.start, text: token, ...verdict });
      lastEnd = c.end;
    }
    // A mixed contract needs the preferred term too; most files with a legacy term have none,
    // and the contract scan re-parses (it was 31% of a corpus check before this gate).
    if (findings.length === 0 || !rules.some((r) => preferredPattern(r).test(text))) return findings;
    findings = withCollisions(findings, text, bom, language, (f) => rules.some((r) => r.id === f.ruleId && r.category === f.category));
    try {
      const domainOf = (s: string): string | undefined => this.rules.domainOfWords(lowerWords(s));
      return withMixedContracts(findings, { within, text, bom, lines, language, rules, phase, grammars: this.grammars, domainOf, suppressedLines: suppressed.lines, cache: this.contractCache });
    } catch {
      return findings;
    }
  }

  private verdict(rule: CompiledRule, token: string, match: TokenMatch, c: Candidate, phase: string | undefined): Verdict | null {
    const key = `${rule.id}\0${token}\0${phase ?? ''}\0${c.context}\0${c.domain ?? ''}\0${c.migration === true ? 1 : (c.migration ?? 0)}${c.verb ? 1 : 0}${c.packagePath ? 1 : 0}${c.denotesSession ? 1 : 0}\0${c.noFix ?? ''}\0${c.because ?? ''}\0${c.symbol ?? ''}`;
    let v = this.verdictCache.get(key);
    if (v === undefined) this.verdictCache.set(key, (v = classify(rule, token, match, c, phase)));
    return v;
  }

  private cachedMatch(token: string): { rule: CompiledRule; match: TokenMatch } | null {
    let v = this.matchCache.get(token);
    if (v === undefined) {
      v = this.firstMatch(this.rules.rules, token);
      if (this.matchCache.size > 50_000) this.matchCache.clear();
      this.matchCache.set(token, v);
    }
    return v;
  }

  private firstMatch(rules: CompiledRule[], token: string): { rule: CompiledRule; match: TokenMatch } | null {
    for (const rule of rules) {
      const match = matchToken(token, rule.seqs);
      if (match) return { rule, match };
    }
    return null;
  }

  private analyze(language: LanguageId, text: string, depth: number, within?: { start: number; end: number }, acrossDeclarations?: () => void, pkg?: PackageSource): Candidate[] {
    const ctx = this.analyzerContext(depth);
    if (pkg) ctx.package = pkg;
    if (within) {
      ctx.within = within;
      ctx.acrossDeclarations = acrossDeclarations;
    }
    return this.analyzers[depth > MAX_EMBED_DEPTH ? 'text' : language](text, ctx);
  }

  /**
   * What analyzers are given. Public so tests can call an analyzer directly: through `check`, a
   * throwing analyzer would be hidden by the word-scanner fallback.
   */
  analyzerContext(depth = 0): AnalyzerContext {
    const rules = this.rules;
    const tokenCache = this.tokenCache;
    const match = (token: string): TokenMatch | null => {
      let v = tokenCache.get(token);
      if (v === undefined) {
        v = this.firstMatch(rules.rules, token)?.match ?? null;
        // Tokens repeat across files; the bound keeps a minified or generated file from growing it forever.
        if (tokenCache.size > 50_000) tokenCache.clear();
        tokenCache.set(token, v);
      }
      return v;
    };
    return {
      rules,
      isCandidate: (token) => match(token) !== null,
      match,
      domainOf: (s) => rules.domainOfWords(lowerWords(s)),
      domainOfQualifier: (s) => rules.domainOfQualifier(lowerWords(s)),
      isMigrationText: (s) => rules.isMigrationText(s),
      hasEvidence: (s) => lowerWords(s).some((w) => rules.evidenceWords.has(w)),
      namesSession: (s) => rules.namesPreferred(s),
      bareIsKeyedSession: (name) => rules.bareIsKeyed(name),
      embed: (languageId, text, offset, inherit) => {
        const inner = this.analyze(languageOfName(languageId), text, depth + 1);
        return inner.map((c) => ({ ...inherit, ...c, domain: c.settled ? c.domain : (c.domain ?? inherit?.domain), migration: c.migration || inherit?.migration, start: c.start + offset, end: c.end + offset }));
      },
    };
  }
}

/** The edits that apply every safe fix among these findings (legacy aliases with a replacement). */
export function fixEdits(findings: Finding[]): TextEdit[] {
  return findings
    .filter((f) => f.replacement !== null && f.replacement !== f.text)
    .map((f) => ({ range: f.range, newText: f.replacement as string, offset: f.offset, length: f.length }));
}

/** Applies non-overlapping edits given by offset. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  let floor = Infinity;
  for (const e of sorted) {
    if (e.offset + e.length > floor) continue;
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
    floor = e.offset;
  }
  return out;
}
