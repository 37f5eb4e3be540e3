/**
 * Runs one engine check in a worker thread and stops it at a time bound, so a test of a huge or
 * pathological input fails with "did not finish in N ms" instead of hanging the test run.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding, RulesFile } from '../../server/src/engine';

export interface BoundedResult {
  ms: number;
  count: number;
  fixable: number;
  first: Finding | null;
  last: Finding | null;
  rssMb: number;
}

export function boundedCheck(text: string, filePath: string, boundMs: number, rules?: RulesFile): Promise<BoundedResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'boundedWorker.js'), { workerData: { text, path: filePath, rules } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`engine.check of ${filePath} (${text.length} chars) did not finish in ${boundMs} ms`));
    }, boundMs);
    worker.once('message', (r: BoundedResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
