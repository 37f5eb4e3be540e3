/**
 * A text that says what the term is ("run_id is the GitHub Actions run id", "run_id = $GITHUB_RUN_ID",
 * "run_id here is the workflow run id") defines it: the defining occurrence is that system's run,
 * and where a sentence says so in config, scripts and dashboards (whose comments explain their
 * labels once), so is every use of the same spelling in the text.
 */
import type { AnalyzerContext } from './analyzer';
import type { Candidate } from './types';

/** After the term: a copula, then up to three words ("is the GitHub Actions run id", "in this document always means the planning run id"). */
const DEFINITION = /^[`'"*_]*\s*(?:\([^)]*\)\s*)?(?:(?:in|on|throughout)\s+this\s+\w+\s+)?(?:(?:here|always|now)\s+)?(?:is|means|identifies|holds)\s+(?:the\s+|a\s+|an\s+)?[`'"]?([A-Za-z][\w.]*(?:\s+[A-Za-z][\w.]*){0,2})/;
/** After the term: `=` and one variable, nothing else (`run_id = $GITHUB_RUN_ID`, not `"ci-${{ github.run_id }}"`). */
const REFERENCE = /^[`'"*_]*\s*=\s*[`'"]?\$\{{0,2}\s*([A-Za-z][\w.]*)\s*\}{0,2}[`'"]?(?![\w$-])/;

/**
 * The qualifier a definition right after [.., end) names, if it names one. A sentence ("is the …")
 * defines the spelling; a value (`= $GITHUB_RUN_ID`) only this occurrence (`--run-id` elsewhere
 * in the file is another thing spelt alike).
 */
export function definedAs(ctx: AnalyzerContext, text: string, end: number, sentenceOnly = false): string | undefined {
  // A sentence goes on over comment lines: "where run_id is the\n# GitHub Actions run id".
  const after = text.slice(end, end + 80).replace(/\r?\n[ \t]*(?:#|\/\/|--|\*)?[ \t]*/g, ' ');
  const words = DEFINITION.exec(after)?.[1] ?? (sentenceOnly ? undefined : REFERENCE.exec(after)?.[1]);
  return words ? (ctx.domainOf(words) ?? ctx.domainOfQualifier(words.replace(/[._]/g, ' '))) : undefined;
}

/** A definition that says it holds for the whole text: "in this document always means …". */
const SCOPED = /^[`'"*_]*\s*(?:(?:in|on|throughout)\s+this\s+\w+\s+(?:(?:always|here)\s+)?|(?:here\s+)?always\s+)(?:is|means)\b/;

/** Comment lines and blank lines from the start of a text: its header. */
const HEADER = /^(?:[ \t]*(?:(?:#|\/\/|--)[^\n]*)?\r?\n)*/;

/**
 * Every use of a spelling the text defines as another system's takes that domain, where the
 * definition says it holds throughout ("`run_id` in this document always means …") or, in config
 * and scripts (`header`), sits in the comment the text starts with. Elsewhere it is about one
 * place: a document says "`run_id` is the planning run's id" of one event and means the session
 * in the next section.
 */
export function applyDefinitions(ctx: AnalyzerContext, text: string, found: Candidate[], header = false): void {
  const defined = new Map<string, string>();
  const headerEnd = header ? (HEADER.exec(text)?.[0].length ?? 0) : 0;
  for (const c of found) {
    if (c.end > headerEnd && !SCOPED.test(text.slice(c.end, c.end + 60))) {
      if (header) definesTheBlockBelow(ctx, text, c, found);
      continue;
    }
    const d = definedAs(ctx, text, c.end, true);
    if (d) defined.set(text.slice(c.start, c.end), d);
  }
  if (defined.size === 0) return;
  for (const c of found) {
    const d = defined.get(text.slice(c.start, c.end));
    if (d && !c.domain && !c.migration) c.domain = d;
  }
}

/**
 * "# RUN_ID here is the GitHub Actions run id" above a Makefile rule or a script's step: a comment
 * that defines a name speaks for the lines right below it, up to the next blank line.
 */
function definesTheBlockBelow(ctx: AnalyzerContext, text: string, c: Candidate, found: Candidate[]): void {
  // A comment marker near the token only: a long line (a minified file) is no comment line.
  const before = text.slice(Math.max(0, c.start - 200), c.start);
  const nl = before.lastIndexOf('\n');
  if ((nl < 0 && c.start > 200) || !/^[ \t]*(?:#|\/\/|--)/.test(before.slice(nl + 1))) return;
  const d = definedAs(ctx, text, c.end, true);
  if (!d) return;
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = c.end;
  const end = blank.exec(text)?.index ?? text.length;
  const spelling = text.slice(c.start, c.end);
  for (const o of found) if (o.start > c.end && o.start < end && !o.domain && !o.migration && text.slice(o.start, o.end) === spelling) o.domain = d;
}
