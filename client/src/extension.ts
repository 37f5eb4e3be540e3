/**
 * The VS Code client, kept thin: starts the language server (restarted by LanguageClient's default
 * error handler if it crashes), shows the workspace's legacy count in the status bar, and wires the
 * three commands to the server's requests. All checking happens in the server.
 */
import * as path from 'node:path';
import { commands, StatusBarAlignment, window, workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions, type WorkspaceEdit } from 'vscode-languageclient/node';
import { renderReport, type ReportResult } from './report';

// Names shared with server/src/lsp/protocol.ts.
const STATUS = 'termshift/status';
const DID_GRANT_TRUST = 'termshift/didGrantTrust';
const SCAN = 'termshift/scanWorkspace';
const FIX_ALL = 'termshift/fixAllInWorkspace';
const REPORT = 'termshift/report';

const LANGUAGES = ['go', 'sql', 'markdown', 'proto', 'proto3', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = window.createOutputChannel('termshift', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.map((language) => ({ scheme: 'file', language })),
      { scheme: 'file', pattern: '**/*.proto' },
      { scheme: 'file', pattern: '**/termshift.json' },
    ],
    synchronize: { configurationSection: ['termshift', 'files.exclude'] },
    initializationOptions: { trusted: workspace.isTrusted },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('termshift', 'termshift', serverOptions, clientOptions);

  const status = window.createStatusBarItem('termshift.status', StatusBarAlignment.Left, 50);
  status.name = 'termshift';
  status.command = 'workbench.actions.view.problems';
  showStatus(status, { legacy: 0, files: 0, scanning: true });
  status.show();
  context.subscriptions.push(status, output);

  const c = client;
  context.subscriptions.push(
    c.onNotification(STATUS, (p: StatusParams) => showStatus(status, p)),
    workspace.onDidGrantWorkspaceTrust(() => void c.sendNotification(DID_GRANT_TRUST)),
    commands.registerCommand('termshift.scanWorkspace', async () => {
      const r = await c.sendRequest<{ files: number; ms: number; cancelled: boolean }>(SCAN);
      void window.showInformationMessage(r.cancelled ? 'termshift: the scan was cancelled.' : `termshift: scanned ${r.files} files in ${(r.ms / 1000).toFixed(1)} s.`);
    }),
    commands.registerCommand('termshift.fixAllInWorkspace', async () => {
      const edit = await c.sendRequest<WorkspaceEdit | null>(FIX_ALL);
      if (!edit) {
        void window.showInformationMessage('termshift: nothing to fix in the workspace.');
        return;
      }
      // The edit's change annotations need confirmation: VS Code shows the refactor preview first.
      await workspace.applyEdit(await c.protocol2CodeConverter.asWorkspaceEdit(edit), { isRefactoring: true });
    }),
    commands.registerCommand('termshift.showReport', async () => {
      const report = await c.sendRequest<ReportResult>(REPORT);
      const doc = await workspace.openTextDocument({ language: 'markdown', content: renderReport(report, (uri) => workspace.asRelativePath(c.protocol2CodeConverter.asUri(uri))) });
      await window.showTextDocument(doc, { preview: true });
    }),
  );
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

interface StatusParams {
  legacy: number;
  files: number;
  scanning: boolean;
}

function showStatus(item: StatusBarItem, p: StatusParams): void {
  const spin = p.scanning ? '$(sync~spin) ' : '';
  item.text = `${spin}$(${p.legacy ? 'warning' : 'check'}) termshift: ${p.legacy}`;
  item.tooltip = p.legacy ? `${p.legacy} legacy term${p.legacy === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'}: open the Problems panel` : 'termshift: no legacy terms';
}
