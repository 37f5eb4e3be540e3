/** Turns rule specs into the matchers and lookups the analyzers and classifier use. */
import ignore, { type Ignore } from 'ignore';
import { hasWordSequence, lowerWords } from '../words';
import { orderSequences, type WordSequence } from '../matcher';
import type { DomainSpec, RuleSpec, RulesFile, SeveritySetting } from './model';
import { escapeRegExp, wordsPattern } from '../regex';

export interface CompiledRule {
  spec: RuleSpec;
  id: string;
  category: string;
  severity: SeveritySetting;
  seqs: WordSequence[];
  domains: DomainSpec[];
  include: Ignore | null;
  exclude: Ignore | null;
}

export interface Ruleset {
  rules: CompiledRule[];
  phase?: string;
  exclude: Ignore;
  excludePatterns: string[];
  /**
   * Where an analyzer should look (global, case-insensitive): every rule word sequence contains
   * one of these words, so a token holding a term always contains a hint match.
   */
  hint: RegExp;
  /** Cheap test: may this text hold anything a rule matches? */
  mayMatch(text: string): boolean;
  /** Offsets where a rule's word sequence may start (the term, renames, removals; not bare words). */
  termOffsets(text: string): number[];
  /** May a bare head word here hold the preferred concept (bare word plus evidence)? */
  mayMatchBare(text: string): boolean;
  /** May this text name a domain (a marker's first word anywhere, in any case)? A cheap test before domainOfWords. */
  mayNameDomain(text: string): boolean;
  /** Domain id whose marker word appears among these words. */
  domainOfWords(words: string[]): string | undefined;
  /** Domain id named by a qualifier word (`github` in `github.run_id`, `GITHUB_RUN_ID`), which counts only in a token's name and qualifier. */
  domainOfQualifier(words: string[]): string | undefined;
  /** Words that show a value holds the preferred concept (session). */
  evidenceWords: Set<string>;
  /** The rules' bare words, lower case ("run"). */
  bareWords: ReadonlySet<string>;
  /**
   * Does this text name the preferred concept under its new or its old name (meta.SessionID,
   * conv.RunID, q.Get("run_id")), outside any domain? Both names count, so a fix never changes it.
   */
  namesPreferred(text: string): boolean;
  /**
   * Is the bare word in this name a noun keyed like the preferred concept: "X by run"
   * (lastSeqByRun, as the plan's turns_by_run) or "run by conversation" (runByConv)?
   */
  bareIsKeyed(name: string): boolean;
  /** A phrase that makes the text a migration reference (legacy, deprecated, renamed …). */
  migrationPattern: RegExp | null;
  /** Does the text hold such a phrase? (The pattern, behind a cheap check of its first words.) */
  isMigrationText(text: string): boolean;
  /** Package paths that contain the head word but are not the term. */
  packages: string[];
}

/** "mode for run", "changes by run", "cost per run": the bare word is the noun keyed on. */
/** A run of letters and digits (a word of a marker's first position). */
const WORD = /[A-Za-z0-9]+/g;
/** "Until v0.10", "before 0.9", "clients written against v0.9", "older than v0.10": history told by version. */
const VERSION_TIME = /\b(?:until|before|since|prior\s+to|as\s+of|against|older\s+than|pre-)\s*v?\d+\.\d+/i;
const KEYED_BEFORE = new Set(['by', 'for', 'per']);
/** "run summary", "run metadata", "run list": the bare word is a noun these describe (not "run context", "run state": a process has those too). */
const NOUN_AFTER = new Set(['log', 'logger', 'summary', 'summaries', 'provider', 'info', 'meta', 'metadata', 'record', 'records', 'row', 'rows', 'entry', 'entries', 'view', 'list', 'store', 'cache', 'map', 'index', 'key', 'keys', 'label', 'labels', 'attr', 'attrs', 'topic', 'topics', 'channel', 'channels']);

function sequencesOf(spec: RuleSpec): WordSequence[] {
  const seqs: WordSequence[] = [];
  const legacy = spec.legacy.map((w) => w.toLowerCase());
  const preferred = spec.preferred.map((w) => w.toLowerCase());
  for (const r of spec.removals ?? []) {
    seqs.push({ kind: 'removal', from: lowerWords(r.name), name: r.name, to: null, batch: r.batch, note: r.note, use: r.use });
  }
  for (const r of spec.renames ?? []) {
    seqs.push({ kind: 'rename', from: lowerWords(r.from), name: r.from, to: lowerWords(r.to), batch: r.batch, note: r.note });
  }
  seqs.push({ kind: 'term', from: legacy, to: preferred });
  if (spec.bareWord) {
    seqs.push({ kind: 'bare', from: [spec.bareWord.legacy.toLowerCase()], to: [spec.bareWord.preferred.toLowerCase()] });
  }
  return orderSequences(seqs);
}

/**
 * Markers about the name that follows them: prepositions ("instead of run_id") and "old" ("the old
 * `chatd.runId` key"), which count only when that name is a name of the term.
 */
const RELATIONAL = new Set(['of', 'by', 'to', 'with', 'for', 'old', 'replace', 'replaces', 'retire', 'retiring']);

function sequencePattern(words: string[]): string {
  return wordsPattern(words, '[-_ ]?');
}

/**
 * The bare word as a word of a name, in any convention, plural too: run, runs, runLog, RunState,
 * enabledRuns, getRun, job_run, RUN; never inside another word (runner, rerun, trun).
 */
function barePattern(word: string): string {
  const lower = escapeRegExp(word);
  const title = escapeRegExp(word[0].toUpperCase() + word.slice(1));
  const upper = escapeRegExp(word.toUpperCase());
  return `(?<![A-Za-z])(?:${lower}|${title})s?(?![a-z])|(?<=[a-z0-9])${title}s?(?![a-z])|(?<![A-Za-z])${upper}S?(?![A-Z])`;
}

export function compileRules(file: RulesFile): Ruleset {
  const rules: CompiledRule[] = file.rules.map((spec) => ({
    spec,
    id: spec.id,
    category: spec.category ?? 'LEGACY_ALIAS',
    severity: spec.severity ?? 'warning',
    seqs: sequencesOf(spec),
    domains: spec.domains ?? [],
    include: spec.include?.length ? ignore().add(spec.include) : null,
    exclude: spec.exclude?.length ? ignore().add(spec.exclude) : null,
  }));
  const termAlts: string[] = [];
  const bareAlts: string[] = [];
  const bareWords: string[] = [];
  const evidence = new Set<string>();
  const markers = new Map<string, string>();
  const phrases = new Map<string, Array<{ rest: string[]; domain: string }>>();
  const qualifiers = new Map<string, string>();
  const migration: string[] = [];
  /** The first word of each marker (up to any apostrophe: "don't"): text without one holds no marker. */
  const markerStarts = new Set<string>();
  const packages: string[] = [];
  for (const r of rules) {
    for (const s of r.seqs) (s.kind === 'bare' ? bareAlts : termAlts).push(sequencePattern(s.from));
    if (r.spec.bareWord) bareWords.push(r.spec.bareWord.legacy.toLowerCase());
    for (const w of r.spec.bareWord?.evidence ?? []) evidence.add(w.toLowerCase());
    for (const d of r.domains) {
      for (const m of d.markers) {
        const [first, ...rest] = m.toLowerCase().split(/\s+/);
        if (rest.length === 0) markers.set(first, d.id);
        else phrases.set(first, [...(phrases.get(first) ?? []), { rest, domain: d.id }]);
      }
    }
    for (const d of r.domains) for (const q of d.qualifiers ?? []) qualifiers.set(q.toLowerCase(), d.id);
    // "instead of", "replaced by": a marker that ends in a preposition is about its object, so it
    // counts only when that object is a name of the term ("use session_id instead of run_id"),
    // never in "resume this session instead of starting a new one".
    const nameSeqs = r.seqs.filter((q) => q.kind !== 'bare').flatMap((q) => [q.from, ...(q.to ? [q.to] : [])]);
    const names = nameSeqs.map(sequencePattern);
    // "the old `chatd.runId` key" names the old name; "the old run ID" in a sentence is a stale value.
    const written = nameSeqs.map((words) => wordsPattern(words, '[-_]?'));
    for (const m of r.spec.migrationMarkers ?? []) {
      const words = m.split(/\s+/);
      markerStarts.add(words[0].toLowerCase().replace(/[^a-z0-9].*$/, ''));
      const phrase = wordsPattern(words, '\\s+');
      const last = words[words.length - 1];
      migration.push(RELATIONAL.has(last) ? `${phrase}[\\s\`'"*_(]+(?:[A-Za-z]+(?:\\s+|\\.))?(?:[A-Za-z]+\\s+)?[\`'"*_(]*(?:${(last === 'old' ? written : names).join('|')})` : phrase);
    }
    packages.push(...(r.spec.packages ?? []));
  }
  const domainHint = markers.size || phrases.size ? new RegExp([...markers.keys(), ...phrases.keys()].map(escapeRegExp).join('|'), 'i') : null;
  const termRe = termAlts.length ? new RegExp(termAlts.join('|'), 'i') : null;
  const termReGlobal = termAlts.length ? new RegExp(termAlts.join('|'), 'gi') : null;
  const bareRe = bareAlts.length ? new RegExp(bareWords.map(barePattern).join('|')) : null;
  // "by run" / "run by" in a name (lastSeqByRun, runByConv): the bare word keyed like the session.
  const keyedRe = bareAlts.length
    ? new RegExp(`(?:by|for|per)[-_ ]?(?:${bareAlts.join('|')})s?(?![a-z])|(?:${bareAlts.join('|')})s?[-_ ]?(?:by[-_ ]?[a-z]|(?:${[...NOUN_AFTER].join('|')}))`, 'i')
    : null;
  const evidenceRe = evidence.size ? new RegExp([...evidence].map(escapeRegExp).join('|'), 'i') : null;
  const excludePatterns = file.exclude ?? [];
  // One word per sequence suffices: the legacy head word when the sequence has it (run ⊂ runs).
  const hints = new Set<string>();
  for (const r of rules) {
    const head = r.spec.legacy[0].toLowerCase();
    for (const s of r.seqs) hints.add(s.from.some((w) => w.startsWith(head)) ? head : s.from[0]);
  }
  const domainOfWords = (words: string[]): string | undefined => {
    for (let i = 0; i < words.length; i++) {
      const d = markers.get(words[i]);
      if (d) return d;
      // A marker phrase ("execution start") is its words in a row, the last one maybe inflected:
      // EventExecutionStart, "execution.start", ExecutionStarted.
      for (const p of phrases.get(words[i]) ?? []) if (p.rest.every((w, k) => words[i + 1 + k] === w || (k === p.rest.length - 1 && inflects(words[i + 1 + k], w)))) return p.domain;
    }
    return undefined;
  };
  const migrationPattern = migration.length ? new RegExp(`(?<![A-Za-z0-9_])(?:${migration.join('|')})(?![A-Za-z0-9_])`, 'i') : null;
  return {
    hint: new RegExp([...hints].map(escapeRegExp).join('|') || '(?!)', 'gi'),
    rules,
    phase: file.phase,
    exclude: ignore().add(excludePatterns),
    excludePatterns,
    evidenceWords: evidence,
    bareWords: new Set(bareWords),
    packages,
    migrationPattern,
    isMigrationText(text: string): boolean {
      if (VERSION_TIME.test(text)) return true;
      if (!migrationPattern) return false;
      // One pass of word lookups first: the pattern's many alternatives cost more on every line.
      WORD.lastIndex = 0;
      for (let m = WORD.exec(text); m; m = WORD.exec(text)) if (markerStarts.has(m[0].toLowerCase())) return migrationPattern.test(text);
      return false;
    },
    mayMatch(text: string): boolean {
      if (termRe?.test(text)) return true;
      return !!((bareRe && evidenceRe && bareRe.test(text) && evidenceRe.test(text)) || keyedRe?.test(text));
    },
    termOffsets(text: string): number[] {
      if (!termReGlobal) return [];
      const out: number[] = [];
      termReGlobal.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = termReGlobal.exec(text))) out.push(m.index);
      return out;
    },
    mayNameDomain: (text) => !!domainHint?.test(text),
    mayMatchBare(text: string): boolean {
      return !!((bareRe && evidenceRe && bareRe.test(text) && evidenceRe.test(text)) || keyedRe?.test(text));
    },
    domainOfWords,
    // A brand written in camel case splits in two (GitHub → git, hub): pairs count joined.
    domainOfQualifier: (words) => words.map((w, i) => qualifiers.get(w) ?? (i + 1 < words.length ? qualifiers.get(w + words[i + 1]) : undefined)).find((d) => d !== undefined),
    namesPreferred(text: string): boolean {
      const words = lowerWords(text);
      // A collection of them names them too (m.convs, h.sessions).
      return (words.some((w) => evidence.has(w) || (w.endsWith('s') && evidence.has(w.slice(0, -1)))) || this.mayMatch(text)) && !domainOfWords(words);
    },
    bareIsKeyed(name: string): boolean {
      const words = lowerWords(name);
      if (domainOfWords(words)) return false;
      // Plurals too: SESSION_IDS, runIDs.
      const has = (seq: string[]): boolean => hasWordSequence(words, seq);
      return rules.some((r) => {
        const bare = r.spec.bareWord?.legacy.toLowerCase();
        // A name that also holds the term, old or new (turns_by_runRunID), is judged by the term
        // alone: the keyed reading must not start only once the term is renamed (fixes converge).
        if (!bare || has(r.spec.legacy) || has(r.spec.preferred)) return false;
        return words.some(
          (w, i) =>
            (w === bare || w === `${bare}s`) &&
            (KEYED_BEFORE.has(words[i - 1]) || (words[i + 1] === 'by' && words.slice(i + 2).some((x) => evidence.has(x))) || (i + 1 < words.length && NOUN_AFTER.has(words[i + 1]))),
        );
      });
    },
  };
}

/** Is the word the base word with an inflection: started, completed, completes? */
function inflects(word: string | undefined, base: string): boolean {
  return !!word && word.startsWith(base) && ['s', 'es', 'd', 'ed'].includes(word.slice(base.length));
}
