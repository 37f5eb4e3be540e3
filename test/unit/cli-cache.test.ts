/**
 * The CLI's result cache: an unchanged file's findings are reused, anything that could change
 * them (the file, the rules, the phase) makes it checked again, and a broken cache costs nothing.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinRuleset, compileRules } from '../../server/src/engine';
import { checkPaths, type CheckPathsOptions, type CheckRun } from '../../server/src/cli/checkFiles';
import { jsonReport } from '../../server/src/cli/check';
import { tree, write, cli } from '../support/cli';

const GO = 'package webchat\n\ntype Conversation struct {\n\tRunID string `json:"run_id"`\n}\n';
const SQL = 'CREATE TABLE turns (\n  run_id TEXT NOT NULL\n);\n';

function setup(): { root: string; cacheDir: string; opts: CheckPathsOptions } {
  const root = tree({ 'conversation.go': GO, 'schema.sql': SQL, 'README.md': 'Nothing to see.\n' });
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-cache-test-'));
  // Files written a moment ago are "racy" (see resultCache.ts); a later start makes them settled.
  return { root, cacheDir, opts: { cwd: root, workers: 0, cacheLocation: cacheDir, startedAt: Date.now() + 60_000 } };
}

const rulesAt = (root: string): Parameters<typeof checkPaths>[1] => ({ ruleset: builtinRuleset(), root });
const summary = (run: CheckRun): string[] => run.results.flatMap((r) => r.findings.map((f) => `${r.display}:${f.range.start.line}:${f.range.start.character} ${f.category} ${f.text} -> ${f.replacement}`));

void test('a second run reuses every unchanged file and reports the same findings', async () => {
  const { root, opts } = setup();
  const first = await checkPaths([root], rulesAt(root), opts);
  assert.equal(first.fromCache, 0);
  const second = await checkPaths([root], rulesAt(root), opts);
  assert.equal(second.fromCache, 3);
  assert.deepEqual(summary(second), summary(first));
  assert.equal(JSON.stringify(jsonReport(second, () => true)), JSON.stringify(jsonReport(first, () => true)));
  assert.ok(summary(first).some((s) => s.includes('RunID -> SessionID')));
});

void test('an edited file is checked again even when its size and mtime stay the same', async () => {
  const { root, opts } = setup();
  await checkPaths([root], rulesAt(root), opts);
  const file = path.join(root, 'conversation.go');
  const before = fs.statSync(file);
  // Same length, same mtime: only ctime (which no tool can set back) tells the edit apart.
  fs.writeFileSync(file, GO.replace('RunID', 'Runid'));
  fs.utimesSync(file, before.atime, before.mtime);
  const after = await checkPaths([root], rulesAt(root), opts);
  assert.equal(after.fromCache, 2);
  assert.ok(summary(after).some((s) => s.includes('conversation.go') && s.includes('Runid -> Sessionid')), summary(after).join('\n'));
});

void test('files touched just before the run are not remembered (coarse timestamps)', async () => {
  const { root, opts } = setup();
  const now = { ...opts, startedAt: Date.now() };
  await checkPaths([root], rulesAt(root), now);
  const again = await checkPaths([root], rulesAt(root), now);
  assert.equal(again.fromCache, 0);
});

void test('other rules or another phase never reuse the findings', async () => {
  const { root, opts } = setup();
  await checkPaths([root], rulesAt(root), opts);
  const phased = await checkPaths([root], rulesAt(root), { ...opts, phase: 'C' });
  assert.equal(phased.fromCache, 0);
  const other = compileRules({ rules: [{ id: 'other', legacy: ['turn'], preferred: ['step'] }] });
  const otherRun = await checkPaths([root], { ruleset: other, root }, opts);
  assert.equal(otherRun.fromCache, 0);
  assert.ok(summary(otherRun).every((s) => !s.includes('RunID')));
});

void test('a corrupt or foreign cache file is ignored and rewritten', async () => {
  const { root, cacheDir, opts } = setup();
  await checkPaths([root], rulesAt(root), opts);
  const [file] = fs.readdirSync(cacheDir);
  for (const junk of ['{not json', '{"format":2,"fingerprint":"x","strings":[],"entries":{}}', JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(cacheDir, file), 'utf8')), strings: 7 })]) {
    fs.writeFileSync(path.join(cacheDir, file), junk);
    const run = await checkPaths([root], rulesAt(root), opts);
    assert.equal(run.fromCache, 0);
    assert.ok(summary(run).some((s) => s.includes('RunID -> SessionID')));
  }
  assert.equal((await checkPaths([root], rulesAt(root), opts)).fromCache, 3);
});

void test('a cache folder that cannot be written only costs time', async () => {
  const { root, cacheDir, opts } = setup();
  const blocked = path.join(cacheDir, 'a-file-not-a-folder');
  fs.writeFileSync(blocked, '');
  const run = await checkPaths([root], rulesAt(root), { ...opts, cacheLocation: blocked });
  assert.ok(summary(run).some((s) => s.includes('RunID -> SessionID')));
});

void test('deleted files leave the cache; files outside the checked folder stay in it', async () => {
  const { root, cacheDir, opts } = setup();
  write(root, 'sub/extra.go', GO);
  await checkPaths([root], rulesAt(root), opts);
  fs.rmSync(path.join(root, 'schema.sql'));
  fs.writeFileSync(path.join(root, 'README.md'), 'Changed: run_id.\n');
  await checkPaths([path.join(root, 'sub'), path.join(root, 'README.md')], rulesAt(root), opts);
  const cached = JSON.parse(fs.readFileSync(path.join(cacheDir, fs.readdirSync(cacheDir)[0]), 'utf8')) as { entries: Record<string, unknown> };
  assert.deepEqual(Object.keys(cached.entries).sort(), ['README.md', 'conversation.go', 'sub/extra.go']);
});

void test('--no-cache and --cache-location are accepted and change no finding', async () => {
  const root = tree({ 'conversation.go': GO });
  const where = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-cache-flag-'));
  const none = await cli(root, 'check', '--no-cache', '--cache-location', where, '--format', 'json');
  assert.equal(none.code, 1);
  assert.deepEqual(fs.readdirSync(where), []);
  const some = await cli(root, 'check', '--cache-location', where, '--format', 'json');
  assert.equal(some.out, none.out);
});
