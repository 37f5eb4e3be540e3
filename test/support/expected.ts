/**
 * The expected-findings format written beside each fixture (`name.ext.expected`), one finding a line:
 *   LINE:COL CATEGORY text -> replacement     (1-based line and UTF-16 column; replacement or "null")
 * Lines starting with # are comments. Every finding the engine reports, hints included, is listed,
 * so a fixture pins down what is flagged and what is deliberately left alone.
 */
import type { Finding } from '../../server/src/engine';

export function formatFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.category} ${f.text} -> ${f.replacement ?? 'null'}`;
}

export function parseExpected(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
