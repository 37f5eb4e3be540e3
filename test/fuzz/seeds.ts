/** Seed files for mutation fuzzing: the fixtures, the Go fixture module and the bundled example. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');

const SEED_DIRS = ['test/fixtures', 'test/gomod', 'examples'];
const SEED_EXT = /\.(go|sql|md|markdown|proto|ts|tsx|js|txt)$/;

export interface Seed {
  /** Repo-relative path: its extension picks the language. */
  path: string;
  text: string;
}

function collect(dir: string, out: Seed[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) collect(abs, out);
    else if (e.isFile() && SEED_EXT.test(e.name) && fs.statSync(abs).size < 256 * 1024) {
      out.push({ path: path.relative(REPO, abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8') });
    }
  }
}

export function seeds(): Seed[] {
  const out: Seed[] = [];
  for (const d of SEED_DIRS) collect(path.join(REPO, d), out);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
