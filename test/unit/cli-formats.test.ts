/** check --format sarif|github|json, --fail-on: on a real tree, through the real command line. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { cli, tree } from '../support/cli';
import { escapeData, escapeProperty } from '../../server/src/cli/github';

const SCHEMA = path.resolve(__dirname, '../../../schemas/sarif-2.1.0.json');

const GO = [
  'package chat',
  '',
  'type Conversation struct {',
  '\tRunID string `json:"run_id"`',
  '}',
  '',
  '// 😀 the conv.RunID is kept',
  'func id(conv *Conversation) string { return conv.RunID }',
  '',
].join('\n');

function sample(): string {
  return tree({ 'chat/conversation.go': GO, 'odd%,:name.go': 'package chat\n\nvar runID = conv.RunID\n' });
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
  fixes?: { artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: { startLine: number; startColumn: number; endColumn: number }; insertedContent: { text: string } }[] }[] }[];
  partialFingerprints?: Record<string, string>;
}

test('SARIF output validates against the SARIF 2.1.0 schema and carries rules, locations and fixes', async () => {
  const root = sample();
  const r = await cli(root, 'check', '--format', 'sarif');
  assert.equal(r.code, 1, r.err);
  const data: unknown = JSON.parse(r.out);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
  const log = data as { version: string; runs: { columnKind: string; tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } }; results: SarifResult[] }[] };

  // The validator is not a rubber stamp: a 0 line number or a made-up level is rejected.
  const broken = JSON.parse(r.out) as { runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(broken), false);
  broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 1;
  broken.runs[0].results[0].level = 'severe';
  assert.equal(validate(broken), false);

  const run = log.runs[0];
  assert.equal(log.version, '2.1.0');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.tool.driver.name, 'termshift');
  const rule = run.tool.driver.rules[0];
  assert.equal(rule.id, 'run-to-session/LEGACY_SESSION_ALIAS');
  assert.match(rule.helpUri, /^https:\/\//);
  assert.ok(rule.shortDescription.text.length > 0);

  const results = run.results as SarifResult[];
  const inConv = results.filter((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'chat/conversation.go');
  // RunID (4:2), the tag's run_id (4:22), conv.RunID in the comment after an astral emoji, and in code.
  const starts = inConv.map((x) => `${x.locations[0].physicalLocation.region.startLine}:${x.locations[0].physicalLocation.region.startColumn}`);
  assert.ok(starts.includes('4:2') && starts.includes('4:22'), starts.join(' '));
  const field = inConv.find((x) => x.locations[0].physicalLocation.region.startColumn === 2)!;
  assert.equal(field.level, 'warning');
  assert.equal(field.locations[0].physicalLocation.region.endColumn, 7);
  assert.equal(field.ruleIndex, 0);
  assert.ok(field.partialFingerprints?.['termshift/v1']);
  const change = field.fixes![0].artifactChanges[0];
  assert.equal(change.artifactLocation.uri, 'chat/conversation.go');
  assert.deepEqual(change.replacements[0].insertedContent, { text: 'SessionID' });
  assert.equal(change.replacements[0].deletedRegion.startColumn, 2);
  // Line 7: "// 😀 the conv.RunID": the emoji is two UTF-16 code units, so RunID starts at column 16.
  const comment = inConv.find((x) => x.locations[0].physicalLocation.region.startLine === 7);
  assert.equal(comment?.locations[0].physicalLocation.region.startColumn, 16);
  // A file name that needs percent-encoding in a URI.
  assert.ok(results.some((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'odd%25%2C%3Aname.go'));
});

test('SARIF fingerprints do not change when lines are inserted above a finding', async () => {
  const root = sample();
  const fp = async (): Promise<string[]> => {
    const log = JSON.parse((await cli(root, 'check', '--format', 'sarif', 'chat')).out);
    return (log.runs[0].results as SarifResult[]).map((x) => x.partialFingerprints!['termshift/v1']).sort();
  };
  const before = await fp();
  fs.writeFileSync(path.join(root, 'chat/conversation.go'), GO.replace('package chat\n', 'package chat\n\n// a new comment\n// and another\n'));
  assert.deepEqual(await fp(), before);
});

test('GitHub workflow commands: one annotation per finding, properties and data escaped', async () => {
  const root = sample();
  const r = await cli(root, 'check', '--format', 'github');
  assert.equal(r.code, 1);
  const lines = r.out.split('\n');
  assert.ok(lines.every((l) => l.startsWith('::warning ') || l.startsWith('::error ') || l.startsWith('::notice ')), r.out);
  assert.ok(lines.includes('::warning file=chat/conversation.go,line=4,col=2,endLine=4,endColumn=7,title=termshift LEGACY_SESSION_ALIAS::`RunID` uses the legacy alias run_id for session_id (plan batch 1). Use `SessionID`. (fix: RunID → SessionID)'), r.out);
  assert.ok(lines.some((l) => l.startsWith('::warning file=odd%25%2C%3Aname.go,line=3,')), r.out);
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
});

test('--format json keeps the v1 contract', async () => {
  const root = sample();
  const r = await cli(root, 'check', '--format', 'json', 'chat');
  const report = JSON.parse(r.out);
  assert.deepEqual(Object.keys(report), ['version', 'findings', 'summary']);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report.findings[0]), ['path', 'range', 'ruleId', 'category', 'severity', 'message', 'text', 'replacement']);
  assert.deepEqual(report.findings[0].range, { start: { line: 3, character: 1 }, end: { line: 3, character: 6 } });
  assert.deepEqual(Object.keys(report.summary), ['files', 'findings', 'byCategory']);
  assert.equal(report.summary.files, 1);
});

test('--fail-on decides the exit code; bad values are usage errors (exit 2)', async () => {
  // Only a JSON tag: information in phase A, a warning in B, an error in C.
  const root = tree({ 'api/resp.go': 'package api\n\ntype Resp struct {\n\tID string `json:"run_id"`\n}\n' });
  assert.equal((await cli(root, 'check', '--phase', 'A')).code, 0);
  assert.equal((await cli(root, 'check', '--phase', 'A', '--fail-on', 'information')).code, 1);
  assert.equal((await cli(root, 'check', '--phase', 'B')).code, 1);
  assert.equal((await cli(root, 'check', '--phase', 'B', '--fail-on', 'error')).code, 0);
  assert.equal((await cli(root, 'check', '--phase', 'C', '--fail-on', 'error')).code, 1);
  assert.equal((await cli(root, 'check', '--fail-on', 'hint')).code, 2);
  assert.equal((await cli(root, 'check', '--format', 'xml')).code, 2);
  const typo = await cli(root, 'check', '--phase', 'D');
  assert.equal(typo.code, 2);
  assert.match(typo.err, /phase "D" is not defined by the rules \(they define: A, B, C\)/);
});

test('a clean tree exits 0 in every format', async () => {
  const root = tree({ 'ok.go': 'package ok\n\nfunc RunLoop() {}\n' });
  for (const format of ['text', 'json', 'sarif', 'github']) assert.equal((await cli(root, 'check', '--format', format)).code, 0, format);
});

test('check reports the term inside a compound name as the part that holds it', async () => {
  const go = ['package chat', '', 'var resRunID = conv.RunID', 'var runLog = log.With().Str("run_id", conv.RunID).Logger()', 'const WEBCHAT_RUN_ID = "WEBCHAT_RUN_ID"', 'func startRunForPrompt(conv *Conversation) {}', 'func (m *Meta) Get() string { return m.LegacyRunID }', 'func TestStore_DistinctRuns(t *testing.T) { _ = conv.RunIDs() }', 'func (s *Store) ListTurnsByRun() {}', ''].join('\n');
  const root = tree({ 'chat/x.go': go });
  const r = await cli(root, 'check', '--format', 'json');
  const report = JSON.parse(r.out) as { findings: { range: { start: { line: number; character: number }; end: { character: number } }; text: string; replacement: string | null }[] };
  const at = (line: number, character: number): { text: string; replacement: string | null; end: number } | undefined => {
    const f = report.findings.find((x) => x.range.start.line === line && x.range.start.character === character);
    return f && { text: f.text, replacement: f.replacement, end: f.range.end.character };
  };
  // The part of the name that holds the term, with its own case; the rest of the name stays.
  assert.deepEqual(at(2, 7), { text: 'RunID', replacement: 'SessionID', end: 12 });
  assert.deepEqual(at(3, 4), { text: 'run', replacement: 'session', end: 7 });
  assert.deepEqual(at(4, 14), { text: 'RUN_ID', replacement: 'SESSION_ID', end: 20 });
  // Explicit renames and removals name the whole symbol.
  assert.deepEqual(at(5, 5), { text: 'startRunForPrompt', replacement: 'startInferenceForPrompt', end: 22 });
  assert.deepEqual(at(6, 39), { text: 'LegacyRunID', replacement: null, end: 50 });
  // A longer name that holds an explicit rename; a plural ending that is not the term.
  assert.deepEqual(at(7, 15), { text: 'DistinctRuns', replacement: 'DistinctSessions', end: 27 });
  assert.deepEqual(at(7, 53), { text: 'RunID', replacement: 'SessionID', end: 58 });
  // The rename's words in another convention: only the word it changes.
  assert.deepEqual(at(8, 27), { text: 'Run', replacement: 'Session', end: 30 });
  // Never the whole compound name as well.
  assert.equal(report.findings.some((f) => f.text === 'resRunID' || f.text === 'runLog'), false);
});

test('check reports a prose phrase by the words its fix changes', async () => {
  const root = tree({ 'docs/a.md': '# Chat\n\nCopy the run IDs from the log, then the run ID of the chat.\n' });
  const r = await cli(root, 'check', '--format', 'json');
  const report = JSON.parse(r.out) as { findings: { range: { start: { line: number; character: number }; end: { character: number } }; text: string; replacement: string | null }[] };
  const got = report.findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.text, f.replacement]);
  assert.deepEqual(got, [
    [2, 9, 12, 'run', 'session'],
    [2, 40, 43, 'run', 'session'],
  ]);
});
