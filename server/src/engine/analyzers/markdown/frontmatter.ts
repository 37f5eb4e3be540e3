/**
 * YAML frontmatter: `---` on the first line, closed by `---` or `...`. CommonMark would read it as
 * a thematic break and a setext heading, so the analyzer scans it line by line itself and parses
 * only the body after it.
 */

export interface Frontmatter {
  /** [start, end) of the YAML lines between the fences. */
  start: number;
  end: number;
  /** End of the closing fence line: the body starts here. */
  bodyStart: number;
  /** Top-level `key: value` pairs, keys lower-cased (values unparsed, one line). */
  fields: Map<string, string>;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function findFrontmatter(text: string): Frontmatter | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const start = open[0].length;
  const rest = text.slice(start);
  const close = CLOSE.exec(rest);
  if (!close) return null;
  const end = start + close.index;
  const fields = new Map<string, string>();
  for (const line of text.slice(start, end).split(/\r?\n/)) {
    const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (m) fields.set(m[1].toLowerCase(), m[2]);
  }
  return { start, end, bodyStart: end + close[0].length, fields };
}

