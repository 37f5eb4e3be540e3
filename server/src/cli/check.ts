/** `termshift check`: report findings; exit 1 when any is at the failing level. */
import { parseArgs, oneOf } from './args';
import { checkPaths, DEFAULT_MAX_FILE_SIZE, type CheckRun } from './checkFiles';
import { loadRules } from './rulesConfig';
import { atLeast } from './severity';
import type { Finding, Severity } from '../engine';

const FORMATS = ['text', 'json'] as const;
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
  const { flags, positionals } = parseArgs(argv, { format: 'string', config: 'string', 'fail-on': 'string', phase: 'string', all: 'boolean', 'max-file-size': 'string' });
  const format = oneOf('format', flags.format, FORMATS, 'text');
  const failOn: Severity = oneOf('fail-on', flags['fail-on'], LEVELS, 'warning');
  const rules = loadRules(flags.config as string | undefined, cwd);
  const maxKb = flags['max-file-size'] === undefined ? undefined : Number(flags['max-file-size']);
  const run = await checkPaths(positionals.length ? positionals : ['.'], rules, {
    cwd,
    phase: flags.phase as string | undefined,
    maxFileSize: maxKb && maxKb > 0 ? maxKb * 1024 : DEFAULT_MAX_FILE_SIZE,
  });
  // Correct usages (planning run, verbs, migration references) are hints: shown only with --all.
  const shown = (f: Finding): boolean => flags.all === true || f.severity !== 'hint';
  for (const s of run.skipped) io.err(`termshift: skipped ${s.path}: ${s.reason}`);
  io.out(format === 'json' ? JSON.stringify(jsonReport(run, shown), null, 2) : textReport(run, shown));
  const failing = run.results.some((r) => r.findings.some((f) => atLeast(f.severity, failOn)));
  return failing ? 1 : 0;
}
