/**
 * Bad input through the command line (dist/cli.js, built by `npm test`), one test each: every
 * skipped file is named on stderr with the reason, the other files are still checked, and the
 * exit code is 1 (findings), never 3 (internal error).
 */
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bigGo, minifiedScript } from '../fuzz/bigInputs';
import { checkJson, removeWorkspace, workspace } from '../fuzz/cli';
import { expectedPosition, TRICKY } from '../fuzz/lineEndings';

const MB = 1024 * 1024;
const GOOD = 'package a\n\nvar RunID = "r1"\n';
const dirs: string[] = [];
function ws(files: Record<string, string | Buffer>): string {
  const d = workspace(files);
  dirs.push(d);
  return d;
}
after(() => dirs.forEach(removeWorkspace));

/** The good file is always reported: a bad neighbour never hides findings. */
function assertGoodReported(findings: { path: string; text: string }[]): void {
  assert.ok(findings.some((f) => f.path === 'good.go' && f.text === 'RunID'), `good.go not reported: ${JSON.stringify(findings)}`);
}

void test('binary files are skipped and named on stderr', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('RunID run_id')]);
  const dir = ws({ 'good.go': GOOD, 'image.go': png, 'data.sql': Buffer.from('run_id\0\0\0run_id') });
  const { result, findings, files } = checkJson(dir);
  assert.equal(result.status, 1, result.stderr);
  assertGoodReported(findings);
  assert.deepEqual([...new Set(findings.map((f) => f.path))], ['good.go']);
  assert.equal(files, 1);
  assert.match(result.stderr, /image\.go.*binary/i);
  assert.match(result.stderr, /data\.sql.*binary/i);
});

void test('invalid UTF-8 is reported, not crashed on and not half-read', () => {
  const bad = Buffer.concat([Buffer.from('package a\n\nvar RunID = "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"\n')]);
  const dir = ws({ 'good.go': GOOD, 'latin1.go': bad, 'docs/overlong.md': Buffer.from([0x72, 0x75, 0x6e, 0x5f, 0x69, 0x64, 0x20, 0xc0, 0xaf]) });
  const { result, findings } = checkJson(dir);
  assert.equal(result.status, 1, result.stderr);
  assertGoodReported(findings);
  assert.ok(!findings.some((f) => f.path !== 'good.go'), 'nothing reported from undecodable files');
  assert.match(result.stderr, /latin1\.go.*UTF-8/);
  assert.match(result.stderr, /overlong\.md.*UTF-8/);
});

void test('a 50 MB file is skipped as too large, reported, and costs no time', () => {
  const dir = ws({ 'good.go': GOOD, 'huge.go': bigGo(50 * MB).text });
  const { result, findings, files } = checkJson(dir, [], 20000);
  assert.equal(result.status, 1, result.stderr);
  assertGoodReported(findings);
  assert.equal(files, 1);
  assert.ok(!findings.some((f) => f.path === 'huge.go'));
  assert.match(result.stderr, /huge\.go.*(larger|too large|size|limit)/i);
  assert.ok(result.ms < 10000, `took ${result.ms} ms`);
});

void test('a minified 2 MB one-line file is checked in bounded time with every finding', () => {
  const { text, legacy } = minifiedScript(2 * MB - 4096);
  const dir = ws({ 'good.go': GOOD, 'dist/app.min.js': text });
  const { result, findings } = checkJson(dir, [], 30000);
  assert.equal(result.status, 1, result.stderr);
  assertGoodReported(findings);
  assert.equal(findings.filter((f) => f.path === 'dist/app.min.js').length, legacy);
  assert.ok(findings.filter((f) => f.path === 'dist/app.min.js').every((f) => f.range.start.line === 0));
});

for (const t of TRICKY) {
  void test(`${t.lang}: CRLF, lone CR, mixed endings, BOM and astral characters give LSP positions`, () => {
    const dir = ws({ [t.path]: t.text });
    const { result, findings } = checkJson(dir);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const want = expectedPosition(t.text, t.token);
    const f = findings.find((x) => x.text === t.token);
    assert.ok(f, `no finding for ${t.token}: ${JSON.stringify(findings)}`);
    assert.deepEqual(f.range, { start: { line: want.line, character: want.character }, end: { line: want.line, character: want.character + t.token.length } });
    assert.equal(f.replacement, t.replacement);
    assert.equal(f.path, t.path);
  });
}

void test('a symlink loop is not followed: the walk ends and each file is reported once', () => {
  const dir = ws({ 'good.go': GOOD, 'sub/inner.go': GOOD });
  fs.symlinkSync('.', path.join(dir, 'loop'));
  fs.symlinkSync('..', path.join(dir, 'sub/up'));
  fs.symlinkSync('self', path.join(dir, 'self'));
  const { result, findings } = checkJson(dir, [], 15000);
  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(findings.map((f) => f.path).sort(), ['good.go', 'sub/inner.go']);
  assert.match(result.stderr, /self/, 'the self-referencing link is reported');
});

void test('an unreadable file is reported and the rest is checked', () => {
  const dir = ws({ 'good.go': GOOD, 'secret.go': GOOD });
  fs.chmodSync(path.join(dir, 'secret.go'), 0o000);
  let readable = true;
  try {
    fs.readFileSync(path.join(dir, 'secret.go'));
  } catch {
    readable = false;
  }
  if (readable) {
    // Running as root: chmod 000 does not stop root from reading, so this path cannot be
    // produced on disk here. robustness-walk.test.ts injects the read error instead.
    assert.equal(process.getuid?.(), 0, 'chmod 000 left the file readable although we are not root');
    return;
  }
  const { result, findings } = checkJson(dir);
  assert.equal(result.status, 1, result.stderr);
  assertGoodReported(findings);
  assert.match(result.stderr, /secret\.go.*(EACCES|permission|cannot read)/i);
});
