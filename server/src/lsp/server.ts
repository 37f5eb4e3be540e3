/**
 * The language server: wires the LSP features (one file each) to the engine. `startServer` takes
 * a connection so tests can drive it over any stream.
 */
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, parseRulesFile } from '../engine';
import { codeActions, fixAllInWorkspaceEdit, FIX_ALL_KIND, FIX_ALL_WORKSPACE_KIND, RENAME_EVERYWHERE_KIND, resolveCodeAction, type CodeActionDeps } from './codeActions';
import { Delivery } from './delivery';
import { hover } from './hover';
import { normalizeUri, pathToUri, uriToPath } from './paths';
import { Project } from './project';
import { DidGrantTrustNotification, FixAllInWorkspaceRequest, ReportRequest, ScanWorkspaceRequest } from './protocol';
import { prepareRename, rename } from './rename';
import { report } from './report';
import { RULES_FILE } from './rules';
import { SettingsCache } from './settings';
import { StatusReporter } from './status';
import { FindingsStore } from './store';
import { WorkspaceScanner } from './workspaceScan';

export interface InitializationOptions {
  /** VS Code's workspace trust; untrusted: the workspace's termshift.json is not applied. */
  trusted?: boolean;
}

const WATCHED = '**/*.{go,sql,md,markdown,mdx,proto,ts,mts,cts,tsx,js,mjs,cjs,jsx}';

export function startServer(connection: Connection): void {
  // The tree-sitter grammars load while the client starts up, not after initialize.
  const engineReady = Engine.create(undefined, { incremental: true });
  const documents = new TextDocuments(TextDocument);
  let caps: ClientCapabilities = {};
  let ctx: { project: Project; store: FindingsStore; delivery: Delivery; scanner: WorkspaceScanner; status: StatusReporter; deps: CodeActionDeps } | undefined;
  const log = (msg: string): void => connection.console.log(msg);

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    caps = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const settings = new SettingsCache(connection, () => !!caps.workspace?.configuration);
    const project = new Project(await engineReady, settings, options.trusted !== false);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(uriToPath(params.rootUri) ?? 'root') }] : []);
    project.setFolders(folders);
    const store = new FindingsStore();
    const pull = !!caps.textDocument?.diagnostic;
    const delivery = new Delivery(connection, documents, project, store, pull);
    const scanner = new WorkspaceScanner(connection, project, store, documents, log);
    const status = new StatusReporter(connection, store, () => scanner.busy);
    const we = caps.workspace?.workspaceEdit;
    const deps: CodeActionDeps = {
      documents,
      project,
      store,
      caps: {
        documentChanges: !!we?.documentChanges,
        changeAnnotations: !!we?.documentChanges && !!we.changeAnnotationSupport,
        resolve: !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
      },
      ensureScanned: () => scanner.ensureScanned(),
    };
    ctx = { project, store, delivery, scanner, status, deps };
    for (const f of project.folders) if (f.rules.file) delivery.setRulesProblems(pathToUri(f.rules.file), f.rules.problems);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, RENAME_EVERYWHERE_KIND, FIX_ALL_WORKSPACE_KIND], resolveProvider: true },
        hoverProvider: true,
        renameProvider: { prepareProvider: true },
        ...(pull ? { diagnosticProvider: { identifier: 'termshift', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'termshift', version: '0.1.0' },
    };
  });

  const need = (): NonNullable<typeof ctx> => {
    if (!ctx) throw new Error('termshift: request before initialize');
    return ctx;
  };
  const isRulesFile = (uri: string): boolean => path.basename(uriToPath(uri) ?? '') === RULES_FILE;
  const scanIfEnabled = (): void => {
    void need().scanner.scan().then(() => need().status.sendNow());
  };
  /** Everything depends on settings and rules: re-check open documents, rescan, re-pull. */
  const revalidateAll = (): void => {
    const c = need();
    c.delivery.revalidate(documents.all().filter((d) => !isRulesFile(d.uri)).map((d) => d.uri));
    scanIfEnabled();
  };
  const reloadRules = (rulesUri: string, text?: string): void => {
    const c = need();
    const folder = c.project.folders.find((f) => normalizeUri(pathToUri(path.join(f.root, RULES_FILE))) === normalizeUri(rulesUri));
    if (!folder) return;
    c.project.reloadRules(folder, text);
    c.delivery.setRulesProblems(rulesUri, folder.rules.problems);
    revalidateAll();
  };

  connection.onInitialized(() => {
    const c = need();
    c.delivery.canRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }, { globPattern: `**/${RULES_FILE}` }, { globPattern: '**/.gitignore' }] });
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => {
          c.project.setFolders(folders ?? []);
          revalidateAll();
        });
      });
    }
    scanIfEnabled();
  });

  documents.onDidChangeContent(({ document }) => {
    const c = need();
    if (isRulesFile(document.uri)) {
      // While the rules file is typed, only its own problems are shown; the rules apply on save.
      if (c.project.trusted) {
        const parsed = parseRulesFile(document.getText());
        c.delivery.setRulesProblems(document.uri, parsed.ok ? [] : parsed.problems);
      }
      return;
    }
    c.delivery.schedule(document.uri);
  });
  documents.onDidSave(({ document }) => {
    // Saving a deleted file's document writes it again.
    if (need().project.deleted.delete(normalizeUri(document.uri))) need().delivery.revalidate([document.uri]);
    if (isRulesFile(document.uri)) reloadRules(document.uri);
  });
  documents.onDidClose(({ document }) => {
    const c = need();
    c.delivery.forget(document.uri);
    // Closed, the file is what is on disk (or nothing).
    c.project.deleted.delete(normalizeUri(document.uri));
    const file = uriToPath(document.uri);
    if (file && !isRulesFile(document.uri)) {
      // Back to what is on disk (or nothing, when the file is not part of the scan).
      c.store.clear(document.uri);
      void c.scanner.fileChanged(document.uri);
    }
  });

  connection.onDidChangeConfiguration(() => {
    if (!ctx) return;
    ctx.project.settings.clear();
    revalidateAll();
  });
  connection.onNotification(DidGrantTrustNotification, () => {
    const c = need();
    c.project.trusted = true;
    for (const f of c.project.folders) reloadRules(pathToUri(path.join(f.root, RULES_FILE)));
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const c = need();
    let rescan = false;
    const touched: string[] = [];
    const openDocs = new Map(documents.all().map((d) => [normalizeUri(d.uri), d.uri]));
    for (const ch of changes) {
      const uri = normalizeUri(ch.uri);
      const name = path.basename(uriToPath(ch.uri) ?? '');
      // An open document of a deleted file has no findings; one whose file came back has them again.
      const open = openDocs.get(uri);
      if (open && !isRulesFile(open) && (ch.type === FileChangeType.Deleted) !== c.project.deleted.has(uri)) {
        if (ch.type === FileChangeType.Deleted) c.project.deleted.add(uri);
        else c.project.deleted.delete(uri);
        touched.push(open);
      }
      if (name === RULES_FILE) reloadRules(ch.uri);
      else if (name === '.gitignore') rescan = true;
      else if (ch.type === FileChangeType.Deleted) c.scanner.fileDeleted(uri);
      else void c.scanner.fileChanged(uri);
    }
    if (touched.length) c.delivery.revalidate(touched);
    if (rescan) scanIfEnabled();
  });

  connection.languages.diagnostics.on((params) => need().delivery.documentReport(params));
  connection.languages.diagnostics.onWorkspace((params) => need().delivery.workspaceReport(params));
  connection.onCodeAction((params) => codeActions(need().deps, params));
  connection.onCodeActionResolve((action) => resolveCodeAction(need().deps, action));
  connection.onHover((params) => hover(need().deps, params));
  connection.onPrepareRename((params) => prepareRename(need().deps, params));
  connection.onRenameRequest((params) => rename(need().deps, params));
  connection.onRequest(ScanWorkspaceRequest, () => need().scanner.scan(true));
  connection.onRequest(FixAllInWorkspaceRequest, () => fixAllInWorkspaceEdit(need().deps));
  connection.onRequest(ReportRequest, async () => {
    await need().scanner.ensureScanned();
    return report(need().project, need().store);
  });

  connection.onShutdown(() => ctx?.scanner.dispose());

  documents.listen(connection);
  connection.listen();
}
