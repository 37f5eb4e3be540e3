/** The rules file as written (termshift.json) and the compiled form the engine runs. */
import type { ContextKind, Severity } from '../types';

export type SeveritySetting = Severity | 'off';

export interface RenameSpec {
  from: string;
  to: string;
  batch?: string;
  note?: string;
}

export interface RemovalSpec {
  name: string;
  use?: string;
  batch?: string;
  note?: string;
}

export interface DomainSpec {
  id: string;
  category: string;
  markers: string[];
  /**
   * Words that mark the domain only as the token's qualifier or a word of its own name
   * (`github.run_id`, `GITHUB_RUN_ID`), never as a word elsewhere in its sentence or line.
   */
  qualifiers?: string[];
  description?: string;
}

export interface RuleSpec {
  id: string;
  description?: string;
  docs?: string;
  legacy: string[];
  preferred: string[];
  category?: string;
  severity?: SeveritySetting;
  bareWord?: { legacy: string; preferred: string; evidence?: string[] };
  renames?: RenameSpec[];
  removals?: RemovalSpec[];
  domains?: DomainSpec[];
  migrationMarkers?: string[];
  packages?: string[];
  include?: string[];
  exclude?: string[];
  severities?: Record<string, SeveritySetting>;
  batches?: Record<string, string>;
  phases?: Record<string, Record<string, SeveritySetting>>;
}

export interface RulesFile {
  $schema?: string;
  extends?: 'builtin:run-to-session';
  phase?: string;
  exclude?: string[];
  rules: RuleSpec[];
}

export const CATEGORY = {
  migration: 'MIGRATION_REFERENCE',
  verb: 'PROCESS_VERB',
  packagePath: 'PACKAGE_PATH',
} as const;

export type { ContextKind };
