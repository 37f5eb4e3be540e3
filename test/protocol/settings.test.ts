/** Settings are read per resource and take effect on workspace/didChangeConfiguration, no restart. */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { GO_CONVERSATION } from './support/fixtures';
import { makeWorkspace, Session, uriOf, type PublishParams } from './support/session';

describe('settings', () => {
  let s: Session;
  let root: string;
  let uri: string;
  before(async () => {
    root = makeWorkspace({});
    s = await Session.start({ root });
    uri = uriOf(root, 'conversation.go');
    const from = s.rpc.mark;
    s.open(uri, GO_CONVERSATION, 'go');
    await s.published(uri, { from });
  });
  after(() => s.stop());

  async function reconfigure(settings: Record<string, unknown>): Promise<PublishParams> {
    s.settings = { workspaceScan: false, ...settings };
    const from = s.rpc.mark;
    s.rpc.notify('workspace/didChangeConfiguration', { settings: null });
    // The server pulls the new values (workspace/configuration) and re-publishes.
    await s.rpc.waitFor((m) => m.method === 'workspace/configuration', { from, what: 'configuration request' });
    return s.published(uri, { from });
  }

  it('applies severity overrides by category', async () => {
    const p = await reconfigure({ severityOverrides: { LEGACY_SESSION_ALIAS: 'error' } });
    assert.ok(p.diagnostics.length >= 3);
    assert.ok(p.diagnostics.every((d) => d.severity === 1));
  });

  it('shows correct usages as hints only when asked', async () => {
    const p = await reconfigure({ showCorrectUsages: true });
    const hints = p.diagnostics.filter((d) => d.severity === 4);
    assert.ok(hints.some((d) => d.code === 'PROCESS_VERB'), JSON.stringify(p.diagnostics.map((d) => d.code)));
  });

  it('excludes paths and can be switched off', async () => {
    assert.deepEqual((await reconfigure({ exclude: ['*.go'] })).diagnostics, []);
    assert.ok((await reconfigure({})).diagnostics.length >= 3);
    assert.deepEqual((await reconfigure({ enable: false })).diagnostics, []);
    assert.ok((await reconfigure({ enable: true })).diagnostics.length >= 3);
  });
});
