/** The proto analyzer: scopes and domains, reserved/deprecated, attached comments, malformed input. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Finding } from '../../server/src/engine';
import type { AnalyzerContext } from '../../server/src/engine/analyzer';
import { analyzeProto } from '../../server/src/engine/analyzers/proto';
import { engine } from '../support/engine';

/** The engine's analyzer context: calling the analyzer directly, a throw is not hidden by the engine's fallback. */
async function context(): Promise<AnalyzerContext> {
  return (await engine()).analyzerContext();
}

async function proto(text: string): Promise<string[]> {
  const e = await engine();
  return e.check(text, { languageId: 'proto' }).map(brief);
}

function brief(f: Finding): string {
  return `${f.range.start.line}:${f.range.start.character} ${f.category} ${f.context} ${f.text}`;
}

void test('a field is planning inside a planning message, however deeply nested', async () => {
  assert.deepEqual(await proto('message PlanningRun {\n  message Inner { message Deeper { string run_id = 1; } }\n}\nmessage Turn { string run_id = 1; }'), [
    '1:42 PLANNING_RUN proto-field run_id',
    '3:22 LEGACY_SESSION_ALIAS proto-field run_id',
  ]);
});

void test('the scope closes with its brace: a sibling after a planning message is not planning', async () => {
  assert.deepEqual(await proto('message PlanningRun { string run_id = 1; }\nmessage Next { string run_id = 1; }'), [
    '0:29 PLANNING_RUN proto-field run_id',
    '1:22 LEGACY_SESSION_ALIAS proto-field run_id',
  ]);
});

void test('reserved names are migration references; a deprecated field is still legacy', async () => {
  assert.deepEqual(await proto('message Turn {\n  reserved "run_id";\n  reserved run_id;\n  string run_id = 2 [deprecated = true];\n}'), [
    '1:12 MIGRATION_REFERENCE string run_id',
    '2:11 MIGRATION_REFERENCE proto-field run_id',
    '3:9 LEGACY_SESSION_ALIAS proto-field run_id',
  ]);
});

void test('rpc, message, type and enum value names', async () => {
  assert.deepEqual(await proto('service S { rpc GetRunID(GetRunIDRequest) returns (stream x.RunIDs); }\nenum E { E_RUN_ID = 0; }'), [
    '0:16 LEGACY_SESSION_ALIAS function GetRunID',
    '0:25 LEGACY_SESSION_ALIAS type GetRunIDRequest',
    '0:60 LEGACY_SESSION_ALIAS type RunIDs',
    '1:9 LEGACY_SESSION_ALIAS proto-field E_RUN_ID',
  ]);
});

void test('an attached comment naming the planning run decides the field, a detached one does not', async () => {
  const text = [
    'message Turn {',
    '  // the planning run this turn belongs to',
    '  string run_id = 1;',
    '  // planning notes',
    '',
    '  string owner_run_id = 2;',
    '  string plan_run_id = 3; // planner',
    '  // unlike PlanningRun.run_id, this is the session',
    '  string other_run_id = 4;',
    '}',
  ].join('\n');
  assert.deepEqual(await proto(text), [
    '2:9 PLANNING_RUN proto-field run_id',
    '5:9 LEGACY_SESSION_ALIAS proto-field owner_run_id',
    '6:9 PLANNING_RUN proto-field plan_run_id',
    '7:24 PLANNING_RUN comment run_id',
    '8:9 LEGACY_SESSION_ALIAS proto-field other_run_id',
  ]);
});

void test('json_name is the wire name: a tag; option values are strings', async () => {
  assert.deepEqual(await proto('message T { string x = 1 [json_name = "runId", (my.opt) = "run_id"]; }'), [
    '0:39 LEGACY_SESSION_ALIAS tag runId',
    '0:59 LEGACY_SESSION_ALIAS string run_id',
  ]);
});

void test('an unclosed message does not stop the reader, and a stray brace is ignored', async () => {
  assert.deepEqual(await proto('}\n}\nmessage PlanningRun { string run_id = 1;\nmessage Turn { string run_id = 2 }'), [
    '2:29 PLANNING_RUN proto-field run_id',
    '3:22 PLANNING_RUN proto-field run_id',
  ]);
});

void test('malformed input never throws', async () => {
  const ctx = await context();
  const nasty = [
    '',
    'message',
    'message {',
    'message PlanningRun { string run_id',
    'string run_id = ;',
    '"run_id',
    "'run_id\\",
    '/* run_id',
    'option (x) = { a: { b: "run_id"',
    'rpc (',
    'rpc GetRunID(',
    '= = = run_id = = =',
    '}}}}{{{{ run_id',
    'map<string, map<int32',
    'reserved',
    'enum { RUN_ID = }',
    '\u0000\ud800 run_id \udc00 🚀',
  ];
  for (const s of nasty) assert.doesNotThrow(() => analyzeProto(s, ctx), s);
  const piece = fc.constantFrom(
    'message', 'enum', 'service', 'oneof', 'rpc', 'returns', 'stream', 'reserved', 'option', 'extend', 'group', 'map', '<', '>',
    'string', 'repeated', 'run_id', 'PlanningRun', 'GetRunID', '=', '1', ';', '{', '}', '(', ')', '[', ']', ',', '.', '"', "'",
    '//', '/*', '*/', '\n', '\r\n', ' ', 'json_name', 'deprecated', 'true', '🚀', '\\',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join(' ');
      for (const c of analyzeProto(text, ctx)) {
        if (c.start < 0 || c.end > text.length || c.start >= c.end || !ctx.isCandidate(text.slice(c.start, c.end))) return false;
      }
      return true;
    }),
    { numRuns: 500, seed: 4242 },
  );
});
