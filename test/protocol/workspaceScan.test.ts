/** The workspace scan: progress, exclusions, file watching, cancellation, the status count. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Message } from './support/client';
import { GO_CONVERSATION, MARKDOWN_DOC } from './support/fixtures';
import { makeWorkspace, Session, uriOf, type PublishParams } from './support/session';

const isProgress = (kind: string) => (m: Message): boolean => m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === kind;
const published = (msgs: Message[]): Map<string, PublishParams> => {
  const out = new Map<string, PublishParams>();
  for (const m of msgs) if (m.method === 'textDocument/publishDiagnostics') out.set((m.params as PublishParams).uri, m.params as PublishParams);
  return out;
};

describe('workspace scan', () => {
  it('reports unopened files with progress, honouring .gitignore, files.exclude, termshift.exclude and the rules excludes', async () => {
    const root = makeWorkspace({
      'pkg/webchat/conversation.go': GO_CONVERSATION,
      'docs/turns.md': MARKDOWN_DOC,
      '.gitignore': 'ignored/\n',
      'ignored/a.go': 'package a\nvar runID = 1\n',
      'build/b.go': 'package b\nvar runID = 1\n',
      'gen/c.go': 'package c\nvar runID = 1\n',
      'third_party/d.go': 'package d\nvar runID = 1\n',
      'node_modules/x/e.go': 'package e\nvar runID = 1\n',
      'notes.txt': 'the run_id of the session\n',
      'termshift.json': JSON.stringify({ extends: 'builtin:run-to-session', exclude: ['gen/'], rules: [] }),
    });
    const s = await Session.start({ root, settings: { workspaceScan: true, exclude: ['third_party/**'] }, filesExclude: { '**/build': true } });
    try {
      const begin = await s.rpc.waitFor(isProgress('begin'), { what: 'progress begin' });
      const token = (begin.params as { token: unknown }).token;
      assert.ok(s.rpc.received.some((m) => m.method === 'window/workDoneProgress/create' && (m.params as { token: unknown }).token === token));
      const end = await s.rpc.waitFor((m) => isProgress('end')(m) && (m.params as { token: unknown }).token === token, { what: 'progress end' });
      const seen = published(s.rpc.received.slice(0, s.rpc.received.indexOf(end)));
      assert.deepEqual([...seen.keys()].sort(), [uriOf(root, 'docs/turns.md'), uriOf(root, 'pkg/webchat/conversation.go')].sort());
      const go = seen.get(uriOf(root, 'pkg/webchat/conversation.go'))!;
      assert.ok(go.diagnostics.filter((d) => d.code === 'LEGACY_SESSION_ALIAS').length >= 3);
      assert.equal(go.version, undefined, 'an unopened file has no version');
      const legacyTotal = [...seen.values()].reduce((n, p) => n + p.diagnostics.filter((d) => d.code === 'LEGACY_SESSION_ALIAS').length, 0);
      const status = await s.rpc.waitFor((m) => m.method === 'termshift/status' && (m.params as { legacy: number; scanning: boolean }).legacy === legacyTotal && !(m.params as { scanning: boolean }).scanning, { what: `status with ${legacyTotal} legacy findings` });
      assert.equal((status.params as { files: number }).files, 2);

      // File watching keeps it current: a new file appears, a deleted one disappears.
      let from = s.rpc.mark;
      fs.writeFileSync(path.join(root, 'pkg/new.go'), 'package pkg\n\nvar sessionRunID, runID = "x", "y"\n');
      s.rpc.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'pkg/new.go'), type: 1 }] });
      const added = await s.published(uriOf(root, 'pkg/new.go'), { from });
      assert.equal(added.diagnostics.length, 2);
      from = s.rpc.mark;
      fs.rmSync(path.join(root, 'docs/turns.md'));
      s.rpc.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'docs/turns.md'), type: 3 }] });
      const removed = await s.published(uriOf(root, 'docs/turns.md'), { from });
      assert.deepEqual(removed.diagnostics, []);
      // The status count follows.
      const n = added.diagnostics.length + go.diagnostics.filter((d) => d.code === 'LEGACY_SESSION_ALIAS').length;
      await s.rpc.waitFor((m) => m.method === 'termshift/status' && (m.params as { legacy: number }).legacy === n, { from, what: `status with ${n}` });
      // The report (termshift: Show Report) counts the same.
      const report = await s.rpc.request<{ legacy: number; files: Array<{ uri: string; legacy: number }>; folders: Array<{ rules: string }> }>('termshift/report');
      assert.equal(report.legacy, n);
      assert.deepEqual(report.files.map((f) => f.uri).sort(), [uriOf(root, 'pkg/new.go'), uriOf(root, 'pkg/webchat/conversation.go')].sort());
      assert.deepEqual(report.folders.map((f) => f.rules), ['file']);
    } finally {
      await s.stop();
    }
  });

  it('stops when the user cancels the progress, and scans on request', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`pkg/f${i}.go`] = `package pkg\n\nvar runID = ${i}\n`;
    const root = makeWorkspace(files);
    const s = await Session.start({ root, settings: { workspaceScan: true } });
    try {
      const begin = await s.rpc.waitFor(isProgress('begin'), { what: 'progress begin' });
      const token = (begin.params as { token: unknown }).token;
      s.rpc.notify('window/workDoneProgress/cancel', { token });
      const end = await s.rpc.waitFor(isProgress('end'), { what: 'progress end' });
      const before = published(s.rpc.received.slice(0, s.rpc.received.indexOf(end))).size;
      assert.ok(before < 400, `cancelled scan stopped early (${before} files)`);
      const summary = await s.rpc.request<{ files: number; cancelled: boolean }>('termshift/scanWorkspace');
      assert.deepEqual({ files: summary.files, cancelled: summary.cancelled }, { files: 400, cancelled: false });
      assert.equal(published(s.rpc.received).size, 400);
    } finally {
      await s.stop();
    }
  });
});
