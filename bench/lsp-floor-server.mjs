// The do-nothing server: same library, same incremental sync and document store as termshift's
// server, but it publishes empty diagnostics without checking anything. Its latency is the floor.
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(process.stdin, process.stdout);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } }));
documents.onDidChangeContent(({ document }) => {
  setImmediate(() => {
    document.getText();
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
  });
});
documents.listen(connection);
connection.listen();
