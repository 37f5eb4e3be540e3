/**
 * Files that vanish, change or cannot be read between the workspace walk and the read. The races
 * are produced deterministically by hooking fs.readFileSync for one path (no sleeps); the read
 * error is injected because the tests run as root, for whom chmod 000 still reads.
 */
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import * as path from 'node:path';
import { builtinRuleset } from '../../server/src/engine';
import { checkPaths, readText } from '../../server/src/cli/checkFiles';
import { walk } from '../../server/src/cli/walk';
import { removeWorkspace, workspace } from '../fuzz/cli';

const GOOD = 'package a\n\nvar RunID = "r1"\n';
const dirs: string[] = [];
after(() => dirs.forEach(removeWorkspace));
function ws(files: Record<string, string>): string {
  const d = workspace(files);
  dirs.push(d);
  return d;
}

/** Runs `body` while reads of `target` first call `before(target)` (once) or fail with `error`. */
async function withReadHook<T>(target: string, hook: { before?: (p: string) => void; error?: string }, body: () => Promise<T>): Promise<T> {
  const original = fs.readFileSync;
  let fired = false;
  (fs as { readFileSync: unknown }).readFileSync = function (this: unknown, p: fs.PathOrFileDescriptor, ...rest: unknown[]) {
    if (typeof p === 'string' && path.resolve(p) === target) {
      if (hook.error) throw Object.assign(new Error(`${hook.error}: injected, open '${p}'`), { code: hook.error });
      if (!fired && hook.before) {
        fired = true;
        hook.before(p);
      }
    }
    return (original as (...a: unknown[]) => unknown).call(this, p, ...rest);
  } as typeof fs.readFileSync;
  try {
    return await body();
  } finally {
    (fs as { readFileSync: unknown }).readFileSync = original;
  }
}

const rulesAt = (root: string): Parameters<typeof checkPaths>[1] => ({ ruleset: builtinRuleset(), root });

void test('readText on a file that vanished after the walk reports it and does not throw', () => {
  const dir = ws({ 'a.go': GOOD, 'b.go': GOOD });
  const walked = walk([dir], { root: dir, maxFileSize: 2 ** 21 });
  assert.equal(walked.files.length, 2);
  fs.unlinkSync(walked.files[0]);
  const results = walked.files.map((f) => readText(f));
  assert.deepEqual(results[0], { skip: 'cannot read: ENOENT' });
  assert.ok('text' in results[1]);
});

void test('a file deleted during a workspace scan is reported as skipped and the scan goes on', async () => {
  const dir = ws({ 'a.go': GOOD, 'gone.go': GOOD, 'z.go': GOOD });
  const gone = path.join(dir, 'gone.go');
  const run = await withReadHook(gone, { before: (p) => fs.unlinkSync(p) }, () => checkPaths([dir], rulesAt(dir), { cwd: dir, workers: 0, cache: false }));
  assert.deepEqual(run.results.map((r) => r.display), ['a.go', 'z.go']);
  assert.equal(run.filesChecked, 2);
  assert.deepEqual(run.skipped, [{ path: 'gone.go', reason: 'cannot read: ENOENT' }]);
});

void test('a file changed during a workspace scan is checked as it is when read', async () => {
  const dir = ws({ 'a.go': GOOD, 'changed.go': 'package a\n' });
  const changed = path.join(dir, 'changed.go');
  const run = await withReadHook(changed, { before: (p) => fs.writeFileSync(p, 'package a\n\n\nvar runID, RunID string\n') }, () => checkPaths([dir], rulesAt(dir), { cwd: dir, workers: 0, cache: false }));
  const r = run.results.find((x) => x.display === 'changed.go');
  assert.ok(r, 'the new content was checked');
  assert.deepEqual(r.findings.map((f) => [f.range.start.line, f.text]), [[3, 'runID'], [3, 'RunID']]);
});

void test('a file that turned binary during a scan is skipped, not decoded', async () => {
  const dir = ws({ 'a.go': GOOD, 'turned.go': GOOD });
  const turned = path.join(dir, 'turned.go');
  const run = await withReadHook(turned, { before: (p) => fs.writeFileSync(p, Buffer.from('RunID\0\0\0')) }, () => checkPaths([dir], rulesAt(dir), { cwd: dir, workers: 0, cache: false }));
  assert.deepEqual(run.results.map((r) => r.display), ['a.go']);
  assert.equal(run.filesChecked, 1);
  assert.deepEqual(run.skipped, [{ path: 'turned.go', reason: 'binary file' }], 'a skipped file is always reported');
});

void test('an unreadable file (read error injected: EACCES) is reported and the rest is checked', async () => {
  const dir = ws({ 'a.go': GOOD, 'secret.go': GOOD });
  const secret = path.join(dir, 'secret.go');
  const run = await withReadHook(secret, { error: 'EACCES' }, () => checkPaths([dir], rulesAt(dir), { cwd: dir, workers: 0, cache: false }));
  assert.deepEqual(run.results.map((r) => r.display), ['a.go']);
  assert.deepEqual(run.skipped, [{ path: 'secret.go', reason: 'cannot read: EACCES' }]);
});

void test('an unlistable folder is reported and its siblings are checked', () => {
  const dir = ws({ 'a.go': GOOD, 'locked/b.go': GOOD });
  const locked = path.join(dir, 'locked');
  const original = fs.readdirSync;
  (fs as { readdirSync: unknown }).readdirSync = function (this: unknown, p: fs.PathLike, ...rest: unknown[]) {
    if (typeof p === 'string' && path.resolve(p) === locked) throw Object.assign(new Error('EACCES: injected'), { code: 'EACCES' });
    return (original as (...a: unknown[]) => unknown).call(this, p, ...rest);
  } as typeof fs.readdirSync;
  try {
    const walked = walk([dir], { root: dir, maxFileSize: 2 ** 21 });
    assert.deepEqual(walked.files, [path.join(dir, 'a.go')]);
    assert.deepEqual(walked.skipped, [{ path: locked, reason: 'cannot list: EACCES' }]);
  } finally {
    (fs as { readdirSync: unknown }).readdirSync = original;
  }
});
