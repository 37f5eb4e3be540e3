/** Push and pull diagnostics, their shape, incremental sync, and stale versions. */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { GO_CONVERSATION } from './support/fixtures';
import { makeWorkspace, Session, uriOf, type Diagnostic } from './support/session';

const legacy = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'LEGACY_SESSION_ALIAS');

describe('diagnostics (push)', () => {
  let s: Session;
  let root: string;
  before(async () => {
    root = makeWorkspace({});
    s = await Session.start({ root });
  });
  after(() => s.stop());

  it('publishes diagnostics with source, code, docs link and the fix in data', async () => {
    const uri = uriOf(root, 'conversation.go');
    const from = s.rpc.mark;
    s.open(uri, GO_CONVERSATION, 'go');
    const p = await s.published(uri, { from });
    assert.equal(p.version, 1);
    const ds = legacy(p.diagnostics);
    assert.ok(ds.length >= 3, `expected legacy findings, got ${JSON.stringify(p.diagnostics)}`);
    const field = ds.find((d) => d.range.start.line === 5 && d.range.start.character === 1);
    assert.ok(field, 'the RunID field is flagged');
    assert.equal(field.source, 'termshift');
    assert.equal(field.severity, 2);
    assert.match(field.codeDescription?.href ?? '', /^https:\/\//);
    assert.deepEqual(field.data, { text: 'RunID', replacement: 'SessionID', version: 1 });
    // Correct usages (the process verb RunLoop) are hints: not shown unless the setting asks.
    assert.ok(p.diagnostics.every((d) => d.severity !== 4));
  });

  it('follows incremental changes with positions of the new version', async () => {
    const uri = uriOf(root, 'incremental.go');
    let from = s.rpc.mark;
    s.open(uri, 'package a\n\nvar x = 1\n', 'go');
    const first = await s.published(uri, { from });
    assert.deepEqual(first.diagnostics, []);
    from = s.rpc.mark;
    // Insert after a tab and an astral character: columns are UTF-16 code units.
    const v = s.change(uri, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, newText: '\n\t// 😀 the runID of the session' }]);
    const p = await s.published(uri, { from, match: (x) => x.version === v });
    const d = legacy(p.diagnostics);
    assert.equal(d.length, 1);
    // tab (1) + "// " (3) + 😀 (2 UTF-16 units) + " the " (5) = 11
    assert.deepEqual(d[0].range, { start: { line: 3, character: 11 }, end: { line: 3, character: 16 } });
    assert.equal(s.text(uri).split('\n')[3].slice(11, 16), 'runID');
  });

  it('drops a result computed for a version that moved on (stale version)', async () => {
    // The first check of a new URI waits for its settings (a round trip to the client); the change
    // sent right behind the open arrives meanwhile, so the result for version 1 is stale.
    const uri = uriOf(root, 'stale.go');
    const from = s.rpc.mark;
    s.open(uri, 'package a\n\nvar runID = 1\n', 'go');
    const v = s.change(uri, [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } }, newText: 'sessionID' }]);
    const p = await s.published(uri, { from, match: (x) => x.version === v });
    assert.deepEqual(p.diagnostics, []);
    const versions = s.rpc.received.slice(from).filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri).map((m) => (m.params as { version: number }).version);
    assert.deepEqual(versions, [v]);
  });

  it('publishes nothing for a change that moves no finding, and the next that moves one', async () => {
    const uri = uriOf(root, 'quiet.go');
    let from = s.rpc.mark;
    s.open(uri, GO_CONVERSATION, 'go');
    const first = await s.published(uri, { from });
    // A letter typed into a line with no finding: the diagnostics the client has are still right.
    from = s.rpc.mark;
    s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '// x\n' }]);
    const typed = s.change(uri, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, newText: 'y' }]);
    const moved = await s.published(uri, { from, match: (x) => x.version === typed - 1 });
    assert.equal(moved.diagnostics.length, first.diagnostics.length);
    // Hover answers once the change is checked: by then a publish would have been sent.
    await s.rpc.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const versions = (): number[] => s.rpc.received.slice(from).filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri).map((m) => (m.params as { version: number }).version);
    assert.deepEqual(versions(), [typed - 1]);
    // Removing the line again moves every finding back up: published.
    const back = s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' }]);
    const again = await s.published(uri, { from, match: (x) => x.version === back });
    assert.deepEqual(again.diagnostics.map((d) => d.range), first.diagnostics.map((d) => d.range));
  });

  it('handles CRLF and a BOM', async () => {
    const uri = uriOf(root, 'crlf.go');
    const from = s.rpc.mark;
    s.open(uri, '\uFEFFpackage a\r\n\r\nvar runID = "x"\r\n', 'go');
    const p = await s.published(uri, { from });
    const d = legacy(p.diagnostics);
    assert.equal(d.length, 1);
    assert.deepEqual(d[0].range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
  });
});

describe('diagnostics (pull)', () => {
  let s: Session;
  let root: string;
  before(async () => {
    root = makeWorkspace({});
    s = await Session.start({ root, pull: true });
  });
  after(() => s.stop());

  it('answers textDocument/diagnostic and does not push', async () => {
    const uri = uriOf(root, 'conversation.go');
    const from = s.rpc.mark;
    s.open(uri, GO_CONVERSATION, 'go');
    const report = await s.rpc.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(legacy(report.items).length >= 3);
    const again = await s.rpc.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
    s.change(uri, [{ range: { start: { line: 5, character: 1 }, end: { line: 5, character: 6 } }, newText: 'SessionID' }]);
    const changed = await s.rpc.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.equal(changed.kind, 'full');
    assert.equal(legacy(changed.items).length, legacy(report.items).length - 1);
    assert.ok(!s.rpc.received.slice(from).some((m) => m.method === 'textDocument/publishDiagnostics'));
  });
});

describe('diagnostics (pull): a change that moves no finding', () => {
  it('is answered "unchanged", and a quick fix from the kept diagnostics still applies', async () => {
    const root = makeWorkspace({});
    const s = await Session.start({ root, pull: true });
    try {
      const uri = uriOf(root, 'kept.go');
      s.open(uri, GO_CONVERSATION, 'go');
      type Report = { kind: string; resultId: string; items?: Diagnostic[] };
      const pull = (previousResultId?: string): Promise<Report> => s.rpc.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
      const first = await pull();
      const field = legacy(first.items!).find((d) => d.range.start.line === 5);
      assert.deepEqual(field?.data, { text: 'RunID', replacement: 'SessionID', version: 1 });
      // Typing in the comment on line 2 moves nothing: the client keeps what it has.
      s.change(uri, [{ range: { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }, newText: 'x' }]);
      assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
      // Its kept diagnostic (computed for version 1) fixes version 2, versioned as version 2.
      type Action = { edit?: { documentChanges?: Array<{ textDocument: { version: number }; edits: unknown[] }> } };
      const actions = await s.rpc.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: field!.range, context: { diagnostics: [field], only: ['quickfix'] } });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].edit?.documentChanges?.[0].textDocument.version, 2);
      // A line inserted above moves every finding: a full report, for the new version.
      s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '// moved\n' }]);
      const moved = await pull(first.resultId);
      assert.equal(moved.kind, 'full');
      assert.notEqual(moved.resultId, first.resultId);
      assert.ok(legacy(moved.items!).every((d) => (d.data as { version: number }).version === 3));
      // The diagnostic from before the move is stale now: no edit.
      const stale = await s.rpc.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: field!.range, context: { diagnostics: [field], only: ['quickfix'] } });
      assert.deepEqual(stale, []);
    } finally {
      await s.stop();
    }
  });
});

describe('workspace diagnostics (pull)', () => {
  it('answers workspace/diagnostic with unopened files, then "unchanged" for the same result ids', async () => {
    const root = makeWorkspace({ 'db/schema.sql': 'CREATE TABLE t (\n  run_id TEXT\n);\n', 'clean.go': 'package a\n' });
    const s = await Session.start({ root, pull: true, settings: { workspaceScan: true } });
    try {
      await s.rpc.waitFor((m) => m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === 'end', { what: 'scan end' });
      type Report = { items: Array<{ uri: string; kind: string; resultId: string; version: number | null; items?: Diagnostic[] }> };
      const first = await s.rpc.request<Report>('workspace/diagnostic', { previousResultIds: [] });
      assert.deepEqual(first.items.map((i) => [i.uri, i.kind, i.version, i.items?.map((d) => d.data?.text)]), [[uriOf(root, 'db/schema.sql'), 'full', null, ['run_id']]]);
      const again = await s.rpc.request<Report>('workspace/diagnostic', { previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId })) });
      assert.deepEqual(again.items.map((i) => i.kind), ['unchanged']);
    } finally {
      await s.stop();
    }
  });
});

describe('termshift lsp --stdio', () => {
  it('serves the same protocol from the command line', async () => {
    const root = makeWorkspace({});
    const s = await Session.start({ root, viaCli: true });
    try {
      const uri = uriOf(root, 'a.sql');
      s.open(uri, 'CREATE TABLE t (run_id TEXT);\n', 'sql');
      const p = await s.published(uri);
      assert.deepEqual(p.diagnostics.map((d) => [d.data?.text, d.data?.replacement]), [['run_id', 'session_id']]);
    } finally {
      await s.stop();
    }
  });
});
