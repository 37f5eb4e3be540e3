/**
 * A line scan that cuts a Markdown document into fenced code blocks and chunks (runs of lines
 * between blank lines). micromark is thorough but slow (about 0.3 MB/s here, and super-linear on
 * long documents), so only the chunks that hold a candidate are parsed, each on its own; a chunk
 * boundary never falls inside a block micromark would need to see whole, except link reference
 * definitions (a reference to a definition in another chunk reads as plain text: still scanned).
 */

export interface Fence {
  kind: 'fence';
  /** [start, end) of the block, fence lines included. */
  start: number;
  end: number;
  info: string;
  quoteDepth: number;
}

export interface Chunk {
  kind: 'chunk';
  start: number;
  end: number;
}

export type Segment = Fence | Chunk;

const INDENTED = /^(?: {4}| {0,3}\t)/;
const QUOTES = /^(?:[ \t]*>)+/;
const OPEN_FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
/** A fence may open on a list item's first line: "- ```ts". */
export const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?=[`~]{3})/;

function quoteDepth(line: string): number {
  return (QUOTES.exec(line)?.[0].match(/>/g) ?? []).length;
}

/** The line with up to `depth` block-quote markers (and one following space) removed. */
function unquote(line: string, depth: number): string {
  let out = line;
  for (let i = 0; i < depth; i++) {
    const m = /^[ \t]*> ?/.exec(out);
    if (!m) return out;
    out = out.slice(m[0].length);
  }
  return out;
}

export function segments(text: string, from: number): Segment[] {
  const out: Segment[] = [];
  const line = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  line.lastIndex = from;
  let chunk: Chunk | null = null;
  let fence: (Fence & { marker: string; open: number }) | null = null;
  let m: RegExpExecArray | null;
  while (line.lastIndex < text.length && (m = line.exec(text)) && m[0] !== '') {
    const start = m.index;
    const end = m.index + m[0].length;
    const body = m[0].replace(/[\r\n]+$/, '');
    if (fence) {
      const depth = quoteDepth(body);
      // A fence inside a block quote ends with the quote.
      if (depth < fence.quoteDepth) {
        out.push({ kind: 'fence', start: fence.start, end: start, info: fence.info, quoteDepth: fence.quoteDepth });
        fence = null;
      } else {
        const inner = unquote(body, fence.quoteDepth).trim();
        if (inner.length >= fence.marker.length && inner[0] === fence.marker[0] && /^(`+|~+)$/.test(inner)) {
          out.push({ kind: 'fence', start: fence.start, end, info: fence.info, quoteDepth: fence.quoteDepth });
          fence = null;
        }
        continue;
      }
    }
    const depth = quoteDepth(body);
    const inner = unquote(body, depth);
    const open = OPEN_FENCE.exec(inner.replace(LIST_MARKER, ''));
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
      if (chunk) out.push(chunk);
      chunk = null;
      fence = { kind: 'fence', start, end, info: open[3].trim(), quoteDepth: depth, marker: open[2], open: start };
      continue;
    }
    if (inner.trim() === '') {
      if (chunk) out.push(chunk);
      chunk = null;
      continue;
    }
    if (chunk) chunk.end = end;
    else if (INDENTED.test(inner) && out[out.length - 1]?.kind === 'chunk') {
      // Indented after a blank line: a list item's continuation or indented code, which only the
      // chunk before can tell apart; parse them together.
      chunk = out.pop() as Chunk;
      chunk.end = end;
    } else chunk = { kind: 'chunk', start, end };
  }
  if (fence) out.push({ kind: 'fence', start: fence.start, end: text.length, info: fence.info, quoteDepth: fence.quoteDepth });
  if (chunk) out.push(chunk);
  return out;
}
