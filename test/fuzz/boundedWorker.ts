/** Worker side of bounded.ts: checks one text and reports the count, a sample and the time. */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, compileRules, type RulesFile } from '../../server/src/engine';

interface Job {
  text: string;
  path: string;
  rules?: RulesFile;
}

void (async () => {
  const job = workerData as Job;
  const engine = await Engine.create(job.rules ? compileRules(job.rules) : undefined);
  const t0 = performance.now();
  const findings = engine.check(job.text, { path: job.path });
  const ms = performance.now() - t0;
  let fixable = 0;
  for (const f of findings) if (f.replacement !== null) fixable++;
  parentPort?.postMessage({ ms, count: findings.length, fixable, first: findings[0] ?? null, last: findings[findings.length - 1] ?? null, rssMb: process.memoryUsage().rss / 2 ** 20 });
})();
