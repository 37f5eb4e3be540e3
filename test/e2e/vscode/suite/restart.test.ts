import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childProcesses, open, squiggles, until, untilDiagnostics, untilSquiggles, uriOf } from './helpers';

// Issue 6: the client restarts a server that died, and diagnostics come back.
describe('a crashed language server', () => {
  const probe = 'pkg/webchat/restart_probe.go';

  after(async () => {
    await vscode.workspace.fs.delete(uriOf(probe)).then(undefined, () => undefined);
  });

  it('is restarted by the client, and diagnostics come back', async () => {
    const doc = await open('pkg/webchat/conversation.go');
    await untilSquiggles(doc.uri, ['8:RunID', '8:run_id', '14:RunID'], doc);
    const before = await until('the termshift server process', () => {
      const pids = childProcesses('server.js');
      return pids.length === 1 ? pids[0] : undefined;
    });

    process.kill(before, 'SIGKILL');
    const after = await until('a new termshift server process', () => childProcesses('server.js').find((pid) => pid !== before));
    assert.notEqual(after, before);

    // A file the old server never saw proves the new one is working.
    await vscode.workspace.fs.writeFile(uriOf(probe), Buffer.from('package webchat\n\nfunc probe(c *Conversation) string { return c.RunID }\n'));
    const probeDoc = await open(probe);
    await untilDiagnostics('a squiggle from the restarted server', () => (squiggles(probeDoc.uri).length === 1 ? true : undefined));
    await untilSquiggles(doc.uri, ['8:RunID', '8:run_id', '14:RunID'], doc);
  });

  it('forgets a file that was open, then closed and deleted', async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uriOf(probe));
    await untilDiagnostics(`no diagnostics for the deleted ${probe}`, () => (squiggles(uriOf(probe)).length === 0 ? true : undefined));
  });
});
