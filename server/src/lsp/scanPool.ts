/**
 * The workspace scan checks files on a worker thread (the CLI's scan worker: same engine, same
 * checkFile), so the server's own thread stays free for the open documents while thousands of
 * files are read. One worker per folder, kept between scans, replaced when its rules or phase
 * change. Without a worker (no script, or it died) the caller checks in-process.
 */
import { Worker } from 'node:worker_threads';
import { rulesFileOf, workerScript } from '../cli/pool';
import type { BatchRequest, FileOutcome, WorkerReply, WorkerSetup } from '../cli/poolProtocol';
import type { Folder } from './project';
import type { FolderRules } from './rules';

class ScanWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (o: FileOutcome | undefined) => void>();
  private readonly queue: BatchRequest[] = [];
  private ready = false;
  private dead = false;
  private nextId = 0;

  constructor(script: string, setup: WorkerSetup) {
    this.worker = new Worker(script, { workerData: setup });
    this.worker.on('message', (m: WorkerReply) => {
      if ('error' in m) return this.fail();
      if ('ready' in m) {
        this.ready = true;
        for (const req of this.queue.splice(0)) this.worker.postMessage(req);
        return;
      }
      this.pending.get(m.id)?.(m.outcomes[0]);
      this.pending.delete(m.id);
    });
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
    // An idle worker must not keep the server process alive after `exit`.
    this.worker.unref();
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** The file's outcome; undefined when the worker is gone (check in-process instead). */
  check(abs: string): Promise<FileOutcome | undefined> {
    if (this.dead) return Promise.resolve(undefined);
    const req: BatchRequest = { id: this.nextId++, files: [abs] };
    return new Promise((resolve) => {
      this.pending.set(req.id, resolve);
      if (this.ready) this.worker.postMessage(req);
      else this.queue.push(req);
    });
  }

  private fail(): void {
    this.dead = true;
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }

  dispose(): void {
    this.dead = true;
    void this.worker.terminate();
  }
}

export class ScanPool {
  private readonly workers = new Map<string, { rules: FolderRules; phase: string; worker: ScanWorker }>();
  private readonly script = workerScript();

  /** The worker for a folder under these rules and phase, or undefined (check in-process). */
  forFolder(folder: Folder, phase: string): ScanWorker | undefined {
    if (!this.script) return undefined;
    const have = this.workers.get(folder.uri);
    if (have && have.rules === folder.rules && have.phase === phase && have.worker.alive) return have.worker;
    have?.worker.dispose();
    try {
      const worker = new ScanWorker(this.script, { rules: rulesFileOf(folder.rules.engine.rules), root: folder.root, phase: phase || undefined });
      this.workers.set(folder.uri, { rules: folder.rules, phase, worker });
      return worker;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    for (const w of this.workers.values()) w.worker.dispose();
    this.workers.clear();
  }
}
