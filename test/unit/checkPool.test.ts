import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinRulesFile, compileRules, Engine, resolveRulesFile } from '../../server/src/engine';
import { checkPaths, MIN_FILES_FOR_WORKERS } from '../../server/src/cli/checkFiles';
import { batchesOf, poolSize, rulesFileOf, workerScript } from '../../server/src/cli/pool';
import type { LoadedRules } from '../../server/src/cli/rulesConfig';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** A tree of every fixture, copied into several nested folders, plus files the walk or read must skip. */
function makeTree(copies: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-pool-'));
  const sources: string[] = [];
  for (const lang of fs.readdirSync(FIXTURES)) {
    const dir = path.join(FIXTURES, lang);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) if (!f.endsWith('.expected')) sources.push(path.join(dir, f));
  }
  for (let i = 0; i < copies; i++) {
    for (const src of sources) {
      const dest = path.join(root, `pkg${i % 4}`, `sub${i}`, path.basename(path.dirname(src)), path.basename(src));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(src, dest);
    }
  }
  for (const d of ['pkg0', 'pkg1']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.writeFileSync(path.join(root, 'pkg0', 'blob.go'), Buffer.from([0x52, 0x75, 0x6e, 0x49, 0x44, 0x00, 0x01]));
  fs.writeFileSync(path.join(root, 'pkg1', 'latin1.md'), Buffer.from('run_id caf\xe9\n', 'latin1'));
  return root;
}

function builtin(root: string): LoadedRules {
  return { ruleset: compileRules(builtinRulesFile()), root };
}

void test('worker threads give exactly the in-process results, in walk order', async () => {
  assert.ok(workerScript(), 'the compiled scan worker sits beside the pool');
  const root = makeTree(2);
  try {
    const rules = builtin(root);
    const inProcess = await checkPaths([root], rules, { cwd: root, workers: 0, cache: false });
    const pooled = await checkPaths([root], rules, { cwd: root, workers: 3, cache: false });
    assert.ok(inProcess.filesChecked >= MIN_FILES_FOR_WORKERS, `${inProcess.filesChecked} files`);
    assert.ok(inProcess.results.length > 10);
    assert.deepEqual(pooled, inProcess);
    const displays = pooled.results.map((r) => r.display);
    assert.deepEqual(displays, [...displays].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.ok(pooled.skipped.some((s) => s.path === 'pkg1/latin1.md' && s.reason === 'not valid UTF-8'));
    assert.ok(pooled.skipped.some((s) => s.path === 'pkg0/blob.go' && s.reason === 'binary file'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

void test('workers run the caller’s rules: a phase, an exclusion and a custom rule reach them', async () => {
  const root = makeTree(2);
  try {
    fs.writeFileSync(path.join(root, 'pkg0', 'jobs.txt'), 'Each job is stored under its job_key.\n');
    const file = resolveRulesFile({
      extends: 'builtin:run-to-session',
      phase: 'A',
      exclude: ['pkg1/**'],
      rules: [{ id: 'job-key', legacy: ['job', 'key'], preferred: ['task', 'key'], category: 'LEGACY_ALIAS' }],
    });
    const rules: LoadedRules = { ruleset: compileRules(file), root };
    const inProcess = await checkPaths([root], rules, { cwd: root, workers: 0, cache: false });
    const pooled = await checkPaths([root], rules, { cwd: root, workers: 2, cache: false });
    assert.deepEqual(pooled, inProcess);
    assert.ok(pooled.results.some((r) => r.findings.some((f) => f.ruleId === 'job-key' && f.replacement === 'task_key')));
    assert.ok(!pooled.results.some((r) => r.display.startsWith('pkg1/')));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

void test('the rules sent to a worker compile to the same findings', async () => {
  const ruleset = compileRules(resolveRulesFile({ extends: 'builtin:run-to-session', phase: 'B', exclude: ['gen/**'], rules: [] }));
  const again = compileRules(rulesFileOf(ruleset));
  assert.equal(again.phase, 'B');
  assert.deepEqual(again.excludePatterns, ['gen/**']);
  assert.deepEqual(JSON.parse(JSON.stringify(rulesFileOf(ruleset))), rulesFileOf(ruleset), 'plain data: it survives structured cloning');
  const [a, b] = await Promise.all([Engine.create(ruleset), Engine.create(again)]);
  const text = 'package a\n\ntype Conversation struct {\n\tRunID string `json:"run_id"`\n}\n';
  assert.deepEqual(b.check(text, { path: 'a.go' }), a.check(text, { path: 'a.go' }));
  assert.ok(a.check(text, { path: 'a.go' }).length > 0);
  assert.deepEqual(b.check(text, { path: 'gen/a.go' }), []);
});

void test('pool size: one worker per core, TERMSHIFT_WORKERS overrides', () => {
  assert.equal(poolSize({}), os.availableParallelism());
  assert.equal(poolSize({ TERMSHIFT_WORKERS: '0' }), 0);
  assert.equal(poolSize({ TERMSHIFT_WORKERS: '3' }), 3);
  assert.equal(poolSize({ TERMSHIFT_WORKERS: 'many' }), os.availableParallelism());
});

void test('a batch ends between folders, so a Go package is read by one worker', () => {
  const files = [...Array.from({ length: 30 }, (_, i) => `/r/a/f${i}.go`), ...Array.from({ length: 5 }, (_, i) => `/r/b/g${i}.go`), ...Array.from({ length: 40 }, (_, i) => `/r/c/h${i}.go`)];
  const batches = batchesOf(files);
  assert.deepEqual(batches[0], [0, 30]);
  assert.equal(batches.map(([s, e]) => e - s).reduce((a, b) => a + b, 0), files.length);
  for (const [, e] of batches) if (e < files.length) assert.notEqual(path.dirname(files[e]), path.dirname(files[e - 1]));
});
