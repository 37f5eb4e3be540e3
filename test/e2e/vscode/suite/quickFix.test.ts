import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureText, open, squiggles, untilSquiggles } from './helpers';

describe('quick fix', () => {
  it('replaces one occurrence, exactly, and its squiggle goes', async () => {
    const rel = 'pkg/webchat/send_queue.go';
    const doc = await open(rel);
    await untilSquiggles(doc.uri, ['6:RunID', '10:RunID'], doc);
    const target = squiggles(doc.uri).find((d) => d.range.start.line === 9)!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && a.title.includes('RunID'));
    const seen = actions.map((a) => ({ title: a.title, kind: a.kind?.value, edit: a.edit?.size, diagnostics: a.diagnostics?.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`) }));
    assert.ok(fix?.edit, `a quick fix with an edit for line 10 among ${JSON.stringify(seen)}`);
    assert.equal(fix.isPreferred, true);
    assert.match(fix.title, /SessionID/);

    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(doc.getText(), fixtureText(rel).replace('QueuedPrompt{Prompt: prompt, RunID: conv.ID}', 'QueuedPrompt{Prompt: prompt, SessionID: conv.ID}'));
    await untilSquiggles(doc.uri, ['6:RunID'], doc);
  });
});
