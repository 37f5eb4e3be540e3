/** Text to match literally inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words matched in a row, each literally, with `separator` (a regex source) between them. */
export function wordsPattern(words: string[], separator: string): string {
  return words.map(escapeRegExp).join(separator);
}
