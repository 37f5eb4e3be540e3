/** A worker thread of the check pool: one Engine, batches of paths in, outcomes out. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileRules, Engine } from '../engine';
import { checkFile } from './checkFiles';
import { GoPackages } from './goPackages';
import type { BatchRequest, FileOutcome, WorkerReply, WorkerSetup } from './poolProtocol';

const port = parentPort;
if (port) {
  const setup = workerData as WorkerSetup;
  const reply = (m: WorkerReply): void => port.postMessage(m);
  Engine.create(compileRules(setup.rules)).then(
    (engine) => {
      port.on('message', (req: BatchRequest) => {
        try {
          const packages = new GoPackages();
          const outcomes: FileOutcome[] = req.files.map((abs) => checkFile(engine, abs, setup.root, setup.phase, packages));
          reply({ id: req.id, outcomes });
        } catch (e) {
          reply({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        }
      });
      reply({ ready: true });
    },
    (e: unknown) => reply({ error: `cannot start the engine: ${e instanceof Error ? e.message : String(e)}` }),
  );
}
