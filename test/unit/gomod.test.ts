/**
 * Fixes keep Go code building: the fixture module (test/support/gomod.ts) is copied, every fix is
 * applied — once through the engine (fixEdits + applyEdits, one pass) and once through
 * `termshift fix` — and then `go build ./... && go vet ./... && go test ./...` must pass, the
 * planning package must be byte-for-byte unchanged, and the legacy session names must be gone.
 * (The editor's rename everywhere is held to the same in test/protocol/gomodRename.test.ts.)
 */
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixEdits } from '../../server/src/engine';
import { engine } from '../support/engine';
import { assertPlanningUntouched, buildVetTest, copyModule, files, read, removeCopies } from '../support/gomod';
import { runCli } from '../fuzz/cli';

after(removeCopies);

/** What every correct fix of the module must leave behind. */
function assertFixedModule(dir: string): void {
  assertPlanningUntouched(dir);
  assert.match(read(dir, 'pkg/webchat/conversation.go'), /SessionID string `json:"session_id"`/);
  assert.match(read(dir, 'pkg/webchat/router.go'), /func startInferenceForPrompt\(/);
  assert.match(read(dir, 'pkg/webchat/router.go'), /\.Str\("session_id", conv\.SessionID\)/);
  assert.match(read(dir, 'pkg/webchat/router.go'), /loop\.RunLoop\(3\)/, 'process verb RunLoop kept');
  assert.match(read(dir, 'pkg/webchat/router.go'), /inference\.RunInference\(/, 'process verb RunInference kept');
  assert.match(read(dir, 'pkg/webchat/timeline.go'), /PlanningRunID: +ev\.RunID,/, 'planning field read in the session package kept');
  assert.match(read(dir, 'pkg/turns/store.go'), /func \(s \*Store\) DistinctSessions\(\)/);
  assert.match(read(dir, 'pkg/turns/sqlite.go'), /\tsession_id TEXT NOT NULL,/);
  assert.match(read(dir, 'pkg/turns/sqlite.go'), /CREATE INDEX IF NOT EXISTS turns_by_session ON turns\(session_id, created_at_ms DESC\)/);
  assert.match(read(dir, 'pkg/turns/sqlite.go'), /RENAME COLUMN run_id TO session_id;\nDROP INDEX IF EXISTS turns_by_run;/, 'the migration statements are references, kept');
  assert.match(read(dir, 'pkg/agentmode/sqlite_store.go'), /idx_agent_mode_changes_session_id_at ON agent_mode_changes\(session_id, at\)/);
  assert.match(read(dir, 'pkg/agentmode/middleware.go'), /SessionID string `json:"session_id"`/);
  assert.match(read(dir, 'pkg/toolloop/loop_test.go'), /t\.Run\("runs to the limit"/);
  assert.match(read(dir, 'cmd/chatd/main.go'), /"example\.com\/chatapp\/pkg\/cmds\/run"/, 'package path pkg/cmds/run kept');
  assert.match(read(dir, 'docs/api.md'), /GET \/turns\?session_id=c1/);
  assert.match(read(dir, 'docs/api.md'), /`PlanningRun\.run_id`/);
}

void test('the fixture module builds, vets and passes its own tests as written', () => {
  buildVetTest(copyModule());
});

void test('after every engine fix (one pass), the module builds, vets and tests, planning code untouched', async () => {
  const e = await engine();
  const dir = copyModule();
  let applied = 0;
  for (const rel of files(dir)) {
    const text = read(dir, rel);
    const edits = fixEdits(e.check(text, { path: rel }));
    applied += edits.length;
    if (edits.length) fs.writeFileSync(path.join(dir, rel), applyEdits(text, edits));
  }
  assert.ok(applied >= 30, `only ${applied} fixes applied`);
  for (const rel of files(dir)) {
    const left = fixEdits(e.check(read(dir, rel), { path: rel }));
    assert.deepEqual(left, [], `${rel}: fixable findings left after one pass`);
  }
  assertFixedModule(dir);
  buildVetTest(dir);
});

void test('after `termshift fix`, the module builds, vets and tests, planning code untouched', () => {
  const dir = copyModule();
  const r = runCli(['fix', '.'], dir, 60000);
  assert.equal(r.status, 0, `termshift fix exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  const after = runCli(['check', '--format', 'json', '.'], dir, 60000);
  const left = (JSON.parse(after.stdout) as { findings: { replacement: string | null; path: string; text: string }[] }).findings.filter((f) => f.replacement !== null);
  assert.deepEqual(left, [], 'check finds nothing fixable after fix');
  assertFixedModule(dir);
  buildVetTest(dir);
});
