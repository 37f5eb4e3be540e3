/**
 * The inventory `termshift report` renders: every finding (hints included) counted by category,
 * language, folder and plan batch. "Remaining" means the findings that must go before the
 * migration is done: each rule's own category (LEGACY_SESSION_ALIAS) and mixed contracts.
 */
import * as path from 'node:path';
import { languageOfPath, type Finding, type Ruleset } from '../../engine';
import type { CheckRun } from '../checkFiles';

export type Counts = Record<string, number>;

export interface Row {
  key: string;
  total: number;
  remaining: number;
  fixable: number;
  byCategory: Counts;
}

export interface BatchRow {
  batch: string;
  remaining: number;
  fixable: number;
  /** With a baseline: how many of its findings in this batch are gone. */
  baseline?: number;
  done?: number;
}

export interface Inventory {
  version: 1;
  phase?: string;
  /** The folder all reported paths share; byFolder keys are relative to it. */
  base: string;
  files: number;
  filesWithFindings: number;
  total: number;
  remaining: number;
  fixable: number;
  /** The categories that count as remaining work, in rule order. */
  remainingCategories: string[];
  byCategory: Counts;
  byLanguage: Row[];
  byFolder: Row[];
  byBatch: BatchRow[];
}

export const MIXED_CONTRACT = 'MIXED_CONTRACT';

const isFixable = (f: Finding): boolean => f.replacement !== null && f.replacement !== f.text;

function addTo(rows: Map<string, Row>, key: string, f: Finding, remaining: boolean): void {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = { key, total: 0, remaining: 0, fixable: 0, byCategory: {} }));
  row.total++;
  row.byCategory[f.category] = (row.byCategory[f.category] ?? 0) + 1;
  if (remaining) {
    row.remaining++;
    if (isFixable(f)) row.fixable++;
  }
}

/** Batches sort as numbers where they are numbers ("2" before "10"), unassigned last. */
export function compareBatch(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  if (a === 'unassigned') return 1;
  if (b === 'unassigned') return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface BaselineProgress {
  /** Baseline findings per batch. */
  total: Counts;
  /** Of those, still present per batch. */
  present: Counts;
}

/** The longest folder prefix shared by these paths ('' when none): `a/b` for `a/b/c.go`, `a/b/d/e.go`. */
export function commonFolder(paths: string[]): string {
  if (paths.length === 0) return '';
  let common = path.posix.dirname(paths[0]).split('/');
  for (const p of paths.slice(1)) {
    const parts = path.posix.dirname(p).split('/');
    let k = 0;
    while (k < common.length && k < parts.length && common[k] === parts[k]) k++;
    common = common.slice(0, k);
  }
  const joined = common.join('/');
  return joined === '.' ? '' : joined;
}

export function buildInventory(run: CheckRun, rules: Ruleset, opts: { phase?: string; progress?: BaselineProgress } = {}): Inventory {
  const base = commonFolder(run.results.map((r) => r.display));
  const remainingCategories = [...new Set([...rules.rules.map((r) => r.category), MIXED_CONTRACT])];
  const isRemaining = (f: Finding): boolean => remainingCategories.includes(f.category);
  const byCategory: Counts = {};
  const languages = new Map<string, Row>();
  const folders = new Map<string, Row>();
  const batches = new Map<string, BatchRow>();
  let total = 0;
  let remaining = 0;
  let fixable = 0;
  for (const r of run.results) {
    const language = languageOfPath(r.display);
    const folder = path.posix.dirname(base ? path.posix.relative(base, r.display) : r.display);
    for (const f of r.findings) {
      const rem = isRemaining(f);
      total++;
      byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
      addTo(languages, language, f, rem);
      addTo(folders, folder, f, rem);
      if (!rem) continue;
      remaining++;
      if (isFixable(f)) fixable++;
      const batch = f.batch ?? 'unassigned';
      let b = batches.get(batch);
      if (!b) batches.set(batch, (b = { batch, remaining: 0, fixable: 0 }));
      b.remaining++;
      if (isFixable(f)) b.fixable++;
    }
  }
  if (opts.progress) {
    for (const [batch, n] of Object.entries(opts.progress.total)) {
      let b = batches.get(batch);
      if (!b) batches.set(batch, (b = { batch, remaining: 0, fixable: 0 }));
      b.baseline = n;
      b.done = Math.max(0, n - (opts.progress.present[batch] ?? 0));
    }
  }
  const byRemaining = (a: Row, b: Row): number => b.remaining - a.remaining || b.total - a.total || (a.key < b.key ? -1 : 1);
  return {
    version: 1,
    ...(opts.phase ? { phase: opts.phase } : {}),
    base: base || '.',
    files: run.filesChecked,
    filesWithFindings: run.results.filter((r) => r.findings.length > 0).length,
    total,
    remaining,
    fixable,
    remainingCategories,
    byCategory,
    byLanguage: [...languages.values()].sort(byRemaining),
    byFolder: [...folders.values()].sort(byRemaining),
    byBatch: [...batches.values()].sort((a, b) => compareBatch(a.batch, b.batch)),
  };
}

/** What each category means, for the report's legend. */
export const CATEGORY_MEANING: Record<string, string> = {
  LEGACY_SESSION_ALIAS: 'legacy alias of session_id: rename it',
  MIXED_CONTRACT: 'a contract carrying both run_id and session_id',
  PLANNING_RUN: 'the planning domain’s own run id: stays',
  PROCESS_VERB: 'a process verb ("run the tests", RunLoop): stays',
  MIGRATION_REFERENCE: 'names the old name in a migration or deprecation note: stays',
  PACKAGE_PATH: 'part of a package path (pkg/cmds/run): stays',
};
