/** Every fixture under test/fixtures is checked against the findings written beside it. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engine } from '../support/engine';
import { formatFinding, parseExpected } from '../support/expected';

const ROOT = path.resolve(__dirname, '../../../test/fixtures');

function fixtures(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtures(p));
    else if (!e.name.endsWith('.expected') && fs.existsSync(p + '.expected')) out.push(p);
  }
  return out.sort();
}

for (const file of fixtures(ROOT)) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  test(`fixture ${rel}`, async () => {
    const e = await engine();
    const text = fs.readFileSync(file, 'utf8');
    const actual = e.check(text, { path: rel }).map(formatFinding);
    const expected = parseExpected(fs.readFileSync(file + '.expected', 'utf8'));
    assert.deepEqual(actual, expected);
  });
}

test('every fixture has expected findings beside it', () => {
  assert.ok(fixtures(ROOT).length > 0, 'no fixtures found');
});
