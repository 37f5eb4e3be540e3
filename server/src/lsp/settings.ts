/**
 * termshift.* settings, read per resource through workspace/configuration and cached per URI.
 * The cache is dropped on workspace/didChangeConfiguration; nothing needs a restart.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Severity } from '../engine';

export type SeverityOverride = Severity | 'off';

export interface Settings {
  enable: boolean;
  workspaceScan: boolean;
  /** Category (LEGACY_SESSION_ALIAS, PLANNING_RUN …) or rule id → severity. */
  severityOverrides: Record<string, SeverityOverride>;
  /** Glob patterns (gitignore syntax, relative to the workspace folder) that termshift skips. */
  exclude: string[];
  /** Show the usages that are correct as they are (planning run, verbs …) as hints. */
  showCorrectUsages: boolean;
  /** Deprecation phase (A, B, C …) of the rules; empty: the rules file's. */
  phase: string;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  workspaceScan: true,
  severityOverrides: {},
  exclude: [],
  showCorrectUsages: false,
  phase: '',
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Whatever the client sends, a well-formed Settings comes out (unknown values fall back). */
export function sanitize(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const overrides: Record<string, SeverityOverride> = {};
  if (r.severityOverrides && typeof r.severityOverrides === 'object') {
    for (const [k, v] of Object.entries(r.severityOverrides as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) overrides[k] = v as SeverityOverride;
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    workspaceScan: typeof r.workspaceScan === 'boolean' ? r.workspaceScan : DEFAULT_SETTINGS.workspaceScan,
    severityOverrides: overrides,
    exclude: Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [],
    showCorrectUsages: typeof r.showCorrectUsages === 'boolean' ? r.showCorrectUsages : DEFAULT_SETTINGS.showCorrectUsages,
    phase: typeof r.phase === 'string' ? r.phase.trim() : '',
  };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly filesExclude = new Map<string, Promise<string[]>>();

  constructor(
    private readonly connection: Connection,
    private readonly supported: () => boolean,
  ) {}

  get(scopeUri: string): Promise<Settings> {
    if (!this.supported()) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.cache.get(scopeUri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri, section: 'termshift' }).then(sanitize, () => DEFAULT_SETTINGS);
      this.cache.set(scopeUri, s);
    }
    return s;
  }

  /** `files.exclude` patterns that are switched on, for a workspace folder. */
  filesExcludeOf(scopeUri: string): Promise<string[]> {
    if (!this.supported()) return Promise.resolve([]);
    let s = this.filesExclude.get(scopeUri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri, section: 'files.exclude' }).then(
        (v: unknown) => (v && typeof v === 'object' ? Object.entries(v as Record<string, unknown>).filter(([, on]) => on === true).map(([g]) => g) : []),
        () => [],
      );
      this.filesExclude.set(scopeUri, s);
    }
    return s;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.filesExclude.clear();
  }
}
