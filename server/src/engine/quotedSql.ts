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

/** The start of a here-document: `<<'SQL'`, `<<-EOF` (upper-case delimiters: `cout << x` is not one). */
const HEREDOC_START = /<<-?[ \t]*(['"]?)([A-Z_][A-Z0-9_]*)\1[^\n]*\n/g;
/** How far a here-document's body is looked for, and how many are: a huge text stays linear. */
const MAX_HEREDOC = 64 * 1024;
const MAX_HEREDOCS = 256;

/** [start, end) of each here-document's body. */
function hereDocuments(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  HEREDOC_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; n < MAX_HEREDOCS && (m = HEREDOC_START.exec(text)); n++) {
    const body = m.index + m[0].length;
    const end = new RegExp(`^[ \\t]*${m[2]}[ \\t]*\\r?$`, 'm').exec(text.slice(body, body + MAX_HEREDOC));
    if (!end) continue;
    out.push([body, Math.max(body, body + end.index - 1)]);
    HEREDOC_START.lastIndex = body + end.index + end[0].length;
  }
  return out;
}

/** [start, end) of the contents of quoted strings and here-documents that hold SQL. */
export function quotedSql(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/select|insert|update|delete|create|alter|drop/i.test(text)) return out;
  const docs = hereDocuments(text);
  for (const [s, e] of docs) if (looksLikeSql(text.slice(s, e))) out.push([s, e]);
  // Quotes inside a here-document are its text's, not the shell's.
  const blanked = text.replace(COMMENT_LINE, (c) => ' '.repeat(c.length));
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of docs) {
    parts.push(blanked.slice(at, s), ' '.repeat(e - s));
    at = e;
  }
  parts.push(blanked.slice(at));
  const code = parts.join('');
  for (const m of code.matchAll(QUOTED)) {
    const content = m[1] ?? m[2] ?? '';
    // A statement: more than a word or two ("SELECT run_id FROM turns", not "update").
    // Quotes that paired across shell code ("…]] && …") are not one string.
    if (content.length > 12 && !content.includes(']]') && looksLikeSql(content)) out.push([m.index + 1, m.index + 1 + content.length]);
  }
  return out;
}
