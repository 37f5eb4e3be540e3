/**
 * A tiny JSON-RPC client speaking LSP's framing (Content-Length headers) to a spawned server, as an
 * editor would. Tests wait on messages (with a timeout that fails the test), never on sleeps.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';

export const SERVER_JS = path.resolve(__dirname, '../../../../dist/server.js');
export const CLI_JS = path.resolve(__dirname, '../../../../dist/cli.js');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type Handler = (params: unknown) => unknown;

export class RpcClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void }>();
  private readonly handlers = new Map<string, Handler>();
  /** Every notification and server request received, in order. */
  readonly received: Message[] = [];
  private readonly waiters: Array<() => void> = [];
  stderr = '';

  private constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  static spawn(args: string[] = ['--stdio'], script = SERVER_JS): RpcClient {
    return new RpcClient(spawn(process.execPath, [script, ...args], { stdio: 'pipe' }));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`bad header: ${header}`);
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.id !== undefined && msg.method === undefined) {
      this.pending.get(msg.id as number)?.resolve(msg);
      this.pending.delete(msg.id as number);
      return;
    }
    this.received.push(msg);
    if (msg.id !== undefined && msg.method) {
      const h = this.handlers.get(msg.method);
      Promise.resolve(h ? h(msg.params) : null).then(
        (result) => this.write({ jsonrpc: '2.0', id: msg.id, result: result ?? null }),
        (e: unknown) => this.write({ jsonrpc: '2.0', id: msg.id, error: { code: -32603, message: String(e) } }),
      );
    }
    for (const w of this.waiters.splice(0)) w();
  }

  private write(msg: Message): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  /** Answers the server's requests of this method (workspace/configuration …). */
  handle(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request; resolves with the whole response (result or error). */
  requestRaw(method: string, params?: unknown): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  async request<T = unknown>(method: string, params?: unknown): Promise<T> {
    const res = await this.requestRaw(method, params);
    if (res.error) throw new Error(`${method} failed: ${res.error.message}`);
    return res.result as T;
  }

  /**
   * Waits for a received message (from index `from` on) that satisfies `match`; fails after
   * `timeoutMs` so a broken server fails the test instead of hanging it.
   */
  waitFor(match: (m: Message) => boolean, opts: { from?: number; timeoutMs?: number; what?: string } = {}): Promise<Message> {
    const from = opts.from ?? 0;
    return new Promise((resolve, reject) => {
      let i = from;
      const check = (): boolean => {
        for (; i < this.received.length; i++) {
          if (match(this.received[i])) {
            clearTimeout(timer);
            resolve(this.received[i]);
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${opts.what ?? 'a message'}; stderr: ${this.stderr.slice(-2000)}`)), opts.timeoutMs ?? 10_000);
      const loop = (): void => {
        if (!check()) this.waiters.push(loop);
      };
      loop();
    });
  }

  /** Index to wait from for messages that arrive after now. */
  get mark(): number {
    return this.received.length;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    await this.requestRaw('shutdown');
    this.notify('exit');
    await exited;
  }
}
