/** Runs the engine over files on disk. Shared by check, fix and report. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, type Finding } from '../engine';
import { looksBinary, relativeInside, walk, type Skipped } from './walk';
import type { LoadedRules } from './rulesConfig';
import { checkInWorkers, poolSize } from './pool';
import type { FileOutcome } from './poolProtocol';
import { ResultCache } from './resultCache';
import { rulesFileOf } from './pool';
import { GoPackages } from './goPackages';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** Below this many files a run stays on the main thread: starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 64;

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
  /** How many of the outcomes came from the result cache. */
  fromCache?: number;
}

export interface CheckPathsOptions {
  cwd: string;
  maxFileSize?: number;
  phase?: string;
  /** Worker threads to use; default: one per core for large inputs, 0 for in-process. */
  workers?: number;
  /** Reuse the findings of files unchanged since the last run (see resultCache.ts); default on. */
  cache?: boolean;
  /** Folder of the result cache; default: resultCache.ts's defaultCacheDir. */
  cacheLocation?: string;
  /** When the run started (default now); tests move it on so that files they just wrote count as settled. */
  startedAt?: number;
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

/** Reads and checks one file: the unit of work of both the in-process loop and the workers. */
export function checkFile(engine: Engine, abs: string, root: string, phase: string | undefined, packages?: GoPackages): FileOutcome {
  const read = readText(abs);
  if ('skip' in read) return read;
  const rel = path.relative(root, abs).split(path.sep).join('/');
  return { findings: engine.check(read.text, { path: rel, phase, package: packages?.sourceFor(abs) }) };
}

async function checkInProcess(files: string[], rules: LoadedRules, phase: string | undefined): Promise<FileOutcome[]> {
  const engine = await Engine.create(rules.ruleset);
  const packages = new GoPackages();
  return files.map((abs) => checkFile(engine, abs, rules.root, phase, packages));
}

export async function checkPaths(inputs: string[], rules: LoadedRules, opts: CheckPathsOptions): Promise<CheckRun> {
  const startedAt = opts.startedAt ?? Date.now();
  const walked = walk(inputs, { root: rules.root, maxFileSize: opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, exclude: rules.ruleset.exclude });
  const files = walked.files;
  const cache = opts.cache === false ? undefined : ResultCache.open({ root: rules.root, inputs: { rules: rulesFileOf(rules.ruleset), phase: opts.phase }, location: opts.cacheLocation, startedAt });
  const keyOf = (abs: string): string => relativeInside(rules.root, abs) || displayPath(abs, rules.root);
  const outcomes = new Array<FileOutcome>(files.length);
  const todo: number[] = [];
  let fromCache = 0;
  // A Go file's findings depend on its package's other files: the cache checks their stats too.
  const packages = new GoPackages();
  files.forEach((abs, i) => {
    const st = walked.stats.get(abs);
    const hit = cache && st ? cache.get(keyOf(abs), st, packages.fingerprint(abs)) : undefined;
    if (hit) {
      outcomes[i] = hit;
      fromCache++;
    } else todo.push(i);
  });
  if (todo.length) {
    const paths = todo.map((i) => files[i]);
    const workers = opts.workers ?? (paths.length >= MIN_FILES_FOR_WORKERS ? poolSize() : 0);
    const checked = (workers > 0 ? await checkInWorkers(paths, rules, opts.phase, workers) : null) ?? (await checkInProcess(paths, rules, opts.phase));
    todo.forEach((fileIndex, k) => {
      outcomes[fileIndex] = checked[k];
      const st = walked.stats.get(files[fileIndex]);
      if (cache && st) cache.set(keyOf(files[fileIndex]), st, checked[k], packages.fingerprint(files[fileIndex]));
    });
  }
  cache?.save(rules.root);
  // Outcomes are indexed like the walk's (sorted) file list, so the order never depends on which
  // worker finished first.
  const skipped = [...walked.skipped];
  const results: FileResult[] = [];
  let filesChecked = 0;
  files.forEach((abs, i) => {
    const o = outcomes[i];
    if ('skip' in o) {
      // Binary and undecodable files are reported too (issue 2: skipped files are named, not dropped silently).
      skipped.push({ path: abs, reason: o.skip });
      return;
    }
    filesChecked++;
    if (o.findings.length) results.push({ abs, display: displayPath(abs, opts.cwd), findings: o.findings });
  });
  return { results, skipped: skipped.map((s) => ({ ...s, path: displayPath(s.path, opts.cwd) })), filesChecked, fromCache };
}
