/**
 * Prints a fixture's findings in the expected format, to start a new `.expected` file.
 * Read every line before saving it: the expected file is the specification, not a snapshot.
 *   node out/test/support/print-expected.js test/fixtures/go/router.go
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engine } from './engine';
import { formatFinding } from './expected';

async function main(): Promise<void> {
  const e = await engine();
  for (const file of process.argv.slice(2)) {
    const rel = path.relative(path.resolve('test/fixtures'), path.resolve(file)).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    process.stdout.write(e.check(text, { path: rel }).map((f) => formatFinding(f) + '\n').join(''));
  }
}

void main();
