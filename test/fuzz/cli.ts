/** Runs the built CLI (dist/cli.js) in a folder with a time bound, and makes temp workspaces. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './seeds';
import '../support/cacheDir';

export const CLI = path.join(REPO, 'dist/cli.js');

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export function runCli(args: string[], cwd: string, timeoutMs = 30000): CliResult {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 512 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms, timedOut };
}

/** `check --format json` parsed; fails loudly with the CLI's own output when it is not JSON. */
export interface JsonFinding {
  path: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  category: string;
  severity: string;
  text: string;
  replacement: string | null;
}

export function checkJson(cwd: string, args: string[] = [], timeoutMs = 30000): { result: CliResult; findings: JsonFinding[]; files: number } {
  const result = runCli(['check', '--format', 'json', '--all', ...args], cwd, timeoutMs);
  if (result.timedOut) throw new Error(`termshift check timed out after ${timeoutMs} ms`);
  let parsed: { findings: JsonFinding[]; summary: { files: number } };
  try {
    parsed = JSON.parse(result.stdout) as typeof parsed;
  } catch {
    throw new Error(`not JSON (exit ${result.status}):\n${result.stdout.slice(0, 2000)}\nstderr:\n${result.stderr.slice(0, 2000)}`);
  }
  return { result, findings: parsed.findings, files: parsed.summary.files };
}

/** A fresh temp folder with these files (string: UTF-8 text; Buffer: raw bytes). */
export function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-robust-'));
  // A .git folder stops the rules-file search at the workspace, as in a real repository.
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

export function removeWorkspace(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
