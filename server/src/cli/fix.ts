/**
 * `termshift fix`: applies the safe fixes to files on disk (engine settleFixes: fix-all, re-checked until settled).
 * Each file is re-read and re-checked right before it is fixed, so the edits always match the
 * text they apply to; it is then written atomically (temporary file in the same folder + rename,
 * mode kept) unless it changed on disk since that read. Line endings and a BOM are untouched
 * because only the flagged tokens are replaced.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, fixEdits, settleFixes } from '../engine';
import { parseArgs } from './args';
import { readText } from './checkFiles';
import type { Output } from './check';
import { unifiedDiff } from './diff';
import { COMMON_FLAGS, runScan } from './scanOptions';

export interface FixHooks {
  /** Called after a file's new text is computed and before it is written (tests change the file here). */
  beforeWrite?: (abs: string) => void;
}

export type WriteResult = { ok: true } | { ok: false; reason: string };

/** Replaces `file` with `next` unless its bytes or mtime moved away from `expected`/`seen`. */
export function writeAtomically(file: string, expected: string, next: string, seen: fs.Stats): WriteResult {
  const unchanged = (): string | null => {
    let now: fs.Stats;
    try {
      now = fs.statSync(file);
    } catch (e) {
      return `cannot read it any more: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
    }
    if (now.mtimeMs !== seen.mtimeMs || now.size !== seen.size) return 'it changed on disk since it was read';
    if (!fs.readFileSync(file).equals(Buffer.from(expected, 'utf8'))) return 'its content changed since it was read';
    return null;
  };
  const before = unchanged();
  if (before) return { ok: false, reason: before };
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.termshift-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', seen.mode & 0o7777);
    try {
      fs.writeFileSync(fd, next, 'utf8');
      fs.fchmodSync(fd, seen.mode & 0o7777); // openSync's mode is filtered by the umask
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const late = unchanged();
    if (late) {
      fs.rmSync(tmp, { force: true });
      return { ok: false, reason: late };
    }
    fs.renameSync(tmp, file);
    return { ok: true };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    return { ok: false, reason: `cannot write it: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}

export async function runFix(argv: string[], cwd: string, io: Output, hooks: FixHooks = {}): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { ...COMMON_FLAGS, 'dry-run': 'boolean' });
  const dryRun = flags['dry-run'] === true;
  const { run, rules, phase } = await runScan(flags, positionals, cwd);
  const engine = await Engine.create(rules.ruleset);
  for (const s of run.skipped) io.err(`termshift: skipped ${s.path}: ${s.reason}`);

  let files = 0;
  let fixes = 0;
  let manual = 0;
  let refused = 0;
  for (const r of run.results) {
    if (fixEdits(r.findings).length === 0) {
      manual += r.findings.filter((f) => f.severity !== 'hint').length;
      continue;
    }
    // A symlinked file is fixed in place: the link stays a link.
    const target = fs.realpathSync(r.abs);
    const seen = fs.statSync(target);
    const read = readText(target);
    if ('skip' in read) {
      io.err(`termshift: refused ${r.display}: ${read.skip}`);
      refused++;
      continue;
    }
    const rel = path.relative(rules.root, r.abs).split(path.sep).join('/');
    // Fix-all settles: it re-checks its own result (see settleFixes) until nothing fixable is left.
    const settled = settleFixes(read.text, (t) => engine.check(t, { path: rel, phase }));
    const next = settled.text;
    const applied = settled.edits.length;
    const findings = settled.left;
    manual += findings.filter((f) => f.severity !== 'hint' && (f.replacement === null || f.replacement === f.text)).length;
    if (applied === 0) continue;
    if (dryRun) {
      io.out(unifiedDiff(read.text, next, `a/${r.display}`, `b/${r.display}`).replace(/\n$/, ''));
    } else {
      hooks.beforeWrite?.(target);
      const written = writeAtomically(target, read.text, next, seen);
      if (!written.ok) {
        io.err(`termshift: refused ${r.display}: ${written.reason}; run fix again`);
        refused++;
        continue;
      }
      io.out(`fixed ${r.display} (${applied} edit${applied === 1 ? '' : 's'})`);
    }
    files++;
    fixes += applied;
  }
  const s = (n: number): string => (n === 1 ? '' : 's');
  const verb = dryRun ? 'would fix' : 'fixed';
  io.err(`termshift: ${verb} ${fixes} finding${s(fixes)} in ${files} file${s(files)}` + (manual ? `; ${manual} need${manual === 1 ? 's' : ''} a manual change (termshift check)` : '') + (refused ? `; refused ${refused} file${s(refused)}` : '') + '.');
  return refused > 0 || (dryRun && fixes > 0) ? 1 : 0;
}
