/**
 * Rename everywhere keeps Go code building (issue 6): in a copy of the fixture module, a symbol is
 * renamed through the server (textDocument/rename, the editor's "rename everywhere"), the edit is
 * written to disk, and `go build`, `go vet` and `go test` must still pass after each rename, with
 * the planning package untouched. Renaming one occurrence of a struct field at a time would break
 * the build; every occurrence of the same legacy symbol (its uses, its json tag, the docs) must move
 * together.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertPlanningUntouched, buildVetTest, copyModule, read, removeCopies } from '../support/gomod';
import { applyEdits, Session, uriOf, type WorkspaceEdit } from './support/session';

/** Renames the legacy `text` on 0-based `line` of `rel` everywhere, through a server on `dir`; returns the files it changed. */
async function renameEverywhere(dir: string, rel: string, line: number, text: string): Promise<string[]> {
  const s = await Session.start({ root: dir, settings: { workspaceScan: true } });
  try {
    const uri = uriOf(dir, rel);
    const from = s.rpc.mark;
    s.open(uri, read(dir, rel), 'go');
    const p = await s.published(uri, { from });
    const d = p.diagnostics.find((x) => x.range.start.line === line && x.data?.text === text);
    assert.ok(d?.data?.replacement, `no fixable diagnostic for ${text} on ${rel}:${line + 1}`);
    const edit = await s.rpc.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: d.range.start, newName: d.data.replacement });
    const changed: string[] = [];
    for (const dc of edit.documentChanges ?? []) {
      const file = fileURLToPath(dc.textDocument.uri);
      fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), dc.edits));
      changed.push(file.slice(dir.length + 1));
    }
    return changed.sort();
  } finally {
    await s.stop();
  }
}

describe('rename everywhere in a Go module', () => {
  after(removeCopies);
  const dir = copyModule();

  it('renames the Conversation.RunID field with its uses, tag and docs, and the module still builds', async () => {
    const changed = await renameEverywhere(dir, 'pkg/webchat/conversation.go', 6, 'RunID');
    assert.ok(changed.length >= 2, `the field's uses are in other files too: ${changed.join(', ')}`);
    assert.match(read(dir, 'pkg/webchat/conversation.go'), /SessionID string `json:"session_id"`/);
    buildVetTest(dir);
    assertPlanningUntouched(dir);
  });

  it('renames startRunForPrompt (a table rename), and the module still builds', async () => {
    await renameEverywhere(dir, 'pkg/webchat/router.go', 40, 'startRunForPrompt');
    assert.match(read(dir, 'pkg/webchat/router.go'), /func startInferenceForPrompt\(/);
    assert.doesNotMatch(read(dir, 'pkg/webchat/router.go'), /startRunForPrompt/);
    buildVetTest(dir);
  });

  it('renames the DistinctRuns method with its test, and the module still builds', async () => {
    const changed = await renameEverywhere(dir, 'pkg/turns/store.go', 42, 'DistinctRuns');
    assert.ok(changed.includes('pkg/turns/store_test.go'), `the test calls it too: ${changed.join(', ')}`);
    assert.match(read(dir, 'pkg/turns/store.go'), /func \(s \*Store\) DistinctSessions\(\)/);
    buildVetTest(dir);
    assertPlanningUntouched(dir);
  });
});
