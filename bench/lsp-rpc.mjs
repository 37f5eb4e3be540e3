// A minimal LSP client over stdio for the benchmarks (Content-Length framing, requests, waits).
import { spawn } from 'node:child_process';

export class Rpc {
  constructor(script, args = ['--stdio']) {
    this.proc = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buf = Buffer.alloc(0);
    this.id = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.handlers = new Map([
      ['workspace/configuration', (p) => p.items.map((i) => (i.section === 'termshift' ? this.settings : i.section === 'files.exclude' ? {} : null))],
    ]);
    this.settings = {};
    this.proc.stdout.on('data', (c) => this.onData(c));
    // A server that dies fails the bench instead of hanging it.
    this.proc.on('exit', (code) => {
      if (this.stopping) return;
      console.error(`server ${script} exited with ${code}`);
      process.exit(1);
    });
  }
  onData(chunk) {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const h = this.buf.indexOf('\r\n\r\n');
      if (h < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, h).toString())[1]);
      if (this.buf.length < h + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(h + 4, h + 4 + len).toString());
      this.buf = this.buf.subarray(h + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) {
        this.pending.get(msg.id)?.(msg);
        this.pending.delete(msg.id);
      } else {
        if (msg.id !== undefined) this.send({ jsonrpc: '2.0', id: msg.id, result: this.handlers.get(msg.method)?.(msg.params) ?? null });
        for (const l of [...this.listeners]) l(msg);
      }
    }
  }
  send(msg) {
    const body = Buffer.from(JSON.stringify(msg));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }
  request(method, params) {
    const id = this.id++;
    return new Promise((resolve) => {
      this.pending.set(id, (m) => resolve(m.result));
      this.send({ jsonrpc: '2.0', id, method, params });
    });
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
  async initialize(rootUri, { progress = false } = {}) {
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: progress }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    this.notify('initialized', {});
  }
  async stop() {
    this.stopping = true;
    const exited = new Promise((r) => this.proc.once('exit', r));
    await this.request('shutdown');
    this.notify('exit');
    await exited;
  }
}
