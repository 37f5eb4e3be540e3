/** Baselines: --write-baseline records today's findings; --baseline reports only new ones, robust to moved lines. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, read, tree, write } from '../support/cli';
import { newFindings, type Baseline, type BaselineEntry } from '../../server/src/cli/baseline';

const GO = [
  'package webchat',
  '',
  'func (r *Router) handle(conv *Conversation) {',
  '\tlog.Info().Str("run_id", conv.RunID).Msg("chat")',
  '\tr.store.Save(conv.RunID)',
  '}',
  '',
].join('\n');

function findings(out: string): { path: string; line: number; text: string }[] {
  return (JSON.parse(out) as { findings: { path: string; text: string; range: { start: { line: number } } }[] }).findings.map((f) => ({ path: f.path, line: f.range.start.line + 1, text: f.text }));
}

test('a baseline silences known findings, survives inserted lines, and reports new occurrences', async () => {
  const root = tree({ 'webchat/router.go': GO, 'docs/api.md': 'Send the `run_id` with each request.\n' });
  const written = await cli(root, 'check', '--write-baseline', '.termshift/baseline.json');
  assert.equal(written.code, 0);
  const baseline = JSON.parse(read(root, '.termshift/baseline.json')) as Baseline;
  assert.equal(baseline.findings.length, 4);
  assert.deepEqual(Object.keys(baseline.findings[0]).filter((k) => /line/i.test(k)), ['line']);
  assert.ok(baseline.findings.every((e) => /^[0-9a-f]{16}$/.test(e.line) && e.path !== undefined), 'the line is a hash, not a number');

  assert.equal((await cli(root, 'check', '--baseline', '.termshift/baseline.json')).code, 0);
  // Without the baseline the same tree fails.
  assert.equal((await cli(root, 'check')).code, 1);

  // Lines inserted above (and one right above a finding): everything is still matched.
  const moved = GO.replace('package webchat\n', 'package webchat\n\nimport "fmt"\n\n// Router serves chat.\n').replace('\tr.store.Save', '\tfmt.Println("saving")\n\tr.store.Save');
  write(root, 'webchat/router.go', moved);
  const still = await cli(root, 'check', '--format', 'json', '--baseline', '.termshift/baseline.json');
  assert.equal(still.code, 0, still.out);
  assert.deepEqual(findings(still.out), []);

  // A second copy of a baselined line is new; so is a new line.
  write(root, 'webchat/router.go', moved.replace('}\n', '\tr.store.Save(conv.RunID)\n\tr.cache.Drop(conv.RunID)\n}\n'));
  const fresh = await cli(root, 'check', '--format', 'json', '--baseline', '.termshift/baseline.json');
  assert.equal(fresh.code, 1);
  const lines = read(root, 'webchat/router.go').split('\n');
  const reported = findings(fresh.out);
  assert.deepEqual(reported.map((f) => `${f.path}:${f.line} ${f.text}`), ['webchat/router.go:11 RunID', 'webchat/router.go:12 RunID']);
  assert.equal(lines[10], '\tr.store.Save(conv.RunID)');
  assert.match(fresh.err, /4 findings already in the baseline/);
});

test('baseline paths are relative to the baseline file, so another cwd matches too', async () => {
  const root = tree({ 'svc/a.go': 'package svc\n\nvar RunID = "x"\n' });
  assert.equal((await cli(root, 'check', '--write-baseline', 'baseline.json')).code, 0);
  assert.equal((await cli(path.join(root, 'svc'), 'check', '--baseline', '../baseline.json')).code, 0);
  assert.equal((await cli(path.join(root, 'svc'), 'check', '--baseline', '../baseline.json', 'a.go')).code, 0);
});

test('a missing or foreign baseline is a usage error', async () => {
  const root = tree({ 'a.go': 'package a\n\nvar RunID = 1\n', 'not-a-baseline.json': '{"hello": 1}' });
  assert.equal((await cli(root, 'check', '--baseline', 'nope.json')).code, 2);
  const foreign = await cli(root, 'check', '--baseline', 'not-a-baseline.json');
  assert.equal(foreign.code, 2);
  assert.match(foreign.err, /not a termshift baseline/);
  assert.ok(fs.existsSync(path.join(root, 'a.go')));
});

test('matching is a multiset: exact neighbours first, then the same line anywhere', () => {
  const e = (line: string, context: string): BaselineEntry => ({ path: 'a.go', ruleId: 'r', category: 'C', text: 'RunID', line, context });
  const base: Baseline = { version: 1, tool: 'termshift', findings: [e('L1', 'X'), e('L1', 'Y')] };
  assert.deepEqual(newFindings(base, [e('L1', 'Y'), e('L1', 'Z'), e('L1', 'X')]), [false, true, false]);
  assert.deepEqual(newFindings(base, [e('L1', 'Z'), e('L1', 'W')]), [false, false]);
  assert.deepEqual(newFindings(base, [e('L2', 'X')]), [true]);
});
