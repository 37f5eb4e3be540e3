/** termshift.json: a malformed file is reported on itself while the built-in pack keeps working. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { makeWorkspace, Session, uriOf } from './support/session';

const GO = 'package a\n\nvar runID = 1\n';

describe('rules file', () => {
  it('reports a malformed rules file on the file and keeps checking with the built-in rules', async () => {
    const root = makeWorkspace({ 'termshift.json': '{\n  "rules": [\n    { "id": "x", "legacy": ["run", "id"], "preferred": ["session", "id"], "colour": "red" }\n  ]\n}\n' });
    const s = await Session.start({ root });
    try {
      const rulesUri = uriOf(root, 'termshift.json');
      const bad = await s.published(rulesUri);
      assert.equal(bad.diagnostics.length, 1);
      assert.equal(bad.diagnostics[0].severity, 1);
      assert.match(bad.diagnostics[0].message, /colour/);
      assert.equal(bad.diagnostics[0].range.start.line, 2, 'points at the offending rule');
      const uri = uriOf(root, 'a.go');
      let from = s.rpc.mark;
      s.open(uri, GO, 'go');
      const p = await s.published(uri, { from });
      assert.equal(p.diagnostics.length, 1, 'the built-in pack still applies');
      assert.equal(p.diagnostics[0].code, 'LEGACY_SESSION_ALIAS');
      assert.match(p.diagnostics[0].codeDescription?.href ?? '', /run-to-session/, 'the built-in rule documents it');

      // Fixed on disk: the problem goes, and the file's own rules apply (here: error severity).
      from = s.rpc.mark;
      fs.writeFileSync(path.join(root, 'termshift.json'), JSON.stringify({ extends: 'builtin:run-to-session', rules: [{ id: 'run-to-session', legacy: ['run', 'id'], preferred: ['session', 'id'], category: 'LEGACY_SESSION_ALIAS', severity: 'error' }] }));
      s.rpc.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rulesUri, type: 2 }] });
      assert.deepEqual((await s.published(rulesUri, { from })).diagnostics, []);
      const again = await s.published(uri, { from });
      assert.equal(again.diagnostics[0].severity, 1);
    } finally {
      await s.stop();
    }
  });

  it('reports invalid JSON while the rules file is edited', async () => {
    const root = makeWorkspace({});
    const s = await Session.start({ root });
    try {
      const rulesUri = uriOf(root, 'termshift.json');
      s.open(rulesUri, '{ "rules": [ }', 'json');
      const p = await s.published(rulesUri);
      assert.ok(p.diagnostics.length >= 1);
      assert.match(p.diagnostics[0].message, /not valid JSON/);
    } finally {
      await s.stop();
    }
  });

  it('ignores the rules file in an untrusted workspace', async () => {
    const root = makeWorkspace({ 'termshift.json': JSON.stringify({ rules: [{ id: 'other', legacy: ['foo'], preferred: ['bar'] }] }) });
    const s = await Session.start({ root, trusted: false });
    try {
      const uri = uriOf(root, 'a.go');
      s.open(uri, GO + 'var foo = 2\n', 'go');
      const p = await s.published(uri);
      assert.deepEqual(p.diagnostics.map((d) => d.data?.text), ['runID']);
    } finally {
      await s.stop();
    }
  });
});
