/**
 * Checks files on worker threads, each with its own Engine: the main thread hands out small
 * batches of paths as workers ask for them and puts the outcomes back in the walk's order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RulesFile, Ruleset } from '../engine';
import type { LoadedRules } from './rulesConfig';
import type { BatchRequest, FileOutcome, WorkerReply, WorkerSetup } from './poolProtocol';

/** Files per message: small enough to balance uneven files, large enough that messaging is noise. */
const BATCH = 24;
/** A folder of generated files is still split, so both workers share it. */
const MAX_BATCH = 512;
/** Batches in flight per worker, so a worker never waits for the main thread between two. */
const IN_FLIGHT = 2;
/**
 * The analyzers make much short-lived garbage; V8's default young generation lets each worker's
 * heap grow by tens of MiB. Measured on the bench corpus with 2 workers: peak RSS 255 MiB by
 * default, 170-185 MiB at 2 MiB, for about 8% more CPU (issue 2: peak RSS target 150 MiB).
 */
const WORKER_YOUNG_GENERATION_MB = 2;

/** Workers for a large run: one per core; TERMSHIFT_WORKERS overrides (0 = in-process). */
export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.TERMSHIFT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  return Math.max(1, os.availableParallelism());
}

/** The bundled worker beside dist/cli.js, or the compiled one beside this file (tests). */
export function workerScript(): string | null {
  for (const name of ['scan-worker.js', 'scanWorker.js']) {
    const p = path.join(__dirname, name);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/**
 * The rules as data, for a worker to compile again. A Ruleset is compiled from exactly these
 * fields of the rules file (see compileRules); `extends` is already resolved into `rules`.
 */
export function rulesFileOf(ruleset: Ruleset): RulesFile {
  const file: RulesFile = { rules: ruleset.rules.map((r) => r.spec), exclude: ruleset.excludePatterns };
  if (ruleset.phase !== undefined) file.phase = ruleset.phase;
  return file;
}

/**
 * [start, end) ranges of the walk's list. A batch does not end inside a folder (up to a bound): a
 * Go file is read with the other files of its package, and a worker that has them all reads each
 * once; split between workers, both would.
 */
export function batchesOf(files: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < files.length; ) {
    let end = Math.min(i + BATCH, files.length);
    while (end < files.length && end - i < MAX_BATCH && path.dirname(files[end]) === path.dirname(files[end - 1])) end++;
    out.push([i, end]);
    i = end;
  }
  return out;
}

/** Outcomes in the order of `files`; null when no worker script exists (the caller runs in-process). */
export async function checkInWorkers(files: string[], rules: LoadedRules, phase: string | undefined, count: number): Promise<FileOutcome[] | null> {
  const script = workerScript();
  if (!script) return null;
  const setup: WorkerSetup = { rules: rulesFileOf(rules.ruleset), root: rules.root, phase };
  const outcomes = new Array<FileOutcome>(files.length);
  const batches = batchesOf(files);
  let next = 0;
  let pending = batches.length;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      if (pending === 0) return resolve();
      const send = (w: Worker): void => {
        if (next >= batches.length) return;
        const [start, end] = batches[next++];
        const req: BatchRequest = { id: start, files: files.slice(start, end) };
        w.postMessage(req);
      };
      for (let k = 0; k < Math.min(count, batches.length); k++) {
        const w = new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
        workers.push(w);
        w.on('message', (m: WorkerReply) => {
          if ('error' in m) return reject(new Error(`scan worker: ${m.error}`));
          if ('ready' in m) {
            for (let j = 0; j < IN_FLIGHT; j++) send(w);
            return;
          }
          m.outcomes.forEach((o, j) => (outcomes[m.id + j] = o));
          send(w);
          if (--pending === 0) resolve();
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (pending > 0) reject(new Error(`scan worker exited early (code ${code})`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
