import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { splitWords } from '../../server/src/engine/words';
import { matchToken } from '../../server/src/engine/matcher';
import { builtinRuleset } from '../../server/src/engine';

const rule = builtinRuleset().rules[0];
const fix = (t: string): string | null | undefined => matchToken(t, rule.seqs)?.replacement;

test('splits every naming convention into words', () => {
  const words = (t: string): string[] => splitWords(t).map((w) => w.text);
  assert.deepEqual(words('HTTPRunID'), ['HTTP', 'Run', 'ID']);
  assert.deepEqual(words('runIDs'), ['run', 'IDs']);
  assert.deepEqual(words('resRunID'), ['res', 'Run', 'ID']);
  assert.deepEqual(words('RUN_ID'), ['RUN', 'ID']);
  assert.deepEqual(words('run-id'), ['run', 'id']);
  assert.deepEqual(words('idx_agent_mode_changes_run_id_at'), ['idx', 'agent', 'mode', 'changes', 'run', 'id', 'at']);
  assert.deepEqual(words('v2RunId'), ['v2', 'Run', 'Id']);
});

test('replacements keep the name’s own case convention', () => {
  const cases: Record<string, string> = {
    RunID: 'SessionID',
    runID: 'sessionID',
    runId: 'sessionId',
    RunId: 'SessionId',
    run_id: 'session_id',
    RUN_ID: 'SESSION_ID',
    'run-id': 'session-id',
    resRunID: 'resSessionID',
    updatedRunID: 'updatedSessionID',
    setRunId: 'setSessionId',
    HTTPRunID: 'HTTPSessionID',
    RunIDs: 'SessionIDs',
    run_ids: 'session_ids',
    runid: 'sessionid',
    GetRunId: 'GetSessionId',
    idx_agent_mode_changes_run_id_at: 'idx_agent_mode_changes_session_id_at',
    startRunForPrompt: 'startInferenceForPrompt',
    turns_by_run: 'turns_by_session',
    DistinctRuns: 'DistinctSessions',
    sessionRunID: 'sessionID',
    session_run_id: 'session_id',
    SESSION_RUN_ID: 'SESSION_ID',
    'X-Run-ID': 'X-Session-ID',
  };
  for (const [from, to] of Object.entries(cases)) assert.equal(fix(from), to, from);
});

test('removals have no automatic fix; unrelated words do not match', () => {
  assert.equal(fix('LegacyRunID'), null);
  for (const t of ['runtime', 'running', 'rune', 'Runner', 'truncated', 'prune_id', 'grid']) assert.equal(matchToken(t, rule.seqs), null, t);
  assert.equal(matchToken('RunLoop', rule.seqs)?.kind, 'bare');
});

test('after "to" or a modal the bare word is a verb: no match', () => {
  for (const t of ['ErrNothingToRun', 'canRun', 'shouldRun', 'readyToRun']) assert.equal(matchToken(t, rule.seqs), null, t);
  // The term itself is still the term there.
  assert.equal(fix('canRunID'), 'canSessionID');
  assert.equal(matchToken('lastRun', rule.seqs)?.kind, 'bare');
});
