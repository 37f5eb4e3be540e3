/** The options check, fix and report share: rules file, phase, size limit, paths. */
import * as path from 'node:path';
import { checkPaths, DEFAULT_MAX_FILE_SIZE, type CheckRun } from './checkFiles';
import { loadRules, UsageError, type LoadedRules } from './rulesConfig';
import type { FlagSpec, ParsedArgs } from './args';

export const COMMON_FLAGS: FlagSpec = { config: 'string', phase: 'string', 'max-file-size': 'string', 'no-cache': 'boolean', 'cache-location': 'string' };

export interface Scan {
  run: CheckRun;
  rules: LoadedRules;
  phase?: string;
  maxFileSize: number;
  inputs: string[];
}

/** Phases are the keys of the rules' `phases`; an unknown one is a typo, not a silent no-op. */
export function checkPhase(rules: LoadedRules, phase: string | undefined): void {
  if (phase === undefined) return;
  const known = new Set(rules.ruleset.rules.flatMap((r) => Object.keys(r.spec.phases ?? {})));
  if (!known.has(phase)) throw new UsageError(`phase "${phase}" is not defined by the rules (they define: ${[...known].join(', ') || 'no phases'})`);
}

export async function runScan(flags: ParsedArgs['flags'], positionals: string[], cwd: string): Promise<Scan> {
  const rules = loadRules(flags.config as string | undefined, cwd);
  const phase = typeof flags.phase === 'string' ? flags.phase : undefined;
  checkPhase(rules, phase ?? rules.ruleset.phase);
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (flags['max-file-size'] !== undefined) {
    const kb = Number(flags['max-file-size']);
    if (!Number.isFinite(kb) || kb <= 0) throw new UsageError(`--max-file-size must be a positive number of KiB (got ${String(flags['max-file-size'])})`);
    maxFileSize = kb * 1024;
  }
  const inputs = (positionals.length ? positionals : ['.']).map((p) => path.resolve(cwd, p));
  const cacheLocation = typeof flags['cache-location'] === 'string' ? path.resolve(cwd, flags['cache-location']) : undefined;
  const run = await checkPaths(inputs, rules, { cwd, phase, maxFileSize, cache: flags['no-cache'] !== true, cacheLocation });
  return { run, rules, phase, maxFileSize, inputs };
}
