/** `report --format markdown`: tables a pull request or an issue can show as they are. */
import { CATEGORY_MEANING, type Inventory, type Row } from './inventory';

function cell(s: string | number): string {
  return String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(head: string[], rows: (string | number)[][]): string {
  const numeric = head.map((_, i) => i > 0 && rows.every((r) => typeof r[i] === 'number'));
  return [`| ${head.map(cell).join(' | ')} |`, `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function categoriesOf(inv: Inventory): string[] {
  const seen = Object.keys(inv.byCategory);
  return [...inv.remainingCategories.filter((c) => seen.includes(c)), ...seen.filter((c) => !inv.remainingCategories.includes(c)).sort()];
}

function rowTable(first: string, rows: Row[], cats: string[]): string {
  return table([first, 'Remaining', 'Fixable', ...cats], rows.map((r) => [r.key, r.remaining, r.fixable, ...cats.map((c) => r.byCategory[c] ?? 0)]));
}

export function markdownReport(inv: Inventory): string {
  const cats = categoriesOf(inv);
  const out: string[] = ['# termshift inventory', ''];
  const status = inv.remaining === 0 ? '**Done:** no legacy aliases remain.' : `**${inv.remaining} to migrate** (${inv.fixable} fixable with \`termshift fix\`).`;
  const where = inv.base !== '.' ? ` under \`${inv.base}\`` : '';
  out.push(`${status} ${inv.total} findings in ${inv.filesWithFindings} of ${inv.files} files${where}${inv.phase ? `, phase ${inv.phase}` : ''}.`, '');
  if (inv.base !== '.') out.push(`Folders are relative to \`${inv.base}\`.`, '');
  out.push('## By category', '', table(['Category', 'Findings', 'Meaning'], cats.map((c) => [`\`${c}\``, inv.byCategory[c], CATEGORY_MEANING[c] ?? ''])), '');
  if (inv.byBatch.length) {
    const withBaseline = inv.byBatch.some((b) => b.baseline !== undefined);
    const head = ['Plan batch', 'Remaining', 'Fixable', ...(withBaseline ? ['Done', 'In baseline', 'Progress'] : [])];
    const rows = inv.byBatch.map((b) => [
      b.batch === 'unassigned' ? 'unassigned' : `Batch ${b.batch}`,
      b.remaining,
      b.fixable,
      ...(withBaseline ? [b.done ?? 0, b.baseline ?? 0, b.baseline ? `${Math.round((100 * (b.done ?? 0)) / b.baseline)} %` : '–'] : []),
    ]);
    out.push('## By plan batch', '', table(head, rows), '');
  }
  out.push('## By language', '', rowTable('Language', inv.byLanguage, cats), '');
  out.push('## By folder (package)', '', rowTable('Folder', inv.byFolder, cats), '');
  return out.join('\n');
}
