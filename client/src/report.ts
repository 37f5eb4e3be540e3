/** The "termshift: Show Report" document, rendered from the server's termshift/report answer. */

export interface ReportResult {
  folders: Array<{ uri: string; rules: 'builtin' | 'file' | 'untrusted'; rulesProblems: number }>;
  legacy: number;
  files: Array<{ uri: string; legacy: number; byCategory: Record<string, number> }>;
  byCategory: Record<string, number>;
}

const RULES: Record<ReportResult['folders'][number]['rules'], string> = {
  builtin: 'built-in rule pack',
  file: 'termshift.json',
  untrusted: 'built-in rule pack (Restricted Mode: termshift.json not applied)',
};

export function renderReport(r: ReportResult, display: (uri: string) => string): string {
  const lines = ['# termshift report', '', `**${r.legacy}** legacy term${r.legacy === 1 ? '' : 's'} to migrate.`, ''];
  for (const f of r.folders) lines.push(`- ${display(f.uri) || f.uri}: ${RULES[f.rules]}${f.rulesProblems ? ` — termshift.json has ${f.rulesProblems} problem(s)` : ''}`);
  lines.push('', '## By category', '', '| category | findings |', '|---|---:|');
  for (const [cat, n] of Object.entries(r.byCategory).sort((a, b) => b[1] - a[1])) lines.push(`| ${cat} | ${n} |`);
  lines.push('', '## By file', '', '| file | legacy | all findings |', '|---|---:|---:|');
  for (const f of r.files) lines.push(`| ${display(f.uri)} | ${f.legacy} | ${Object.values(f.byCategory).reduce((a, b) => a + b, 0)} |`);
  return lines.join('\n') + '\n';
}
