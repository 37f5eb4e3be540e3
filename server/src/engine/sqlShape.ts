/** Whether text is SQL by its shape: Go strings, shell quotes and comments hand such text to the SQL analyzer. */

/**
 * A statement's keyword in capitals: lower case at the start is as often an error message
 * ("insert turn %s (run %s)", "create engine for run %s"); lower-case SQL is known by its shape.
 */
const SQL_START = /^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH|REPLACE|UPSERT|PRAGMA)\b|^\s*pragma\s+\w+/;
const SQL_ANYWHERE = /\b(SELECT\s[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX)|ALTER\s+TABLE|DROP\s+(INDEX|TABLE))\b/i;
/** A query-builder fragment: "run_id = ?", " AND run_id = $2", "ORDER BY created_at DESC". */
const SQL_FRAGMENT = /^\s*(AND\s+|OR\s+|WHERE\s+)?[A-Za-z_][\w.]*\s*(=|<>|!=|<=|>=|<|>|\s+IN\s*\(|\s+LIKE\s|\s+IS\s)\s*(\?|\$\d+|:\w+|@\w+)|^\s*(ORDER|GROUP)\s+BY\s|^\s*(AND|OR|WHERE)\s/i;

export function looksLikeSql(content: string): boolean {
  return SQL_START.test(content) || SQL_ANYWHERE.test(content) || SQL_FRAGMENT.test(content);
}
