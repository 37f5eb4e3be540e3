/**
 * A Go file's package, as the engine reads it: the other `.go` files of its directory, each keyed
 * by its path and stat so the engine works out what a file declares once per version. The same
 * keys make the result cache's dependency fingerprint: a Go file's findings are reused only
 * while no file of its package changed.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PackageFileSource, PackageSource } from '../engine';
import { readText } from './checkFiles';

interface Member {
  abs: string;
  key: string;
  size: number;
}

/** Larger files are not read for their declarations (the check skips them too). */
const MAX_MEMBER_SIZE = 2 * 1024 * 1024;

export function isGoFile(abs: string): boolean {
  return abs.endsWith('.go');
}

/** Directory listings for one run (a CLI check, a worker's batch): files do not change under it. */
export class GoPackages {
  private readonly dirs = new Map<string, Member[]>();
  private readonly modules = new Map<string, { root: string; path: string } | null>();

  /** The Go module a folder is in: the nearest go.mod above it and the module path it declares. */
  private moduleOf(dir: string): { root: string; path: string } | null {
    const known = this.modules.get(dir);
    if (known !== undefined) return known;
    let found: { root: string; path: string } | null = null;
    try {
      const m = /^module[ \t]+("?)([^\s"]+)\1/m.exec(fs.readFileSync(path.join(dir, 'go.mod'), 'utf8'));
      found = m ? { root: dir, path: m[2] } : null;
    } catch {
      const parent = path.dirname(dir);
      found = parent !== dir ? this.moduleOf(parent) : null;
    }
    this.modules.set(dir, found);
    return found;
  }

  private sources(members: readonly Member[]): PackageFileSource[] {
    return members.map((m) => ({
      key: m.key,
      read: (): string | null => {
        if (m.size > MAX_MEMBER_SIZE) return null;
        const read = readText(m.abs);
        return 'text' in read ? read.text : null;
      },
    }));
  }

  private membersOf(dir: string): Member[] {
    let list = this.dirs.get(dir);
    if (list) return list;
    list = [];
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.go')).sort();
    } catch {
      // An unreadable folder: the file is its own package.
    }
    for (const name of names) {
      const abs = path.join(dir, name);
      try {
        const st = fs.statSync(abs);
        if (st.isFile()) list.push({ abs, key: `${abs}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`, size: st.size });
      } catch {
        // Gone since the listing: not part of the package any more.
      }
    }
    this.dirs.set(dir, list);
    return list;
  }

  /** The package source the engine is given for a Go file; undefined for other files. */
  sourceFor(abs: string): PackageSource | undefined {
    if (!isGoFile(abs)) return undefined;
    const members = this.membersOf(path.dirname(abs));
    const self = members.find((m) => m.abs === abs);
    if (!self) return undefined;
    const dir = path.dirname(abs);
    return {
      key: self.key,
      siblings: () => this.sources(members.filter((m) => m !== self)),
      imported: (importPath) => {
        const mod = this.moduleOf(dir);
        if (!mod || !importPath.startsWith(`${mod.path}/`)) return undefined;
        const target = path.join(mod.root, ...importPath.slice(mod.path.length + 1).split('/'));
        if (target === dir || !target.startsWith(mod.root)) return undefined;
        return this.sources(this.membersOf(target).filter((m) => !m.abs.endsWith('_test.go')));
      },
    };
  }

  private readonly fingerprints = new Map<string, string | undefined>();

  /** What a Go file's findings depend on besides itself: the stats of its package's files. */
  fingerprint(abs: string): string | undefined {
    if (!isGoFile(abs)) return undefined;
    const dir = path.dirname(abs);
    if (this.fingerprints.has(dir)) return this.fingerprints.get(dir);
    const members = this.membersOf(dir);
    let print: string | undefined;
    if (members.length > 1) {
      const h = createHash('sha1');
      for (const m of members) h.update(`${path.basename(m.abs)}:${m.key.slice(m.abs.length)};`);
      print = h.digest('base64');
    }
    this.fingerprints.set(dir, print);
    return print;
  }
}
