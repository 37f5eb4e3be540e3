/** termshift fix: same fixes as the editor, atomic writes, line endings/BOM/mode kept, stale files refused. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cli, read, tree, write } from '../support/cli';
import { runFix } from '../../server/src/cli/fix';
import { unifiedDiff } from '../../server/src/cli/diff';

const GO_CRLF_BOM =
  '\uFEFFpackage webchat\r\n\r\n// Conversation holds the state of one chat session.\r\ntype Conversation struct {\r\n\tID    string\r\n\tRunID string `json:"run_id"`\r\n}\r\n\r\nfunc (c *Conversation) startRunForPrompt(prompt string) {\r\n\trunLog := log.With().Str("run_id", c.RunID).Logger()\r\n\trunLog.Info().Msg("😀 starting")\r\n\tgo c.RunLoop()\r\n}\r\n';

const FILES: Record<string, string> = {
  'webchat/conversation.go': GO_CRLF_BOM,
  'webchat/planning.go': 'package webchat\n\ntype EventPlanningStart struct {\n\tRunID string `json:"run_id"`\n}\n\nfunc (e *EventPlanningStart) Start() { t.Run("x", nil) }\n',
  'store/schema.sql': 'CREATE TABLE turns (\n  run_id TEXT NOT NULL,\n  created_at_ms INTEGER\n);\nCREATE INDEX turns_by_run ON turns(run_id, created_at_ms DESC);\n',
  'web/api.ts': 'export interface TurnQuery {\n  runId: string;\n  limit?: number;\n}\n\nexport function turnsUrl(q: TurnQuery): string {\n  return `/debug/turns?run_id=${q.runId}`;\n}\n',
  'docs/guide.md': '# Guide\n\nPass the `run_id` of the conversation.\n\nTo run the tests, `go test ./...`.\n',
  'scripts/tool.go': 'package main\n\nvar RunID = "r1"\n',
};

function fixableIn(json: string): string[] {
  const report = JSON.parse(json) as { findings: { path: string; text: string; replacement: string | null; range: { start: { line: number } } }[] };
  return report.findings.filter((f) => f.replacement !== null && f.replacement !== f.text).map((f) => `${f.path}:${f.range.start.line + 1} ${f.text}`);
}

test('after fix, check finds nothing fixable; line endings, BOM and file mode are kept', async () => {
  const root = tree(FILES);
  fs.chmodSync(path.join(root, 'scripts/tool.go'), 0o764);
  const before = await cli(root, 'check', '--format', 'json');
  assert.ok(fixableIn(before.out).length >= 6, before.out);

  const fixed = await cli(root, 'fix');
  assert.equal(fixed.code, 0, fixed.err);
  assert.match(fixed.out, /fixed webchat\/conversation\.go \(\d+ edits\)/);

  const after = await cli(root, 'check', '--format', 'json');
  assert.deepEqual(fixableIn(after.out), []);

  const go = read(root, 'webchat/conversation.go');
  assert.ok(go.startsWith('\uFEFFpackage webchat\r\n'), 'BOM kept');
  assert.equal(go.split('\r\n').length, GO_CRLF_BOM.split('\r\n').length, 'CRLF kept');
  assert.equal(go.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF introduced');
  assert.match(go, /\tSessionID string `json:"session_id"`/);
  assert.match(go, /sessionLog := log\.With\(\)\.Str\("session_id", c\.SessionID\)/);
  assert.match(go, /startInferenceForPrompt/);
  assert.match(go, /go c\.RunLoop\(\)/, 'process verbs stay');
  assert.match(go, /😀 starting/);
  // The planning domain is left alone.
  assert.equal(read(root, 'webchat/planning.go'), FILES['webchat/planning.go']);
  assert.equal(fs.statSync(path.join(root, 'scripts/tool.go')).mode & 0o777, 0o764);
  // No temporary files left behind.
  assert.deepEqual(fs.readdirSync(path.join(root, 'webchat')).sort(), ['conversation.go', 'planning.go']);

  const again = await cli(root, 'fix');
  assert.equal(again.code, 0);
  assert.match(again.err, /fixed 0 findings in 0 files/);
});

test('fix --dry-run prints a unified diff that patch applies to the same result, and writes nothing', async () => {
  const root = tree(FILES);
  const twin = tree(FILES);
  const dry = await cli(root, 'fix', '--dry-run');
  assert.equal(dry.code, 1, 'something to fix');
  assert.match(dry.out, /^--- a\/docs\/guide\.md\n\+\+\+ b\/docs\/guide\.md\n@@ -1,5 \+1,5 @@\n/);
  assert.match(dry.err, /would fix \d+ findings in 5 files/);
  for (const [rel, content] of Object.entries(FILES)) assert.equal(read(root, rel), content, `${rel} untouched`);

  fs.writeFileSync(path.join(root, 'fix.patch'), dry.out + '\n');
  execFileSync('patch', ['-p1', '--quiet', '--binary', '-i', 'fix.patch'], { cwd: root });
  assert.equal((await cli(twin, 'fix')).code, 0);
  for (const rel of Object.keys(FILES)) assert.equal(read(root, rel), read(twin, rel), rel);

  const clean = await cli(twin, 'fix', '--dry-run');
  assert.equal(clean.code, 0);
  assert.equal(clean.out, '');
});

test('fix refuses a file that changed after it was read, and leaves the new content alone', async () => {
  const root = tree({ 'a.go': 'package a\n\nvar RunID = 1\n', 'b.go': 'package a\n\nvar runID = 2\n' });
  const edited = 'package a\n\nvar RunID = 1 // edited meanwhile\n';
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFix([], root, { out: (s) => out.push(s), err: (s) => err.push(s) }, {
    beforeWrite: (abs) => {
      if (path.basename(abs) === 'a.go') write(root, 'a.go', edited);
    },
  });
  assert.equal(code, 1);
  assert.match(err.join('\n'), /refused a\.go: its? (content )?changed/);
  assert.equal(read(root, 'a.go'), edited);
  assert.equal(read(root, 'b.go'), 'package a\n\nvar sessionID = 2\n', 'other files are still fixed');
  assert.deepEqual(fs.readdirSync(root).sort(), ['.git', 'a.go', 'b.go']);
});

test('unified diffs: hunks, context, CRLF lines and a missing final newline', () => {
  const a = ['l1', 'l2', 'l3', 'l4', 'x5', 'l6', 'l7', 'l8', 'l9', 'l10', 'l11', 'l12', 'x13', 'l14'].join('\n');
  const b = a.replace('x5', 'y5').replace('x13', 'y13');
  assert.equal(
    unifiedDiff(a, b, 'a/f', 'b/f'),
    '--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-x5\n+y5\n l6\n l7\n l8\n@@ -10,5 +10,5 @@\n l10\n l11\n l12\n-x13\n+y13\n l14\n\\ No newline at end of file\n',
  );
  assert.equal(unifiedDiff('a\r\nb\r\n', 'a\r\nc\r\n', 'x', 'y'), '--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n');
  assert.equal(unifiedDiff('same\n', 'same\n', 'x', 'y'), '');
  assert.equal(unifiedDiff('', 'new\n', 'x', 'y'), '--- x\n+++ y\n@@ -0,0 +1,1 @@\n+new\n');
});
