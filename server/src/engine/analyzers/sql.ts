/**
 * SQL analyzer (SQLite and Postgres; `.sql` files and SQL embedded in Go strings). A tolerant lexer
 * splits the text into statements at top-level semicolons; each statement is read for table, index
 * and column names (see sql/statement.ts); comments and string literals go to the word scanner.
 * Works on fragments ("WHERE run_id = ?", "run_id TEXT NOT NULL,") and never throws.
 */
import type { Analyzer, AnalyzerContext } from '../analyzer';
import { scanWords } from '../scan';
import type { Candidate } from '../types';
import { lexSql, statementRanges, type SqlToken } from './sql/lexer';
import { SqlStatement } from './sql/statement';
import { wordsPattern } from '../regex';
import { hasWordSequence, lowerWords } from '../words';
import { isBareNoun, markSessionNouns } from '../nouns';

/** Dollar-quoted bodies nest (a DO block inside a function body); deeper ones are read as text. */
const MAX_BODY_DEPTH = 3;

function analyze(text: string, ctx: AnalyzerContext, depth: number): Candidate[] {
  const out: Candidate[] = [];
  for (const [from, to] of statementRanges(text)) {
    // Most statements of a real schema never name the term: skip them before tokenizing.
    if (!ctx.rules.mayMatch(text.slice(from, to))) continue;
    const code: SqlToken[] = [];
    const others: SqlToken[] = [];
    /** Dollar-quoted bodies that follow AS or DO: routine bodies, which hold SQL. */
    const bodies = new Set<SqlToken>();
    for (const tok of lexSql(text, from, to)) {
      if (tok.kind === 'comment' || tok.kind === 'string' || tok.kind === 'dollar') {
        others.push(tok);
        const prev = code[code.length - 1];
        if (tok.kind === 'dollar' && prev?.kind === 'word' && (prev.upper === 'AS' || prev.upper === 'DO')) bodies.add(tok);
      } else code.push(tok);
    }
    const stmt = new SqlStatement(text, code, ctx);
    const start = out.length;
    const nouns: Candidate[] = [];
    stmt.analyze(out);
    const first = code[0]?.start ?? Infinity;
    // Only comments ask (a query's name, its counted nouns).
    const keyedBySession = others.some((t) => t.kind === 'comment') && byTheSession(text, code, ctx, out.slice(start));
    for (const tok of others) {
      const body = text.slice(tok.inStart, tok.inEnd);
      if (bodies.has(tok) && depth < MAX_BODY_DEPTH) {
        for (const c of analyze(body, ctx, depth + 1)) out.push({ ...c, start: c.start + tok.inStart, end: c.end + tok.inStart });
        continue;
      }
      // Comments inside a statement about a domain table (CREATE TABLE planning_runs ( … -- the run's id)) share its domain.
      const inherit = tok.start > first && stmt.domain ? { domain: stmt.domain } : undefined;
      const query = tok.kind === 'comment' && keyedBySession ? QUERY_NAME.exec(body) : null;
      for (const c of scanWords(body, ctx, { context: tok.kind === 'comment' ? 'comment' : 'string', offset: tok.inStart, inherit })) {
        if (tok.kind === 'comment' && isBareNoun(ctx, text, c, body, c.start - tok.inStart)) nouns.push(c);
        // -- name: PurgeRunTurns :execrows over `WHERE session_id = $1`: the query's run is the session.
        if (query && c.start === tok.inStart + query.index + query[0].length - query[1].length && !c.domain && !c.migration && ctx.match(query[1])?.kind === 'bare') {
          c.denotesSession = true;
          c.because = 'the query it names selects by the session';
        }
        out.push(c);
      }
    }
    // "-- last 10 snapshots of a run" above `WHERE run_id = ?`: the statement names the session.
    markSessionNouns(ctx, text, nouns, out.slice(start), keyedBySession ? 'its statement selects by the session' : 'its statement names the session by the legacy id', keyedBySession);
  }
  return out;
}

/** sqlc's query annotation: `-- name: ListTurns :many`. */
const QUERY_NAME = /^\s*name:\s*([A-Za-z_]\w*)(?=\s+:\w+)/;

/**
 * Does the statement select by the session: a session id column by its new name, or the legacy
 * term outside any domain (`WHERE run_id = $1` on turns)?
 */
function byTheSession(text: string, code: SqlToken[], ctx: AnalyzerContext, found: Candidate[]): boolean {
  if (found.some((c) => c.domain)) return false;
  if (found.some((c) => !c.migration && ctx.match(text.slice(c.start, c.end))?.kind === 'term')) return true;
  return code.some((t) => t.kind === 'word' && ctx.rules.rules.some((r) => hasWordSequence(lowerWords(text.slice(t.inStart, t.inEnd)), r.spec.preferred)));
}

/**
 * A rollback (a down migration) renames the new name back to the old one
 * (`RENAME COLUMN session_id TO run_id`); the old names it recreates are migration references.
 */
function isRollback(text: string, ctx: AnalyzerContext): boolean {
  const seq = (words: string[]): string => wordsPattern(words, '[-_ ]?');
  return ctx.rules.rules.some((r) =>
    new RegExp(`\\bRENAME\\s+(?:COLUMN\\s+)?["\`\\[]?\\w*${seq(r.spec.preferred)}\\w*["\`\\]]?\\s+TO\\s+["\`\\[]?\\w*${seq(r.spec.legacy)}`, 'i').test(text),
  );
}

export const analyzeSql: Analyzer = (text, ctx) => {
  const out = analyze(text, ctx, 0);
  if (out.length && isRollback(text, ctx)) for (const c of out) if (!c.domain) c.migration = true;
  return out;
};
