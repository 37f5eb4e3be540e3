/**
 * URL-shaped text inside prose, inline code and string literals: a token inside `https://…`,
 * a route with a query (`/turns?run_id=abc`), a bare query (`?run_id=`) or a route path
 * (`/debug/turns/{run_id}`) is part of an API contract, reported with context `url`.
 * Shared by the Markdown and TypeScript analyzers.
 */

/** Characters that end a URL-ish chunk: whitespace, quotes, backticks, brackets. */
const CHUNK = /[^\s`'"<>()[\]]+/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const ROUTE = /^\/[\w.{}:$~%@-]+(?:\/[\w.{}:$~%@-]*)*\/?$/;

function isUrlChunk(chunk: string): boolean {
  if (SCHEME.test(chunk)) return true;
  if (chunk.startsWith('?') || chunk.startsWith('&')) return /=/.test(chunk) || chunk.length > 1;
  if (chunk.startsWith('/')) return chunk.includes('?') || ROUTE.test(chunk);
  // `turns?run_id=abc`, `api/turns?session_id=1&run_id=2`
  return /^[\w./-]+\?[\w.-]+=/.test(chunk);
}

/** The [start, end) ranges of URL-like chunks in a text. */
export function urlRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/[/?&]/.test(text)) return out;
  CHUNK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHUNK.exec(text))) {
    // A trailing sentence mark is not part of the address.
    const chunk = m[0].replace(/[.,;:!]+$/, '');
    if (chunk && isUrlChunk(chunk)) out.push([m.index, m.index + chunk.length]);
  }
  return out;
}

/** Is the token at [start, end) of text inside a URL, or a query parameter name (`&run_id=`)? */
export function inUrl(text: string, start: number, end: number, ranges = urlRanges(text)): boolean {
  if ((text[start - 1] === '?' || text[start - 1] === '&') && text[end] === '=') return true;
  return ranges.some(([s, e]) => start >= s && end <= e);
}
