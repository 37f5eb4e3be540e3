/** An editor session against the real server: a temporary workspace, capabilities, settings. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLI_JS, RpcClient, type Message } from './client';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string;
  source?: string;
  message: string;
  codeDescription?: { href: string };
  data?: { ruleId: string; text: string; replacement: string | null; version: number | null; key: string };
}

export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
  annotationId?: string;
}

export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }>;
  changeAnnotations?: Record<string, { label: string; needsConfirmation?: boolean; description?: string }>;
}

export function makeWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

export const uriOf = (root: string, rel: string): string => pathToFileURL(path.join(root, rel)).href;

export interface SessionOptions {
  root?: string;
  pull?: boolean;
  settings?: Record<string, unknown>;
  filesExclude?: Record<string, boolean>;
  trusted?: boolean;
  /** Resolve code actions lazily (as VS Code does). */
  resolve?: boolean;
  progress?: boolean;
  /** Start `node dist/cli.js lsp --stdio` instead of dist/server.js. */
  viaCli?: boolean;
}

export class Session {
  readonly rpc: RpcClient;
  settings: Record<string, unknown>;
  filesExclude: Record<string, boolean>;
  readonly docs = new Map<string, TextDocument>();

  private constructor(readonly opts: SessionOptions) {
    this.rpc = opts.viaCli ? RpcClient.spawn(['lsp', '--stdio'], CLI_JS) : RpcClient.spawn();
    this.settings = { workspaceScan: false, ...(opts.settings ?? {}) };
    this.filesExclude = opts.filesExclude ?? {};
    this.rpc.handle('workspace/configuration', (p) =>
      (p as { items: Array<{ section?: string }> }).items.map((i) => (i.section === 'files.exclude' ? this.filesExclude : i.section === 'termshift' ? this.settings : null)),
    );
    this.rpc.handle('window/workDoneProgress/create', () => null);
    this.rpc.handle('client/registerCapability', () => null);
    this.rpc.handle('workspace/diagnostic/refresh', () => null);
  }

  static async start(opts: SessionOptions = {}): Promise<Session> {
    const s = new Session(opts);
    const root = opts.root;
    await s.rpc.request('initialize', {
      processId: process.pid,
      rootUri: root ? pathToFileURL(root).href : null,
      workspaceFolders: root ? [{ uri: pathToFileURL(root).href, name: path.basename(root) }] : null,
      initializationOptions: { trusted: opts.trusted ?? true },
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } },
          diagnostics: opts.pull ? { refreshSupport: true } : undefined,
        },
        window: { workDoneProgress: opts.progress ?? true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            dataSupport: true,
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } },
            ...(opts.resolve ? { resolveSupport: { properties: ['edit'] } } : {}),
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          rename: { prepareSupport: true },
          ...(opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
      },
    });
    s.rpc.notify('initialized', {});
    return s;
  }

  open(uri: string, text: string, languageId: string): void {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    this.rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** An incremental change; returns the new version. */
  change(uri: string, edits: TextEdit[]): number {
    const old = this.docs.get(uri);
    if (!old) throw new Error(`not open: ${uri}`);
    const version = old.version + 1;
    const updated = TextDocument.update(old, edits.map((e) => ({ range: e.range, text: e.newText })), version);
    this.docs.set(uri, updated);
    this.rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
    return version;
  }

  text(uri: string): string {
    return this.docs.get(uri)?.getText() ?? '';
  }

  /** Next publishDiagnostics for `uri` (after `from`) that satisfies `match`. */
  async published(uri: string, opts: { from?: number; match?: (p: PublishParams) => boolean; timeoutMs?: number } = {}): Promise<PublishParams> {
    const m = await this.rpc.waitFor((msg: Message) => msg.method === 'textDocument/publishDiagnostics' && (msg.params as PublishParams).uri === uri && (!opts.match || opts.match(msg.params as PublishParams)), {
      from: opts.from,
      timeoutMs: opts.timeoutMs,
      what: `diagnostics for ${uri}`,
    });
    return m.params as PublishParams;
  }

  /** Applies a workspace edit to the open documents (as an editor would), checking versions. */
  applyToOpen(edit: WorkspaceEdit): void {
    for (const dc of edit.documentChanges ?? []) {
      const doc = this.docs.get(dc.textDocument.uri);
      if (!doc) continue;
      if (dc.textDocument.version !== null && dc.textDocument.version !== doc.version) throw new Error(`edit for version ${dc.textDocument.version}, document is at ${doc.version}`);
      // TextEdits are relative to the original text; content changes apply in sequence: go backwards.
      const backwards = [...dc.edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
      this.change(dc.textDocument.uri, backwards);
    }
  }

  async stop(): Promise<void> {
    await this.rpc.stop();
  }
}

/** A workspace edit's edits applied to a text (positions in UTF-16, as LSP). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, text), edits);
}
