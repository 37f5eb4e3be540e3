/** Mixed contracts: a struct, message, type or JSON object carrying both run_id and session_id. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { engine } from '../support/engine';
import { findMixedContracts } from '../../server/src/engine/contracts';
import { loadGrammars } from '../../server/src/engine/parsers';
import { builtinRuleset, compileRules, type LanguageId } from '../../server/src/engine';
import { lowerWords } from '../../server/src/engine/words';

const rules = builtinRuleset();
const terms = [{ ruleId: 'run-to-session', legacy: ['run', 'id'], preferred: ['session', 'id'] }];
const domainOf = (s: string): string | undefined => rules.domainOfWords(lowerWords(s));

/** `line:col text (kind name)` of each mixed contract's legacy member, 1-based. */
async function mixed(language: LanguageId, text: string): Promise<string[]> {
  const grammars = await loadGrammars();
  return findMixedContracts(text, language, { terms, domainOf, grammars }).map((m) => {
    const before = text.slice(0, m.legacy.start);
    const line = before.split('\n').length;
    const col = m.legacy.start - before.lastIndexOf('\n');
    return `${line}:${col} ${m.legacy.text} (${m.kind}${m.name ? ' ' + m.name : ''})`;
  });
}

test('Go: a struct with both members, by field name or by tag; planning structs never count', async () => {
  const go = [
    'package webchat', // 1
    '',
    'type chatResponse struct {', // 3
    '\tSessionID string `json:"session_id"`',
    '\tRunID     string `json:"run_id"`', // 5
    '\tQueued    bool   `json:"queued"`',
    '}',
    '',
    'type TurnsPage struct {', // 9
    '\tSession string `json:"session_id"`',
    '\tLegacy  string `json:"run_id,omitempty"`', // 11
    '}',
    '',
    'type EventPlanningStart struct {', // 14
    '\tRunID     string `json:"run_id"`',
    '\tSessionID string `json:"session_id"`',
    '}',
    '',
    'type OnlyLegacy struct{ RunID string }', // 19
    'type OnlySession struct{ SessionID string }',
    '',
    'func reply(c *gin.Context, id string, p *PlanningRun) {', // 22
    '\tc.JSON(200, gin.H{"run_id": id, "session_id": id})',
    '\tc.JSON(200, gin.H{"run_id": planningRun.RunID, "session_id": id})',
    '\tswitch key {',
    '\tcase "run_id":',
    '\tcase "session_id":',
    '\t}',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(await mixed('go', go), ['5:2 RunID (go-struct chatResponse)', '11:24 run_id (go-struct TurnsPage)', '23:21 run_id (json-object)']);
});

test('proto: messages by brace scope, oneofs belong to their message, comments and planning ignored', async () => {
  const proto = [
    'syntax = "proto3";', // 1
    'message ChatReply {',
    '  string session_id = 1; // was: string run_id = 1;',
    '  oneof compat {',
    '    string run_id = 2;', // 5
    '  }',
    '  message Meta { string run_id = 1; }',
    '}',
    'message PlanningRun {',
    '  string run_id = 1;', // 10
    '  string session_id = 2;',
    '  message Step { string run_id = 1; string session_id = 2; }',
    '}',
    'message TurnQuery { string run_id = 1; }',
    'message SessionQuery { string session_id = 1; map<string, string> labels = 2; }',
    '',
  ].join('\n');
  assert.deepEqual(await mixed('proto', proto), ['5:12 run_id (proto-message ChatReply)']);
});

test('TypeScript: interfaces, object types, classes and object literals; nested objects are their own contract', async () => {
  const ts = [
    'export interface TurnQuery {', // 1
    '  sessionId?: string;',
    '  runId?: string;',
    '}',
    'type Reply = { "session_id": string; "run_id"?: string };', // 5
    'class Dto { sessionId = ""; runId = ""; }',
    'const body = { session_id: id, meta: { run_id: id } };',
    'const both = { session_id, run_id };',
    'interface PlanningRunEvent { runId: string; sessionId: string }',
    '',
  ].join('\n');
  assert.deepEqual(await mixed('typescript', ts), [
    '3:3 runId (ts-type TurnQuery)',
    '5:39 run_id (ts-type Reply)',
    '6:29 runId (ts-class Dto)',
    '8:28 run_id (ts-object both)',
  ]);
});

test('JSON files and Markdown examples (json and go fences)', async () => {
  assert.deepEqual(await mixed('text', '{\n  "session_id": "s1",\n  "turns": [{"run_id": "r1"}],\n  "run_id": "s1"\n}\n'), ['4:4 run_id (json-object)']);
  const md = [
    '# POST /chat', // 1
    '',
    '```json',
    '{ "session_id": "abc", "run_id": "abc" }',
    '```',
    '',
    '```go',
    'type Resp struct {',
    '\tRunID     string',
    '\tSessionID string',
    '}',
    '```',
    '',
    'Prose that names "run_id": and "session_id": is no object.',
    '',
  ].join('\n');
  assert.deepEqual(await mixed('markdown', md), ['4:25 run_id (json-object)', '9:2 RunID (go-struct Resp)']);
});

test('engine: a MIXED_CONTRACT note (information) on the contract, the legacy member still flagged, the colliding rename fix dropped, CRLF/BOM positions', async () => {
  const e = await engine();
  const text = '\uFEFFpackage api\r\n\r\ntype Reply struct {\r\n\tSessionID string `json:"session_id"`\r\n\tRunID     string `json:"run_id"`\r\n}\r\n';
  const found = e.check(text, { path: 'api/reply.go' });
  const mixedOnes = found.filter((f) => f.category === 'MIXED_CONTRACT');
  assert.deepEqual(
    mixedOnes.map((f) => [f.range.start.line, f.range.start.character, f.text, f.severity, f.replacement]),
    [[2, 5, 'Reply', 'information', null]],
  );
  assert.equal(text.slice(mixedOnes[0].offset, mixedOnes[0].offset + mixedOnes[0].length), 'Reply');
  assert.match(mixedOnes[0].message, /`RunID` and `SessionID` are both members of Go struct `Reply`/);
  // The legacy member is still the legacy alias (what the migration counts), and renaming it
  // would duplicate a member: no automatic fix.
  const line4 = found.filter((f) => f.range.start.line === 4);
  assert.deepEqual(line4.map((f) => [f.category, f.text, f.replacement]), [['LEGACY_SESSION_ALIAS', 'RunID', null], ['LEGACY_SESSION_ALIAS', 'run_id', null]]);
  for (let i = 1; i < found.length; i++) assert.ok(found[i].offset >= found[i - 1].offset + found[i - 1].length, 'no overlap');

  // A contract that is not mixed keeps its fixes; a suppressed line has no mixed finding.
  const single = e.check('package api\n\ntype Reply struct {\n\tRunID string `json:"run_id"`\n}\n', { path: 'api/reply.go' });
  assert.ok(single.every((f) => f.category !== 'MIXED_CONTRACT' && f.replacement !== null));
  const suppressed = e.check('package api\n\ntype Reply struct {\n\tSessionID string\n\t// termshift-ignore-next-line\n\tRunID string\n}\n', { path: 'api/reply.go' });
  assert.deepEqual(suppressed.filter((f) => f.category === 'MIXED_CONTRACT'), []);
});

test('engine: the rules can set MIXED_CONTRACT per phase, and "off" turns it off', async () => {
  const e = await engine();
  const withPhases = e.withRules(
    compileRules({
      rules: [{ ...rules.rules[0].spec, phases: { A: { MIXED_CONTRACT: 'warning' }, X: { MIXED_CONTRACT: 'off' } } }],
    }),
  );
  const text = '{"session_id": 1, "run_id": 1}\n';
  const sev = (phase?: string): string[] => withPhases.check(text, { path: 'a.json', phase }).filter((f) => f.category === 'MIXED_CONTRACT').map((f) => f.severity);
  assert.deepEqual(sev(), ['information']);
  assert.deepEqual(sev('A'), ['warning']);
  assert.deepEqual(sev('X'), []);
});

test('large files are read around the legacy names only, and still see whole declarations', async () => {
  const filler = Array.from({ length: 400 }, (_, i) => `func f${i}(c *Conv) {\n\tlog.Str("session_id", c.SessionID)\n}\n`).join('\n');
  const go = `package big\n\n${filler}\ntype Reply struct {\n\tSessionID string\n\n\tRunID string\n}\n\n${filler}\nvar body = map[string]any{\n\t"session_id": id,\n\t"run_id": id,\n}\n`;
  assert.ok(go.length > 32 * 1024);
  const found = await mixed('go', go);
  assert.deepEqual(found.map((f) => f.replace(/^\d+:/, 'L:')), ['L:2 RunID (go-struct Reply)', 'L:3 run_id (json-object)']);
  const ts = `${'export const pad = 1;\n'.repeat(1200)}export interface Page {\n  sessionId: string;\n\n  runId: string;\n}\n`;
  assert.deepEqual((await mixed('typescript', ts)).map((f) => f.replace(/^\d+:/, 'L:')), ['L:3 runId (ts-type Page)']);
});
