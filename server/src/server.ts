/** Entry of dist/server.js. VS Code's client may pass --stdio or --node-ipc; stdio is the default. */
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { startStdioServer } from './lsp/stdio';

if (process.argv.includes('--node-ipc')) startServer(createConnection());
else startStdioServer();
