import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyInMemory, expectedText, fixtureFiles, open, positionOf, relOf, untilSquiggles, uriOf } from './helpers';

// Renaming Conversation-like fields one occurrence at a time breaks the build: rename everywhere
// reaches the Go references, the json/db tags, the SQL column and the docs in one edit, and never
// the planning domain. The edit is checked, not applied: the workspace fix-all applies it later.
describe('rename everywhere', () => {
  it('renames TurnSnapshot.RunID to SessionID across Go, SQL and Markdown, and not the planning RunID', async () => {
    const doc = await open('pkg/persistence/turn_store.go');
    await untilSquiggles(doc.uri, ['5:RunID', '5:run_id', '5:run_id', '12:RunID'], doc);
    const at = positionOf(doc, 'RunID       string', 'RunID');

    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', doc.uri, at, 'SessionID');
    assert.ok(edit, 'a rename edit');
    const touched = new Set(edit.entries().map(([uri]) => relOf(uri)));
    for (const rel of ['pkg/persistence/turn_store.go', 'pkg/persistence/turn_store_sqlite.go', 'db/schema.sql', 'docs/webchat-guide.md', 'pkg/agentmode/middleware.go']) {
      assert.ok(touched.has(rel), `the rename reaches ${rel} (it reached ${[...touched].sort().join(', ')})`);
    }
    assert.ok(!touched.has('db/migrations/0002_session_id.sql'), 'migration references stay');

    // What the files would become: the fully migrated fixture (in the planning file only the
    // conversation's RunID on line 30 changes). The SQL index name is another symbol: it stays.
    const fixture = new Set(fixtureFiles());
    const texts = new Map<string, string>();
    for (const rel of touched) if (fixture.has(rel)) texts.set(rel, (await vscode.workspace.openTextDocument(uriOf(rel))).getText());
    const after = applyInMemory(edit, (uri) => texts.get(relOf(uri)) ?? '');
    for (const rel of texts.keys()) {
      const want = rel === 'db/schema.sql' ? expectedText(rel).replace('idx_agent_mode_changes_session_id_at', 'idx_agent_mode_changes_run_id_at') : expectedText(rel);
      assert.equal(after.get(rel), want, `${rel} after the rename`);
    }
    assert.deepEqual([...touched].filter((rel) => !fixture.has(rel)), [], 'the rename reaches only files that exist');
  });

  it('refuses to rename a planning-domain RunID', async () => {
    const doc = await open('pkg/webchat/planning.go');
    await untilSquiggles(doc.uri, ['30:RunID'], doc);
    const at = positionOf(doc, 'agg := planning[ev.RunID]', 'RunID');
    const edit = await vscode.commands
      .executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', doc.uri, at, 'SessionID')
      .then((e) => e, () => undefined);
    assert.equal(edit?.size ?? 0, 0, 'no rename edit for the planning run');
  });
});
