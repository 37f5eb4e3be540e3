/** termshift report: the inventory agrees with check's findings, by category, language, folder and batch. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cli, read, write } from '../support/cli';
import { reportTree } from '../support/reportTree';
import { commonFolder, type Inventory } from '../../server/src/cli/report/inventory';
import type { Baseline } from '../../server/src/cli/baseline';

interface V1Finding {
  path: string;
  category: string;
  replacement: string | null;
  text: string;
}

function count<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

const REMAINING = new Set(['LEGACY_SESSION_ALIAS', 'MIXED_CONTRACT']);

test('report --format json counts every finding (hints included) by category, language and folder', async () => {
  const root = reportTree();
  const all = JSON.parse((await cli(root, 'check', '--format', 'json', '--all')).out) as { findings: V1Finding[] };
  const r = await cli(root, 'report', '--format', 'json');
  assert.equal(r.code, 0, r.err);
  const inv = JSON.parse(r.out) as Inventory;

  assert.deepEqual(inv.byCategory, count(all.findings, (f) => f.category));
  for (const c of ['LEGACY_SESSION_ALIAS', 'MIXED_CONTRACT', 'PLANNING_RUN', 'PROCESS_VERB', 'MIGRATION_REFERENCE', 'PACKAGE_PATH']) {
    assert.ok((inv.byCategory[c] ?? 0) > 0, `${c} in ${JSON.stringify(inv.byCategory)}`);
  }
  const remaining = all.findings.filter((f) => REMAINING.has(f.category));
  assert.equal(inv.total, all.findings.length);
  assert.equal(inv.remaining, remaining.length);
  assert.equal(inv.fixable, remaining.filter((f) => f.replacement !== null && f.replacement !== f.text).length);
  assert.equal(inv.files, 6);

  const folders = Object.fromEntries(inv.byFolder.map((row) => [row.key, row.total]));
  assert.deepEqual(folders, count(all.findings, (f) => path.posix.dirname(f.path)));
  const planning = inv.byFolder.find((row) => row.key === 'planning')!;
  assert.equal(planning.remaining, 0, 'the planning domain has nothing to migrate');
  assert.deepEqual(
    inv.byLanguage.map((row) => row.key).sort(),
    ['go', 'markdown', 'sql', 'typescript'],
  );
  // Folders are ordered by what remains, most first.
  const rem = inv.byFolder.map((row) => row.remaining);
  assert.deepEqual(rem, [...rem].sort((a, b) => b - a));
  // Batches: the plan's batch of every remaining finding, in numeric order.
  const batches = inv.byBatch.map((b) => b.batch);
  assert.deepEqual(batches, [...batches].sort((a, b) => Number(a) - Number(b)));
  assert.equal(inv.byBatch.reduce((n, b) => n + b.remaining, 0), inv.remaining);
  for (const b of ['1', '2', '3', '5']) assert.ok(batches.includes(b), `batch ${b} in ${batches.join(',')}`);
});

test('with a baseline, the report shows progress per batch after fixing part of the tree', async () => {
  const root = reportTree();
  assert.equal((await cli(root, 'check', '--write-baseline', 'baseline.json')).code, 0);
  const baseline = JSON.parse(read(root, 'baseline.json')) as Baseline;
  assert.equal((await cli(root, 'fix', 'web', 'docs')).code, 0);

  const inv = JSON.parse((await cli(root, 'report', '--format', 'json', '--baseline', 'baseline.json')).out) as Inventory;
  const total = count(baseline.findings, (e) => e.batch ?? 'unassigned');
  const fixed = count(baseline.findings.filter((e) => e.path.startsWith('web/') || e.path.startsWith('docs/')), (e) => e.batch ?? 'unassigned');
  for (const b of inv.byBatch) {
    assert.equal(b.baseline, total[b.batch] ?? 0, `batch ${b.batch} in baseline`);
    assert.equal(b.done, fixed[b.batch] ?? 0, `batch ${b.batch} done`);
  }
  assert.ok(inv.byBatch.some((b) => (b.done ?? 0) > 0));

  const md = (await cli(root, 'report', '--baseline', 'baseline.json')).out;
  assert.match(md, /^# termshift inventory$/m);
  assert.match(md, /^\| Plan batch \| Remaining \| Fixable \| Done \| In baseline \| Progress \|$/m);
  const batch5 = inv.byBatch.find((b) => b.batch === '5')!;
  assert.ok(md.includes(`| Batch 5 | ${batch5.remaining} | ${batch5.fixable} | ${batch5.done} | ${batch5.baseline} | ${Math.round((100 * batch5.done!) / batch5.baseline!)} % |`), md);
  assert.match(md, /^\| `PLANNING_RUN` \| \d+ \| the planning domain’s own run id: stays \|$/m);
});

test('a migrated tree reports zero remaining (the plan’s success criterion)', async () => {
  const root = reportTree();
  await cli(root, 'fix');
  // What fix cannot do: the mixed contract's legacy member must be removed by hand.
  const left = JSON.parse((await cli(root, 'report', '--format', 'json')).out) as Inventory;
  assert.ok(left.remaining > 0 && left.fixable === 0, JSON.stringify(left));
  assert.equal(left.byCategory.MIXED_CONTRACT, 1);
  const go = read(root, 'webchat/conversation.go');
  write(root, 'webchat/conversation.go', go.replace(/\n\tRunID +string `json:"run_id"`/, ''));
  const inv = JSON.parse((await cli(root, 'report', '--format', 'json')).out) as Inventory;
  assert.equal(inv.remaining, 0, JSON.stringify(inv.byCategory));
  assert.match((await cli(root, 'report', 'web')).out, /\*\*Done:\*\* no legacy aliases remain\./);
  assert.equal((await cli(root, 'report', '--format', 'pdf')).code, 2);
});

test('folders are shown relative to the folder every reported path shares', async () => {
  const root = reportTree();
  const inv = JSON.parse((await cli(root, 'report', '--format', 'json', 'webchat', 'planning')).out) as Inventory;
  assert.equal(inv.base, '.');
  const one = JSON.parse((await cli(root, 'report', '--format', 'json', 'webchat')).out) as Inventory;
  assert.equal(one.base, 'webchat');
  assert.deepEqual(one.byFolder.map((r) => r.key), ['.']);
  assert.deepEqual(commonFolder(['a/b/c.go', 'a/b/d/e.go', 'a/b/f.md']), 'a/b');
  assert.deepEqual(commonFolder(['a/b/c.go', 'ab/c.go']), '');
  assert.deepEqual(commonFolder(['../x/a.go', '../x/y/b.go']), '../x');
});
