/** Hover on a finding: why, what to use, which batch of the plan. */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { GO_CONVERSATION, SQL_SCHEMA } from './support/fixtures';
import { makeWorkspace, Session, uriOf } from './support/session';

describe('hover', () => {
  let s: Session;
  let root: string;
  before(async () => {
    root = makeWorkspace({});
    s = await Session.start({ root });
  });
  after(() => s.stop());

  it('explains a legacy finding: why, what to use, the batch and the rule docs', async () => {
    const uri = uriOf(root, 'c.go');
    const from = s.rpc.mark;
    s.open(uri, GO_CONVERSATION, 'go');
    await s.published(uri, { from });
    const h = await s.rpc.request<{ range: unknown; contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 2 } });
    assert.equal(h.contents.kind, 'markdown');
    assert.deepEqual(h.range, { start: { line: 5, character: 1 }, end: { line: 5, character: 6 } });
    assert.match(h.contents.value, /LEGACY_SESSION_ALIAS/);
    assert.match(h.contents.value, /\*\*Use:\*\* `SessionID`/);
    assert.match(h.contents.value, /\*\*Plan batch:\*\* 1/);
    assert.match(h.contents.value, /\]\(https:\/\/[^)]+\)/);
  });

  it('shows the SQL batch on a column and nothing off a finding', async () => {
    const uri = uriOf(root, 's.sql');
    const from = s.rpc.mark;
    s.open(uri, SQL_SCHEMA, 'sql');
    await s.published(uri, { from });
    const h = await s.rpc.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.match(h.contents.value, /\*\*Use:\*\* `session_id`/);
    assert.match(h.contents.value, /\*\*Plan batch:\*\* 2/);
    assert.equal(await s.rpc.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }), null);
    // The migration statement is a correct usage (a hint): not shown, so no hover either.
    assert.equal(await s.rpc.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 34 } }), null);
  });
});
