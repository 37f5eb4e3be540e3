import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeSquiggles, open, squiggles, uriOf, untilSquiggles } from './helpers';

// Expected squiggles as `line:text` (1-based lines), from the plan: the legacy alias is underlined,
// the planning domain, process verbs and migration references are not.
describe('diagnostics in the editor', () => {
  it('underlines the legacy alias in a Go file', async () => {
    const doc = await open('pkg/webchat/conversation.go');
    assert.equal(doc.languageId, 'go');
    await untilSquiggles(doc.uri, ['8:RunID', '8:run_id', '14:RunID'], doc);
    const field = squiggles(doc.uri).find((d) => d.range.start.line === 7 && doc.getText(d.range) === 'RunID')!;
    assert.equal(field.severity, vscode.DiagnosticSeverity.Warning);
    const code = typeof field.code === 'object' ? field.code.value : field.code;
    assert.equal(code, 'LEGACY_SESSION_ALIAS');
    assert.match(field.message, /SessionID/);
  });

  it('underlines the legacy column and index in a SQL file', async () => {
    const doc = await open('db/schema.sql');
    assert.equal(doc.languageId, 'sql');
    await untilSquiggles(doc.uri, ['2:run_id', '8:idx_agent_mode_changes_run_id_at', '8:run_id'], doc);
  });

  it('underlines the legacy field and query parameter in a Markdown file', async () => {
    const doc = await open('docs/webchat-guide.md');
    assert.equal(doc.languageId, 'markdown');
    // "Run the tests" and `go run` on line 13 are process verbs: not underlined.
    await untilSquiggles(doc.uri, ['6:run_id', '9:run_id', '9:run_id'], doc);
  });

  it('leaves the planning domain alone, even in the session package', async () => {
    const doc = await open('pkg/webchat/planning.go');
    // Only the conversation's RunID (line 30) is the legacy alias; EventPlanningStart.RunID,
    // PlanningRun.run_id and the planning map are a different concept and stay.
    await untilSquiggles(doc.uri, ['30:RunID'], doc);
  });

  it('leaves process verbs alone', async () => {
    const doc = await open('pkg/toolloop/loop.go');
    // RunLoop(), RunInference() and "run the engine" are verbs; Session.RunID is the alias.
    await untilSquiggles(doc.uri, ['18:RunID'], doc);
  });

  it('tells a planning doc from the legacy query parameter in the same file', async () => {
    const doc = await open('docs/planning.md');
    await untilSquiggles(doc.uri, ['7:run_id'], doc);
  });

  it('reports files nobody opened, after the workspace scan', async () => {
    // Columns are 1-based; these files are never opened by the tests before the workspace fix-all.
    const unopened = {
      'pkg/agentmode/middleware.go': ['5:2', '5:22', '10:19', '11:20', '11:27'],
      'pkg/persistence/turn_store.go': ['5:2', '5:28', '5:40', '12:2'],
      'pkg/persistence/turn_store_sqlite.go': ['7:2', '14:40', '14:93', '19:51', '19:74'],
    };
    for (const [rel, expected] of Object.entries(unopened)) {
      await untilSquiggles(uriOf(rel), expected);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uriOf(rel).toString()), `${rel} is not open`);
    }
    // The scan has reached these files by now; the migration and the verbs-only test file stay clean.
    for (const rel of ['db/migrations/0002_session_id.sql', 'pkg/toolloop/loop_test.go', 'go.mod']) {
      assert.deepEqual(describeSquiggles(uriOf(rel)), [], `${rel} has no squiggles`);
    }
  });
});
