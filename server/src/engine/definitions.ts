/**
 * A text that says what the term is ("run_id is the GitHub Actions run id", "run_id = $GITHUB_RUN_ID",
 * "run_id here is the workflow run id") defines it: the defining occurrence is that system's run,
 * and where a sentence says so in config, scripts and dashboards (whose comments explain their
 * labels once), so is every use of the same spelling in the text.
 */
import type { AnalyzerContext } from './analyzer';
import type { Candidate } from './types';

/** After the term: a copula, then up to three words ("is the GitHub Actions run id"). */
const DEFINITION = /^[`'"*_]*\s*(?:\([^)]*\)\s*)?(?:here\s+)?(?:is|means)\s+(?:the\s+|a\s+|an\s+)?[`'"]?([A-Za-z][\w.]*(?:\s+[A-Za-z][\w.]*){0,2})/;
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
  return words ? ctx.domainOfQualifier(words.replace(/[._]/g, ' ')) : undefined;
}

/** Every use of a spelling the text defines as another system's takes that domain. */
export function applyDefinitions(ctx: AnalyzerContext, text: string, found: Candidate[]): void {
  const defined = new Map<string, string>();
  for (const c of found) {
    const d = definedAs(ctx, text, c.end, true);
    if (d) defined.set(text.slice(c.start, c.end), d);
  }
  if (defined.size === 0) return;
  for (const c of found) {
    const d = defined.get(text.slice(c.start, c.end));
    if (d && !c.domain && !c.migration) c.domain = d;
  }
}
