import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedText, fullRange, open, untilSquiggles } from './helpers';

describe('fix all in this file (source.fixAll.termshift)', () => {
  it('fixes every legacy alias of the file and nothing else', async () => {
    const rel = 'pkg/webchat/router.go';
    const doc = await open(rel);
    await untilSquiggles(doc.uri, ['6:RunID', '6:run_id', '11:runID', '12:run_id', '12:runID', '13:RunID', '13:runID'], doc);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, fullRange(doc), 'source.fixAll.termshift');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.termshift');
    assert.ok(fixAll?.edit, `a source.fixAll.termshift action among ${JSON.stringify(actions.map((a) => `${a.kind?.value}: ${a.title}`))}`);
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);

    assert.equal(doc.getText(), expectedText(rel));
    await untilSquiggles(doc.uri, [], doc);
  });
});
