/**
 * The Markdown line scan (segments, kept lines, batched parses) against one micromark parse of the
 * whole document: every candidate, with everything the analyzer decided about it, must be the same.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MarkdownDocument } from '../../server/src/engine/analyzers/markdown/document';
import { findFrontmatter } from '../../server/src/engine/analyzers/markdown/frontmatter';
import { keptRange } from '../../server/src/engine/analyzers/markdown/pieces';
import type { Candidate } from '../../server/src/engine/types';
import { engine } from '../support/engine';

function sorted(cands: Candidate[]): string[] {
  return cands.map((c) => JSON.stringify(c, Object.keys(c).sort())).sort();
}

async function assertSameAsWhole(text: string): Promise<void> {
  const ctx = (await engine()).analyzerContext();
  const fm = findFrontmatter(text);
  const scanned = new MarkdownDocument(text, ctx).analyze(fm);
  const whole = new MarkdownDocument(text, ctx).analyze(fm, true);
  assert.ok(whole.length > 0, 'the case holds a candidate');
  assert.deepEqual(sorted(scanned), sorted(whole));
}

/** Plain paragraph lines around each case: the scan drops them, the whole parse sees them. */
const PROSE = 'Some words about the cache and the store.\nMore words follow here, then a stop.\n';

const CASES: Record<string, string> = {
  'longer closing fence': 'Intro with `run_id` here.\n\n````go\ntype A struct {\n\tRunID string\n}\n```\nstill code\n``````\n\nAfter the planning `run_id`.\n',
  '~~~ is not closed by ```': '~~~sql\nSELECT run_id FROM turns;\n```\nSELECT run_id FROM t2;\n~~~\n\nThe old run_id is deprecated.\n',
  'unclosed fence to EOF': `${PROSE}\n\`\`\`go\nvar RunID = 1\n\nfunc f() { _ = RunID }\n`,
  'fence inside a list item': '- Send it:\n  ```go\n  x.RunID = y\n  ```\n- Then `run_id` is kept.\n',
  'indented code': `${PROSE}\n    conv.RunID = 1\n    more code\n\nRun the tests. Then read \`run_id\`.\n`,
  'block quote': `> ${PROSE.replace(/\n(?!$)/g, '\n> ')}>\n> The \`run_id\` is sent.\n> And more.\n\n> \`\`\`go\n> q.RunID = 2\n> \`\`\`\n`,
  'lazy continuation': '> Quoted text that\ncontinues lazily with run_id here.\nAnd a third line.\n\n- item one\nlazy `RunID` line.\n',
  'setext headings': `Migration of run_id\n===================\n\n${PROSE}Run the tests with \`go test\`.\nThe end of it.\n\nSub heading with RunID\n---\n`,
  'CRLF line ends': `${PROSE}Run the tests with \`go test\`.\n${PROSE}\n\`\`\`go\nx.RunID = 1\n\`\`\`\n\n> quoted run_id.\n`.replace(/\n/g, '\r\n'),
  'frontmatter and title': '---\ntitle: Rename run_id\n---\n# Guide\n\nSome words here.\nThe `run_id` goes.\nNot this line.\n',
  'plain paragraph cut at sentence ends': `${PROSE}Run the tests with \`go test ./...\` before you open a pull request.\n${PROSE}\n${PROSE}The planning\nrun_id stays. More words here.\nAnd the end.\n`,
  'no cut inside a sentence': 'The planning words go on\nand then the run_id comes\nbut the sentence goes on\nuntil here.\n',
  'code span across lines': 'A span `starts here\nand run_id ends` there.\nMore plain words.\n',
  'definitions and references': `${PROSE}\n[ref]: https://x.test/turns?run_id=1\n\nSee [ref] for the run_id.\n\n${PROSE}`,
  'html block': '<!--\n\nA comment with run_id.\n\n-->\n\nAfter the comment the run_id.\n',
  'list with loose items': `- first run_id\n\n  second paragraph of the item.\n\n- next item\n\n${PROSE}\n1. ordered RunID\n`,
};

for (const [name, text] of Object.entries(CASES)) {
  void test(`line scan agrees with a whole-document parse: ${name}`, async () => {
    await assertSameAsWhole(text);
  });
}

void test('line scan agrees with a whole-document parse: BOM (the engine strips it)', async () => {
  const e = await engine();
  const text = `${PROSE}Run the tests. The \`run_id\` is sent.\n`;
  await assertSameAsWhole(text);
  const withBom = (await e.check(`\ufeff${text}`, { path: 'docs/a.md' })).map((f) => ({ ...f, offset: f.offset - 1 }));
  assert.deepEqual(withBom, await e.check(text, { path: 'docs/a.md' }));
});

void test('kept lines: plain lines without a candidate are dropped only at sentence ends', () => {
  const doc = 'First line here.\nSecond line, no stop\nThird has run_id.\nFourth line.\nFifth.\n';
  const mayHold = (s: number, e: number): boolean => doc.slice(s, e).includes('run');
  const [s, e] = keptRange(doc, 0, doc.length, mayHold);
  assert.equal(doc.slice(s, e), 'Second line, no stop\nThird has run_id.\n');
  // A line that is not plain paragraph text keeps the chunk whole.
  const list = '- item\nSecond.\nThird run_id.\n';
  assert.deepEqual(keptRange(list, 0, list.length, (a, b) => list.slice(a, b).includes('run')), [0, list.length]);
  // Markup in a line that would be dropped keeps it.
  const marked = 'A `code\nspan` here.\nThird run_id.\n';
  assert.deepEqual(keptRange(marked, 0, marked.length, (a, b) => marked.slice(a, b).includes('run')), [0, marked.length]);
});
