/** `termshift report`: the inventory of a tree as markdown, JSON or one offline HTML page. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { oneOf, parseArgs } from '../args';
import type { Output } from '../check';
import { baselinePath, keyFindings, newFindings, readBaseline } from '../baseline';
import { COMMON_FLAGS, runScan } from '../scanOptions';
import { buildInventory, type BaselineProgress, type Counts } from './inventory';
import { markdownReport } from './markdown';
import { htmlReport } from './html';

const FORMATS = ['markdown', 'json', 'html'] as const;

export async function runReport(argv: string[], cwd: string, io: Output): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { ...COMMON_FLAGS, format: 'string', output: 'string', baseline: 'string', title: 'string' });
  const format = oneOf('format', flags.format, FORMATS, 'markdown');
  const { run, rules, phase } = await runScan(flags, positionals, cwd);
  for (const s of run.skipped) io.err(`termshift: skipped ${s.path}: ${s.reason}`);

  let progress: BaselineProgress | undefined;
  if (typeof flags.baseline === 'string') {
    // Progress against a baseline: of its findings per batch, how many are still here.
    const file = path.resolve(cwd, flags.baseline);
    const baseline = readBaseline(file);
    run.results = run.results.filter((r) => r.abs !== file);
    const keyed = keyFindings(run, (abs) => baselinePath(file, abs), (f) => f.severity !== 'hint');
    const isNew = newFindings(baseline, keyed.map((k) => k.entry));
    const total: Counts = {};
    const present: Counts = {};
    for (const e of baseline.findings) total[e.batch ?? 'unassigned'] = (total[e.batch ?? 'unassigned'] ?? 0) + 1;
    keyed.forEach((k, i) => {
      if (isNew[i]) return;
      const b = k.entry.batch ?? 'unassigned';
      present[b] = (present[b] ?? 0) + 1;
    });
    progress = { total, present };
  }
  const inventory = buildInventory(run, rules.ruleset, { phase: phase ?? rules.ruleset.phase, progress });
  const text =
    format === 'json'
      ? JSON.stringify(inventory, null, 2)
      : format === 'html'
        ? htmlReport(inventory, typeof flags.title === 'string' ? flags.title : undefined)
        : markdownReport(inventory);
  if (typeof flags.output === 'string') {
    const out = path.resolve(cwd, flags.output);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text.endsWith('\n') ? text : text + '\n');
    io.err(`termshift: wrote ${path.relative(cwd, out) || out}`);
  } else io.out(text.replace(/\n$/, ''));
  return 0;
}
