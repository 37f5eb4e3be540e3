import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeAllDiagnostics, open, termshiftDiagnostics, untilDiagnostics, untilSquiggles, uriOf } from './helpers';

const rulesUri = (): vscode.Uri => uriOf('termshift.json');

async function writeRules(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(rulesUri(), Buffer.from(text));
}

function rulesProblems(): vscode.Diagnostic[] | undefined {
  const ds = termshiftDiagnostics(rulesUri()).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
  return ds.length ? ds : undefined;
}

describe('the rules file termshift.json', () => {
  after(async () => {
    await vscode.workspace.fs.delete(rulesUri()).then(undefined, () => undefined);
  });

  it('reports a file that is not JSON on the file itself, and keeps checking with the built-in pack', async () => {
    const doc = await open('pkg/webchat/conversation.go');
    await untilSquiggles(doc.uri, ['8:RunID', '8:run_id', '14:RunID'], doc);

    await writeRules('{\n  "extends": "builtin:run-to-session",\n  "rules": [\n');
    const problems = await untilDiagnostics('an error on termshift.json', rulesProblems);
    assert.ok(problems[0].range.start.line <= 3, 'the problem points into the file');
    assert.match(problems[0].message, /JSON|parse|expected|unexpected|end/i);
    assert.equal(termshiftDiagnostics(doc.uri).length >= 3, true, 'the built-in pack still applies');
  });

  it('reports a file that does not match the schema, at the offending property', async () => {
    await writeRules('{\n  "extends": "builtin:run-to-session",\n  "rules": 42\n}\n');
    // The problem points at `"rules": 42` (line 3).
    const atRules = (): vscode.Diagnostic[] | undefined => {
      const ds = rulesProblems()?.filter((d) => d.range.start.line === 2);
      return ds?.length ? ds : undefined;
    };
    const problems = await untilDiagnostics('a schema error on line 3 of termshift.json', atRules, undefined, () => describeAllDiagnostics((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.match(problems[0].message, /rules|array|type/i);
  });

  it('clears the report when the file is fixed', async () => {
    await writeRules('{\n  "extends": "builtin:run-to-session",\n  "rules": []\n}\n');
    await untilDiagnostics('termshift.json without errors', () => (rulesProblems() ? undefined : true));
    const doc = await open('pkg/webchat/conversation.go');
    await untilSquiggles(doc.uri, ['8:RunID', '8:run_id', '14:RunID'], doc);
  });
});
