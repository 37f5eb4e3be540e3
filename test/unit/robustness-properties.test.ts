/**
 * The fast slice of `npm run fuzz`: the same properties (test/fuzz/properties.ts) on fewer inputs,
 * with a fixed seed so a failure replays (override with FUZZ_SEED).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { engine } from '../support/engine';
import { generatedProperty, mutationProperty } from '../fuzz/campaign';
import { LANGUAGES } from '../fuzz/generators';
import { checkFindings, checkInput, InvariantError, onBoundary, Stats, TIME_BOUND_MS } from '../fuzz/properties';
import type { Finding } from '../../server/src/engine';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const PER_LANGUAGE = 200;
const MUTATIONS = 250;
const stats = new Stats();

for (const lang of LANGUAGES) {
  void test(`generated ${lang} documents keep every property (${PER_LANGUAGE} inputs)`, async () => {
    fc.assert(generatedProperty(await engine(), lang, stats), { numRuns: PER_LANGUAGE, seed: SEED, includeErrorInReport: true });
  });
}

void test(`mutated fixture files keep every property (${MUTATIONS} inputs)`, async () => {
  fc.assert(mutationProperty(await engine(), stats), { numRuns: MUTATIONS, seed: SEED, includeErrorInReport: true });
});

void test('the slice ran its inputs within the time bound', () => {
  assert.ok(stats.inputs >= PER_LANGUAGE * LANGUAGES.length + MUTATIONS, `only ${stats.inputs} inputs ran`);
  assert.ok(stats.findings > stats.inputs / 4, `generators too weak: ${stats.findings} findings in ${stats.inputs} inputs`);
  assert.ok(stats.fixes > 0, 'no fix was exercised');
  assert.ok(stats.maxCheckMs < TIME_BOUND_MS, `slowest check ${stats.maxCheckMs} ms`);
});

// The properties themselves must be able to fail: feed them broken answers.
const finding = (over: Partial<Finding>): Finding => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
  offset: 0,
  length: 5,
  ruleId: 'r',
  category: 'LEGACY_SESSION_ALIAS',
  severity: 'warning',
  message: 'm',
  text: 'RunID',
  replacement: 'SessionID',
  context: 'identifier',
  ...over,
});

void test('the range properties reject broken findings', () => {
  const ok = 'RunID x';
  assert.doesNotThrow(() => checkFindings(ok, [finding({})], 'a.go'));
  assert.throws(() => checkFindings(ok, [finding({ offset: 1 })], 'a.go'), InvariantError, 'offset disagrees with range and text');
  assert.throws(() => checkFindings(ok, [finding({ offset: 5, length: 5, text: ' x', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 10 } } })], 'a.go'), InvariantError, 'outside the text');
  assert.throws(() => checkFindings('😀RunID', [finding({ offset: 1, length: 6, text: '\uDE00RunID', range: { start: { line: 0, character: 1 }, end: { line: 0, character: 7 } } })], 'a.go'), InvariantError, 'inside a surrogate pair');
  assert.throws(() => checkFindings(ok, [finding({ replacement: 'Session\nID' })], 'a.go'), InvariantError, 'line break in a fix');
  assert.throws(() => checkFindings(ok, [finding({ replacement: 'Session\uD800' })], 'a.go'), InvariantError, 'lone surrogate made by a fix');
  assert.equal(onBoundary('a\r\nb', 2), false);
  assert.equal(onBoundary('a\r\nb', 1), true);
  assert.equal(onBoundary('😀', 1), false);
});

void test('the convergence property rejects a fix that leaves something fixable', () => {
  // A stand-in engine whose fix re-creates the term it fixed: one pass never converges.
  const looping = { check: (text: string): Finding[] => (text.startsWith('RunID') ? [finding({ replacement: 'RunIDRunID' })] : []) };
  assert.throws(() => checkInput(looping as never, 'RunID x', 'a.go', new Stats()), /do not converge/);
  const throwing = { check: (): Finding[] => { throw new Error('boom'); } };
  assert.throws(() => checkInput(throwing as never, 'x', 'a.go', new Stats()), /check threw/);
});
