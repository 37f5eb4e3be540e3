/** Temporary source trees and an in-process command line for the CLI tests. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import './cacheDir';

/** A fresh folder with these files (a `.git` folder marks it as the project root). */
export function tree(files: Record<string, string | Buffer>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-cli-')));
  fs.mkdirSync(path.join(root, '.git'));
  for (const [rel, content] of Object.entries(files)) write(root, rel, content);
  return root;
}

export function write(root: string, rel: string, content: string | Buffer): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

export function read(root: string, rel: string): string {
  return fs.readFileSync(path.join(root, rel), 'utf8');
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `termshift ARGS` in `cwd` in this process (the cwd is switched for the call). */
export async function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.chdir(before);
  }
}
