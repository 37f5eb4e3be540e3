// The LSP client the benchmarks drive servers with. It frames and parses messages with
// vscode-jsonrpc, the library VS Code's own language client uses, so the client's share of a
// measured latency is what an editor pays, not the cost of a hand-rolled parser.
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export class Rpc {
  constructor(script, args = []) {
    // BENCH_CPU_PROF=DIR writes a V8 CPU profile of each server into DIR (node --cpu-prof).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    this.proc = spawn(process.execPath, [...profile, script, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.listeners = new Set();
    this.handlers = new Map([
      ['workspace/configuration', (p) => p.items.map((i) => (i.section === 'termshift' ? this.settings : i.section === 'files.exclude' ? {} : null))],
    ]);
    this.settings = {};
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    const deliver = (method, params) => {
      for (const l of [...this.listeners]) l({ method, params });
    };
    this.conn.onNotification((method, params) => deliver(method, params));
    // vscode-jsonrpc keeps $/progress for the handlers of known tokens; the server's own tokens reach here.
    this.conn.onUnhandledProgress((params) => deliver('$/progress', params));
    this.conn.onRequest((method, params) => {
      deliver(method, params);
      return this.handlers.get(method)?.(params) ?? null;
    });
    this.conn.listen();
    // A server that dies fails the bench instead of hanging it.
    this.proc.on('exit', (code) => {
      if (this.stopping) return;
      console.error(`server ${script} exited with ${code}`);
      process.exit(1);
    });
  }
  notify(method, params) {
    void this.conn.sendNotification(method, params);
  }
  request(method, params) {
    return this.conn.sendRequest(method, params);
  }
  /** Resolves with the first later message matching `pred`. */
  next(pred, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.listeners.delete(l);
        reject(new Error('timeout'));
      }, timeoutMs);
      const l = (m) => {
        if (!pred(m)) return;
        clearTimeout(t);
        this.listeners.delete(l);
        resolve(m);
      };
      this.listeners.add(l);
    });
  }
  /** `pull`: the client asks for diagnostics (textDocument/diagnostic), as VS Code does. */
  async initialize(rootUri, { progress = false, pull = false } = {}) {
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true },
        window: { workDoneProgress: progress },
        textDocument: { publishDiagnostics: { versionSupport: true }, ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}) },
      },
    });
    this.notify('initialized', {});
  }
  async stop() {
    this.stopping = true;
    const exited = new Promise((r) => this.proc.once('exit', r));
    await this.request('shutdown');
    this.notify('exit');
    await exited;
    this.conn.dispose();
  }
}
