/**
 * A file deleted on disk while an editor still holds its document (VS Code keeps a closed
 * editor's document for a while, and then sends no didClose before the delete): its diagnostics
 * go (push: published empty; pull: refreshed, pulled empty) and no workspace edit targets it,
 * which would write the file again. Created again, it is checked again.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GO_CONVERSATION, GO_HANDLER } from './support/fixtures';
import { makeWorkspace, Session, uriOf, type Diagnostic, type WorkspaceEdit } from './support/session';

const PROBE = 'package webchat\n\nfunc probe(c *Conversation) string { return c.RunID }\n';
const DELETED = 3;
const CREATED = 1;

const targets = (edit: WorkspaceEdit | null): string[] => (edit?.documentChanges ?? []).map((dc) => dc.textDocument.uri).sort();
const legacy = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'LEGACY_SESSION_ALIAS');

describe('a file deleted on disk while its document is open', () => {
  it('push: its diagnostics are published empty and workspace edits leave it out', async () => {
    const root = makeWorkspace({ 'pkg/webchat/conversation.go': GO_CONVERSATION, 'pkg/webchat/probe.go': PROBE });
    const s = await Session.start({ root, settings: { workspaceScan: true } });
    try {
      const probe = uriOf(root, 'pkg/webchat/probe.go');
      const conv = uriOf(root, 'pkg/webchat/conversation.go');
      let from = s.rpc.mark;
      s.open(probe, PROBE, 'go');
      assert.equal(legacy((await s.published(probe, { from, match: (p) => p.version === 1 })).diagnostics).length, 1);
      await s.rpc.request('termshift/scanWorkspace');
      assert.ok(targets(await s.rpc.request<WorkspaceEdit | null>('termshift/fixAllInWorkspace')).includes(probe));

      from = s.rpc.mark;
      fs.rmSync(path.join(root, 'pkg/webchat/probe.go'));
      s.rpc.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: probe, type: DELETED }] });
      const cleared = await s.published(probe, { from });
      assert.deepEqual(cleared.diagnostics, []);

      assert.deepEqual(targets(await s.rpc.request<WorkspaceEdit | null>('termshift/fixAllInWorkspace')), [conv]);
      s.open(conv, GO_CONVERSATION, 'go');
      const at = { line: 5, character: 2 }; // RunID of Conversation
      const renamed = await s.rpc.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: conv }, position: at, newName: 'SessionID' });
      assert.deepEqual(targets(renamed), [conv]);

      // Written again: checked again.
      from = s.rpc.mark;
      fs.writeFileSync(path.join(root, 'pkg/webchat/probe.go'), PROBE);
      s.rpc.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: probe, type: CREATED }] });
      const back = await s.published(probe, { from, match: (p) => p.diagnostics.length > 0 });
      assert.equal(legacy(back.diagnostics).length, 1);
    } finally {
      await s.stop();
    }
  });

  it('pull: the client is asked to pull again, and the document and workspace reports are empty for it', async () => {
    const root = makeWorkspace({ 'pkg/webchat/handler.go': GO_HANDLER, 'pkg/webchat/probe.go': PROBE });
    const s = await Session.start({ root, pull: true, settings: { workspaceScan: true } });
    try {
      const probe = uriOf(root, 'pkg/webchat/probe.go');
      s.open(probe, PROBE, 'go');
      const first = await s.rpc.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: probe } });
      assert.equal(legacy(first.items).length, 1);

      const from = s.rpc.mark;
      fs.rmSync(path.join(root, 'pkg/webchat/probe.go'));
      s.rpc.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: probe, type: DELETED }] });
      await s.rpc.waitFor((m) => m.method === 'workspace/diagnostic/refresh', { from, what: 'workspace/diagnostic/refresh' });
      const after = await s.rpc.request<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: probe } });
      assert.deepEqual(after, { kind: 'full', resultId: (after as { resultId?: string }).resultId, items: [] });
      const ws = await s.rpc.request<{ items: Array<{ uri: string; kind: string; items?: Diagnostic[] }> }>('workspace/diagnostic', { previousResultIds: [] });
      for (const item of ws.items.filter((i) => i.uri === probe)) assert.deepEqual(item.items, [], 'the workspace report clears it');
    } finally {
      await s.stop();
    }
  });
});
