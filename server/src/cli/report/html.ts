/**
 * `report --format html`: one self-contained page (inline CSS and SVG, no script, a CSP that
 * forbids fetching anything), so it can be attached to a CI run and opened offline.
 */
import { CATEGORY_MEANING, type Inventory, type Row } from './inventory';
import { categoriesOf } from './markdown';
import { barChart, escapeXml as esc } from './svg';

const FIXABLE = '#2f7ed8';
const MANUAL = '#e4572e';
const DONE = '#3aa76d';
const HINT = '#9aa5b1';
const TOP_FOLDERS = 15;

function table(head: string[], rows: (string | number)[][]): string {
  const numeric = head.map((_, i) => i > 0 && rows.every((r) => typeof r[i] === 'number'));
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${esc(String(c))}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table></div>`;
}

/** The categories to migrate get a column each; the correct usages are summed into one. */
function rowTable(first: string, rows: Row[], inv: Inventory): string {
  const cats = inv.remainingCategories.filter((c) => inv.byCategory[c]);
  return table(
    [first, 'Remaining', 'Fixable', ...cats, 'Correct as is'],
    rows.map((r) => [r.key, r.remaining, r.fixable, ...cats.map((c) => r.byCategory[c] ?? 0), r.total - r.remaining]),
  );
}

const card = (n: number, label: string, cls = ''): string => `<div class="card ${cls}"><div class="big">${n}</div><div>${esc(label)}</div></div>`;

export function htmlReport(inv: Inventory, title = 'termshift inventory'): string {
  const cats = categoriesOf(inv);
  const withBaseline = inv.byBatch.some((b) => b.baseline !== undefined);
  const folders = inv.byFolder.filter((r) => r.remaining > 0).slice(0, TOP_FOLDERS);
  const folderChart = folders.length
    ? barChart('What remains per folder', folders.map((r) => ({ label: r.key, parts: [r.fixable, r.remaining - r.fixable] })), [FIXABLE, MANUAL], ['fixable', 'manual change'])
    : '<p class="ok">Nothing remains in any folder.</p>';
  const batchChart = inv.byBatch.length
    ? barChart(
        'What remains per plan batch',
        inv.byBatch.map((b) => ({ label: b.batch === 'unassigned' ? 'unassigned' : `Batch ${b.batch}`, parts: withBaseline ? [b.done ?? 0, b.fixable, b.remaining - b.fixable] : [b.fixable, b.remaining - b.fixable] })),
        withBaseline ? [DONE, FIXABLE, MANUAL] : [FIXABLE, MANUAL],
        withBaseline ? ['done since baseline', 'fixable', 'manual change'] : ['fixable', 'manual change'],
      )
    : '<p class="ok">Nothing remains in any batch.</p>';
  const categoryChart = barChart(
    'Findings by category',
    cats.map((c) => ({ label: c, parts: [inv.remainingCategories.includes(c) ? inv.byCategory[c] : 0, inv.remainingCategories.includes(c) ? 0 : inv.byCategory[c]] })),
    [MANUAL, HINT],
    ['to migrate', 'correct as it is'],
  );
  const batchRows = inv.byBatch.map((b) => [
    b.batch === 'unassigned' ? 'unassigned' : `Batch ${b.batch}`,
    b.remaining,
    b.fixable,
    ...(withBaseline ? [b.done ?? 0, b.baseline ?? 0, b.baseline ? `${Math.round((100 * (b.done ?? 0)) / b.baseline)} %` : '–'] : []),
  ]);
  const verdict =
    inv.remaining === 0
      ? '<p class="banner ok">✓ Zero legacy aliases: the plan’s success criterion is met.</p>'
      : `<p class="banner todo">${inv.remaining} finding${inv.remaining === 1 ? '' : 's'} to migrate; ${inv.fixable} can be fixed with <code>termshift fix</code>.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:980px;padding:0 16px;color:#1f2933;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #e4e7eb;padding-bottom:4px}
.sub{color:#52606d;margin:0 0 16px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #e4e7eb;border-radius:8px;padding:10px 16px;min-width:140px}.big{font-size:28px;font-weight:600}
.card.todo .big{color:${MANUAL}}.card.fix .big{color:${FIXABLE}}
.banner{padding:10px 14px;border-radius:6px;font-weight:600}.banner.ok,.ok{background:#e3f9e5;color:#1f7a3a}.banner.todo{background:#fde8e4;color:#a3281b}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #e4e7eb;padding:4px 8px;text-align:left}
th{background:#f5f7fa}.num{text-align:right;font-variant-numeric:tabular-nums}
svg{max-width:100%;height:auto;font:12px system-ui,sans-serif;fill:#1f2933}svg .n{fill:#52606d}
code{background:#f5f7fa;padding:1px 4px;border-radius:3px}.scroll{overflow-x:auto}
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="sub">${inv.base !== '.' ? `<code>${esc(inv.base)}</code> · ` : ''}${inv.files} files checked · ${inv.total} findings in ${inv.filesWithFindings} files${inv.phase ? ` · phase ${esc(inv.phase)}` : ''}</p>
${verdict}
<div class="cards">${card(inv.remaining, 'to migrate', 'todo')}${card(inv.fixable, 'fixable automatically', 'fix')}${card(inv.total - inv.remaining, 'correct as they are')}${card(inv.filesWithFindings, 'files with findings')}</div>
<h2>What remains per plan batch</h2>
${batchChart}
${inv.byBatch.length ? table(['Plan batch', 'Remaining', 'Fixable', ...(withBaseline ? ['Done', 'In baseline', 'Progress'] : [])], batchRows) : ''}
<h2>What remains per folder (package)</h2>
${folderChart}
<h2>By category</h2>
${categoryChart}
${table(['Category', 'Findings', 'Meaning'], cats.map((c) => [c, inv.byCategory[c], CATEGORY_MEANING[c] ?? '']))}
<h2>By language</h2>
${rowTable('Language', inv.byLanguage, inv)}
<h2>By folder (package)</h2>
${rowTable('Folder', inv.byFolder, inv)}
</body>
</html>
`;
}
