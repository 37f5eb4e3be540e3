/**
 * Finds the files to check: honours .gitignore files (nested too), skips .git, node_modules and
 * vendor, never follows a symlinked folder (no loops), and reports what it skipped and why.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface WalkOptions {
  maxFileSize: number;
  /** Extra exclusions (the rules file's), .gitignore syntax, relative to `root`. */
  exclude?: Ignore;
  root: string;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: string[];
  /** Each file's stat, taken while walking (the result cache compares them). */
  stats: Map<string, fs.Stats>;
  skipped: Skipped[];
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', 'vendor', '.hg', '.svn']);

interface Layer {
  dir: string;
  ig: Ignore;
}

function readGitignore(dir: string): Ignore | null {
  try {
    return ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}

/** abs relative to dir with forward slashes; '' when abs is not inside dir. */
export function relativeInside(dir: string, abs: string): string {
  // The walk builds every path by joining onto its folder, so a prefix test is exact and far
  // cheaper than path.relative (measured: a fifth of a cached run on 3,900 files).
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  if (!abs.startsWith(prefix)) return '';
  const rel = abs.slice(prefix.length);
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

function ignoredBy(layers: Layer[], abs: string, isDir: boolean): boolean {
  for (const l of layers) {
    const rel = relativeInside(l.dir, abs);
    if (!rel) continue;
    if (l.ig.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

export function walk(inputs: string[], opts: WalkOptions): WalkResult {
  const files: string[] = [];
  const stats = new Map<string, fs.Stats>();
  const skipped: Skipped[] = [];
  const rootLayers: Layer[] = [];
  const rootIg = readGitignore(opts.root);
  if (rootIg) rootLayers.push({ dir: opts.root, ig: rootIg });
  if (opts.exclude) rootLayers.push({ dir: opts.root, ig: opts.exclude });

  const visitFile = (abs: string, explicit: boolean): void => {
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      skipped.push({ path: abs, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    if (!st.isFile()) return;
    if (st.size > opts.maxFileSize) {
      skipped.push({ path: abs, reason: `larger than the ${Math.round(opts.maxFileSize / 1024)} KiB limit (${Math.round(st.size / 1024)} KiB)` });
      return;
    }
    if (!explicit && ignoredBy(rootLayers, abs, false)) return;
    files.push(abs);
    stats.set(abs, st);
  };

  const visitDir = (dir: string, layers: Layer[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: dir, reason: `cannot list: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    const own = readGitignore(dir);
    const here = own && dir !== opts.root ? [...layers, { dir, ig: own }] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (ALWAYS_SKIPPED.has(e.name) || ignoredBy(here, abs, true)) continue;
        visitDir(abs, here);
      } else if (e.isSymbolicLink()) {
        // A symlinked file is checked; a symlinked folder is not entered (no loops, no escapes).
        let st: fs.Stats | undefined;
        try {
          st = fs.statSync(abs);
        } catch {
          skipped.push({ path: abs, reason: 'broken symbolic link' });
          continue;
        }
        if (st.isFile() && !ignoredBy(here, abs, false)) visitFile(abs, false);
      } else if (e.isFile()) {
        if (ignoredBy(here, abs, false)) continue;
        visitFile(abs, false);
      }
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(input);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      skipped.push({ path: abs, reason: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) visitDir(abs, rootLayers);
    else visitFile(abs, true);
  }
  return { files: [...new Set(files)], stats, skipped };
}

/** Binary content: a NUL byte in the first 8 KiB (what git and ripgrep use). */
export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}
