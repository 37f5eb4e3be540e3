/**
 * termshift-ignore-next-line / -line / -file. A directive is honoured anywhere on a line, so it
 * works inside the comments of every language (//, --, #, <!-- -->, /* *\/) without a parser.
 */
import type { LineIndex } from './positions';

export interface Suppressions {
  file: boolean;
  lines: Set<number>;
}

const DIRECTIVE = /termshift-ignore-(next-line|line|file)\b/g;

export function findSuppressions(text: string, lines: LineIndex): Suppressions {
  const result: Suppressions = { file: false, lines: new Set() };
  if (!text.includes('termshift-ignore-')) return result;
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text))) {
    const line = lines.positionAt(m.index).line;
    if (m[1] === 'file') result.file = true;
    else result.lines.add(m[1] === 'line' ? line : line + 1);
  }
  return result;
}
