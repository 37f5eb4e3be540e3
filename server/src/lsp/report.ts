/** termshift/report: what the workspace holds, by file and category (the client renders it). */
import { isLegacy, shownSeverity } from './diagnostics';
import type { Project } from './project';
import type { ReportResult } from './protocol';
import { pathToUri } from './paths';
import type { FindingsStore } from './store';

export function report(project: Project, store: FindingsStore): ReportResult {
  const byCategory: Record<string, number> = {};
  const files: ReportResult['files'] = [];
  let legacy = 0;
  for (const e of store.all()) {
    const counts: Record<string, number> = {};
    let n = 0;
    for (const f of e.findings) {
      if (shownSeverity(f, { ...e.settings, showCorrectUsages: true }) === null) continue;
      counts[f.category] = (counts[f.category] ?? 0) + 1;
      byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
      if (isLegacy(f, e.engine.rules)) n++;
    }
    legacy += n;
    if (Object.keys(counts).length) files.push({ uri: e.uri, legacy: n, byCategory: counts });
  }
  files.sort((a, b) => b.legacy - a.legacy || (a.uri < b.uri ? -1 : 1));
  const folders = project.folders.map((f) => ({ uri: f.uri, rules: f.rules.source, rulesProblems: f.rules.problems.length, ...(f.rules.file ? { rulesFile: pathToUri(f.rules.file) } : {}) }));
  return { folders, legacy, files, byCategory };
}
