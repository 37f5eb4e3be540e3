/**
 * SQL quoted in shell or config text (`psql -c "SELECT run_id … FROM planning_runs"`,
 * `sqlite3 chat.db 'UPDATE turns …'`, a here-document `<<'SQL' … SQL`): the statement decides its columns' meaning (a planning
 * table's `run_id`, a `RENAME COLUMN`), so it goes to the SQL analyzer, not the word scanner.
 */
import { looksLikeSql } from './sqlShape';

/** Double quotes may span lines (psql -c "⏎ SELECT …"); single quotes stay on theirs (an apostrophe in prose). */
const QUOTED = /"((?:[^"\\]|\\.)*)"|'([^'\n]*)'/g;
/** A comment line of shell, YAML or make: its quotes pair with nothing. */
const COMMENT_LINE = /^[ \t]*#.*$/gm;

/** A here-document: `<<'SQL'` (or `<<-EOF`) up to its delimiter alone on a line (group 3: the body). */
const HEREDOC = /<<-?[ \t]*(['"]?)([A-Za-z_]\w*)\1[^\n]*\n([\s\S]*?)\n[ \t]*\2[ \t]*$/gm;

/** [start, end) of the contents of quoted strings and here-documents that hold SQL. */
export function quotedSql(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/select|insert|update|delete|create|alter|drop/i.test(text)) return out;
  const docs: Array<[number, number]> = [];
  for (const m of text.matchAll(HEREDOC)) {
    const at = m.index + m[0].indexOf('\n') + 1;
    docs.push([at, at + m[3].length]);
    if (looksLikeSql(m[3])) out.push([at, at + m[3].length]);
  }
  // Quotes inside a here-document are its text's, not the shell's.
  let code = text.replace(COMMENT_LINE, (c) => ' '.repeat(c.length));
  for (const [s, e] of docs) code = code.slice(0, s) + ' '.repeat(e - s) + code.slice(e);
  for (const m of code.matchAll(QUOTED)) {
    const content = m[1] ?? m[2] ?? '';
    // A statement: more than a word or two ("SELECT run_id FROM turns", not "update").
    // Quotes that paired across shell code ("…]] && …") are not one string.
    if (content.length > 12 && !content.includes(']]') && looksLikeSql(content)) out.push([m.index + 1, m.index + 1 + content.length]);
  }
  return out;
}
