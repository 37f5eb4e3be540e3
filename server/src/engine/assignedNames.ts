/**
 * A name given one value of another domain (`E2E_RUN_ID: ${{ github.run_id }}`,
 * `export RUN=$GITHUB_RUN_ID`) holds that domain's run, wherever the file uses it (`$E2E_RUN_ID`).
 * For config and shell text, read by lines.
 */
import type { Candidate } from './types';

/** `KEY: value`, `- KEY=value`, `export KEY=value` (group 1: the key, group 2: the value). */
const ASSIGNMENT = /^[ \t]*(?:-[ \t]+)?(?:export[ \t]+)?["']?([A-Za-z_][\w-]*)["']?[ \t]*[:=][ \t]*(.*)$/;
/** The value is one reference and nothing else (or alternatives: `${{ a || github.run_id }}`): `${{ github.run_id }}`, `$GITHUB_RUN_ID`, `"${X}"`, `$(X)`. */
const REF = `\\$?[{(]{0,2}[ \\t]*[\\w.]+(?:[ \\t]*\\|\\|[ \\t]*[\\w.'"]+)*[ \\t]*[})]{0,2}`;
/** (Or references joined by separators alone: `${{ github.run_id }}-${{ github.run_attempt }}`.) */
const JOINED = REF.slice(3); // each part a `$` reference: not "ci-${{ github.run_id }}", a value made from one
const ONE_REFERENCE = new RegExp(`^["']?(?:${REF}|\\$${JOINED}(?:[-_.:]\\$${JOINED})+)["']?[ \\t]*(?:#.*)?$`);

/** A Kubernetes env entry's name, on the line before its `value:`. */
const ENV_NAME = /^[ \t]*-?[ \t]*name:[ \t]*["']?([A-Za-z_][\w-]*)["']?[ \t]*$/;

/** How many times names given names are followed (`B=$(A)` after `A=${{ github.run_id }}`). */
const MAX_CHAIN = 3;

export function applyAssignedDomains(text: string, found: Candidate[]): void {
  const domains = new Map<string, string>();
  for (let pass = 0; pass < MAX_CHAIN; pass++) {
    const before = domains.size;
    for (const c of found) {
      if (!c.domain) continue;
      const ls = text.lastIndexOf('\n', c.start - 1) + 1;
      const nl = text.indexOf('\n', c.start);
      const line = text.slice(ls, nl < 0 ? text.length : nl).replace(/\r$/, '');
      const m = ASSIGNMENT.exec(line);
      if (!m || c.start < ls + line.length - m[2].length || !ONE_REFERENCE.test(m[2])) continue;
      // - name: SOURCE_RUN_ID\n  value: ${{ github.run_id }}
      const key = m[1] === 'value' && ls > 0 ? ENV_NAME.exec(text.slice(text.lastIndexOf('\n', ls - 2) + 1, ls - 1).replace(/\r$/, ''))?.[1] : m[1];
      if (key && !domains.has(key)) domains.set(key, c.domain);
    }
    if (domains.size === 0) return;
    for (const c of found) {
      const d = domains.get(text.slice(c.start, c.end));
      if (d && !c.domain) c.domain = d;
    }
    if (domains.size === before) return;
  }
}
