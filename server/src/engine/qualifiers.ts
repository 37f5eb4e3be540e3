/**
 * Whose run a token is, read from the text around it where a qualifier (github, ci, gh, …) says:
 * the words before it, a possessive, the command it is an argument of, the host of the URL or the
 * owner prefix of the key it sits in, the value of a path key or of a flag, the name it is given
 * to, or a definition after it. These count only next to the token, never for a whole line.
 */
import type { AnalyzerContext } from './analyzer';
import { definedAs } from './definitions';

/**
 * Up to two words right before a token, separated by blanks (and markup) only. A sentence goes on
 * over comment lines: "the GitHub Actions\n# run id".
 */
const WORDS_BEFORE = /(?:[A-Za-z][A-Za-z0-9]*(?:'s)?(?:[ \t`*_"]|\r?\n[ \t]*(?:#|\/\/|--)?[ \t]*)+){1,2}$/;
/** "… run id is GitHub's": a possessive after the term and a copula. */
const OWNER_AFTER = /^[\s`*_"]*(?:(?:here|now|also|always)\s+)?(?:(?:is|are|was|were)\s+)(?:the\s+)?([A-Za-z][A-Za-z0-9]*)'s\b/;

/**
 * "the GitHub Actions run ID", "the CI `run_id`", "GitHub's run id": a qualifier among the two words
 * right before a token; "the run id is GitHub's": an owner named after it.
 */
export function qualifierBefore(ctx: AnalyzerContext, text: string, start: number, end?: number): string | undefined {
  const words = WORDS_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[0];
  const before = words ? ctx.domainOfQualifier(words.replace(/'s\b/g, '')) : undefined;
  if (before || end === undefined) return before;
  const owner = OWNER_AFTER.exec(text.slice(end, end + 40))?.[1];
  return owner ? ctx.domainOfQualifier(owner) : undefined;
}
const COMMAND = /^\s*(?:\$\s+)?([A-Za-z][\w-]*)\s/;

/** `gh run rerun <run-id>`: the program a command line runs, as a qualifier of its arguments. */
export function commandQualifier(ctx: AnalyzerContext, line: string): string | undefined {
  const program = COMMAND.exec(line)?.[1];
  return program ? ctx.domainOfQualifier(program) : undefined;
}

/** A URL up to a token, through template placeholders (`{{ $labels.run_id }}`, `${runId}`). */
const URL_BEFORE = /\bhttps?:\/\/([A-Za-z0-9.-]+)(?:[^\s"'`{]|\{\{[^}]*\}\}|\{)*(?:\{\{\s*[$\w.]*)?$/;
/** `ci.acme.dev/run-id`: a DNS-style prefix (an annotation's or label's owner) right before a token. */
const KEY_PREFIX = /([A-Za-z0-9-]+(?:\\?\.[A-Za-z0-9-]+)+)\/$/;

/** The owner a Kubernetes-style key prefix names (`ci.acme.dev/`), as a qualifier. */
function keyPrefixQualifier(ctx: AnalyzerContext, before: string): string | undefined {
  const prefix = KEY_PREFIX.exec(before)?.[1];
  return prefix ? ctx.domainOfQualifier(prefix.replace(/[\\.-]/g, ' ')) : undefined;
}

/** `GH_RUN=<run id>`, `ci_run: run_id`: the value given to a name. */
const VALUE_OF = /([A-Za-z_][\w.-]*)[ \t]*[=:][ \t]*["'<{$]*$/;

/** The qualifier of the name a token is the value of (`GH_RUN=<run id>` is the CI's). */
function assignedToQualified(ctx: AnalyzerContext, before: string): string | undefined {
  const name = VALUE_OF.exec(before)?.[1];
  return name ? ctx.domainOfQualifier(name) : undefined;
}

/** `…/run_id/${GITHUB_RUN_ID}`: a path key, then its value. */
const VALUE_SEGMENT_AFTER = /^\/\$?\{?([A-Za-z_]\w*)/;

/** The qualifier the value of a path key names (`run_id/${GITHUB_RUN_ID}` is the CI's). */
function pathValueQualifier(ctx: AnalyzerContext, after: string): string | undefined {
  const value = VALUE_SEGMENT_AFTER.exec(after)?.[1];
  return value ? ctx.domainOfQualifier(value) : undefined;
}

/** `--run-id ${{ github.run_id }}`, `--run-id="$GITHUB_RUN_ID"`: the value a flag is given. */
const FLAG_VALUE_AFTER = /^(?:=|[ \t]+)["']?(?:\$\{\{\s*([\w.]+)\s*\}\}|\$\{?([A-Za-z_]\w*))/;

/** The qualifier of the value a command-line flag is given (`--run-id ${{ github.run_id }}` is the CI's). */
function flagValueQualifier(ctx: AnalyzerContext, before: string, after: string): string | undefined {
  if (!/(?:^|[\s"'])--?$/.test(before)) return undefined;
  const m = FLAG_VALUE_AFTER.exec(after);
  const value = m?.[1] ?? m?.[2];
  return value ? ctx.domainOfQualifier(value.replace(/\./g, ' ')) : undefined;
}

/** `https://github.com/o/r/actions/runs/${runId}`: the host of the URL a token sits in, as a qualifier. */
export function urlHostQualifier(ctx: AnalyzerContext, before: string): string | undefined {
  const host = URL_BEFORE.exec(before.slice(-300))?.[1];
  return host ? ctx.domainOfQualifier(host.replace(/[.-]/g, ' ')) : undefined;
}

/**
 * The qualifier the text around [start, end) gives the token, if any; `dotted`: the token has a
 * dotted qualifier of its own (`github.run_id`), which speaks for it instead of the words before.
 */
export function qualifierAround(ctx: AnalyzerContext, text: string, start: number, end: number, dotted: boolean): string | undefined {
  return (
    (dotted ? undefined : qualifierBefore(ctx, text, start, end)) ??
    urlHostQualifier(ctx, text.slice(Math.max(0, start - 300), start)) ??
    keyPrefixQualifier(ctx, text.slice(Math.max(0, start - 80), start)) ??
    pathValueQualifier(ctx, text.slice(end, end + 60)) ??
    assignedToQualified(ctx, text.slice(Math.max(0, start - 60), start)) ??
    flagValueQualifier(ctx, text.slice(Math.max(0, start - 3), start), text.slice(end, end + 60)) ??
    definedAs(ctx, text, end)
  );
}
