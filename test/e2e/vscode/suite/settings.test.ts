import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SOURCE, describeAllDiagnostics, open, untilDiagnostics, untilSquiggles, uriOf } from './helpers';

function filesWithTermshiftDiagnostics(): string[] {
  return vscode.languages
    .getDiagnostics()
    .filter(([, ds]) => ds.some((d) => d.source === SOURCE))
    .map(([uri]) => uri.toString());
}

describe('settings', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('termshift');

  after(async () => {
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('termshift.enable = false clears every termshift diagnostic, opened files and scanned ones', async () => {
    const doc = await open('pkg/webchat/conversation.go');
    await untilSquiggles(doc.uri, ['8:RunID', '8:run_id', '14:RunID'], doc);
    await untilSquiggles(uriOf('pkg/agentmode/middleware.go'), ['5:2', '5:22', '10:19', '11:20', '11:27']);

    await config().update('enable', false, vscode.ConfigurationTarget.Workspace);
    assert.equal(config().get('enable'), false);
    await untilDiagnostics('no termshift diagnostics anywhere', () => (filesWithTermshiftDiagnostics().length === 0 ? true : undefined), undefined, () => describeAllDiagnostics());
  });

  it('termshift.enable = true brings them back without a restart', async () => {
    const doc = await open('pkg/webchat/conversation.go');
    await config().update('enable', true, vscode.ConfigurationTarget.Workspace);
    assert.equal(config().get('enable'), true);
    await untilSquiggles(doc.uri, ['8:RunID', '8:run_id', '14:RunID'], doc);
    await untilSquiggles(uriOf('pkg/agentmode/middleware.go'), ['5:2', '5:22', '10:19', '11:20', '11:27']);
  });
});
