/** `termshift lsp --stdio` and `dist/server.js --stdio`: the server over stdin/stdout. */
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

export function startStdioServer(): void {
  // Anything written to stdout would corrupt the protocol stream: send stray logs to stderr.
  // eslint-disable-next-line no-console -- the one place that must touch console: guarding stdout.
  console.log = console.error;
  startServer(createConnection(process.stdin, process.stdout));
}
