/** The TypeScript statement cutter: where it cuts, and that parsing only the cut statements finds what a whole-file parse finds. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createTypeScriptAnalyzer } from '../../server/src/engine/analyzers/typescript';
import { topLevelStatements } from '../../server/src/engine/analyzers/typescript/chunks';
import { loadGrammars } from '../../server/src/engine/parsers';
import type { Candidate } from '../../server/src/engine/types';
import { engine } from '../support/engine';

/** The first line of each statement. */
const heads = (text: string, jsx = false): string[] => topLevelStatements(text, jsx).map((s) => text.slice(s.start, s.end).split('\n')[0]);

const sorted = (cs: Candidate[]): string[] => cs.map((c) => JSON.stringify(c, Object.keys(c).sort())).sort();

/** Candidates from the cut statements (never falling back to a whole parse) and from a whole-file parse. */
async function both(text: string, jsx: boolean): Promise<{ cut: string[]; whole: string[] }> {
  const g = await loadGrammars();
  const ctx = (await engine()).analyzerContext();
  const language = jsx ? g.tsx : g.typescript;
  const cut = createTypeScriptAnalyzer(language, { jsx, wholeFileOnError: 0 })(text, ctx);
  const whole = createTypeScriptAnalyzer(language, { jsx, wholeFile: true })(text, ctx);
  return { cut: sorted(cut), whole: sorted(whole) };
}

async function assertSameAsWhole(text: string, jsx = false): Promise<void> {
  const { cut, whole } = await both(text, jsx);
  assert.ok(whole.length > 0, 'the sample holds candidates');
  assert.deepEqual(cut, whole);
}

void test('declarations are cut with their leading comments and decorators; a trailing comment stays', () => {
  const text = [
    "import { a } from './a'; // run_id here trails the import",
    '',
    '/** @deprecated run_id */',
    '// second line',
    'export interface R { run_id: string }',
    '@Component({ run_id: 1 })',
    '@Other()',
    'export class C {}',
    'const x = 1',
    'let y = x',
  ].join('\n');
  assert.deepEqual(heads(text), ["import { a } from './a'; // run_id here trails the import", '/** @deprecated run_id */', '@Component({ run_id: 1 })', 'const x = 1', 'let y = x']);
});

void test('a minified one-line script is cut at its statements', () => {
  const text = 'var c0={run_id:e.runId,k:0};function q1(e,t){return e.map(function(n){return n+t})}var c10={run_id:1};if(a){b()}else{c()}';
  const starts = topLevelStatements(text, false).map((s) => text.slice(s.start, s.start + 12));
  assert.deepEqual(starts, ['var c0={run_', 'function q1(', 'var c10={run', 'if(a){b()}el']);
});

void test('nothing is cut inside template literals, regexes, strings or JSX text', () => {
  const template = 'export const q = `a ${ { x: `}` }.x } b\nexport const no = ${ `\n}` }`;\nexport const yes = 1;\n';
  assert.deepEqual(heads(template), ['export const q = `a ${ { x: `}` }.x } b', 'export const yes = 1;']);
  const regex = "export const r = /[/}`']export/g.test(s);\nexport const d = a / b / c;\nexport const e = 2;\n";
  assert.deepEqual(heads(regex), ["export const r = /[/}`']export/g.test(s);", 'export const d = a / b / c;', 'export const e = 2;']);
  const jsx = "export const A = () => <p title='x'>don't `stop` /* it's {v} </p>;\nexport const B = <></>;\n";
  assert.deepEqual(heads(jsx, true), ["export const A = () => <p title='x'>don't `stop` /* it's {v} </p>;", 'export const B = <></>;']);
});

void test('an unterminated template or comment makes the rest one statement; an unterminated string only its line', () => {
  assert.deepEqual(heads('export const a = 1;\nexport const t = `open\nexport const b = 2;\n'), ['export const a = 1;', 'export const t = `open']);
  assert.deepEqual(heads('export const a = 1;\n/* open\nexport const b = 2;\n'), ['export const a = 1;']);
  assert.deepEqual(heads("export const s = 'open\nexport const b = 2;\n"), ["export const s = 'open", 'export const b = 2;']);
});

void test('statements with a candidate of every kind give the findings of a whole-file parse', async () => {
  await assertSameAsWhole(
    [
      "import { runTests } from './run';",
      '/** @deprecated use session_id */',
      'export interface PlanningRun { run_id: string }',
      'export type Id = RunID;',
      '// pass the run_id along',
      'const run = await sessions.get(id);',
      'export function show(ev: Event) {',
      "  if (ev.type === 'planning.start') return ev.run_id;",
      '  return fetch(`/turns?run_id=${ev.runId}&x=${ { a: `}` }.a }`);',
      '}',
      'use(run, run_id);',
      "export const SQL = 'SELECT run_id FROM turns';",
      'export const re = /run_id/g, half = total / 2 / runId;',
      'export enum E { run_id = 1 }',
      'export class Client { runId = 1; run() { return this.runId; } }',
    ].join('\n'),
  );
});

void test('TSX: components, JSX text and attributes give the findings of a whole-file parse', async () => {
  await assertSameAsWhole(
    [
      "import React from 'react';",
      'export function PlanningWidget({ run }: { run: PlanningRun }) {',
      "  return <div data-run-id={run.run_id}>don't show {run.runId} // run_id</div>;",
      '}',
      'export const Chat = (p: Props) => <><span title="run_id">{p.session.runId}</span></>;',
      'export const n = 1;',
    ].join('\n'),
    true,
  );
});

void test('CRLF and minified text give the findings of a whole-file parse', async () => {
  const crlf = "export const a = { run_id: 1 };\r\n// legacy runId\r\nexport function f(x: Turn) {\r\n  return x.run_id; // legacy alias\r\n}\r\n";
  await assertSameAsWhole(crlf);
  await assertSameAsWhole('var c0={run_id:e.runId,k:0};function q1(e,t){return e.map(function(n){return n+t})}var c10={run_id:1};');
});

void test('broken code: a statement that does not parse makes a small file parse whole', async () => {
  const g = await loadGrammars();
  const ctx = (await engine()).analyzerContext();
  const text = 'export const a = { run_id: 1 };\nexport function f( {\n  return x.run_id;\n}\nexport const t = `open ${runId}\n';
  const cut = createTypeScriptAnalyzer(g.typescript)(text, ctx);
  const whole = createTypeScriptAnalyzer(g.typescript, { wholeFile: true })(text, ctx);
  assert.deepEqual(sorted(cut), sorted(whole));
});

void test('a banner of slashes above a declaration is cut in linear time', () => {
  const bar = '/'.repeat(60);
  const text = `export const a = 1;\n${bar}\n/// banner\n${bar}\nconst run = 2, other = 3;\n`;
  const stmts = topLevelStatements(text, false);
  assert.deepEqual(stmts.map((s) => text.slice(s.start, s.end).split('\n')[0]), ['export const a = 1;', bar]);
  assert.deepEqual(stmts[1].declares, ['run', 'other']);
});

void test('slashes and angle brackets that open nothing stay linear on one line', () => {
  for (const [unit, jsx] of [['(/[', false], ['(<a ', true]] as const) {
    const text = `export const a = 1;${unit.repeat(200_000)}\nexport const b = 2;`;
    const t0 = Date.now();
    topLevelStatements(text, jsx);
    assert.ok(Date.now() - t0 < 2000, `${unit}: ${Date.now() - t0} ms`);
  }
});
