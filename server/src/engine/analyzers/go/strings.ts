/** What a Go string literal is for: a struct tag, a log key, a query parameter, a map key, SQL, or text. */
import type { Node } from 'web-tree-sitter';
import { field, named } from './syntax';

export type StringRole =
  | { kind: 'tag' }
  | { kind: 'import' }
  | { kind: 'log-key'; call: Node; value: Node | null }
  | { kind: 'url-param'; call: Node }
  | { kind: 'map-key'; literal: Node; value: Node | null }
  | { kind: 'text' };

/** zerolog / zap / slog style field constructors whose first argument is a log key. */
export const LOG_KEY_METHODS = new Set(['Str', 'Strs', 'Stringer', 'Int', 'Int32', 'Int64', 'Uint', 'Uint32', 'Uint64', 'Float64', 'Bool', 'Any', 'Interface', 'Dur', 'Time', 'Hex', 'RawJSON', 'Bytes', 'Dict', 'Object', 'Err', 'AnErr', 'String', 'Field', 'With', 'Attr']);
export const URL_METHODS = new Set(['Get', 'FormValue', 'PostFormValue', 'Has', 'Set', 'Add', 'Del', 'Query', 'QueryParam', 'Param', 'DefaultQuery', 'GetQuery', 'PathValue']);

export function calleeName(call: Node): string {
  const fn = field(call, 'function');
  if (!fn) return '';
  if (fn.type === 'selector_expression') return field(fn, 'field')?.text ?? '';
  return fn.type === 'identifier' ? fn.text : '';
}

export function roleOf(lit: Node): StringRole {
  const parent = lit.parent;
  if (!parent) return { kind: 'text' };
  if (parent.type === 'field_declaration' && field(parent, 'tag')?.id === lit.id) return { kind: 'tag' };
  if (parent.type === 'import_spec') return { kind: 'import' };
  if (parent.type === 'argument_list') {
    const call = parent.parent;
    const args = named(parent);
    if (call?.type === 'call_expression' && args[0]?.id === lit.id) {
      const name = calleeName(call);
      if (LOG_KEY_METHODS.has(name) || /^(slog\.)?(String|Int|Int64|Any|Bool|Group)$/.test(name)) return { kind: 'log-key', call, value: args[1] ?? null };
      if (URL_METHODS.has(name)) return { kind: 'url-param', call };
    }
    // slog's alternating key/value arguments: Info("msg", "run_id", id) — a key is followed by a value.
    if (call?.type === 'call_expression' && /^(Debug|Info|Warn|Error|Log|With|DebugContext|InfoContext|WarnContext|ErrorContext)$/.test(calleeName(call))) {
      const i = args.findIndex((a) => a.id === lit.id);
      if (i > 0 && i + 1 < args.length) return { kind: 'log-key', call, value: args[i + 1] };
    }
  }
  if (parent.type === 'literal_element' && parent.parent?.type === 'keyed_element') {
    const keyed = parent.parent;
    const [key, value] = named(keyed);
    if (key?.id === parent.id) {
      const literal = keyed.parent?.parent ?? keyed;
      return { kind: 'map-key', literal, value: value ? (value.namedChildren[0] ?? value) : null };
    }
  }
  return { kind: 'text' };
}


/** A printf-style function: its format's verbs take the arguments after it (Errorf, Sprintf, Msgf, Fatalf). */
export const FORMAT_FUNCTION = /^[A-Z]\w*f$/;
const VERB = /%(?:%|[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:\[\d+\])?[a-zA-Z])/g;

/**
 * "run %s", "run=%q", "run: %v": which verb of the format (0-based) prints the value a word names,
 * when that verb follows the word at `end`; null when none does.
 */
export function verbAfter(format: string, end: number): number | null {
  const next = /^\s*[=:]?\s*(?=%[^%])/.exec(format.slice(end));
  if (!next) return null;
  const at = end + next[0].length;
  let index = 0;
  for (const m of format.matchAll(VERB)) {
    if (m.index === at) return m[0] === '%%' ? null : index;
    if (m[0] !== '%%') index++;
  }
  return null;
}

/** The format's text between the verb before this one (0-based) and this verb: "planning run " in "planning run %s". */
export function textBeforeVerb(format: string, index: number): string | undefined {
  let from = 0;
  let k = 0;
  for (const m of format.matchAll(VERB)) {
    if (m[0] === '%%') continue;
    if (k++ === index) return format.slice(from, m.index);
    from = (m.index ?? 0) + m[0].length;
  }
  return undefined;
}
