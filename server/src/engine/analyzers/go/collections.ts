/**
 * What a Go collection holds, from how it is used: `h.runs[c.runID]` and `delete(h.runs, id)` key
 * it by session ids, `runs[i] = conv.RunID` and `append(runs, conv.RunID)` fill it with them. A
 * collection named with the bare word (`runs`, `enabledRuns`) is then a collection of sessions,
 * and so is what ranges over it: `for run := range h.runs` (its key), `for _, run := range runs`
 * (its value). A parameter is what its callers pass it (`startRunForPrompt(conv, p, runLog)`).
 *
 * These are facts about a name, stated by one use and needed at others, often in other top-level
 * declarations: a use states a fact, another requires one, and the file resolves them.
 */
import type { Node } from 'web-tree-sitter';
import { field, named } from './syntax';

export type Holding = 'keyed' | 'holds';

/** `h.runs` or `runs`: the expression a collection's name stands for at this occurrence. */
export function collectionExpression(name: Node): Node {
  const p = name.parent;
  return p?.type === 'selector_expression' && field(p, 'field')?.id === name.id ? p : name;
}

/** What this occurrence of a collection says it holds, if anything. */
export function holdingAt(expr: Node, isSessionId: (value: Node) => boolean): Holding | undefined {
  const p = expr.parent;
  if (!p) return undefined;
  if (p.type === 'index_expression' && field(p, 'operand')?.id === expr.id) {
    const index = field(p, 'index');
    if (index && isSessionId(index)) return 'keyed';
    // runs[i] = conv.RunID
    const list = p.parent;
    const stmt = list?.parent;
    if (list?.type === 'expression_list' && stmt?.type === 'assignment_statement' && field(stmt, 'left')?.id === list.id) {
      const value = named(field(stmt, 'right') ?? list)[named(list).findIndex((n) => n.id === p.id)];
      if (value && isSessionId(value)) return 'holds';
    }
    return undefined;
  }
  if (p.type === 'argument_list' && named(p)[0]?.id === expr.id) {
    const fn = p.parent?.type === 'call_expression' ? field(p.parent, 'function')?.text : undefined;
    const rest = named(p).slice(1);
    if (fn === 'delete' && rest[0] && isSessionId(rest[0])) return 'keyed';
    if (fn === 'append' && rest.some(isSessionId)) return 'holds';
  }
  return undefined;
}

/** The call an argument is passed to, and its position: `r.start(conv, p, runLog)` → start, 2. */
export function argumentOf(value: Node): { fn: string; index: number } | undefined {
  const list = value.parent;
  const call = list?.parent;
  if (list?.type !== 'argument_list' || call?.type !== 'call_expression') return undefined;
  const fn = field(call, 'function');
  const name = fn?.type === 'selector_expression' ? field(fn, 'field')?.text : fn?.type === 'identifier' ? fn.text : undefined;
  if (!name) return undefined;
  return { fn: name, index: named(list).findIndex((n) => n.id === value.id) };
}

/**
 * Is a required fact among those stated? A fact is `scope:holding`; a field's scope is
 * `field:Owner.name` ("?" when the owner's type is out of sight, which matches any owner), a
 * local's is `var@offset`, a parameter's `arg:fn#index`, a type's `type:Name`; a required holding
 * `*` is either. (`link:scope>Type` says a map field holds that type; the file derives from it.)
 */
export function stated(facts: ReadonlySet<string>, required: string): boolean {
  if (facts.has(required)) return true;
  const want = FACT.exec(required);
  if (!want) return false;
  for (const f of facts) {
    const got = FACT.exec(f);
    if (!got || got[2] !== want[2] || (want[3] !== '*' && got[3] !== want[3])) continue;
    if (got[1] === want[1] || (got[1] !== undefined && want[1] !== undefined && (got[1] === '?' || want[1] === '?'))) return true;
  }
  return false;
}

/** The name a fact is about: a field's or package variable's name, a function's. */
export function factName(fact: string): string | undefined {
  const link = /^link:.*>(.+)$/.exec(fact);
  if (link) return link[1];
  const m = FACT.exec(fact);
  if (!m || m[2].startsWith('var@')) return undefined;
  return m[2].startsWith('arg:') ? m[2].slice(4).replace(/#.*/, '') : m[2].replace(/^type:/, '');
}

/** scope (owner, name), holding. */
const FACT = /^(?:field:([^.]*)\.)?((?:var@|arg:|type:)?[^:]+):(\w+|\*)$/;
