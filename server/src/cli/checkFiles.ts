/** Runs the engine over files on disk. Shared by check, fix and report. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, type Finding } from '../engine';
import { looksBinary, walk, type Skipped } from './walk';
import type { LoadedRules } from './rulesConfig';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface FileResult {
  /** Absolute path. */
  abs: string;
  /** Relative to the cwd, forward slashes: what the user sees. */
  display: string;
  findings: Finding[];
}

export interface CheckRun {
  results: FileResult[];
  skipped: Skipped[];
  filesChecked: number;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? path.basename(abs) : rel).split(path.sep).join('/');
}

/** Decodes a file for checking; null (with the reason) when it is not text we should touch. */
export function readText(abs: string): { text: string } | { skip: string } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(abs);
  } catch (e) {
    return { skip: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  if (looksBinary(buf)) return { skip: 'binary file' };
  try {
    return { text: utf8.decode(buf) };
  } catch {
    return { skip: 'not valid UTF-8' };
  }
}

export async function checkPaths(inputs: string[], rules: LoadedRules, opts: { cwd: string; maxFileSize?: number; phase?: string }): Promise<CheckRun> {
  const engine = await Engine.create(rules.ruleset);
  const walked = walk(inputs, { root: rules.root, maxFileSize: opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, exclude: rules.ruleset.exclude });
  const skipped = [...walked.skipped];
  const results: FileResult[] = [];
  let filesChecked = 0;
  for (const abs of walked.files) {
    const read = readText(abs);
    if ('skip' in read) {
      if (read.skip !== 'binary file') skipped.push({ path: abs, reason: read.skip });
      continue;
    }
    filesChecked++;
    const rel = path.relative(rules.root, abs).split(path.sep).join('/');
    const findings = engine.check(read.text, { path: rel, phase: opts.phase });
    if (findings.length) results.push({ abs, display: displayPath(abs, opts.cwd), findings });
  }
  return { results, skipped: skipped.map((s) => ({ ...s, path: displayPath(s.path, opts.cwd) })), filesChecked };
}
