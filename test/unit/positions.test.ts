/** LineIndex: positions in UTF-16 over LF, CRLF and lone CR, and its update after an edit. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/engine/positions';

const starts = (lines: LineIndex): number[] => Array.from({ length: lines.lineCount }, (_, i) => lines.lineStart(i));

void test('positions count LF, CRLF and a lone CR as one line break each', () => {
  const lines = new LineIndex('a\nb\r\nc\rd😀e');
  assert.deepEqual(starts(lines), [0, 2, 5, 7]);
  assert.deepEqual(lines.positionAt(10), { line: 3, character: 3 });
});

void test('afterEdit gives the index of the edited text, as if it were built anew', () => {
  const piece = fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', '😀', '\t');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.constantFrom('x', '\n', 'yz\n', '😀'), { maxLength: 4 }), fc.nat(), fc.nat(), (parts, inserted, a, b) => {
      const old = parts.join('');
      const p = a % (old.length + 1);
      const oldEnd = p + (b % (old.length - p + 1));
      const text = old.slice(0, p) + inserted.join('') + old.slice(oldEnd);
      // The engine re-uses an index only when no CR is next to the edit.
      if (/\r/.test(old.slice(Math.max(0, p - 1), oldEnd + 1)) || /\r/.test(text.slice(Math.max(0, p - 1), p + inserted.join('').length + 1))) return;
      const moved = new LineIndex(old).afterEdit(text, p, oldEnd, p + inserted.join('').length);
      assert.deepEqual(starts(moved), starts(new LineIndex(text)));
    }),
    { numRuns: 3000 },
  );
});
