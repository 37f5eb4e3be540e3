/** Horizontal stacked bar charts as inline SVG: no script, no fonts or files to fetch. */

export interface Bar {
  label: string;
  /** Stacked segments, drawn left to right. */
  parts: number[];
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ROW = 26;
const LABEL = 220;
const WIDTH = 760;

export function barChart(title: string, bars: Bar[], colors: string[], legend: string[]): string {
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((a, n) => a + n, 0)));
  const plot = WIDTH - LABEL - 70;
  const top = 30;
  const height = top + bars.length * ROW + 10;
  const rows = bars.map((b, i) => {
    const y = top + i * ROW;
    let x = LABEL;
    const rects = b.parts.map((n, k) => {
      const w = (n / max) * plot;
      const r = n > 0 ? `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${Math.max(w, 1).toFixed(1)}" height="${ROW - 8}" fill="${colors[k]}"><title>${escapeXml(`${b.label}: ${n} ${legend[k]}`)}</title></rect>` : '';
      x += w;
      return r;
    });
    const label = b.label.length > 32 ? '…' + b.label.slice(-31) : b.label;
    const total = b.parts.reduce((a, n) => a + n, 0);
    return `<text x="${LABEL - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${escapeXml(label)}</text>${rects.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + ROW / 2 + 4}" class="n">${total}</text>`;
  });
  const keys = legend.map((l, k) => `<rect x="${LABEL + k * 150}" y="6" width="12" height="12" fill="${colors[k]}"/><text x="${LABEL + k * 150 + 18}" y="16">${escapeXml(l)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">${keys.join('')}${rows.join('')}</svg>`;
}
