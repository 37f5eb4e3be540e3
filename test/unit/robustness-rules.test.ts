/**
 * Bad rules files: not JSON, not matching the schema, and patterns built to backtrack
 * catastrophically. The schema limits rule terms to word lists (`^[A-Za-z][A-Za-z0-9]*$`), so a
 * user never supplies a regex; these tests prove the classic ReDoS patterns are refused with a
 * position, and that the largest allowed rule still checks adversarial input in bounded time.
 */
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseRulesFile, compileRules, type RulesFile } from '../../server/src/engine';
import { Engine } from '../../server/src/engine';
import { boundedCheck } from '../fuzz/bounded';
import { removeWorkspace, runCli, workspace } from '../fuzz/cli';

const GOOD = 'package a\n\nvar RunID = "r1"\n';
const dirs: string[] = [];
after(() => dirs.forEach(removeWorkspace));
function cliWithRules(rules: string): ReturnType<typeof runCli> {
  const dir = workspace({ 'termshift.json': rules, 'a.go': GOOD });
  dirs.push(dir);
  return runCli(['check', '.'], dir, 15000);
}

/** 1-based line:col of the first occurrence of `needle` in `text`. */
function lineColOf(text: string, needle: string): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

void test('a rules file that is not JSON: exit 2 with file:line:col', () => {
  const rules = '{\n  "rules": [\n    { "id": "x", legacy: ["run"] }\n  ]\n}\n';
  const r = cliWithRules(rules);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /termshift\.json:3:\d+: not valid JSON/);
});

void test('an empty or truncated rules file: exit 2 with a position', () => {
  for (const rules of ['', '{ "rules": [', '\uFEFF']) {
    const r = cliWithRules(rules);
    assert.equal(r.status, 2, `${JSON.stringify(rules)}: ${r.stderr}`);
    assert.match(r.stderr, /termshift\.json:\d+:\d+: not valid JSON/);
  }
});

void test('a rules file that does not match the schema: exit 2, each problem at its line:col', () => {
  const rules = '{\n  "rules": [\n    {\n      "id": "x",\n      "legacy": "run_id",\n      "preferred": ["session", "id"],\n      "severty": "warning"\n    }\n  ]\n}\n';
  const r = cliWithRules(rules);
  assert.equal(r.status, 2, r.stderr);
  assert.ok(r.stderr.includes(`termshift.json:${lineColOf(rules, '"run_id"')}: /rules/0/legacy: must be array`), r.stderr);
  assert.ok(r.stderr.includes(`termshift.json:${lineColOf(rules, '{\n      "id"')}: /rules/0: unknown property "severty"`), r.stderr);
});

const REDOS = ['(a+)+$', '(a|aa)*b', '^(\\w+\\s?)*$', '(.*a){12}', '([a-zA-Z]+)*!', '(x+x+)+y', 'a{1,99}{1,99}', '\\d+\\d+\\d+$', 'run.*id'];

/** Every place of a rule that names words, with the pattern put there. */
function rulesWith(where: string, pattern: string): { text: string; file: object } {
  const rule: Record<string, unknown> = { id: 'x', legacy: ['run', 'id'], preferred: ['session', 'id'] };
  const p = pattern;
  switch (where) {
    case 'legacy': rule.legacy = ['run', p]; break;
    case 'preferred': rule.preferred = [p]; break;
    case 'bareWord.legacy': rule.bareWord = { legacy: p, preferred: 'session' }; break;
    case 'bareWord.evidence': rule.bareWord = { legacy: 'run', preferred: 'session', evidence: [p] }; break;
    case 'renames.from': rule.renames = [{ from: p, to: 'b' }]; break;
    case 'renames.to': rule.renames = [{ from: 'startRun', to: p }]; break;
    case 'removals.name': rule.removals = [{ name: p }]; break;
    case 'domains.markers': rule.domains = [{ id: 'planning', category: 'PLANNING_RUN', markers: [p] }]; break;
    case 'migrationMarkers': rule.migrationMarkers = [p]; break;
    case 'category': rule.category = p; break;
    case 'id': rule.id = p; break;
  }
  const file = { rules: [rule] };
  return { text: JSON.stringify(file, null, 2), file };
}

const PLACES = ['legacy', 'preferred', 'bareWord.legacy', 'bareWord.evidence', 'renames.from', 'renames.to', 'removals.name', 'domains.markers', 'migrationMarkers', 'category', 'id'];

void test('classic ReDoS patterns are refused by the schema wherever a rule names words', () => {
  for (const where of PLACES) {
    for (const pattern of REDOS) {
      const { text } = rulesWith(where, pattern);
      const parsed = parseRulesFile(text);
      assert.equal(parsed.ok, false, `${where}: ${pattern} was accepted`);
      if (parsed.ok) continue;
      const at = JSON.stringify(pattern);
      const want = text.indexOf(at);
      const line = text.slice(0, want).split('\n').length - 1;
      assert.ok(parsed.problems.some((pr) => pr.line === line && /pattern|must/.test(pr.message)), `${where}: ${pattern}: ${JSON.stringify(parsed.problems)}`);
    }
  }
});

void test('a ReDoS pattern in a rules file: the CLI exits 2 with file:line:col and checks nothing', () => {
  const { text } = rulesWith('legacy', '(a+)+$');
  const r = cliWithRules(text);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.ok(r.stderr.includes(`termshift.json:${lineColOf(text, '"(a+)+$"')}: /rules/0/legacy/1: must match pattern`), r.stderr);
  assert.ok(r.ms < 5000);
});

void test('strings the schema leaves free (packages, excludes) are never compiled as regexes', async () => {
  const file: RulesFile = {
    exclude: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/'.repeat(30) + 'z'],
    rules: [{ id: 'x', legacy: ['run', 'id'], preferred: ['session', 'id'], packages: ['(a+)+$', 'pkg/(x|xx)*y'], include: ['(a|aa)*b', '**'], exclude: ['*a'.repeat(30) + 'b'] }],
  } as RulesFile;
  assert.ok(parseRulesFile(JSON.stringify(file)).ok);
  const engine = (await Engine.create()).withRules(compileRules(file));
  const long = 'a'.repeat(200);
  const t0 = performance.now();
  for (const p of [long + '.go', `${long}/${long}/x.go`, 'a/'.repeat(100) + 'x.go']) engine.check('package a\nimport "pkg/(x|xx)*y"\nvar x = "(a+)+$" + RunID\n', { path: p });
  const text = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.repeat(2000) + ' run_id';
  const found = engine.check(text, { path: 'x.txt' });
  assert.ok(performance.now() - t0 < 5000, `${performance.now() - t0} ms`);
  assert.deepEqual(found.map((f) => f.text), ['run_id']);
});

/** The largest rule the schema allows: 8 words of 40 characters in every word list. */
function maximalRule(): RulesFile {
  const w = (i: number): string => ('W' + String.fromCharCode(97 + i)).padEnd(40, 'a');
  const words = Array.from({ length: 8 }, (_, i) => w(i));
  const ident = words.join('_').slice(0, 120);
  return {
    rules: [
      {
        id: 'huge',
        legacy: words,
        preferred: words.map((x) => x.replace('W', 'P')),
        bareWord: { legacy: w(0), preferred: 'session', evidence: words },
        renames: Array.from({ length: 50 }, (_, i) => ({ from: ident.slice(0, 100 + (i % 20)), to: 'renamed' + i })),
        removals: [{ name: ident }],
        domains: [{ id: 'd', category: 'D_CAT', markers: words }],
        migrationMarkers: ['a a a a a a a a a a a a a a a a a a a a', 'aaaaaaaa aaaaaaaa aaaaaaaa aaaaaaaa'],
      },
    ],
  } as RulesFile;
}

void test('the largest allowed rule checks 1 MB of adversarial near-misses in bounded time', async () => {
  const rules = maximalRule();
  assert.ok(parseRulesFile(JSON.stringify(rules)).ok, JSON.stringify(parseRulesFile(JSON.stringify(rules))));
  const words = rules.rules[0].legacy;
  // Near-misses: 7 of the 8 words, with every separator the matcher accepts, then a wrong last word.
  const near = [words.slice(0, 7).join('_') + '_Wx', words.slice(0, 7).join('') + 'Wq', words.slice(0, 7).join('-') + '-', words.slice(0, 7).join(' ') + ' a'].join(' ');
  let text = '';
  while (text.length < 1024 * 1024) text += near + '\n';
  text += words.join('_') + '\n';
  const inputs: Record<string, string> = { 'adv.txt': text, 'adv.md': text, 'adv.go': `package a\n/*\n${text}*/\nvar ${words.join('_')} = 1\n` };
  for (const [path, input] of Object.entries(inputs)) {
    const r = await boundedCheck(input, path, 15000, rules);
    assert.ok(r.ms < 10000, `${path}: ${r.ms} ms`);
    if (path !== 'adv.go') assert.ok(r.count >= 1, `${path}: the one real match is found`);
  }
});

void test('a project rule with its own words is found in every language (rules are data)', async () => {
  const rules: RulesFile = { rules: [{ id: 'foo-bar', legacy: ['foo', 'bar'], preferred: ['baz', 'qux'] }] } as RulesFile;
  const engine = (await Engine.create()).withRules(compileRules(rules));
  const docs: Record<string, string> = {
    'a.go': 'package a\n\ntype T struct {\n\tFooBar string `json:"foo_bar"`\n}\n',
    'a.sql': 'CREATE TABLE t (\n  foo_bar TEXT\n);\n',
    'a.md': 'Pass `foo_bar` in the query.\n',
    'a.proto': 'syntax = "proto3";\nmessage T {\n  string foo_bar = 1;\n}\n',
    'a.ts': 'export interface T {\n  fooBar: string;\n}\n',
    'a.tsx': 'export const A = (p: { fooBar: string }) => <div>{p.fooBar}</div>;\n',
    'a.txt': 'the FOO_BAR setting\n',
  };
  const missing = Object.entries(docs).filter(([path, text]) => !engine.check(text, { path }).some((f) => f.replacement !== null && /baz/i.test(f.replacement)));
  assert.deepEqual(missing.map(([p]) => p), [], 'languages that ignore a project rule');
});
