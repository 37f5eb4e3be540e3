import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, positionOf, untilSquiggles } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('hover', () => {
  it('explains a finding: why, what to use, which batch of the plan', async () => {
    const doc = await open('pkg/webchat/conversation.go');
    await untilSquiggles(doc.uri, ['8:RunID', '8:run_id', '14:RunID'], doc);
    const at = positionOf(doc, 'RunID     string', 'RunID').translate(0, 2);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
    assert.match(text, /legacy/i);
    assert.match(text, /`SessionID`/);
    assert.match(text, /batch\W*1\b/i);
  });

  it('says nothing termshift-specific on a planning-domain RunID', async () => {
    const doc = await open('pkg/webchat/planning.go');
    await untilSquiggles(doc.uri, ['30:RunID'], doc);
    const at = positionOf(doc, 'agg := planning[ev.RunID]', 'RunID');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
    assert.doesNotMatch(text, /termshift/i);
  });
});
