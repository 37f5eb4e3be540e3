/**
 * Large files are parsed piecewise: tree-sitter parses TypeScript at about 1.5 MB/s here, so a
 * big file is cut at top-level declarations (a line at column 0 starting `export`, `function`,
 * `class`, `interface`, `type`, `const` …, moved up over the comments and decorators above it)
 * and only the pieces that hold a candidate are parsed. A cut inside a template literal or
 * comment only costs tree-sitter some error recovery in that piece.
 */

const TOP_LEVEL = /^(?:export\s+(?:default\s+)?)?(?:declare\s+)?(?:async\s+)?(?:function\b|class\b|abstract\s+class\b|interface\b|type\s+[A-Za-z_$]|enum\b|const\b|let\b|var\b|import\b|namespace\b|module\.exports\b)/;
const LEADING = /^(?:\/\/|\/\*|\s\*|\*\/|@)/;

/** Files at least this long are parsed piecewise; smaller ones whole (more context, little cost). */
export const PIECEWISE_FROM = 64 * 1024;

/** [start, end) offsets of top-level pieces covering the text. */
export function topLevelPieces(text: string): Array<[number, number]> {
  const starts: number[] = [0];
  const lines: number[] = [];
  const re = /[^\n]*\n?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0] !== '') lines.push(m.index);
  for (let i = 1; i < lines.length; i++) {
    if (!TOP_LEVEL.test(text.slice(lines[i], lines[i] + 40))) continue;
    let j = i;
    while (j > 1 && LEADING.test(text.slice(lines[j - 1], lines[j - 1] + 3))) j--;
    if (lines[j] > starts[starts.length - 1]) starts.push(lines[j]);
  }
  return starts.map((s, k) => [s, k + 1 < starts.length ? starts[k + 1] : text.length]);
}
