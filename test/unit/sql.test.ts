/** The SQL analyzer: statement roles, fragments as Go code embeds them, and malformed input. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Finding } from '../../server/src/engine';
import type { AnalyzerContext } from '../../server/src/engine/analyzer';
import { analyzeSql } from '../../server/src/engine/analyzers/sql';
import { engine } from '../support/engine';

/** The engine's analyzer context: calling the analyzer directly, a throw is not hidden by the engine's fallback. */
async function context(): Promise<AnalyzerContext> {
  return (await engine()).analyzerContext();
}

async function sql(text: string): Promise<string[]> {
  const e = await engine();
  return e.check(text, { languageId: 'sql' }).map(brief);
}

function brief(f: Finding): string {
  return `${f.range.start.line}:${f.range.start.character} ${f.category} ${f.context} ${f.text}`;
}

void test('fragments as Go keeps them in strings are read as SQL', async () => {
  assert.deepEqual(await sql('SELECT payload FROM turns WHERE run_id = ? ORDER BY created_at_ms'), ['0:32 LEGACY_SESSION_ALIAS sql-column run_id']);
  assert.deepEqual(await sql('run_id TEXT NOT NULL,'), ['0:0 LEGACY_SESSION_ALIAS sql-column run_id']);
  assert.deepEqual(await sql(' AND run_id IN (?, ?)'), ['0:5 LEGACY_SESSION_ALIAS sql-column run_id']);
  assert.deepEqual(await sql('RENAME COLUMN run_id TO session_id'), ['0:14 MIGRATION_REFERENCE sql-column run_id']);
  assert.deepEqual(await sql('DROP COLUMN run_id'), ['0:12 MIGRATION_REFERENCE sql-column run_id']);
  assert.deepEqual(await sql('ADD COLUMN run_id TEXT'), ['0:11 LEGACY_SESSION_ALIAS sql-column run_id']);
});

void test('names get the context of their place in the statement', async () => {
  assert.deepEqual(await sql('CREATE TABLE run_ids (run_id TEXT, CONSTRAINT run_ids_pk PRIMARY KEY (run_id))'), [
    '0:13 LEGACY_SESSION_ALIAS sql-table run_ids',
    '0:22 LEGACY_SESSION_ALIAS sql-column run_id',
    '0:46 LEGACY_SESSION_ALIAS sql-index run_ids_pk',
    '0:70 LEGACY_SESSION_ALIAS sql-column run_id',
  ]);
  assert.deepEqual(await sql('REINDEX turns_by_run; DELETE FROM turns WHERE run_id = :run_id'), [
    '0:8 LEGACY_SESSION_ALIAS sql-index turns_by_run',
    '0:46 LEGACY_SESSION_ALIAS sql-column run_id',
    '0:56 LEGACY_SESSION_ALIAS sql run_id',
  ]);
  assert.deepEqual(await sql('SELECT x FROM run_ids AS r JOIN turns ON turns.run_id = r.run_id'), [
    '0:14 LEGACY_SESSION_ALIAS sql-table run_ids',
    '0:47 LEGACY_SESSION_ALIAS sql-column run_id',
    '0:58 LEGACY_SESSION_ALIAS sql-column run_id',
  ]);
});

void test('migration statements: the old and the new name of a rename belong to the migration', async () => {
  // A down migration renames back; its run_id is as deliberate as the up migration's.
  assert.deepEqual(await sql('ALTER TABLE turns RENAME COLUMN session_id TO run_id;'), ['0:46 MIGRATION_REFERENCE sql-column run_id']);
  assert.deepEqual(await sql('ALTER INDEX turns_by_session RENAME TO turns_by_run'), ['0:39 MIGRATION_REFERENCE sql-index turns_by_run']);
  assert.deepEqual(await sql('DROP INDEX CONCURRENTLY IF EXISTS public.turns_by_run'), ['0:41 MIGRATION_REFERENCE sql-index turns_by_run']);
  // A new index on the old column is not a migration: it keeps the legacy name alive.
  assert.deepEqual(await sql('CREATE INDEX turns_by_session ON turns(run_id)'), ['0:39 LEGACY_SESSION_ALIAS sql-column run_id']);
});

void test('the planning domain follows the table, its alias, a REFERENCES and the sub-query scope', async () => {
  assert.deepEqual(await sql('UPDATE planning_runs SET iteration = 2 WHERE run_id = ?'), ['0:45 PLANNING_RUN sql-column run_id']);
  assert.deepEqual(await sql('SELECT p.run_id FROM planning_runs p, turns t'), ['0:9 PLANNING_RUN sql-column run_id']);
  // Two tables of different domains: an unqualified column is not given either's domain.
  assert.deepEqual(await sql('SELECT run_id FROM planning_runs p, turns t'), ['0:7 LEGACY_SESSION_ALIAS sql-column run_id']);
  assert.deepEqual(await sql('INSERT INTO planning_runs (run_id) SELECT run_id FROM turns'), [
    '0:27 PLANNING_RUN sql-column run_id',
    '0:42 LEGACY_SESSION_ALIAS sql-column run_id',
  ]);
});

void test('comments and strings are scanned for words, with migration wording per line', async () => {
  assert.deepEqual(await sql("-- legacy: run_id was renamed\nSELECT 'run_id' /* run_id */"), [
    '0:11 MIGRATION_REFERENCE comment run_id',
    '1:8 LEGACY_SESSION_ALIAS string run_id',
    '1:19 LEGACY_SESSION_ALIAS comment run_id',
  ]);
});

void test('a quoted name never spans lines; a stray quote does not swallow the rest', async () => {
  assert.deepEqual(await sql('SELECT "run\n_id", `run_id'), ['1:7 LEGACY_SESSION_ALIAS sql-column run_id']);
  assert.deepEqual(await sql('SELECT "x", run_id'), ['0:12 LEGACY_SESSION_ALIAS sql-column run_id']);
});

void test('every candidate is a term-bearing token inside the text', async () => {
  const ctx = await context();
  const text = 'CREATE TABLE t (run_id TEXT); SELECT "Run ID", $1, :run_id FROM t WHERE run_id = $$run_id$$';
  const cands = analyzeSql(text, ctx);
  assert.ok(cands.length >= 4);
  for (const c of cands) {
    assert.ok(c.start >= 0 && c.end <= text.length && c.start < c.end);
    assert.ok(ctx.isCandidate(text.slice(c.start, c.end)), text.slice(c.start, c.end));
  }
});

void test('malformed input never throws', async () => {
  const ctx = await context();
  const nasty = [
    '',
    "SELECT 'run_id",
    'SELECT "run_id',
    '/* run_id',
    '$$ run_id',
    '$tag$ run_id $other$',
    "E'\\",
    'CREATE TABLE',
    'CREATE TABLE (',
    'CREATE INDEX ON',
    'ALTER TABLE t RENAME',
    'ALTER TABLE',
    'DROP',
    'INSERT INTO',
    ')))(((',
    'run_id))) , ; ; ((( run_id',
    '[run_id',
    '\u0000\uffff\ud800 run_id \udc00',
    'CREATE TRIGGER x AFTER UPDATE ON',
    'AS $$ AS $$ AS $$ run_id',
  ];
  for (const s of nasty) assert.doesNotThrow(() => analyzeSql(s, ctx), s);
  const piece = fc.constantFrom(
    'CREATE', 'TABLE', 'INDEX', 'ALTER', 'DROP', 'RENAME', 'COLUMN', 'TO', 'ON', 'FROM', 'JOIN', 'INTO', 'UPDATE', 'SET',
    'CONFLICT', 'REFERENCES', 'AS', 'USING', 'TRIGGER', 'VIEW', 'ADD', 'IF', 'EXISTS', 'run_id', 'planning_runs', 'turns',
    't', '.', ',', ';', '(', ')', "'", '"', '`', '[', ']', '$$', '$a$', '--', '/*', '*/', '\n', '\r\n', ' ', '?', ':x', 'E',
    '🚀', '\\',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join(' ');
      for (const c of analyzeSql(text, ctx)) {
        if (c.start < 0 || c.end > text.length || c.start >= c.end) return false;
      }
      return true;
    }),
    { numRuns: 500, seed: 4242 },
  );
});
