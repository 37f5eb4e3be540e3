/**
 * settleFixes composes several passes of fixes into edits against the original text. Checked
 * against a toy rewriting system whose later passes rewrite what earlier passes wrote
 * (aa → b, bb → c): the composed edits must produce exactly the text the passes produced.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, LineIndex, settleFixes, type Finding } from '../../server/src/engine';

const RULES: Array<[string, string]> = [
  ['aa', 'b'],
  ['bb', 'c'],
];

/** Leftmost non-overlapping occurrences of each rule's pattern, as findings. */
function toyCheck(text: string): Finding[] {
  const lines = new LineIndex(text);
  const out: Finding[] = [];
  let i = 0;
  while (i < text.length) {
    const rule = RULES.find(([from]) => text.startsWith(from, i));
    if (!rule) {
      i++;
      continue;
    }
    const [from, to] = rule;
    out.push({ offset: i, length: from.length, text: from, replacement: to, range: { start: lines.positionAt(i), end: lines.positionAt(i + from.length) } } as Finding);
    i += from.length;
  }
  return out;
}

/** The passes done naively: apply, re-check, until nothing is left (or four passes). */
function naive(text: string): string {
  for (let pass = 0; pass < 4; pass++) {
    const found = toyCheck(text);
    if (found.length === 0) break;
    text = applyEdits(text, found.map((f) => ({ offset: f.offset, length: f.length, newText: f.replacement as string, range: f.range })));
  }
  return text;
}

void test('settleFixes: composed edits reproduce every pass, against the original text', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'x', '\n', '\r\n'), { maxLength: 40 }).map((xs) => xs.join('')), (text) => {
      const settled = settleFixes(text, toyCheck);
      assert.equal(settled.text, naive(text));
      assert.equal(applyEdits(text, settled.edits), settled.text);
      const lines = new LineIndex(text);
      let end = -1;
      for (const e of settled.edits) {
        assert.ok(e.offset >= end, 'edits are ordered and do not overlap');
        end = e.offset + e.length;
        assert.deepEqual(e.range, { start: lines.positionAt(e.offset), end: lines.positionAt(e.offset + e.length) });
      }
    }),
    { numRuns: 2000 },
  );
});

void test('settleFixes: a later pass that rewrites an earlier one is one edit', () => {
  const settled = settleFixes('xaaaay', toyCheck);
  assert.equal(settled.text, 'xcy');
  assert.equal(settled.passes, 2);
  assert.deepEqual(settled.edits.map((e) => [e.offset, e.length, e.newText]), [[1, 4, 'c']]);
  assert.deepEqual(settled.left, []);
});
