/** Shared engine types. Positions follow LSP: 0-based lines, characters in UTF-16 code units. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The syntactic place a token was found in; drives per-context severities and reports. */
export type ContextKind =
  | 'identifier'
  | 'field'
  | 'type'
  | 'function'
  | 'tag'
  | 'string'
  | 'log-key'
  | 'comment'
  | 'sql-column'
  | 'sql-index'
  | 'sql-table'
  | 'sql'
  | 'prose'
  | 'code'
  | 'url'
  | 'proto-field'
  | 'object-key';

/** Why a token was judged the way it was, beyond the plain legacy alias. */
export type Judgement =
  | { kind: 'legacy' }
  | { kind: 'domain'; domain: string }
  | { kind: 'migration' }
  | { kind: 'verb' }
  | { kind: 'package' };

/**
 * What a language analyzer hands to the matcher: one token (an identifier, a word inside a string
 * or comment) and what the syntax around it says about its meaning.
 */
export interface Candidate {
  /** Offset of the token in the analysed text (UTF-16 code units). */
  start: number;
  end: number;
  context: ContextKind;
  /** A domain (for example "planning") whose scope, qualifier or type encloses the token. */
  domain?: string;
  /** The domain is decided by the token's own syntax (an SQL column of a named table): an embedding scope does not override it. */
  settled?: boolean;
  /** The token names the old name as legacy, deprecated or renamed (migration reference); a string says why it stays. */
  migration?: boolean | string;
  /** The token is a process verb (a function or method named Run…, "run the tests"). */
  verb?: boolean;
  /** The token is part of a package path or package qualifier. */
  packagePath?: boolean;
  /** For bare-word matches (`run`, `runLog`): the syntax shows the name holds the session. */
  denotesSession?: boolean;
  /** The fix must not be applied automatically (for example it would duplicate a sibling key). */
  noFix?: string;
  /** Stable symbol key for rename-everywhere (for example "go:field:Conversation.RunID"). */
  symbol?: string;
  /** The struct type a field name belongs to, where the syntax shows it (Go). */
  owner?: string;
  /** Why a bare word holds the session, when its declaration does not say (shown in the message). */
  because?: string;
  /**
   * Facts about names, any one of which makes this a finding (Go: `field:Hub.runs:keyed`); the
   * analyzer resolves them against what the file's declarations state and never returns them.
   */
  requires?: string[];
  /** What the candidate is instead where no required fact is stated (a method's name: a verb). */
  otherwise?: Partial<Candidate>;
}

export interface Finding {
  range: Range;
  /** Offsets into the original text (including a BOM if the text had one). */
  offset: number;
  length: number;
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  text: string;
  replacement: string | null;
  context: ContextKind;
  /** Which batch of the migration plan the finding belongs to, when the rule says. */
  batch?: string;
  symbol?: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
  offset: number;
  length: number;
}

/**
 * The other files of a Go file's package (its directory), for what they declare: struct fields'
 * types, package-level names and the facts their uses state. Keys identify a file's version (a
 * path and its stat, a document's version), so what a file says is worked out once per version.
 */
export interface PackageSource {
  /** This file's key, as its siblings' checks will give it. */
  key: string;
  siblings(): ReadonlyArray<PackageFileSource>;
  /** The files of a package this one imports, where it is in the same module (by its import path). */
  imported?(importPath: string): ReadonlyArray<PackageFileSource> | undefined;
}

export interface PackageFileSource {
  key: string;
  read(): string | null;
}
