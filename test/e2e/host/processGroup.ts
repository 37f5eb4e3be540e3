// Starts a long-lived tool (a VS Code server, code-server) in its own process group and waits for
// the line that says it is ready; stopping it kills the whole group, extension hosts included.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  /** The capture groups of the ready pattern. */
  match: RegExpMatchArray;
  /** Everything printed so far (for error messages). */
  output(): string;
  stop(): void;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) killGroup(child);
});

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function startGroup(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number; echo?: (chunk: string) => void }): Promise<Started> {
  const child = spawn(command, args, { detached: true, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const stop = (): void => {
    killGroup(child);
    running.delete(child);
  };
  return new Promise<Started>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${command} did not print ${options.ready} within ${options.timeoutMs} ms:\n${output}`));
    }, options.timeoutMs);
    const onData = (data: Buffer): void => {
      const text = data.toString();
      output += text;
      options.echo?.(text);
      const match = options.ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}
