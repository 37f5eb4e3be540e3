/**
 * Reads the workspace's unopened files so their findings reach the Problems panel: .gitignore,
 * files.exclude, termshift.exclude and the rules file's excludes honoured (walk.ts), a bounded
 * number of reads in flight, cancellation checked before every file, progress reported, and the
 * event loop yielded after every file so edits in open documents are answered in between.
 */
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { CancellationTokenSource, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { languageOfPath } from '../engine';
import { looksBinary, walk } from '../cli/walk';
import { DEFAULT_MAX_FILE_SIZE } from '../cli/checkFiles';
import { excludeMatcher } from './excludes';
import { pathToUri, relativeTo, uriToPath } from './paths';
import type { Folder, Project } from './project';
import { ScanPool } from './scanPool';
import type { FindingsStore } from './store';

/** Files in flight at once (reads, or checks queued on the worker so it never idles). */
const CONCURRENCY = 4;
const MIN_FILES_FOR_WORKER = 20;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface ScanSummary {
  files: number;
  skipped: number;
  cancelled: boolean;
  ms: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A file's text, or undefined when it is binary, not UTF-8, too large or gone. */
export async function readSource(file: string): Promise<string | undefined> {
  try {
    const buf = await fs.readFile(file);
    if (buf.length > DEFAULT_MAX_FILE_SIZE || looksBinary(buf)) return undefined;
    return utf8.decode(buf);
  } catch {
    return undefined;
  }
}

export class WorkspaceScanner {
  private current?: CancellationTokenSource;
  /** Files each scan recorded, by folder URI, to clear the ones that disappeared. */
  private readonly seen = new Map<string, Set<string>>();
  private running?: Promise<ScanSummary>;
  /** Folders scanned at least once (workspace-wide edits need a complete picture). */
  private complete = false;
  private readonly pool = new ScanPool();

  constructor(
    private readonly connection: Connection,
    private readonly project: Project,
    private readonly store: FindingsStore,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly log: (msg: string) => void,
  ) {}

  get hasScanned(): boolean {
    return this.complete;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Starts a scan, cancelling one in progress. `force` scans even where the setting is off. */
  scan(force = false): Promise<ScanSummary> {
    this.current?.cancel();
    const cts = new CancellationTokenSource();
    this.current = cts;
    const run = this.run(cts.token, force).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  /** Waits for the scan in progress, or scans once when none ever completed. */
  async ensureScanned(): Promise<void> {
    if (this.running) await this.running;
    if (!this.complete) await this.scan(true);
  }

  private async run(token: CancellationToken, force: boolean): Promise<ScanSummary> {
    const started = performance.now();
    const folders = this.project.folders;
    const folderSettings = await Promise.all(folders.map((f) => this.project.settings.get(f.uri)));
    const wanted = folderSettings.some((s) => s.enable && (s.workspaceScan || force));
    // No progress (and no flicker in the status bar) when there is nothing to scan.
    const progress = wanted ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('termshift: scanning the workspace', 0, 'listing files', true);
    const cancelled = (): boolean => token.isCancellationRequested || !!progress?.token.isCancellationRequested;
    let files = 0;
    let skipped = 0;
    let everyFolder = true;
    try {
      const work: Array<{ folder: Folder; files: string[]; settings: Awaited<ReturnType<Project['settings']['get']>>; excludes: ReturnType<typeof excludeMatcher>; worker: ReturnType<ScanPool['forFolder']> }> = [];
      for (const [i, folder] of folders.entries()) {
        const settings = folderSettings[i];
        if (!settings.enable || (!settings.workspaceScan && !force)) {
          this.forgetFolder(folder.uri, new Set());
          everyFolder = false;
          continue;
        }
        const excludes = excludeMatcher(await this.project.settings.filesExcludeOf(folder.uri), [...settings.exclude, ...folder.rules.engine.rules.excludePatterns]);
        const walked = walk([folder.root], { root: folder.root, maxFileSize: DEFAULT_MAX_FILE_SIZE, exclude: excludes });
        skipped += walked.skipped.length;
        const files = walked.files.filter((f) => languageOfPath(f) !== 'text');
        // A worker costs an engine start: worth it only for more than a handful of files.
        const worker = files.length > MIN_FILES_FOR_WORKER ? this.pool.forFolder(folder, settings.phase) : undefined;
        work.push({ folder, files, settings, excludes, worker });
      }
      const total = work.reduce((n, w) => n + w.files.length, 0);
      let done = 0;
      let lastReport = 0;
      for (const w of work) {
        const seen = new Set<string>();
        let next = 0;
        const lane = async (): Promise<void> => {
          while (next < w.files.length && !cancelled()) {
            const file = w.files[next++];
            const uri = pathToUri(file);
            seen.add(uri);
            await this.checkFile(uri, file, { settings: w.settings, excludes: w.excludes }, w.worker);
            done++;
            files++;
            if (progress && (done - lastReport >= 50 || done === total)) {
              lastReport = done;
              progress.report(Math.floor((done / Math.max(total, 1)) * 100), `${done}/${total} files`);
            }
            await yieldToEventLoop();
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, lane));
        if (cancelled()) break;
        this.forgetFolder(w.folder.uri, seen);
      }
      if (!cancelled() && everyFolder) this.complete = true;
    } finally {
      progress?.done();
    }
    const summary = { files, skipped, cancelled: cancelled(), ms: Math.round(performance.now() - started) };
    this.log(`workspace scan: ${summary.files} files in ${summary.ms} ms${summary.cancelled ? ' (cancelled)' : ''}`);
    return summary;
  }

  /** Clears the files a folder's previous scan recorded that this one did not see. */
  private forgetFolder(folderUri: string, seen: Set<string>): void {
    for (const uri of this.seen.get(folderUri) ?? []) {
      if (!seen.has(uri) && !this.documents.get(uri)) this.store.clear(uri);
    }
    this.seen.set(folderUri, seen);
  }

  /** Checks one unopened file from disk (an open document's buffer wins over the disk). */
  async checkFile(uri: string, file: string, given?: Parameters<Project['check']>[1], worker?: ReturnType<ScanPool['forFolder']>): Promise<void> {
    if (this.documents.get(uri)) return;
    const outcome = given && worker ? await worker.check(file) : undefined;
    if (outcome && given) {
      if (this.documents.get(uri)) return;
      if ('skip' in outcome || !existsSync(file)) this.store.clear(uri);
      else this.store.set({ uri, version: null, findings: outcome.findings, settings: given.settings, engine: this.project.engineFor(uri), open: false });
      return;
    }
    const text = await readSource(file);
    if (this.documents.get(uri)) return;
    if (text === undefined) {
      this.store.clear(uri);
      return;
    }
    const checked = await this.project.check({ uri, text }, given);
    if (this.documents.get(uri)) return;
    // Deleted while it was read and checked (a document closed, then deleted: the re-read the
    // close started must not bring its findings back after the delete event was handled).
    if (!existsSync(file)) this.store.clear(uri);
    else this.store.set({ uri, version: null, ...checked, open: false });
  }

  /** A watched file was created or changed on disk. */
  async fileChanged(uri: string): Promise<void> {
    const file = uriToPath(uri);
    const folder = this.project.folderOf(uri);
    if (!file || !folder || languageOfPath(file) === 'text' || this.documents.get(uri)) return;
    const settings = await this.project.settings.get(folder.uri);
    const rel = relativeTo(folder.root, file);
    if (!settings.enable || !settings.workspaceScan || !rel) return;
    const excludes = excludeMatcher(await this.project.settings.filesExcludeOf(folder.uri), [...settings.exclude, ...folder.rules.engine.rules.excludePatterns]);
    if (excludes.ignores(rel)) return;
    this.seen.get(folder.uri)?.add(uri);
    await this.checkFile(uri, file, { settings, excludes });
  }

  dispose(): void {
    this.current?.cancel();
    this.pool.dispose();
  }

  fileDeleted(uri: string): void {
    for (const seen of this.seen.values()) seen.delete(uri);
    if (!this.documents.get(uri)) this.store.clear(uri);
  }
}

