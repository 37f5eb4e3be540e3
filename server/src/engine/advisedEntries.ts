/**
 * An entry of a configuration list that advises about the old name — a linter's forbidden pattern
 * with its message (`- p: '\bRunID\b'` / `msg: use SessionID`), a restricted property with the
 * name to use instead — exists because of the old name: it names it on purpose, as a migration
 * reference does. Renaming its pattern would forbid the new name instead. So does a lint
 * configuration's exclude rule, whose text matches the finding about the old name.
 */
import type { AnalyzerContext } from './analyzer';

/** A key whose value the tool matches against code (a linter's pattern, a restricted name). */
const PATTERN = /^\s*(?:-\s+)?["']?(?:p|pattern|patterns|regex|regexp|match|forbid|deny|ban|property|selector|pkg)["']?\s*:/i;
/** A key whose value is advice to the reader. */
const ADVICE = /^\s*(?:-\s+)?["']?(?:msg|message|desc|description|reason|hint|help|suggestion)["']?\s*:\s*(.+)$/i;
const ITEM = /^(\s*)-\s/;
/** A lint configuration's rule entry, and the text of the findings it excludes. */
const LINTERS = /^\s*(?:-\s+)?["']?linters["']?\s*:/i;
const EXCLUDED_TEXT = /^\s*(?:-\s+)?["']?(?:text|source)["']?\s*:/i;

/** The [start, end) offsets of the list entries (YAML `- …` items) whose advice names the new name or the migration. */
export function advisedEntries(text: string, ctx: AnalyzerContext, namesPreferred: (s: string) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/^\s*-\s/m.test(text)) return out;
  const lines: Array<[number, number]> = [];
  for (let s = 0; s <= text.length; ) {
    const e = text.indexOf('\n', s);
    const end = e < 0 ? text.length : e;
    lines.push([s, end]);
    s = end + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const item = ITEM.exec(text.slice(lines[i][0], lines[i][1]));
    if (!item) continue;
    const indent = item[1].length;
    let j = i + 1;
    // The item continues over the lines indented past its dash.
    while (j < lines.length && /^\s*$/.test(text.slice(lines[j][0], lines[j][1])) === false && (/^(\s*)/.exec(text.slice(lines[j][0], lines[j][1]))?.[1].length ?? 0) > indent) j++;
    // An API's deprecated parameter (name: run_id, description: use session_id) is the old name
    // itself: only an entry that matches code by a pattern is there because of the old name.
    const entry = lines.slice(i, j).map(([s, e]) => text.slice(s, e));
    const advised =
      (entry.some((l) => PATTERN.test(l)) &&
        entry.some((l) => {
          const m = ADVICE.exec(l);
          return !!m && (ctx.isMigrationText(m[1]) || namesPreferred(m[1]));
        })) ||
      // golangci-lint's exclude rule (linters: [forbidigo], text: "RunID"): it matches that finding's text.
      (entry.some((l) => LINTERS.test(l)) && entry.some((l) => EXCLUDED_TEXT.test(l)));
    if (advised) out.push([lines[i][0], lines[j - 1][1]]);
  }
  return out;
}
