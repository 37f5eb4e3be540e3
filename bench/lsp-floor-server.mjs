// The do-nothing server: same library, same incremental sync and document store as termshift's
// server, but it checks nothing. It answers with no diagnostics (the floor), or with
// `--replay FILE`, with the same diagnostics every time (what sending them costs, checking aside).
// It publishes them, or answers textDocument/diagnostic when the client pulls, as termshift does.
import * as fs from 'node:fs';
import { createConnection, DocumentDiagnosticReportKind, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const replay = process.argv.indexOf('--replay');
const stored = replay > 0 ? JSON.parse(fs.readFileSync(process.argv[replay + 1], 'utf8')) : [];
// Fresh objects each time, as a server that had computed them would send.
const diagnostics = () => stored.map((d) => ({ ...d, range: { start: { ...d.range.start }, end: { ...d.range.end } }, data: { ...d.data } }));

const connection = createConnection(process.stdin, process.stdout);
const documents = new TextDocuments(TextDocument);
let pull = false;
connection.onInitialize((params) => {
  pull = !!params.capabilities.textDocument?.diagnostic;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
  };
});
documents.onDidChangeContent(({ document }) => {
  if (pull) return;
  setImmediate(() => {
    document.getText();
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnostics() });
  });
});
connection.languages.diagnostics.on((params) => {
  documents.get(params.textDocument.uri)?.getText();
  return { kind: DocumentDiagnosticReportKind.Full, resultId: String(Date.now()), items: diagnostics() };
});
// Hover is how the bench learns a change was handled when nothing is published for it.
connection.onHover(() => null);
documents.listen(connection);
connection.listen();
