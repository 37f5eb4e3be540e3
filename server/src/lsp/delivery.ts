/**
 * Delivers diagnostics: pushed (textDocument/publishDiagnostics) or pulled (textDocument/diagnostic,
 * workspace/diagnostic) depending on what the client supports. Open documents are validated once
 * per version, coalesced per event-loop turn; a result for a version that moved on is dropped.
 */
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RulesProblem } from '../engine';
import { SOURCE, toDiagnostics } from './diagnostics';
import type { Project } from './project';
import type { Entry, FindingsStore } from './store';

/** A check this slow (ms) makes changes queue up behind it… */
const SLOW_CHECK_MS = 30;
/** …so the next one waits until no change came for this long (ms), the queued ones read first… */
const DRAIN_MS = 3;
/** …but never longer than this (ms) in all. */
const MAX_DRAIN_MS = 60;

export class Delivery {
  /** Problems of each malformed rules file, by its URI. */
  private readonly rulesDiagnostics = new Map<string, { diagnostics: Diagnostic[]; resultId: string }>();
  private readonly pending = new Set<string>();
  private flushScheduled = false;
  private rulesCounter = 0;
  /** How long the last check of each open document took (ms). */
  private readonly lastCost = new Map<string, number>();
  private drainTimer?: NodeJS.Timeout;
  private drainStarted?: number;
  /** Bumped when settings, rules or a file's existence change: results checked before are stale. */
  private epoch = 0;
  /** The epoch each open document's stored findings were checked in. */
  private readonly checkedIn = new Map<string, number>();
  /** The check running for each open document, for its version and epoch. */
  private readonly inflight = new Map<string, { key: string; promise: Promise<Entry | undefined> }>();
  /** The result each document's pushed diagnostics came from (push mode). */
  private readonly published = new Map<string, string>();
  /** Set once the client is initialized and says it supports workspace/diagnostic/refresh. */
  canRefresh = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly project: Project,
    private readonly store: FindingsStore,
    readonly pull: boolean,
  ) {
    if (!pull) store.onDidChange((uri) => this.publish(uri));
  }

  /**
   * Validates an open document soon. The JSON-RPC layer handles one message per event-loop turn,
   * so a check scheduled with setImmediate runs before the next queued change is even read. That
   * is right for a cheap check (lowest latency), but when a check is slow the changes typed
   * meanwhile pile up and would each be checked in turn: then wait a few milliseconds, long enough
   * for the queue to drain, and check only the latest version.
   */
  schedule(uri: string): void {
    this.pending.add(uri);
    const slow = (this.lastCost.get(uri) ?? 0) > SLOW_CHECK_MS;
    if (this.flushScheduled && !(slow && this.drainTimer)) return;
    this.flushScheduled = true;
    if (!slow) {
      setImmediate(() => this.flush());
      return;
    }
    // Wait until no change has come for DRAIN_MS (at most MAX_DRAIN_MS in all): the backlog is read.
    this.drainStarted ??= performance.now();
    if (this.drainTimer) clearTimeout(this.drainTimer);
    const waited = performance.now() - this.drainStarted;
    this.drainTimer = setTimeout(() => this.flush(), waited >= MAX_DRAIN_MS ? 0 : DRAIN_MS);
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.drainTimer = undefined;
    this.drainStarted = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    for (const u of uris) void this.validate(u);
  }

  /** A closed document's cost is forgotten. */
  forget(uri: string): void {
    this.lastCost.delete(uri);
    this.checkedIn.delete(uri);
  }

  /**
   * Settings, rules or files changed: every result checked before is stale. Re-checks the open
   * documents and, once they are checked, asks a pull client to pull again (asked earlier, it
   * could pull the old results while the new settings are still being read).
   */
  revalidate(uris: string[]): void {
    this.epoch++;
    const checks = uris.map((u) => this.validate(u));
    void Promise.allSettled(checks).then(() => this.refresh());
  }

  /** Checks an open document's current version (one check per version and epoch at a time). */
  validate(uri: string): Promise<Entry | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const key = `${doc.version}:${this.epoch}`;
    const running = this.inflight.get(uri);
    if (running?.key === key) return running.promise;
    const promise = this.check(uri, doc, this.epoch).finally(() => {
      if (this.inflight.get(uri)?.promise === promise) this.inflight.delete(uri);
    });
    this.inflight.set(uri, { key, promise });
    return promise;
  }

  private async check(uri: string, doc: TextDocument, epoch: number): Promise<Entry | undefined> {
    const version = doc.version;
    const started = performance.now();
    const checked = await this.project.check({ uri, text: doc.getText(), languageId: doc.languageId });
    this.lastCost.set(uri, performance.now() - started);
    // Stale: a newer version, or settings that changed while they were read; a newer run follows.
    if (this.documents.get(uri)?.version !== version || epoch !== this.epoch) return undefined;
    const entry = this.store.set({ uri, version, ...checked, open: true });
    if (entry) this.checkedIn.set(uri, epoch);
    return entry;
  }

  /** The stored findings are for the document's current version, under the current settings. */
  private isFresh(uri: string, entry: Entry | undefined, doc: TextDocument): entry is Entry {
    return !!entry?.open && entry.version === doc.version && this.checkedIn.get(uri) === this.epoch && !this.pending.has(uri);
  }

  /**
   * Pushes a document's diagnostics, unless the client already has exactly these: a change that
   * moved no finding (a keystroke in a comment) keeps the stored result, and sending the same
   * diagnostics again would only make the client redraw them (a large file's are hundreds of KiB).
   */
  private publish(uri: string): void {
    const e = this.store.get(uri);
    if (!e) return;
    if (this.published.get(uri) === e.resultId) return;
    this.published.set(uri, e.resultId);
    const diagnostics = toDiagnostics(e.findings, e.since, e.settings, e.engine.rules);
    void this.connection.sendDiagnostics({ uri, version: e.version ?? undefined, diagnostics });
  }

  setRulesProblems(uri: string, problems: RulesProblem[]): void {
    const old = this.rulesDiagnostics.get(uri);
    if (!old && problems.length === 0) return;
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + 1 } },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'RULES_FILE',
      message: `${p.message}. termshift uses its built-in rules until this file is fixed.`,
    }));
    this.rulesDiagnostics.set(uri, { diagnostics, resultId: `r${++this.rulesCounter}` });
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics });
    else this.refresh();
  }

  /** Pull mode: asks the client to pull again (settings or rules changed). */
  refresh(): void {
    if (this.pull && this.canRefresh) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  async documentReport(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const rules = this.rulesDiagnostics.get(uri);
    if (rules) return { kind: DocumentDiagnosticReportKind.Full, resultId: rules.resultId, items: rules.diagnostics };
    const doc = this.documents.get(uri);
    let entry = this.store.get(uri);
    if (doc && !this.isFresh(uri, entry, doc)) {
      entry = await this.validate(uri);
      // Settings changed while they were read (the document did not): check once more.
      if (!entry && this.documents.get(uri)?.version === doc.version) entry = await this.validate(uri);
      // The document moved while it was checked: ask the client to pull again.
      if (!entry) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    }
    if (!entry) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (params.previousResultId === entry.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: entry.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: entry.resultId, items: toDiagnostics(entry.findings, entry.since, entry.settings, entry.engine.rules) };
  }

  workspaceReport(params: WorkspaceDiagnosticParams): WorkspaceDiagnosticReport {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const e of this.store.all()) {
      if (previous.get(e.uri) === e.resultId) {
        items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: e.uri, version: e.version, resultId: e.resultId });
      } else {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: e.uri, version: e.version, resultId: e.resultId, items: toDiagnostics(e.findings, e.since, e.settings, e.engine.rules) });
      }
    }
    for (const [uri, r] of this.rulesDiagnostics) {
      items.push(previous.get(uri) === r.resultId ? { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: r.resultId } : { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: r.resultId, items: r.diagnostics });
    }
    return { items };
  }
}
