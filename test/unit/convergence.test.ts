/**
 * Fixes converge in one pass: after applying every fix, nothing fixable is left. Each input here
 * is a shape the fuzz campaign once found where a fix changed how another token was read.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, fixEdits } from '../../server/src/engine';
import { engine } from '../support/engine';

const CASES: Array<[string, string, string]> = [
  // Renaming the key in the initialiser must not turn the variable from planning into session.
  ['initialiser key in a broken planning case', 'x.go', 'package t\n\nfunc (p *P) apply(ev Event) {\n\tswitch ev.Type {\n\tcase "plan\uFFFDning.start":\n\t\trunID := asString(ev.Props["run_id"])\n\t\tp.planning[runID] = &agg{}\n\t}\n}\n'],
  // RunID → SessionID in the initialiser must not make the bare RUN a session.
  ['bare name assigned a legacy value beside a planning word', 'x.go', 'RUN=RunID>PlanningRun'],
  // Renaming the SQL's column must not turn the migration's probe into a legacy use.
  ['probe beside a SQL text that is not recognised as SQL', 'x.go', 'package s\n\nvar steps = []Step{{\n\tNeedsRun: hasColumn("turns", "run_id"),\n\tNote: "RENAME COLUMN run_id TO session_id",\n}}\n'],
  // An import alias that error recovery reads either as an alias or as an error node.
  ['legacy name inside an import block', 'x.go', 'package webchat\n\nimport (\n\t"context"\n\tresRunID := c.RunID\n\t"github.com/rs/zerolog/log"\n)\n'],
  // A name with both the term and "by run": the keyed reading must not start once the term is renamed.
  ['a name holding the term and "by run"', 'x.go', 'legacyturns_by_runRunID'],
  ['the same with a plural term', 'x.go', 'runturns_by_runRUN_IDS'],
  // A bare head word beside the term: still left alone once the term reads session_id.
  ['a bare word in a name with the term, initialised from the alias', 'x.go', 'RunIDrun_id_run_id:=RunID'],
];

for (const [name, path, text] of CASES) {
  void test(`one pass of fixes converges: ${name}`, async () => {
    const e = await engine();
    const first = e.check(text, { path });
    const fixed = applyEdits(text, fixEdits(first));
    const left = e.check(fixed, { path }).filter((f) => f.replacement !== null && f.replacement !== f.text);
    assert.deepEqual(left.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.text}`), []);
  });
}
