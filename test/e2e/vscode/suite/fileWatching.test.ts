import * as vscode from 'vscode';
import { squiggles, untilDiagnostics, uriOf } from './helpers';

// Files that change on disk while nobody has them open (a branch switch, a generator, `git rm`).
describe('file watching', () => {
  const rel = 'pkg/webchat/watch_probe.go';

  after(async () => {
    await vscode.workspace.fs.delete(uriOf(rel)).then(undefined, () => undefined);
  });

  it('reports a file created on disk without opening it', async () => {
    await vscode.workspace.fs.writeFile(uriOf(rel), Buffer.from('package webchat\n\nfunc watched(c *Conversation) string { return c.RunID }\n'));
    await untilDiagnostics(`a squiggle in the new ${rel}`, () => (squiggles(uriOf(rel)).length === 1 ? true : undefined));
  });

  it('forgets a file deleted on disk', async () => {
    await vscode.workspace.fs.delete(uriOf(rel));
    await untilDiagnostics(`no squiggles for the deleted ${rel}`, () => (squiggles(uriOf(rel)).length === 0 ? true : undefined));
  });
});
