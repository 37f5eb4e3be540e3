/**
 * The exact source of a code block's content, so an embedded analyzer's offsets map back to the
 * document: the lines between the fences, with container prefixes (`> ` of enclosing block
 * quotes) blanked to spaces rather than removed.
 */

export interface BlockContent {
  /** Offset of the first content character in the document. */
  offset: number;
  /** Same length as the source it covers. */
  text: string;
}

import { LIST_MARKER } from './segments';

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;

function sourceLines(src: string): Array<{ start: number; text: string; eol: string }> {
  const out: Array<{ start: number; text: string; eol: string }> = [];
  LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE.exec(src)) && m[0] !== '') {
    const eol = /\r\n|\r|\n$/.exec(m[0])?.[0] ?? '';
    out.push({ start: m.index, text: m[0].slice(0, m[0].length - eol.length), eol });
  }
  return out;
}

/** Blanks up to `depth` block-quote markers at the start of a line. */
function blankQuotes(line: string, depth: number): string {
  let out = line;
  for (let i = 0; i < depth; i++) {
    const m = /^([ \t]*)>/.exec(out);
    if (!m) break;
    out = out.slice(0, m[1].length) + ' ' + out.slice(m[0].length);
  }
  return out;
}

/**
 * Content of a fenced (```/~~~) or indented code block whose source is `src` at `start`.
 * `quoteDepth` is the number of enclosing block quotes.
 */
export function codeBlockContent(src: string, start: number, quoteDepth: number): BlockContent {
  const lines = sourceLines(src);
  if (lines.length === 0) return { offset: start, text: '' };
  const fence = /^[ \t]*([`~]{3,})/.exec(blankQuotes(lines[0].text, quoteDepth).replace(LIST_MARKER, ''));
  let first = 0;
  let last = lines.length;
  if (fence) {
    first = 1;
    const ch = fence[1][0];
    const closing = new RegExp(`^[ \\t]*\\${ch}{${fence[1].length},}[ \\t]*$`);
    if (lines.length > 1 && closing.test(blankQuotes(lines[lines.length - 1].text, quoteDepth))) last = lines.length - 1;
  }
  if (first >= last) return { offset: start + (lines[first]?.start ?? src.length), text: '' };
  const body = lines.slice(first, last);
  // The last content line's own line break belongs to the closing fence, not the code.
  const text = body.map((l, i) => blankQuotes(l.text, quoteDepth) + (i < body.length - 1 ? l.eol : '')).join('');
  return { offset: start + body[0].start, text };
}
