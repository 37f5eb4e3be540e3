/** `termshift check`: report findings; exit 1 when any is at the failing level. */
import * as path from 'node:path';
import { parseArgs, oneOf } from './args';
import { displayPath, type CheckRun } from './checkFiles';
import { atLeast } from './severity';
import { legacyParts, type Finding, type Severity } from '../engine';
import { baselinePath, entryFor, FileLines, fingerprintOf, keyFindings, newFindings, readBaseline, writeBaseline } from './baseline';
import { githubReport } from './github';
import { sarifLog } from './sarif';
import { COMMON_FLAGS, runScan } from './scanOptions';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
const LEVELS = ['error', 'warning', 'information'] as const;

export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function jsonReport(run: CheckRun, shown: (f: Finding) => boolean): object {
  const findings = [];
  const byCategory: Record<string, number> = {};
  for (const r of run.results) {
    for (const f of r.findings) {
      if (!shown(f)) continue;
      findings.push({ path: r.display, range: f.range, ruleId: f.ruleId, category: f.category, severity: f.severity, message: f.message, text: f.text, replacement: f.replacement });
      byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    }
  }
  return { version: 1, findings, summary: { files: run.filesChecked, findings: findings.length, byCategory } };
}

export function textReport(run: CheckRun, shown: (f: Finding) => boolean): string {
  const lines: string[] = [];
  let count = 0;
  const files = new Set<string>();
  for (const r of run.results) {
    for (const f of r.findings) {
      if (!shown(f)) continue;
      count++;
      files.add(r.display);
      const fix = f.replacement !== null ? ` [fix: ${f.text} → ${f.replacement}]` : '';
      lines.push(`${r.display}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.category}: ${f.message}${fix}`);
    }
  }
  lines.push(count === 0 ? `termshift: no findings in ${run.filesChecked} files.` : `termshift: ${count} finding${count === 1 ? '' : 's'} in ${files.size} of ${run.filesChecked} files.`);
  return lines.join('\n');
}

export async function runCheck(argv: string[], cwd: string, io: Output): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { ...COMMON_FLAGS, format: 'string', 'fail-on': 'string', all: 'boolean', baseline: 'string', 'write-baseline': 'string' });
  const format = oneOf('format', flags.format, FORMATS, 'text');
  const failOn: Severity = oneOf('fail-on', flags['fail-on'], LEVELS, 'warning');
  const { run, rules } = await runScan(flags, positionals, cwd);
  // The term inside a compound name is reported as the part that holds it (`RunID` in `resRunID`).
  run.results = run.results.map((r) => ({ ...r, findings: r.findings.flatMap((f) => legacyParts(f, rules.ruleset)) }));
  // Correct usages (planning run, verbs, migration references) are hints: shown only with --all.
  const shown = (f: Finding): boolean => flags.all === true || f.severity !== 'hint';
  const lines = new FileLines();
  const writeTo = typeof flags['write-baseline'] === 'string' ? path.resolve(cwd, flags['write-baseline']) : undefined;
  const baselineFile = typeof flags.baseline === 'string' ? path.resolve(cwd, flags.baseline) : undefined;
  // A baseline quotes the legacy names it records: it is never a finding itself.
  run.results = run.results.filter((r) => r.abs !== writeTo && r.abs !== baselineFile);

  if (writeTo) {
    const keyed = keyFindings(run, (abs) => baselinePath(writeTo, abs), (f) => f.severity !== 'hint', lines);
    writeBaseline(writeTo, keyed.map((k) => k.entry));
    io.err(`termshift: wrote ${keyed.length} finding${keyed.length === 1 ? '' : 's'} to baseline ${path.relative(cwd, writeTo) || writeTo}`);
  }
  if (baselineFile && !writeTo) {
    const baseline = readBaseline(baselineFile);
    const keyed = keyFindings(run, (abs) => baselinePath(baselineFile, abs), (f) => f.severity !== 'hint', lines);
    const isNew = newFindings(baseline, keyed.map((k) => k.entry));
    const known = new Set(keyed.filter((_, i) => !isNew[i]).map((k) => k.finding));
    run.results = run.results.map((r) => ({ ...r, findings: r.findings.filter((f) => !known.has(f)) })).filter((r) => r.findings.length > 0);
    if (known.size) io.err(`termshift: ${known.size} finding${known.size === 1 ? '' : 's'} already in the baseline ${path.relative(cwd, baselineFile) || baselineFile}`);
  }

  for (const s of run.skipped) io.err(`termshift: skipped ${s.path}: ${s.reason}`);
  // Compact: a report is read by tools (pipe it through `jq` to read it), and on a large tree
  // indenting made it half as large again and took a tenth of a warm run.
  if (format === 'json') io.out(JSON.stringify(jsonReport(run, shown)));
  else if (format === 'sarif') {
    const fingerprint = (abs: string, f: Finding): string => fingerprintOf(entryFor(displayPath(abs, rules.root), lines.get(abs), f));
    io.out(JSON.stringify(sarifLog(run, { rules: rules.ruleset, cwd, shown, fingerprint }), null, 2));
  } else if (format === 'github') {
    const out = githubReport(run, shown);
    if (out) io.out(out);
  } else io.out(textReport(run, shown));
  if (writeTo) return 0;
  const failing = run.results.some((r) => r.findings.some((f) => atLeast(f.severity, failOn)));
  return failing ? 1 : 0;
}
