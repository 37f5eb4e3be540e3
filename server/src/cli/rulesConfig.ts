/** Finds and loads the rules file for the command line: --config, or termshift.json upwards from the cwd. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinRulesFile, compileRules, parseRulesFile, resolveRulesFile, type Ruleset } from '../engine';

export class UsageError extends Error {}

export interface LoadedRules {
  ruleset: Ruleset;
  /** Folder the rules' path scopes are relative to. */
  root: string;
  file?: string;
}

export function findRulesFile(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'termshift.json');
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadRules(configFlag: string | undefined, cwd: string): LoadedRules {
  const file = configFlag ? path.resolve(cwd, configFlag) : findRulesFile(cwd);
  if (!file) return { ruleset: compileRules(builtinRulesFile()), root: cwd };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read rules file ${file}: ${(e as Error).message}`);
  }
  const parsed = parseRulesFile(text);
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `${file}:${p.line + 1}:${p.character + 1}: ${p.message}`);
    throw new UsageError(`invalid rules file\n${lines.join('\n')}`);
  }
  return { ruleset: compileRules(resolveRulesFile(parsed.file)), root: path.dirname(file), file };
}
