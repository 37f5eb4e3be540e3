/**
 * termshift.enable switched off and on clears and restores the diagnostics of OPEN documents
 * too, with pull diagnostics: a pull while the new settings are still being read must wait for
 * them (not answer with the old findings), and the refresh request comes once they apply.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { GO_CONVERSATION } from './support/fixtures';
import { makeWorkspace, Session, uriOf, type Diagnostic } from './support/session';

interface FullReport {
  kind: 'full' | 'unchanged';
  items?: Diagnostic[];
}

describe('termshift.enable with pull diagnostics (open documents)', () => {
  let s: Session;
  let uri: string;
  /** Holds the answers to workspace/configuration until released, as a busy editor may. */
  let gate: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;

  before(async () => {
    const root = makeWorkspace({ 'pkg/webchat/conversation.go': GO_CONVERSATION });
    s = await Session.start({ root, pull: true });
    uri = uriOf(root, 'pkg/webchat/conversation.go');
    s.rpc.handle('workspace/configuration', async (p) => {
      await gate;
      return (p as { items: Array<{ section?: string }> }).items.map((i) => (i.section === 'termshift' ? s.settings : i.section === 'files.exclude' ? {} : null));
    });
    s.open(uri, GO_CONVERSATION, 'go');
  });
  after(() => s.stop());

  const pull = (): Promise<FullReport> => s.rpc.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });

  /** Changes the settings; the pull is sent while the server waits for the new values. */
  async function switchTo(enable: boolean): Promise<FullReport> {
    gate = new Promise((resolve) => (release = resolve));
    s.settings = { workspaceScan: false, enable };
    const from = s.rpc.mark;
    s.rpc.notify('workspace/didChangeConfiguration', { settings: null });
    // The document's own settings are being read: the old answer would be stale now.
    await s.rpc.waitFor((m) => m.method === 'workspace/configuration' && (m.params as { items: Array<{ scopeUri?: string }> }).items.some((i) => i.scopeUri === uri), { from, what: 'the document settings request' });
    const report = pull();
    release();
    await s.rpc.waitFor((m) => m.method === 'workspace/diagnostic/refresh', { from, what: 'workspace/diagnostic/refresh' });
    return report;
  }

  it('a pull during the change answers for the new settings, and a refresh follows', async () => {
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok((first.items ?? []).length >= 3, JSON.stringify(first));

    const off = await switchTo(false);
    assert.equal(off.kind, 'full');
    assert.deepEqual(off.items, []);
    // Pulled again after the refresh: still empty.
    const again = await pull();
    assert.deepEqual(again.kind === 'full' ? again.items : [], []);

    const on = await switchTo(true);
    assert.equal(on.kind, 'full');
    assert.ok((on.items ?? []).length >= 3, JSON.stringify(on));
  });
});
