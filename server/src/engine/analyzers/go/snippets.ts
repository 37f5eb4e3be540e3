/**
 * A documentation snippet that starts inside a switch (`case *events.EventPlanningStart:` and the
 * statements under it) parses as nothing Go knows: error recovery loses the case, and with it the
 * domain its type gives the statements. Wrapped in the switch it comes from, it reads as written.
 */

/** The snippet's first code line: blank lines and line comments before it skipped. */
const FIRST_CASE = /^(?:[ \t]*(?:\/\/[^\n]*)?\r?\n)*[ \t]*case[ \t]+([^\n:]+):/;
/** A case of types: pointers, qualified or exported names (`*events.EventPlanningStart, Foo`). */
const TYPE_LIST = /^\s*\*?[A-Za-z_][\w.]*(?:\[[^\]]*\])?(?:\s*,\s*\*?[A-Za-z_][\w.]*(?:\[[^\]]*\])?)*\s*$/;

export interface Wrapped {
  text: string;
  /** Where the snippet starts in `text`. */
  offset: number;
}

export function wrapCaseSnippet(text: string): Wrapped | null {
  if (/^\s*package\s/m.test(text)) return null;
  const m = FIRST_CASE.exec(text);
  if (!m) return null;
  const types = TYPE_LIST.test(m[1]) && /\*|\.|^\s*[A-Z]/.test(m[1]);
  const head = types ? 'switch snippet := snippet.(type) {\n' : 'switch snippet {\n';
  return { text: `${head}${text}\n}\n`, offset: head.length };
}
