/**
 * Findings remembered between runs, per file, the way git's index trusts a file: the outcome of
 * a file whose size, mtime, ctime, inode and device are unchanged is reused without reading it.
 * Any write changes ctime (which no tool can set back), so an edited file is always checked again.
 * A file touched within RACY_MS before the run started is not remembered: on a file system with
 * coarse timestamps a second write in the same tick would leave its stat unchanged.
 *
 * The cache is one JSON file per project root, valid only for the same engine build, rules and
 * phase. Where it lives: --cache-location, else TERMSHIFT_CACHE_DIR, else
 * <root>/node_modules/.cache/termshift when the project has node_modules (the convention of
 * eslint and babel), else $XDG_CACHE_HOME/termshift or ~/.cache/termshift.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileOutcome } from './poolProtocol';
import { packOutcome, StringTable, unpackOutcome, type PackedOutcome } from './cacheCodec';

const FORMAT = 3;
export const RACY_MS = 2000;

/** [size, mtimeMs, ctimeMs, ino, dev, outcome, what else it depends on (a Go file's package)] */
type Entry = [number, number, number, number, number, PackedOutcome] | [number, number, number, number, number, PackedOutcome, string];

interface CacheFile {
  format: number;
  fingerprint: string;
  strings: string[];
  entries: Record<string, Entry>;
}

export interface StatLike {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

export interface CacheOptions {
  root: string;
  /** What else the findings depend on: rules, phase. The engine build is added here. */
  inputs: unknown;
  /** Folder for the cache file; default as described above. */
  location?: string;
  /** When the run started (ms since the epoch): files touched after now - RACY_MS are not kept. */
  startedAt?: number;
}

export function defaultCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.TERMSHIFT_CACHE_DIR) return path.resolve(env.TERMSHIFT_CACHE_DIR);
  const modules = path.join(root, 'node_modules');
  if (fs.existsSync(modules)) return path.join(modules, '.cache', 'termshift');
  let home: string;
  try {
    home = os.homedir();
  } catch {
    // No home directory (a bare CI user): the temporary folder still gives later runs a cache.
    home = os.tmpdir();
  }
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(home, '.cache');
  return path.join(base, 'termshift');
}

/** The build of the engine that is running: its own code and the grammars beside it. */
let buildId: string | undefined;
function engineBuild(): string {
  if (buildId) return buildId;
  const h = createHash('sha1');
  try {
    h.update(fs.readFileSync(__filename));
    for (const name of fs.readdirSync(__dirname).filter((n) => n.endsWith('.wasm')).sort()) h.update(`${name}:${fs.statSync(path.join(__dirname, name)).size};`);
  } catch {
    h.update(String(Date.now()));
  }
  return (buildId = h.digest('hex'));
}

export class ResultCache {
  private readonly entries: Record<string, Entry>;
  private readonly seen = new Set<string>();
  private changed = false;
  private readonly newestTrusted: number;

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    entries: Record<string, Entry>,
    private readonly strings: StringTable,
    startedAt: number,
  ) {
    this.entries = entries;
    this.newestTrusted = startedAt - RACY_MS;
  }

  static open(opts: CacheOptions): ResultCache {
    const fingerprint = createHash('sha1').update(engineBuild()).update(JSON.stringify(opts.inputs)).digest('hex');
    const dir = opts.location ? path.resolve(opts.location) : defaultCacheDir(opts.root);
    const file = path.join(dir, `${createHash('sha1').update(opts.root).digest('hex').slice(0, 16)}.json`);
    let entries: Record<string, Entry> = {};
    let strings: string[] = [];
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.format === FORMAT && parsed.fingerprint === fingerprint && parsed.entries && typeof parsed.entries === 'object' && Array.isArray(parsed.strings)) {
        entries = parsed.entries;
        strings = parsed.strings;
      }
    } catch {
      // No cache yet, or an unreadable one: start empty (it is rewritten at the end).
    }
    return new ResultCache(file, fingerprint, entries, new StringTable(strings), opts.startedAt ?? Date.now());
  }

  /** The remembered outcome of this file, when its stat (and its dependencies' fingerprint) is exactly what it was. */
  get(key: string, st: StatLike, deps?: string): FileOutcome | undefined {
    this.seen.add(key);
    const e = this.entries[key];
    if (!Array.isArray(e) || e[0] !== st.size || e[1] !== st.mtimeMs || e[2] !== st.ctimeMs || e[3] !== st.ino || e[4] !== st.dev || e[6] !== deps) return undefined;
    return unpackOutcome(e[5], this.strings);
  }

  set(key: string, st: StatLike, outcome: FileOutcome, deps?: string): void {
    this.seen.add(key);
    if (Math.max(st.mtimeMs, st.ctimeMs) >= this.newestTrusted) {
      if (this.entries[key]) {
        delete this.entries[key];
        this.changed = true;
      }
      return;
    }
    const packed = packOutcome(outcome, this.strings);
    this.entries[key] = deps === undefined ? [st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, packed] : [st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, packed, deps];
    this.changed = true;
  }

  /**
   * Writes the cache when anything changed (atomically: a rename). Entries of files this run did
   * not look at are kept while the file exists, so checking one folder does not forget the rest.
   */
  save(root: string): void {
    if (!this.changed) return;
    for (const key of Object.keys(this.entries)) if (!this.seen.has(key) && !fs.existsSync(path.join(root, key))) delete this.entries[key];
    const data: CacheFile = { format: FORMAT, fingerprint: this.fingerprint, strings: this.strings.strings, entries: this.entries };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
    } catch {
      // A cache that cannot be written only costs time next run.
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // The folder itself is unusable: nothing was written.
      }
    }
  }
}
