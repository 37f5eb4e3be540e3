/**
 * Neovim 0.7 drops `version: null` from a diagnostic's data. A scan diagnostic (of a file that
 * was not open) without `version` still gets its quick fix once the file is opened.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { GO_CONVERSATION } from './support/fixtures';
import { makeWorkspace, Session, uriOf, type Diagnostic, type WorkspaceEdit } from './support/session';

describe('a diagnostic whose data has no version', () => {
  it('gets a quick fix, as one with version null does', async () => {
    const root = makeWorkspace({ 'pkg/webchat/conversation.go': GO_CONVERSATION });
    const s = await Session.start({ root, settings: { workspaceScan: true } });
    try {
      const uri = uriOf(root, 'pkg/webchat/conversation.go');
      const scanned = await s.published(uri, { match: (p) => p.diagnostics.length > 0 });
      const d = scanned.diagnostics.find((x) => x.data?.text === 'RunID' && x.range.start.line === 5);
      assert.ok(d?.data, JSON.stringify(scanned.diagnostics));
      assert.equal(d.data.version, null);
      const { version: _dropped, ...data } = d.data;
      const asNeovimSendsIt: Diagnostic = { ...d, data: data as Diagnostic['data'] };

      s.open(uri, GO_CONVERSATION, 'go');
      const actions = await s.rpc.request<Array<{ kind: string; edit?: WorkspaceEdit }>>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [asNeovimSendsIt], only: ['quickfix'] },
      });
      assert.equal(actions.length, 1, JSON.stringify(actions));
      assert.deepEqual(actions[0].edit?.documentChanges?.[0].edits, [{ range: d.range, newText: 'SessionID' }]);
    } finally {
      await s.stop();
    }
  });
});
