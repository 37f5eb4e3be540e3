/** Rename everywhere: one previewed edit over Go, SQL and Markdown, never the planning domain. */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { GO_CONVERSATION, GO_HANDLER, MARKDOWN_DOC, SQL_SCHEMA } from './support/fixtures';
import { applyEdits, makeWorkspace, Session, uriOf, type Diagnostic, type WorkspaceEdit } from './support/session';

const FILES = { 'pkg/webchat/conversation.go': GO_CONVERSATION, 'pkg/webchat/handler.go': GO_HANDLER, 'db/schema.sql': SQL_SCHEMA, 'docs/turns.md': MARKDOWN_DOC };

const EXPECTED: Record<string, string> = {
  'pkg/webchat/conversation.go': GO_CONVERSATION.replace(/RunID/g, 'SessionID').replace(/run_id/g, 'session_id'),
  // prevRunID is another name (key prev_run_id); the planning run's RunID stays.
  'pkg/webchat/handler.go': GO_HANDLER.replace('prevRunID := c.RunID', 'prevRunID := c.SessionID'),
  // The migration statement keeps naming the old column.
  'db/schema.sql': SQL_SCHEMA.replace('  run_id TEXT NOT NULL', '  session_id TEXT NOT NULL'),
  'docs/turns.md': MARKDOWN_DOC.replace('its `run_id`', 'its `session_id`'),
};

function applyWorkspaceEdit(root: string, edit: WorkspaceEdit): Record<string, string> {
  const out: Record<string, string> = { ...FILES };
  for (const dc of edit.documentChanges ?? []) {
    const rel = Object.keys(FILES).find((r) => uriOf(root, r) === dc.textDocument.uri);
    assert.ok(rel, `edit for an unexpected file ${dc.textDocument.uri}`);
    out[rel] = applyEdits(FILES[rel as keyof typeof FILES], dc.edits);
  }
  return out;
}

describe('rename everywhere', () => {
  let s: Session;
  let root: string;
  let field: Diagnostic;
  const goUri = (): string => uriOf(root, 'pkg/webchat/conversation.go');
  before(async () => {
    root = makeWorkspace(FILES);
    s = await Session.start({ root, resolve: true, settings: { workspaceScan: true } });
    const from = s.rpc.mark;
    s.open(goUri(), GO_CONVERSATION, 'go');
    const p = await s.published(goUri(), { from });
    field = p.diagnostics.find((d) => d.range.start.line === 5 && d.data?.text === 'RunID')!;
    assert.ok(field);
  });
  after(() => s.stop());

  it('answers prepareRename on a legacy finding with the replacement as placeholder', async () => {
    const r = await s.rpc.request<{ range: Diagnostic['range']; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: goUri() }, position: { line: 5, character: 3 } });
    assert.deepEqual(r, { range: field.range, placeholder: 'SessionID' });
    const none = await s.rpc.request('textDocument/prepareRename', { textDocument: { uri: goUri() }, position: { line: 4, character: 2 } });
    assert.equal(none, null);
  });

  it('renames every occurrence of the same legacy symbol across Go, SQL and Markdown', async () => {
    const edit = await s.rpc.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: goUri() }, position: { line: 5, character: 3 }, newName: 'SessionID' });
    const files = new Set(edit.documentChanges!.map((dc) => dc.textDocument.uri));
    assert.equal(files.size, 4);
    assert.deepEqual(applyWorkspaceEdit(root, edit), EXPECTED);
    for (const dc of edit.documentChanges!) for (const e of dc.edits) assert.equal(edit.changeAnnotations?.[e.annotationId!]?.needsConfirmation, true);
    assert.equal(edit.documentChanges!.find((dc) => dc.textDocument.uri === goUri())!.textDocument.version, 1);
  });

  it('is offered as a refactor.rewrite code action, resolved to the same edit', async () => {
    const actions = await s.rpc.request<Array<{ title: string; kind: string; edit?: WorkspaceEdit; data?: unknown }>>('textDocument/codeAction', {
      textDocument: { uri: goUri() },
      range: field.range,
      context: { diagnostics: [field], only: ['refactor'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'refactor.rewrite');
    assert.equal(actions[0].edit, undefined, 'resolved lazily');
    const resolved = await s.rpc.request<{ edit: WorkspaceEdit }>('codeAction/resolve', actions[0]);
    assert.deepEqual(applyWorkspaceEdit(root, resolved.edit), EXPECTED);
  });

  it('refuses another new name with a message', async () => {
    const res = await s.rpc.requestRaw('textDocument/rename', { textDocument: { uri: goUri() }, position: { line: 5, character: 3 }, newName: 'ConversationID' });
    assert.match(res.error?.message ?? '', /SessionID/);
  });
});
