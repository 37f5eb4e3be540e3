/**
 * Deprecation phases (plan Batch 3): the API contract's run_id (a JSON tag, a URL query
 * parameter) is information in phase A, a warning in B and an error in C; --phase or the rules
 * file's "phase" selects it, and the command line's exit code follows.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { engine } from '../support/engine';
import { cli, tree } from '../support/cli';

const TAG = 'package api\n\ntype TurnsResponse struct {\n\tID string `json:"run_id"`\n}\n';
const URL_MD = '# Turns\n\nList them with `GET /debug/turns?run_id=abc`.\n';

const EXPECTED: Record<string, string> = { A: 'information', B: 'warning', C: 'error' };

test('a JSON tag and a URL parameter take the severity of the phase', async () => {
  const e = await engine();
  for (const [phase, severity] of Object.entries(EXPECTED)) {
    const tag = e.check(TAG, { path: 'api/resp.go', phase }).filter((f) => f.context === 'tag');
    const url = e.check(URL_MD, { path: 'docs/turns.md', phase }).filter((f) => f.context === 'url');
    assert.deepEqual(tag.map((f) => `${f.text} ${f.category} ${f.severity}`), [`run_id LEGACY_SESSION_ALIAS ${severity}`], `tag, phase ${phase}`);
    assert.deepEqual(url.map((f) => `${f.text} ${f.category} ${f.severity}`), [`run_id LEGACY_SESSION_ALIAS ${severity}`], `url, phase ${phase}`);
  }
  // Without a phase the rule's own severity applies.
  assert.equal(e.check(TAG, { path: 'api/resp.go' })[0].severity, 'warning');
});

test('--phase and the rules file select the phase; the flag wins', async () => {
  const root = tree({ 'api/resp.go': TAG, 'termshift.json': JSON.stringify({ extends: 'builtin:run-to-session', phase: 'A', rules: [] }) });
  const severity = async (...args: string[]): Promise<string[]> => {
    const r = await cli(root, 'check', '--format', 'json', '--all', ...args);
    return (JSON.parse(r.out) as { findings: { severity: string }[] }).findings.map((f) => f.severity);
  };
  assert.deepEqual(await severity(), ['information']);
  assert.deepEqual(await severity('--phase', 'C'), ['error']);
  assert.equal((await cli(root, 'check')).code, 0, 'phase A: information does not fail at the default level');
  assert.equal((await cli(root, 'check', '--phase', 'B')).code, 1);
  const github = await cli(root, 'check', '--format', 'github', '--phase', 'C');
  assert.match(github.out, /^::error file=api\/resp\.go,line=4,col=19,endLine=4,endColumn=25,/);
});
