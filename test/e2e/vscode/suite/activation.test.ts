import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('activation', () => {
  it('activates the termshift extension in the fixture workspace', async () => {
    const ext = vscode.extensions.getExtension('termshift.termshift');
    assert.ok(ext, 'the extension under development is loaded');
    await ext.activate();
    assert.equal(ext.isActive, true);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
    assert.ok(Array.isArray(vscode.languages.getDiagnostics()));
  });
});
