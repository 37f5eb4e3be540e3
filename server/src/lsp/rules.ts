/**
 * The rules each workspace folder runs: its termshift.json merged over the built-in pack, or the
 * built-in pack alone when there is no file, the file is malformed, or the workspace is untrusted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileRules, parseRulesFile, resolveRulesFile, type Engine, type RulesProblem } from '../engine';

export const RULES_FILE = 'termshift.json';

export interface FolderRules {
  engine: Engine;
  /** Absolute path of the folder's rules file, when one exists. */
  file?: string;
  /** Why the file is not used (invalid JSON, schema violations); empty when it is fine. */
  problems: RulesProblem[];
  source: 'builtin' | 'file' | 'untrusted';
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `text` is the editor's buffer when the rules file is open, else the file is read from disk. */
export function loadFolderRules(base: Engine, root: string, trusted: boolean, text?: string): FolderRules {
  const file = path.join(root, RULES_FILE);
  const content = text ?? readIfExists(file);
  if (content === undefined) return { engine: base, problems: [], source: 'builtin' };
  // Restricted mode: the workspace's own rules are not applied (see package.json untrustedWorkspaces).
  if (!trusted) return { engine: base, file, problems: [], source: 'untrusted' };
  const parsed = parseRulesFile(content);
  if (!parsed.ok) return { engine: base, file, problems: parsed.problems, source: 'builtin' };
  try {
    return { engine: base.withRules(compileRules(resolveRulesFile(parsed.file))), file, problems: [], source: 'file' };
  } catch (e) {
    return { engine: base, file, problems: [{ message: `cannot use the rules: ${(e as Error).message}`, line: 0, character: 0 }], source: 'builtin' };
  }
}
