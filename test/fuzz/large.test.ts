/**
 * The slow half of `npm run fuzz`: a 50 MB document through every language's analyzer, each in a
 * worker stopped at a time bound, and a minified 2 MB one-line file through every language (the
 * unit suite does both through one language only).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { bigGo, minifiedScript } from './bigInputs';
import { boundedCheck } from './bounded';

const BOUND_MS = 120000;
const { text, blocks } = bigGo(50 * 1024 * 1024);

for (const path of ['huge.go', 'huge.md', 'huge.ts', 'huge.tsx', 'huge.sql', 'huge.proto', 'huge.txt']) {
  void test(`a 50 MB ${path} given to the engine directly finishes within ${BOUND_MS / 1000} s`, async () => {
    const r = await boundedCheck(text, path, BOUND_MS);
    console.log(`  ${path}: ${r.count} findings in ${(r.ms / 1000).toFixed(1)} s, worker RSS ${r.rssMb.toFixed(0)} MiB`);
    assert.ok(r.count >= blocks, `${path}: ${r.count} findings for ${blocks} legacy fields`);
    assert.ok(r.last && r.last.offset + r.last.length <= text.length);
  });
}

const MINIFIED_BOUND_MS = 10000;
const minified = minifiedScript(2 * 1024 * 1024);

for (const path of ['min.js', 'min.ts', 'min.tsx', 'min.go', 'min.md', 'min.sql', 'min.proto', 'min.txt']) {
  void test(`a minified 2 MB one-line ${path} is checked within ${MINIFIED_BOUND_MS / 1000} s`, async () => {
    const r = await boundedCheck(minified.text, path, MINIFIED_BOUND_MS);
    console.log(`  ${path}: ${r.count} findings in ${(r.ms / 1000).toFixed(1)} s`);
    assert.ok(r.count > 0, 'the legacy tokens on the line are still found');
    if (/\.(js|ts|tsx|txt)$/.test(path)) assert.equal(r.count, minified.legacy, `every run_id and runId in ${path}`);
  });
}
