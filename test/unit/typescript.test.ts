/** The TypeScript/TSX/JS analyzer: roles from syntax, domains from the scopes around, positions. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, fixEdits, type Finding } from '../../server/src/engine';
import { engine } from '../support/engine';

async function check(text: string, path = 'web/src/app.tsx'): Promise<Finding[]> {
  return (await engine()).check(text, { path });
}

/** `text category context` of each finding, in order. */
async function summary(text: string, path?: string): Promise<string[]> {
  return (await check(text, path)).map((f) => `${f.text} ${f.category} ${f.context}`);
}

void test('roles: object keys, property access, members, types, strings, URLs, comments', async () => {
  assert.deepEqual(await summary("const a = { run_id: x, 'runId': y };"), ['run_id LEGACY_SESSION_ALIAS object-key', 'runId LEGACY_SESSION_ALIAS object-key']);
  assert.deepEqual(await summary('f(msg.run_id, ev.runId, msg["RUN_ID"]);'), ['run_id LEGACY_SESSION_ALIAS field', 'runId LEGACY_SESSION_ALIAS field', 'RUN_ID LEGACY_SESSION_ALIAS field']);
  assert.deepEqual(await summary('interface Turn { run_id: string }\ntype Id = RunID;'), ['run_id LEGACY_SESSION_ALIAS field', 'RunID LEGACY_SESSION_ALIAS type']);
  assert.deepEqual(await summary('const o = { run_id };'), ['run_id LEGACY_SESSION_ALIAS object-key']);
  assert.deepEqual(await summary('fetch(`/turns?run_id=${id}`); log("run_id missing");'), ['run_id LEGACY_SESSION_ALIAS url', 'run_id LEGACY_SESSION_ALIAS string']);
  assert.deepEqual(await summary("fetch(base + '&run_id=' + id);"), ['run_id LEGACY_SESSION_ALIAS url']);
  assert.deepEqual(await summary('// pass the run_id along\nx();'), ['run_id LEGACY_SESSION_ALIAS comment']);
});

void test('the planning domain: enclosing type, qualifier, component, case, condition, typed parameter', async () => {
  assert.deepEqual(await summary('interface PlanningRun { run_id: string }'), ['run_id PLANNING_RUN field']);
  assert.deepEqual(await summary('a(planning.runId, ev.planning?.run_id);'), ['runId PLANNING_RUN field', 'run_id PLANNING_RUN field']);
  assert.deepEqual(await summary('function PlanningWidget({ run }) { return <i>{run.run_id}</i>; }'), ['run_id PLANNING_RUN field']);
  assert.deepEqual(await summary("switch (ev.type) { case 'planning.start': a(ev.run_id); break; case 'chat': b(ev.run_id); }"), ['run_id PLANNING_RUN field', 'run_id LEGACY_SESSION_ALIAS field']);
  assert.deepEqual(await summary("if (ev.type === 'planning.start') { a(ev.run_id); } else { b(ev.run_id); }"), ['run_id PLANNING_RUN field', 'run_id LEGACY_SESSION_ALIAS field']);
  assert.deepEqual(await summary('const show = (run: PlanningRun) => run.run_id;'), ['run_id PLANNING_RUN field']);
  assert.deepEqual(await summary('const x = { planning: { run_id: 1 }, run_id: 2 };'), ['run_id PLANNING_RUN object-key', 'run_id LEGACY_SESSION_ALIAS object-key']);
  assert.deepEqual(await summary('const planningRunId = 1;'), ['planningRunId PLANNING_RUN identifier']);
});

void test('the nearest signal wins: a session qualifier inside a planning component is legacy', async () => {
  assert.deepEqual(await summary('function PlanningWidget() { return conversation.run_id + session.runId; }'), [
    'run_id LEGACY_SESSION_ALIAS field',
    'runId LEGACY_SESSION_ALIAS field',
  ]);
});

void test('process verbs and the bare word', async () => {
  // (The engine only looks at files that hold the term at all, hence the run_id.)
  assert.deepEqual(await summary('runTests(); t.run(); function run() {} const x = run_id;'), [
    'runTests PROCESS_VERB function',
    'run PROCESS_VERB function',
    'run PROCESS_VERB function',
    'run_id LEGACY_SESSION_ALIAS identifier',
  ]);
  const bare = 'const run = await sessions.get(id);\nuse(run, run_id);\nconst r = run2;';
  assert.deepEqual(await summary(bare), ['run LEGACY_SESSION_ALIAS identifier', 'run LEGACY_SESSION_ALIAS identifier', 'run_id LEGACY_SESSION_ALIAS identifier']);
  assert.deepEqual(await summary('const run = queue.next(); use(run, run_id);'), ['run_id LEGACY_SESSION_ALIAS identifier']);
});

void test('a deprecated member is still the legacy alias; the comment naming it is a migration reference', async () => {
  const text = 'interface R {\n  /** @deprecated run_id is replaced by session_id */\n  run_id?: string;\n  runId: string; // legacy alias, removed in phase C\n  other: RunID;\n}';
  assert.deepEqual(await summary(text), ['run_id MIGRATION_REFERENCE comment', 'run_id LEGACY_SESSION_ALIAS field', 'runId LEGACY_SESSION_ALIAS field', 'RunID LEGACY_SESSION_ALIAS type']);
});

void test('SQL in a string goes to the SQL analyzer', async () => {
  const fs = await summary('db.all(`SELECT turn_id FROM turns WHERE run_id = ?`, id);');
  assert.deepEqual(fs, ['run_id LEGACY_SESSION_ALIAS sql-column']);
});

void test('JavaScript and TSX files, and the language id', async () => {
  assert.deepEqual(await summary('module.exports = { run_id: 1 };', 'web/old.js'), ['run_id LEGACY_SESSION_ALIAS object-key']);
  assert.deepEqual(await summary('const e = <Row runId={x.run_id} />;', 'web/a.jsx'), ['runId LEGACY_SESSION_ALIAS field', 'run_id LEGACY_SESSION_ALIAS field']);
  const e = await engine();
  assert.equal(e.check('let run_id = 1;', { languageId: 'typescript' })[0]?.context, 'identifier');
});

void test('positions: BOM, CRLF, tabs, astral characters', async () => {
  const text = '\uFEFF// 😀\r\nconst s = "𝒳";\tconst o = { run_id: s };\r\n\tf(`🎉${o.run_id}`);\r\n';
  const fs = await check(text);
  assert.deepEqual(
    fs.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.text]),
    [
      [1, 28, 34, 'run_id'],
      [2, 10, 16, 'run_id'],
    ],
  );
  for (const f of fs) assert.equal(text.slice(f.offset, f.offset + f.length), f.text);
});

void test('fixes apply cleanly and leave nothing to fix', async () => {
  const text = 'export async function load(runId: string) {\n  return fetch(`/turns?run_id=${runId}`).then((r) => r.json() as Promise<{ run_id: string }>);\n}\n';
  const fixed = applyEdits(text, fixEdits(await check(text, 'web/load.ts')));
  assert.equal(fixed, 'export async function load(sessionId: string) {\n  return fetch(`/turns?session_id=${sessionId}`).then((r) => r.json() as Promise<{ session_id: string }>);\n}\n');
  assert.deepEqual(fixEdits(await check(fixed, 'web/load.ts')), []);
});

void test('broken code never throws and every range is inside the text', async () => {
  const broken = ['const { run_id', 'interface PlanningRun { run_id', '`${run_id', '<div runId={x.run_id', 'run_id(((((', '/* run_id', '"run_id', 'class { #run_id = }', '\u0000run_id\uD800'];
  for (const text of broken) {
    for (const path of ['a.ts', 'a.tsx', 'a.js']) {
      const fs = await check(text, path);
      assert.ok(fs.length > 0, `${path}: ${JSON.stringify(text)} finds nothing`);
      for (const f of fs) assert.equal(text.slice(f.offset, f.offset + f.length), f.text);
    }
  }
});

void test('a large file is parsed piecewise with the same findings as its parts', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const root = path.resolve(__dirname, '../../../test/fixtures/typescript');
  for (const name of ['api.ts', 'PlanningWidget.tsx', 'semEvents.ts']) {
    const one = fs.readFileSync(path.join(root, name), 'utf8');
    const copies = Math.ceil((96 * 1024) / one.length);
    const whole = (await check(one, name)).map((f) => `${f.offset} ${f.text} ${f.category} ${f.context}`);
    const big = await check(one.repeat(copies), name);
    assert.ok(one.length * copies > 64 * 1024);
    for (let k = 0; k < copies; k++) {
      const part = big.filter((f) => f.offset >= k * one.length && f.offset < (k + 1) * one.length);
      assert.deepEqual(part.map((f) => `${f.offset - k * one.length} ${f.text} ${f.category} ${f.context}`), whole, `${name} copy ${k}`);
    }
  }
});

void test('a compatibility fallback to the old field has no rename (it would read the new field twice)', async () => {
  const e = await engine();
  const fixes = (t: string): string[] => e.check(t, { path: 'web/a.ts' }).map((f) => `${f.text}->${f.replacement}`);
  assert.deepEqual(fixes('const sid = body.session_id ?? body.run_id;'), ['run_id->null']);
  assert.deepEqual(fixes('const sid = frame?.sessionId || frame?.runId;'), ['runId->null']);
  // Another owner: an ordinary legacy read with its rename.
  assert.deepEqual(fixes('const sid = a.session_id ?? b.run_id;'), ['run_id->session_id']);
});

void test('"by run" names are keyed by the session: turnsByRun, selectByRun; run() stays a verb', async () => {
  const e = await engine();
  const found = e.check('const entitiesByRun: Record<string, Entity[]> = {};\nexport function selectByRun(s: State) { return s.entitiesByRun; }\nrunner.run();\n', { path: 'web/a.ts' });
  assert.deepEqual(
    found.map((f) => `${f.text} ${f.category} ${f.replacement}`),
    ['entitiesByRun LEGACY_SESSION_ALIAS entitiesBySession', 'selectByRun LEGACY_SESSION_ALIAS selectBySession', 'entitiesByRun LEGACY_SESSION_ALIAS entitiesBySession', 'run PROCESS_VERB null'],
  );
});
