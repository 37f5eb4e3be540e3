/** The version in termshift's package.json, found beside the bundle or the compiled sources. */
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'termshift' && pkg.version) return (cached = pkg.version);
    } catch {
      // not here; look one folder up
    }
    dir = path.dirname(dir);
  }
  return (cached = '0.0.0');
}
