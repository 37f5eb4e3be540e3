/**
 * Bad input given to the engine directly, one test each: huge text, a minified one-line file,
 * CRLF / lone CR / mixed endings, a BOM, astral characters, NULs and lone surrogates.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, fixEdits } from '../../server/src/engine';
import { engine } from '../support/engine';
import { bigGo, minifiedScript } from '../fuzz/bigInputs';
import { boundedCheck } from '../fuzz/bounded';
import { expectedPosition, TRICKY } from '../fuzz/lineEndings';
import { checkInput, Stats } from '../fuzz/properties';

const MB = 1024 * 1024;
/** tree-sitter parses 2 MB in well under a second here; 10 s per check is a hang, not slowness. */
const MINIFIED_BOUND_MS = 10000;
const HUGE_BOUND_MS = 30000;

void test('a 50 MB text given to the engine directly finishes in bounded time with every finding', async () => {
  const { text, blocks } = bigGo(50 * MB);
  const r = await boundedCheck(text, 'big/huge.txt', HUGE_BOUND_MS);
  assert.equal(r.count, blocks * 2, 'one RunID and one run_id per block');
  assert.equal(r.fixable, blocks * 2);
  assert.equal(r.last?.text, 'run_id');
  assert.ok(r.last && r.last.offset + r.last.length <= text.length);
});

// Minified bundles are JavaScript; `npm run fuzz` (test/fuzz/large.test.ts) runs the same line through every language.
void test('a minified 2 MB one-line file (min.js) is checked in bounded time', async () => {
  const { text, legacy } = minifiedScript(2 * MB);
  assert.ok(!text.includes('\n'));
  const r = await boundedCheck(text, 'dist/min.js', MINIFIED_BOUND_MS);
  assert.equal(r.count, legacy, 'every run_id and runId on the line');
});

void test('a minified one-line file named .go is read by the word scanner, every legacy token found', async () => {
  const { text, legacy } = minifiedScript(256 * 1024);
  const r = await boundedCheck(text, 'pkg/min.go', MINIFIED_BOUND_MS);
  assert.equal(r.count, legacy);
});

for (const t of TRICKY) {
  void test(`${t.lang}: BOM, CRLF, lone CR, tabs and astral characters before a finding`, async () => {
    const e = await engine();
    const findings = e.check(t.text, { path: t.path });
    const want = expectedPosition(t.text, t.token);
    const f = findings.find((x) => x.text === t.token);
    assert.ok(f, `no finding for ${t.token}: ${JSON.stringify(findings)}`);
    assert.deepEqual(f.range.start, { line: want.line, character: want.character });
    assert.deepEqual(f.range.end, { line: want.line, character: want.character + t.token.length });
    assert.equal(f.offset, want.offset, 'offsets count the BOM');
    assert.equal(f.replacement, t.replacement);
    // The fix replaces exactly the token: BOM, line endings and astral characters survive.
    const fixed = applyEdits(t.text, fixEdits(findings.filter((x) => x === f)));
    assert.equal(fixed, t.text.slice(0, want.offset) + t.replacement + t.text.slice(want.offset + t.token.length));
    checkInput(e, t.text, t.path, new Stats());
  });
}

void test('NULs, lone surrogates, U+2028 and a text that is only a BOM do not break any language', async () => {
  const e = await engine();
  const inputs = ['\uFEFF', '', '\0', '\0RunID\0', '\uD800RunID\uDC00', 'RunID\uD83D', '\uDE00run_id', 'a\u2028RunID\u2029b', '\r', '\r\n', '\n\r', 'RunID\r', '\rRunID', '`'.repeat(1000) + 'RunID', '"'.repeat(999) + 'run_id', '{'.repeat(5000) + 'RunID' + '}'.repeat(10)];
  for (const path of ['a.go', 'a.sql', 'a.md', 'a.proto', 'a.ts', 'a.tsx', 'a.txt']) {
    for (const text of inputs) checkInput(e, text, path, new Stats());
  }
});

void test('deeply nested input (10,000 brackets, 2,000 nested fences and quotes) does not overflow the stack', async () => {
  const e = await engine();
  const nests = ['('.repeat(10000) + 'RunID' + ')'.repeat(10000), '{'.repeat(10000) + 'run_id' + '}'.repeat(10000), '> '.repeat(2000) + '`run_id`', '- '.repeat(2000) + 'run_id', '<div>'.repeat(3000) + '{runId}'];
  for (const path of ['a.go', 'a.sql', 'a.md', 'a.proto', 'a.ts', 'a.tsx']) {
    for (const text of nests) checkInput(e, text, path, new Stats());
  }
});

void test('a shell text full of here-document starts without their ends stays linear', async () => {
  // `cat <<EOF` a hundred thousand times, never closed, then one real SQL here-document.
  const text = 'cat <<EOF\nrun_id=1\n'.repeat(100_000) + "sqlite3 db <<'SQL'\nALTER TABLE turns RENAME COLUMN run_id TO session_id;\nSQL\n";
  const started = Date.now();
  const r = await boundedCheck(text, 'big/heredocs.sh', HUGE_BOUND_MS);
  assert.ok(Date.now() - started < HUGE_BOUND_MS);
  assert.ok(r.count >= 100_000, 'every run_id= line is still found');
});
