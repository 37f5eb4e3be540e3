/** The Markdown analyzer: syntax (prose, inline code, links, fences, frontmatter), units, positions. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, fixEdits, type Finding } from '../../server/src/engine';
import { engine } from '../support/engine';

async function check(text: string): Promise<Finding[]> {
  return (await engine()).check(text, { path: 'docs/guide.md' });
}

/** `text category context` of each finding, in order. */
async function summary(text: string): Promise<string[]> {
  return (await check(text)).map((f) => `${f.text} ${f.category} ${f.context}`);
}

void test('prose, inline code and qualifiers', async () => {
  assert.deepEqual(await summary('Pass the `run_id` back.\n'), ['run_id LEGACY_SESSION_ALIAS code']);
  assert.deepEqual(await summary('Every run_id is kept.\n'), ['run_id LEGACY_SESSION_ALIAS prose']);
  assert.deepEqual(await summary('It is `PlanningRun.run_id` and `EventPlanningStart.RunID`.\n'), ['run_id PLANNING_RUN code', 'RunID PLANNING_RUN code']);
  assert.deepEqual(await summary('Log the run ID.\n'), ['run ID LEGACY_SESSION_ALIAS prose']);
  const [f] = await check('Log the run ID.\n');
  assert.equal(f.replacement, 'session ID');
});

void test('URLs: query parameters, link destinations, autolinks, definitions', async () => {
  assert.deepEqual(await summary('Call `GET /turns?run_id=abc&limit=5`.\n'), ['run_id LEGACY_SESSION_ALIAS url']);
  assert.deepEqual(await summary('Open [the turns](/debug/turns?run_id=1).\n'), ['run_id LEGACY_SESSION_ALIAS url']);
  assert.deepEqual(await summary('Open <https://x.test/turns?run_id=1>.\n'), ['run_id LEGACY_SESSION_ALIAS url']);
  assert.deepEqual(await summary('[t]: https://x.test/turns?run_id=1\n'), ['run_id LEGACY_SESSION_ALIAS url']);
  assert.deepEqual(await summary('The route /turns/{run_id} serves them.\n'), ['run_id LEGACY_SESSION_ALIAS url']);
  // The link text is prose; only the destination is the URL.
  assert.deepEqual(await summary('See [run_id docs](./ref.md).\n'), ['run_id LEGACY_SESSION_ALIAS prose']);
});

void test('migration references: wording, arrows, old → new rows; plain sentences stay legacy', async () => {
  assert.deepEqual(await summary('`run_id` is deprecated; read `session_id`.\n'), ['run_id MIGRATION_REFERENCE code']);
  assert.deepEqual(await summary('- `Conversation.RunID` → `SessionID`\n'), ['RunID MIGRATION_REFERENCE code']);
  assert.deepEqual(await summary('- `turns.run_id` column -> dropped\n'), ['run_id MIGRATION_REFERENCE code']);
  const table = '| Old | New |\n|-----|-----|\n| `TurnQuery.RunID` | `TurnQuery.SessionID` |\n| `runLog` | `sessionLog` |\n| `RunID` | the id |\n';
  // Every cell of a column headed "Old" names an old name, the row's other cell notwithstanding.
  assert.deepEqual(await summary(table), ['RunID MIGRATION_REFERENCE code', 'runLog MIGRATION_REFERENCE code', 'RunID MIGRATION_REFERENCE code']);
  // A two-column row without such a header: the new name must be in another cell.
  assert.deepEqual(await summary('| Field | Meaning |\n|---|---|\n| `RunID` | the id |\n| `SessionID` | ok |\n'), ['RunID LEGACY_SESSION_ALIAS code']);
  // | Use | Not |: the names not to use are old names.
  assert.deepEqual(await summary('| Kind | Use | Not |\n|---|---|---|\n| Go | `SessionID` | `RunID`, `runID` |\n'), ['RunID MIGRATION_REFERENCE code', 'runID MIGRATION_REFERENCE code']);
  // Only the sentence that says so: the next one is an ordinary use.
  assert.deepEqual(await summary('The old `run_id` is deprecated. Send `run_id` with every call.\n'), ['run_id MIGRATION_REFERENCE code', 'run_id LEGACY_SESSION_ALIAS code']);
  // A `.` inside inline code does not end the sentence.
  assert.deepEqual(await summary('Read `conv.RunID` (deprecated).\n'), ['RunID MIGRATION_REFERENCE code']);
});

void test('planning: the sentence, the adjective, the qualifier; a qualified name keeps its owner', async () => {
  assert.deepEqual(await summary('Planning events carry their own `run_id`.\n'), ['run_id PLANNING_RUN code']);
  assert.deepEqual(await summary('The planning run ID restarts each iteration.\n'), ['run ID PLANNING_RUN prose']);
  assert.deepEqual(await summary('Group planning events by `ev.Planning.RunID`, never by `meta.RunID`.\n'), ['RunID PLANNING_RUN code', 'RunID LEGACY_SESSION_ALIAS code']);
  assert.deepEqual(await summary('Planning starts. Then `run_id` is sent.\n'), ['run_id LEGACY_SESSION_ALIAS code']);
});

void test('verbs, package paths and the bare word', async () => {
  // (The engine only looks at files that hold the term at all, hence the `run_id` in each.)
  assert.deepEqual(await summary('Run the tests, then `go run ./cmd/x`; it calls `RunLoop()` for `run_id`.\n'), [
    'Run PROCESS_VERB prose',
    'run PROCESS_VERB code',
    'RunLoop PROCESS_VERB code',
    'run_id LEGACY_SESSION_ALIAS code',
  ]);
  assert.deepEqual(await summary('The command in `pkg/cmds/run` prints `run_id`.\n'), ['run PACKAGE_PATH code', 'run_id LEGACY_SESSION_ALIAS code']);
  assert.deepEqual(await summary('Turns are grouped by **Run (session)**, a run of turns (`run_id`).\n'), ['run_id LEGACY_SESSION_ALIAS code']);
});

void test('a document about the migration, and a block introduced as one', async () => {
  const body = 'Warn on `RunID` in the webchat package.\n';
  assert.deepEqual(await summary(body), ['RunID LEGACY_SESSION_ALIAS code']);
  assert.deepEqual(await summary('---\nTitle: Plan\nSummary: Phased migration plan for the ids.\n---\n\n' + body), ['RunID MIGRATION_REFERENCE code']);
  assert.deepEqual(await summary('# Deprecated identifiers\n\n' + body), ['RunID MIGRATION_REFERENCE code']);
  const sql = '```sql\nDROP INDEX IF EXISTS turns_by_run;\n```\n';
  assert.deepEqual(await summary('**Migration script:**\n\n' + sql), ['turns_by_run MIGRATION_REFERENCE sql-index']);
  // The planning domain is not swallowed by the document's migration.
  assert.deepEqual(await summary('# Migration plan\n\nKeep `PlanningRun.run_id`.\n'), ['run_id PLANNING_RUN code']);
});

void test('fenced blocks go to the analyzer of their info string', async () => {
  const doc = '```go\ntype TurnQuery struct {\n\tRunID string `json:"run_id"`\n}\n```\n\n```tsx\nconst q = { run_id: id };\n```\n\n```http\nGET /turns?run_id=1\n```\n';
  assert.deepEqual(await summary(doc), [
    'RunID LEGACY_SESSION_ALIAS field',
    'run_id LEGACY_SESSION_ALIAS tag',
    'run_id LEGACY_SESSION_ALIAS object-key',
    'run_id LEGACY_SESSION_ALIAS code',
  ]);
});

void test('a diff shows the old text on its removed lines', async () => {
  const doc = '```diff\n-\tRunID string `json:"run_id"`\n+\tSessionID string `json:"session_id"`\n \tLegacyRunID string\n```\n';
  assert.deepEqual(await summary(doc), ['RunID MIGRATION_REFERENCE code', 'run_id MIGRATION_REFERENCE code', 'LegacyRunID LEGACY_SESSION_ALIAS code']);
});

void test('frontmatter is scanned and does not shift positions', async () => {
  const [a, b] = await check('---\ntitle: run_id notes\n---\n\n`run_id`\n');
  assert.deepEqual([a.range.start, a.context], [{ line: 1, character: 7 }, 'prose']);
  assert.deepEqual(b.range.start, { line: 4, character: 1 });
});

void test('positions: BOM, CRLF, tabs, astral characters, block quotes, list items', async () => {
  const text = '\uFEFF# 😀 `run_id`\r\n\r\n> ```go\r\n> \tq := TurnQuery{RunID: id}\r\n> ```\r\n\r\n- item\r\n\r\n  ```ts\r\n  x = { run_id: 1 }\r\n  ```\r\n\r\n* other\r\n\r\n\t𝒳 run\\_id\r\n';
  const fs = await check(text);
  assert.deepEqual(
    fs.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.text]),
    [
      // The BOM is not part of line 0's characters (editors hide it); 😀 and 𝒳 are two UTF-16 units.
      [0, 6, 12, 'run_id'],
      [3, 18, 23, 'RunID'],
      [9, 8, 14, 'run_id'],
      // A list item's tab-indented continuation paragraph: prose (the escape is read).
      [14, 4, 11, 'run\\_id'],
    ],
  );
  // Offsets count the BOM: they index the original text.
  for (const f of fs) assert.equal(text.slice(f.offset, f.offset + f.length), f.text);
});

void test('fixes apply cleanly and leave nothing to fix', async () => {
  const text = 'Pass `run_id` (see `/turns?run_id=1`), the run ID, or run\\_id.\n\n```ts\nconst runId = x.run_id;\n```\n';
  const fixed = applyEdits(text, fixEdits(await check(text)));
  assert.equal(fixed, 'Pass `session_id` (see `/turns?session_id=1`), the session ID, or session\\_id.\n\n```ts\nconst sessionId = x.session_id;\n```\n');
  assert.deepEqual(fixEdits(await check(fixed)), []);
});

void test('odd Markdown never throws and every range is inside the text', async () => {
  const odd = ['```', '```go\n', '> ```\n> run_id', '- ```\n  run_id\n', '[x](', '<run_id', '---\nrun_id', '| run_id |\n|-', '`run_id', '\r\r\n\trun_id\u0000', '*'.repeat(2000) + 'run_id'];
  for (const text of odd) {
    const fs = await check(text);
    for (const f of fs) assert.equal(text.slice(f.offset, f.offset + f.length), f.text, JSON.stringify(text));
  }
});
