/** The contract between the engine and its per-language analyzers. */
import type { Candidate, PackageSource } from './types';
import type { Ruleset } from './rules/compile';
import type { MatchKind } from './matcher';

export interface AnalyzerContext {
  rules: Ruleset;
  /** Does this token contain a word sequence some rule matches? */
  isCandidate(token: string): boolean;
  /** How the first matching rule matches this token, and its fix; null when nothing matches. */
  match(token: string): { kind: MatchKind; replacement: string | null } | null;
  /** The domain (for example "planning") named by an identifier, type or qualifier text. */
  domainOf(text: string): string | undefined;
  /** The domain a qualifier word in a token's name or qualifier gives it (`github.run_id`), sentence aside. */
  domainOfQualifier(text: string): string | undefined;
  /** Does this text (a comment line, a sentence, a string) name the old name as legacy or renamed? */
  isMigrationText(text: string): boolean;
  /** Does this identifier or expression text show the value is the preferred concept (a session)? */
  hasEvidence(text: string): boolean;
  /**
   * Does this text name the session under its new or its old name (meta.SessionID, conv.RunID,
   * q.Get("run_id")), outside any domain? Both names count, so a fix never changes the answer.
   */
  namesSession(text: string): boolean;
  /**
   * Is the bare word in this name a noun keyed like the session: "X by run" (lastSeqByRun, as the
   * plan's turns_by_run) or "run by conversation" (runByConv)? Then it is the session's old name.
   */
  bareIsKeyedSession(name: string): boolean;
  /** Only the top-level declaration at these offsets is wanted (an incremental re-check; Go). */
  within?: { start: number; end: number };
  /** The other files of the file's package (Go), when the caller can read them. */
  package?: PackageSource;
  /** Called during a `within` check when its findings depend on other declarations: check the whole file. */
  acrossDeclarations?: () => void;
  /** Analyse embedded code (SQL in a Go string, a fenced block) as another language. */
  embed(languageId: string, text: string, offset: number, inherit?: Partial<Candidate>): Candidate[];
}

export type Analyzer = (text: string, ctx: AnalyzerContext) => Candidate[];
