/**
 * Which domain a TypeScript occurrence belongs to, read from the syntax around it, nearest first:
 * the object of a property access (`ev.planning?.run_id`, a `run: PlanningRun` parameter), the
 * key, member, variable or JSX element it is the value of, the call it is an argument of, the
 * `case 'planning.start':` or `if (ev.type === 'planning.start')` it sits in, the interface,
 * class or function (`PlanningWidget`) enclosing it. Words naming the session instead
 * (`session`, `conv`) settle it the other way: the nearest signal wins.
 */
import type { Node } from 'web-tree-sitter';
import type { AnalyzerContext } from '../../analyzer';
import { matchToken } from '../../matcher';
import { splitWords } from '../../words';
import { urlHostQualifier } from '../../qualifiers';
import { field, FUNCTION_LIKE, named, NAMED_SCOPES, same } from './syntax';

export interface Signal {
  domain?: string;
  /** The text names the session: no domain, and a bare `run` holds the session. */
  evidence?: boolean;
}

const MAX_SIGNAL_WORDS = 12;
const MAX_SIGNAL_CHARS = 2000;
/**
 * How far up the tree a signal is looked for. tree-sitter finds a node's parent by walking down
 * from the root, so climbing is quadratic in depth: 10,000 nested brackets took 6 s without a cap.
 * Real code rarely nests a name 128 levels below the declaration that scopes it.
 */
export const MAX_CLIMB = 128;

const IDENT = /[A-Za-z0-9_$]+/g;

/**
 * The words of a name with the term itself taken out, in its old or new spelling
 * (getPlanningRunId → get planning; conv.sessionId → conv): the term says nothing about the scope,
 * and counting it would let a fix (run_id → session_id) turn its neighbours' verdicts, so fixes
 * would not converge.
 */
function wordsWithoutTerm(ctx: AnalyzerContext, token: string): string[] {
  let words = splitWords(token);
  for (const r of ctx.rules.rules) {
    const m = matchToken(token, r.seqs);
    if (m) for (const part of m.parts) if (part.seq.kind !== 'bare') words = words.filter((w) => w.end <= part.start || w.start >= part.end);
    const pref = r.spec.preferred.map((w) => w.toLowerCase());
    if (pref.length < 2) continue;
    for (let i = 0; i + pref.length <= words.length; ) {
      if (pref.every((w, k) => words[i + k].lower === w)) words = [...words.slice(0, i), ...words.slice(i + pref.length)];
      else i++;
    }
  }
  return words.map((w) => w.lower);
}

/** Reads a qualifier or name right to left: the word nearest the token decides. */
export function signalOf(ctx: AnalyzerContext, text: string): Signal | null {
  if (!text) return null;
  // Bounded by words, not characters, and only after the term is taken out: a length limit would
  // flip when a fix makes the text a few characters longer.
  const words = (text.slice(-MAX_SIGNAL_CHARS).match(IDENT) ?? []).flatMap((t) => wordsWithoutTerm(ctx, t));
  for (let i = words.length - 1; i >= Math.max(0, words.length - MAX_SIGNAL_WORDS); i--) {
    // Plurals name the same thing: `sessions.get(id)`, `planners[i]`.
    const w = words[i].length > 3 && words[i].endsWith('s') ? words[i].slice(0, -1) : words[i];
    // useCiStatus, workflowRunUrl, buildInfo.ciRunId: a qualifier (ci, workflow) names another system's run.
    const d = ctx.domainOf(words[i]) ?? ctx.domainOf(w) ?? ctx.domainOfQualifier(i > 0 ? `${words[i - 1]} ${words[i]}` : words[i]);
    if (d) return { domain: d };
    if (ctx.hasEvidence(words[i]) || ctx.hasEvidence(w)) return { evidence: true };
  }
  return null;
}

/**
 * What an initialiser says about the value: the head of a call (`sessions.get` of
 * `sessions.get(run_id)`), a name, a member chain, a cast. Object and function literals and call
 * arguments are left out: they describe other values, and the term itself inside them would make
 * the verdict change when the term is renamed.
 */
export function headOf(value: Node | null): string {
  if (!value || /^(?:object|array|arrow_function|function_expression|template_string|string|class)$/.test(value.type)) return '';
  const paren = value.text.indexOf('(');
  const head = paren < 0 ? value.text : value.text.slice(0, paren);
  // planning.ofSession(id), runs.forConversation(c): a filter names what it filters by, the
  // receiver what it returns.
  return withoutFilter(head.replace(/\.(?:of|for|by|in|from|with)[A-Z]\w*$/, ''));
}

/**
 * selectPlanningForSession(state, id).map: a function named for what it filters by returns what
 * comes before (planning), not what follows (the session).
 */
export function withoutFilter(text: string): string {
  return text.replace(/(?<=[a-z0-9])(?:For|By|Of|In|From|With)[A-Z]\w*/g, '');
}

/** How many statements before a reference are searched for its declaration, per enclosing block. */
const MAX_STATEMENTS_BACK = 64;

/** The declared type or initialiser of a local name: parameters and earlier declarations of enclosing scopes. */
export function declarationOf(from: Node, name: string): string | null {
  let child: Node = from;
  let depth = 0;
  for (let n: Node | null = from.parent; n && depth < MAX_CLIMB; child = n, n = n.parent, depth++) {
    if (n.type === 'for_in_statement' && field(n, 'left')?.text === name) return headOf(field(n, 'right'));
    if (FUNCTION_LIKE.has(n.type)) {
      const params = field(n, 'parameters') ?? field(n, 'parameter');
      if (params?.type === 'identifier' && params.text === name) return null;
      for (const p of params ? named(params) : []) {
        if (field(p, 'pattern')?.text === name) return field(p, 'type')?.text ?? null;
      }
    }
    if (n.type === 'statement_block' || n.type === 'program' || n.type === 'class_body') {
      // Walk back from the statement holding the reference: declarations come first, and a file of
      // thousands of statements must not make every lookup scan all of them.
      let stmt: Node | null = child;
      for (let k = 0; stmt && k < MAX_STATEMENTS_BACK; stmt = stmt.previousNamedSibling, k++) {
        if (stmt.type !== 'lexical_declaration' && stmt.type !== 'variable_declaration') continue;
        for (const d of named(stmt)) {
          if (d.type !== 'variable_declarator') continue;
          const declared = field(d, 'name');
          // const [runs, setRuns] = useState<SessionSummary[]>([]): a destructured name shares the declaration.
          if (declared?.text !== name && !(declared && /_pattern$/.test(declared.type) && patternNames(declared).includes(name))) continue;
          return field(d, 'type')?.text ?? headOf(field(d, 'value'));
        }
      }
    }
  }
  return null;
}

/** What a parent says about the child we came up from; null when it says nothing. */
function parentSignal(ctx: AnalyzerContext, p: Node, c: Node): Signal | null {
  switch (p.type) {
    case 'member_expression':
    case 'subscript_expression': {
      const obj = field(p, 'object');
      // Only the property (or index) is qualified by the object; error recovery puts other children here.
      if (!obj || !same(field(p, p.type === 'member_expression' ? 'property' : 'index'), c)) return null;
      // The object's own words first, then the declared type of the name it starts from
      // (`s.iterations[runId]` with `s: PlanningState`).
      return signalOf(ctx, obj.text) ?? rootDeclarationSignal(ctx, p, obj);
    }
    case 'pair':
      return same(field(p, 'value'), c) ? keySignal(ctx, field(p, 'key')?.text ?? '') : null;
    case 'jsx_attribute': {
      // <PlanningPanel sessionId={runId} />: the attribute names what its value is.
      const name = named(p)[0];
      return name && !same(name, c) ? keySignal(ctx, name.text) : null;
    }
    case 'property_signature':
    case 'public_field_definition':
    case 'required_parameter':
    case 'optional_parameter':
    case 'variable_declarator': {
      const name = field(p, 'name') ?? field(p, 'pattern');
      const type = field(p, 'type');
      if (same(name, c)) return (type ? signalOf(ctx, type.text) : null) ?? (p.type === 'variable_declarator' ? signalOf(ctx, headOf(field(p, 'value'))) : null);
      // The value of a typed declaration (const initialState: PlanningState = { … }) is of that type.
      return (type && !same(type, c) ? signalOf(ctx, type.text) : null) ?? signalOf(ctx, name?.text ?? '');
    }
    case 'object':
    case 'object_type':
      return discriminator(ctx, p);
    case 'assignment_expression':
    case 'augmented_assignment_expression': {
      const left = field(p, 'left');
      if (same(left, c)) return signalOf(ctx, headOf(field(p, 'right')));
      // The target of an assignment is a name or member; error recovery can make it anything.
      return left && /^(?:identifier|member_expression|subscript_expression)$/.test(left.type) ? signalOf(ctx, left.text) : null;
    }
    case 'arguments': {
      const call = p.parent;
      const callee = call ? (field(call, 'function') ?? field(call, 'constructor')) : null;
      // createEntityAdapter<PlanningRunRow, PlanningRunId>({ … }): the type arguments say what the call handles.
      const typed = call ? field(call, 'type_arguments') : null;
      // rows.filter(…).map((r) => r.runId) with rows: PlanningRunRow[]: the callback gets what the chain starts from.
      const own = (typed ? signalOf(ctx, typed.text) : null) ?? (callee ? (signalOf(ctx, withoutFilter(callee.text)) ?? rootDeclarationSignal(ctx, p, callee)) : null);
      if (own || !callee) return own;
      // describe('planning slice', () => …), it('keeps the planning runId', …): a test says what it
      // is about; registerSem('planning.start', (ev) => …): a handler is for the event it names.
      const title = named(p)[0];
      if (!TEST_BLOCKS.test(callee.text) && !FUNCTION_LIKE.has(c.type)) return null;
      return title && title.type === 'string' && !same(title, c) ? (termQualifier(ctx, title.text) ?? signalOf(ctx, title.text)) : null;
    }
    case 'template_substitution': {
      // `https://github.com/${repo}/actions/runs/${runId}`: the URL's host says whose id it is.
      const template = p.parent;
      const d = template ? urlHostQualifier(ctx, template.text.slice(0, p.startIndex - template.startIndex)) : undefined;
      return d ? { domain: d } : null;
    }
    case 'import_statement':
      // import { runIdOf } from '../planning/ids': the module it comes from says what it is.
      return signalOf(ctx, field(p, 'source')?.text ?? '');
    case 'jsx_opening_element':
    case 'jsx_self_closing_element':
      return same(field(p, 'name'), c) ? null : signalOf(ctx, field(p, 'name')?.text ?? '');
    case 'jsx_element': {
      const open = field(p, 'open_tag');
      return same(open, c) ? null : signalOf(ctx, (open && field(open, 'name')?.text) ?? '');
    }
    case 'switch_case': {
      const value = field(p, 'value');
      return same(value, c) || !value ? null : signalOf(ctx, value.text);
    }
    case 'if_statement':
      return same(field(p, 'consequence'), c) ? signalOf(ctx, field(p, 'condition')?.text ?? '') : null;
    default:
      if (NAMED_SCOPES.has(p.type)) {
        const name = field(p, 'name');
        const own = name && !same(name, c) ? signalOf(ctx, name.text) : null;
        if (own || !FUNCTION_LIKE.has(p.type)) return own;
      }
      return FUNCTION_LIKE.has(p.type) ? parameterTypes(ctx, p) : null;
  }
}

/** `state.focusedRunId`: a property read whose object's words and declaration say nothing. */
export function isSilentMemberRead(ctx: AnalyzerContext, node: Node): boolean {
  const p = node.parent;
  const obj = p?.type === 'member_expression' && same(field(p, 'property'), node) ? field(p, 'object') : null;
  return !!obj && !signalOf(ctx, obj.text) && !rootDeclarationSignal(ctx, p as Node, obj);
}

/**
 * What the declaration of the name an expression starts from says (`s.iterations[runId]` with
 * `s: PlanningState`), through member accesses, calls, assertions and parentheses
 * (`rows[i]!.runId`, `rows.filter(…).map`).
 */
function rootDeclarationSignal(ctx: AnalyzerContext, at: Node, expr: Node): Signal | null {
  let root: Node | null = expr;
  for (let k = 0; root && k < MAX_CLIMB; k++) {
    if (root.type === 'member_expression' || root.type === 'subscript_expression') root = field(root, 'object');
    else if (root.type === 'call_expression') root = field(root, 'function');
    else if (root.type === 'non_null_expression' || root.type === 'parenthesized_expression') root = named(root)[0] ?? null;
    else break;
  }
  const decl = root?.type === 'identifier' ? declarationOf(at, root.text) : null;
  return decl ? signalOf(ctx, decl) : null;
}

/** "keeps the planning run_id apart from the session": in a title that names the term, the word before it says whose. */
function termQualifier(ctx: AnalyzerContext, title: string): Signal | null {
  for (const m of title.matchAll(/([A-Za-z]+)(?=[\s`'"]+([A-Za-z_][\w-]*))/g)) {
    if (ctx.match(m[2])?.kind !== 'term') continue;
    const d = ctx.domainOf(m[1]) ?? ctx.domainOfQualifier(m[1]);
    if (d) return { domain: d };
  }
  return null;
}

/** A key or attribute that is the new name itself (`sessionId: runId`) says its value is the session. */
function keySignal(ctx: AnalyzerContext, key: string): Signal | null {
  const words = splitWords(key.replace(/^['"]|['"]$/g, '')).map((w) => w.lower);
  if (ctx.rules.rules.some((r) => r.spec.preferred.length === words.length && r.spec.preferred.every((w, i) => w.toLowerCase() === words[i]))) return { evidence: true };
  return signalOf(ctx, key);
}

/**
 * `{ type: 'planning.start', … }`: an object whose discriminator names a domain is in it; so is a
 * union's member type (`| { type: 'planning.start'; run_id: string }`).
 */
function discriminator(ctx: AnalyzerContext, object: Node): Signal | null {
  for (const member of named(object)) {
    if (member.type !== 'pair' && member.type !== 'property_signature') continue;
    const key = (field(member, member.type === 'pair' ? 'key' : 'name')?.text ?? '').replace(/^['"]|['"]$/g, '');
    const value = member.type === 'pair' ? literalArgument(field(member, 'value')) : literalOf(field(member, 'type'));
    if (!key || !DISCRIMINATORS.has(key) || value?.type !== 'string') continue;
    // 'execution.start': a domain's marker may be a phrase of the event's name.
    const phrase = ctx.domainOf(value.text);
    return phrase ? { domain: phrase } : signalOf(ctx, value.text);
  }
  return null;
}

/** A value, or the string a schema's literal call holds (zod's `z.literal('planning.start')`). */
function literalArgument(value: Node | null): Node | null {
  if (value?.type !== 'call_expression' || !/(?:^|\.)literal$/.test(field(value, 'function')?.text ?? '')) return value;
  const args = field(value, 'arguments');
  return (args && named(args)[0]) ?? null;
}

/** The string literal a type annotation is (`: 'planning.start'`), if it is one. */
function literalOf(annotation: Node | null): Node | null {
  const type = annotation?.type === 'type_annotation' ? named(annotation)[0] : annotation;
  const literal = type?.type === 'literal_type' ? named(type)[0] : null;
  return literal ?? null;
}

const DISCRIMINATORS = new Set(['type', 'kind', 'event']);

/** Test-framework blocks whose first argument is the test's title. */
const TEST_BLOCKS = /^(?:describe|it|test|suite|context)(?:\.(?:only|skip|each|concurrent))?$/;

/**
 * A function that takes a domain's value (`ensureRun(state: PlanningState, runId: string)`) works
 * in that domain, unless another parameter's type names the session.
 */
function parameterTypes(ctx: AnalyzerContext, fn: Node): Signal | null {
  const params = field(fn, 'parameters');
  let found: Signal | null = null;
  for (const p of params ? named(params) : []) {
    const type = field(p, 'type');
    const s = type ? signalOf(ctx, type.text) : null;
    if (s?.evidence) return null;
    found ??= s;
  }
  return found;
}

/**
 * What a declaration says about its own name, from its own syntax only: the declarator's type or
 * initialiser (`const runId = store.session.id`), a parameter's type. Null when it says nothing
 * and only the scopes around it would.
 */
export function declarationSignal(ctx: AnalyzerContext, node: Node): Signal | null {
  const p = node.parent;
  if (!p || !/^(?:variable_declarator|required_parameter|optional_parameter)$/.test(p.type)) return null;
  return parentSignal(ctx, p, node);
}

/** The nearest signal above `node`. */
export function scopeSignal(ctx: AnalyzerContext, node: Node): Signal | null {
  let c = node;
  let depth = 0;
  for (let p = node.parent; p && depth < MAX_CLIMB; c = p, p = p.parent, depth++) {
    const s = parentSignal(ctx, p, c);
    if (s) return s;
  }
  return null;
}

/** The names a destructuring pattern declares (`[runs, setRuns]`, `{ run, send }`). */
function patternNames(pattern: Node): string[] {
  const out: string[] = [];
  for (const n of pattern.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) if (n) out.push(n.text);
  return out;
}
