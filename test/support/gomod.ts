/**
 * The fixture Go module test/gomod (session code, planning code, SQL in strings, verbs,
 * pkg/cmds/run, docs, its own go tests), copied to a temporary directory, and the Go toolchain
 * run on it. Needs Go (Debian golang-go): without it the tests that use this fail.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../fuzz/seeds';

export const MODULE = path.join(REPO, 'test/gomod');
export const PLANNING = 'pkg/planning';

/** Every file under dir, relative, with forward slashes. */
export function files(dir: string, root = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '.git' ? [] : files(abs, root);
    return [path.relative(root, abs).split(path.sep).join('/')];
  });
}

const copies: string[] = [];

/** A fresh copy of the module; `removeCopies` deletes them all. */
export function copyModule(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-gomod-'));
  copies.push(dir);
  fs.cpSync(MODULE, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, '.git')); // the project root for termshift's rules-file search
  return dir;
}

export function removeCopies(): void {
  for (const d of copies.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

function go(args: string[], cwd: string): void {
  const r = spawnSync('go', args, {
    cwd,
    encoding: 'utf8',
    timeout: 240000,
    env: { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false', GOPROXY: 'off', GOTOOLCHAIN: 'local', GO111MODULE: 'on' },
  });
  if (r.error) assert.fail(`go ${args.join(' ')}: ${(r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'Go is not installed (apt-get install golang-go)' : r.error.message}`);
  assert.equal(r.status, 0, `go ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
}

export function buildVetTest(dir: string): void {
  go(['build', './...'], dir);
  go(['vet', './...'], dir);
  go(['test', '-count=1', './...'], dir);
}

export const read = (dir: string, rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8');

/** The planning package is byte for byte what it was. */
export function assertPlanningUntouched(dir: string): void {
  for (const rel of files(MODULE).filter((f) => f.startsWith(PLANNING + '/'))) {
    assert.equal(read(dir, rel), read(MODULE, rel), `${rel} (planning code) changed`);
  }
}
