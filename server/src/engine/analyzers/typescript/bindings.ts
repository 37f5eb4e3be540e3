/**
 * One verdict per name binding. Each occurrence of a TypeScript name is judged by the syntax
 * around it: an import of `selectRunId` with nothing around it, its use inside `PlanningWidget`; a
 * local `runId` declared in a planning-named function, used as `sessionId: runId`. A fix that
 * renamed one occurrence and not another would break the file, so every plain reference takes the
 * verdict of the declaration it resolves to: the nearest enclosing block or function that declares
 * the name (`let`/`const` in blocks, `var` and parameters in functions), else the module. A name
 * declared twice in one scope is left to each occurrence's own syntax.
 */
import type { Node } from 'web-tree-sitter';
import type { Candidate } from '../../types';
import { MAX_CLIMB } from './scopes';
import { field, FUNCTION_LIKE, same } from './syntax';

/** What an identifier occurrence does with its name, and in which scopes (their start offsets; -1: the module). */
export type Binding = { kind: 'declares'; scope: number } | { kind: 'refers'; scopes: number[] };

const DECLARED_BY_NAME = new Set(['function_declaration', 'generator_function_declaration', 'class_declaration', 'abstract_class_declaration', 'enum_declaration']);
const PARAMETERS = new Set(['required_parameter', 'optional_parameter', 'rest_pattern', 'catch_clause']);
const MODULE = -1;

/** Nodes that open a scope for `let`/`const` (a function's parameters are its own). */
const BLOCKS = new Set(['statement_block', 'for_statement', 'for_in_statement', 'catch_clause', 'class_body', 'switch_body']);
const isScope = (n: Node): boolean => FUNCTION_LIKE.has(n.type) || BLOCKS.has(n.type);

/**
 * The starts of the scopes at or above `n`, nearest first, then the module; null past MAX_CLIMB
 * levels (finding a parent walks down from the root: deep nesting would make this quadratic).
 */
function scopesFrom(n: Node | null, functionOnly = false): number[] | null {
  const out: number[] = [];
  let depth = 0;
  for (let a = n; a; a = a.parent) {
    if (++depth > MAX_CLIMB) return null;
    if (functionOnly ? FUNCTION_LIKE.has(a.type) : isScope(a)) out.push(a.startIndex);
  }
  out.push(MODULE);
  return out;
}

/** What a plain `identifier` node does with its name; null for other nodes and for another module's export name. */
export function bindingOf(node: Node): Binding | null {
  if (node.type !== 'identifier') return null;
  const p = node.parent;
  if (!p) return null;
  const declares = (at: Node | null, functionOnly = false): Binding | null => {
    const scopes = at ? scopesFrom(at, functionOnly) : [MODULE];
    return scopes && { kind: 'declares', scope: scopes[0] };
  };
  switch (p.type) {
    case 'import_specifier':
      // import { a as b }: b is the binding; a names the other module's export.
      return field(p, 'alias') && same(field(p, 'name'), node) ? null : declares(null);
    case 'import_clause':
    case 'namespace_import':
      return declares(null);
    case 'variable_declarator':
      // `var` belongs to the function, `let` and `const` to the block.
      if (same(field(p, 'name'), node)) return declares(p, p.parent?.type === 'variable_declaration');
      break;
    case 'arrow_function':
      if (same(field(p, 'parameter'), node)) return declares(p);
      break;
    default:
      // A function's own name belongs to the scope around it.
      if (DECLARED_BY_NAME.has(p.type) && same(field(p, 'name'), node)) return declares(p.parent);
      // A parameter belongs to its function (the nearest scope: a function-like node).
      if (PARAMETERS.has(p.type) && p.type !== 'catch_clause') return declares(p, true);
      if (PARAMETERS.has(p.type) || /_pattern$/.test(p.type)) return declares(p);
  }
  const scopes = scopesFrom(p);
  return scopes && { kind: 'refers', scopes };
}

/**
 * `strong`: a declaration whose own syntax (type, initialiser) decided its verdict. `pair`: the
 * start of the React state pair a declaration belongs to (`const [runId, setRunId] = useState()`):
 * the value and its setter are one thing, so they get one verdict. `silent`: nothing around the
 * occurrence says what it is (no domain, no session word).
 */
export type Noted = Candidate & {
  binding?: Binding;
  name?: string;
  strong?: boolean;
  pair?: number;
  silent?: boolean;
  /** The domain of the type whose member this name declares (see typescript/members.ts). */
  memberOf?: string;
  /** A member read from an object whose own words and declaration say nothing. */
  memberRead?: boolean;
};

/** The state pair a declared name belongs to: `[value, setValue] = useState(…)` (or useReducer). */
export function statePairOf(node: Node): number | undefined {
  const pattern = node.parent;
  const declarator = pattern?.parent;
  if (pattern?.type !== 'array_pattern' || declarator?.type !== 'variable_declarator' || !same(field(declarator, 'name'), pattern)) return undefined;
  const value = field(declarator, 'value');
  const callee = value?.type === 'call_expression' ? field(value, 'function') : null;
  return callee && /(?:^|\.)use(?:State|Reducer)$/.test(callee.text) ? pattern.startIndex : undefined;
}

/** The candidate with its offsets, its binding's scopes included, moved by `delta` (statement cache). */
export function shifted(c: Noted, delta: number): Noted {
  const move = (x: number): number => (x === MODULE ? x : x + delta);
  const b = c.binding;
  const binding: Binding | undefined = !b ? undefined : b.kind === 'declares' ? { kind: 'declares', scope: move(b.scope) } : { kind: 'refers', scopes: b.scopes.map(move) };
  return { ...c, start: c.start + delta, end: c.end + delta, ...(binding ? { binding } : {}), ...(c.pair !== undefined ? { pair: c.pair + delta } : {}) };
}

/**
 * Gives every occurrence of a binding one verdict. A module-level name, or a local one whose
 * declaration decides by its own type or initialiser, has its declaration's. A local declared with
 * nothing to say (`const [selected, setSelected] = useState(null)`) has the verdict most of its
 * occurrences that say something have, the declaration's on a tie.
 */
export function unifyBindings(cands: Noted[]): void {
  const decls = new Map<string, Noted[]>();
  for (const c of cands) {
    if (c.binding?.kind !== 'declares' || !c.name) continue;
    const key = `${c.binding.scope}\0${c.name}`;
    const list = decls.get(key);
    if (list) list.push(c);
    else decls.set(key, [c]);
  }
  if (decls.size === 0) return;
  const refs = new Map<Noted, Noted[]>();
  for (const c of cands) {
    if (c.binding?.kind !== 'refers' || !c.name) continue;
    for (const scope of c.binding.scopes) {
      const found = decls.get(`${scope}\0${c.name}`);
      if (!found) continue;
      if (found.length === 1) {
        const list = refs.get(found[0]);
        if (list) list.push(c);
        else refs.set(found[0], [c]);
      }
      break;
    }
  }
  // A state pair's two bindings vote together (the value's declaration first: it wins a tie).
  const groups = new Map<string, { members: Noted[]; refs: Noted[] }>();
  for (const [decl] of decls.values()) {
    const uses = refs.get(decl);
    if (!uses && decl.pair === undefined) continue;
    const key = decl.pair !== undefined ? `pair:${decl.pair}` : `decl:${decl.start}`;
    const group = groups.get(key) ?? { members: [], refs: [] };
    groups.set(key, group);
    group.members.push(decl);
    group.refs.push(...(uses ?? []));
  }
  for (const { members, refs: refsOf } of groups.values()) {
    members.sort((a, b) => a.start - b.start);
    const decl = members.find((c) => c.strong) ?? members[0];
    const uses = [...members.filter((c) => c !== decl), ...refsOf];
    const all = [decl, ...uses];
    let verdict: Noted = decl;
    if (decl.binding?.kind === 'declares' && decl.binding.scope !== MODULE && !decl.strong) {
      // A pair's declarations are one statement: one vote.
      // Occurrences with nothing to say do not vote.
      const counts = new Map<string, number>();
      for (const x of [decl, ...refsOf]) if (!x.silent) counts.set(x.domain ?? '', (counts.get(x.domain ?? '') ?? 0) + 1);
      const count = (c: Noted): number => (c.silent ? 0 : (counts.get(c.domain ?? '') ?? 0));
      for (const c of refsOf) if (count(c) > count(verdict)) verdict = c;
    }
    for (const c of all) {
      if (c === verdict) continue;
      if (verdict.domain) c.domain = verdict.domain;
      else delete c.domain;
      if (verdict.denotesSession) c.denotesSession = true;
      else delete c.denotesSession;
    }
  }
}
