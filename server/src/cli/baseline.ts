/**
 * Baselines: `--write-baseline FILE` records today's findings, `--baseline FILE` then reports only
 * new ones. A finding is keyed by what it is and what surrounds it, never by its line number, so
 * inserting lines above it keeps it matched:
 *   path (relative to the baseline file) · category · text · hash(trimmed line) · hash(neighbours)
 * Matching is a multiset: an entry is consumed by one finding, so a second copy of a baselined
 * line is new. Exact keys match first, then the same line content anywhere in the file.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex, type Finding } from '../engine';
import { readText, type CheckRun, type FileResult } from './checkFiles';
import { UsageError } from './rulesConfig';

export interface BaselineEntry {
  path: string;
  ruleId: string;
  category: string;
  text: string;
  /** Hash of the finding's line, trimmed. */
  line: string;
  /** Hash of the nearest non-blank lines above and below, trimmed. */
  context: string;
  /** The plan batch, for progress reports. */
  batch?: string;
}

export interface Baseline {
  version: 1;
  tool: 'termshift';
  findings: BaselineEntry[];
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/** Lines of the files that have findings, read once (BOM stripped: finding ranges exclude it). */
export class FileLines {
  private readonly cache = new Map<string, LineIndex | null>();

  get(abs: string): LineIndex | null {
    let v = this.cache.get(abs);
    if (v === undefined) {
      const read = readText(abs);
      v = 'text' in read ? new LineIndex(read.text.replace(/^\uFEFF/, '')) : null;
      this.cache.set(abs, v);
    }
    return v;
  }
}

function neighbour(lines: LineIndex, from: number, step: number): string {
  for (let l = from + step; l >= 0 && l < lines.lineCount; l += step) {
    const t = lines.lineText(l).trim();
    if (t) return t;
  }
  return '';
}

export function entryFor(rel: string, lines: LineIndex | null, f: Finding): BaselineEntry {
  const n = f.range.start.line;
  const own = lines ? lines.lineText(n).trim() : f.text;
  const around = lines ? `${neighbour(lines, n, -1)}\n${neighbour(lines, n, 1)}` : '';
  return { path: rel, ruleId: f.ruleId, category: f.category, text: f.text, line: hash(own), context: hash(around), ...(f.batch ? { batch: f.batch } : {}) };
}

/** The key SARIF uses as partialFingerprints: stable across moves, like the baseline. */
export function fingerprintOf(e: BaselineEntry): string {
  return hash(`${e.path}\0${e.category}\0${e.text}\0${e.line}\0${e.context}`);
}

/** Paths in a baseline are relative to its own folder, so CI can run from anywhere. */
export function baselinePath(baselineFile: string, abs: string): string {
  return path.relative(path.dirname(baselineFile), abs).split(path.sep).join('/');
}

export interface Keyed {
  result: FileResult;
  finding: Finding;
  entry: BaselineEntry;
}

export function keyFindings(run: CheckRun, relOf: (abs: string) => string, include: (f: Finding) => boolean, lines = new FileLines()): Keyed[] {
  const out: Keyed[] = [];
  for (const r of run.results) {
    for (const f of r.findings) if (include(f)) out.push({ result: r, finding: f, entry: entryFor(relOf(r.abs), lines.get(r.abs), f) });
  }
  return out;
}

const exactKey = (e: BaselineEntry): string => `${e.path}\0${e.category}\0${e.text}\0${e.line}\0${e.context}`;
const lineKey = (e: BaselineEntry): string => `${e.path}\0${e.category}\0${e.text}\0${e.line}`;

/** Which of the current entries are new (true) against the baseline. */
export function newFindings(baseline: Baseline, current: BaselineEntry[]): boolean[] {
  const exact = new Map<string, number>();
  const byLine = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, d: number): void => {
    m.set(k, (m.get(k) ?? 0) + d);
  };
  for (const e of baseline.findings) {
    bump(exact, exactKey(e), 1);
    bump(byLine, lineKey(e), 1);
  }
  const isNew = current.map(() => true);
  // Pass 1: same line and same neighbours. Pass 2: same line content elsewhere (moved).
  current.forEach((e, i) => {
    const k = exactKey(e);
    if ((exact.get(k) ?? 0) > 0) {
      bump(exact, k, -1);
      bump(byLine, lineKey(e), -1);
      isNew[i] = false;
    }
  });
  current.forEach((e, i) => {
    if (!isNew[i]) return;
    const k = lineKey(e);
    if ((byLine.get(k) ?? 0) > 0) {
      bump(byLine, k, -1);
      isNew[i] = false;
    }
  });
  return isNew;
}

export function writeBaseline(file: string, entries: BaselineEntry[]): void {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const data: Baseline = { version: 1, tool: 'termshift', findings: sorted };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read baseline ${file}: ${(e as Error).message}`);
  }
  const b = data as Partial<Baseline>;
  if (!b || b.version !== 1 || !Array.isArray(b.findings)) throw new UsageError(`${file} is not a termshift baseline (version 1)`);
  return b as Baseline;
}
