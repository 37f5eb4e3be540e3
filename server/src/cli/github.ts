/**
 * `check --format github`: GitHub Actions workflow commands, one annotation per finding:
 *   ::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::MESSAGE
 */
import type { Finding, Severity } from '../engine';
import type { CheckRun } from './checkFiles';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escaping of a command's message (the data after `::`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: as data, plus the separators `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotation(file: string, f: Finding): string {
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${f.range.start.line + 1}`,
    `col=${f.range.start.character + 1}`,
    `endLine=${f.range.end.line + 1}`,
    `endColumn=${f.range.end.character + 1}`,
    `title=${escapeProperty(`termshift ${f.category}`)}`,
  ];
  const fix = f.replacement !== null && f.replacement !== f.text ? ` (fix: ${f.text} → ${f.replacement})` : '';
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message + fix)}`;
}

export function githubReport(run: CheckRun, shown: (f: Finding) => boolean): string {
  const lines: string[] = [];
  for (const r of run.results) for (const f of r.findings) if (shown(f)) lines.push(githubAnnotation(r.display, f));
  return lines.join('\n');
}
