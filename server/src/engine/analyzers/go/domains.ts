/**
 * What a Go expression or scope refers to, as far as the syntax shows: the domain (planning) of a
 * variable's type or initialiser, of a selector's operand, of an enclosing receiver, struct, type
 * switch case or function. `null` means "known, and not in any domain" (a *Conversation), which
 * wins over an enclosing planning scope; `undefined` means "cannot tell".
 */
import type { Node } from 'web-tree-sitter';
import { NO_FIELD_TYPES, type FieldTypes } from './fieldTypes';
import { calleeName, FORMAT_FUNCTION, textBeforeVerb } from './strings';
import { ancestors, elementType, field, fields, isBuiltinType, named, STRING_TYPES, typeName } from './syntax';

export type Domain = string | null | undefined;

export interface Declaration {
  name: string;
  /** Visible from here to the end of its scope. */
  from: number;
  scopeEnd: number;
  domain: Domain;
  /** The initialiser or type, for evidence that the value is a session. */
  source: Node | null;
  /** The outermost function the declaration lives in (for use-based inference). */
  fn?: Node;
  /** Domain inferred from the variable's uses, once computed (false: they say nothing). */
  usedAs?: Domain | false;
  /** `x = …` gives an existing variable a new value; it does not declare one. */
  reassigns?: boolean;
  /** A parameter: the function's name and the parameter's position (callers pass its value). */
  param?: { fn: string; index: number };
  /** A range variable: what is ranged over, and whether this is its key (0) or its value (1). */
  ranges?: { subject: Node; index: number };
}

const DECLARING = ['parameter_declaration', 'variadic_parameter_declaration', 'var_spec', 'short_var_declaration', 'assignment_statement', 'range_clause'];
const FUNCTIONS = new Set(['function_declaration', 'method_declaration', 'func_literal']);
const SCOPES = new Set(['block', 'function_declaration', 'method_declaration', 'func_literal', 'if_statement', 'for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement', 'expression_case', 'type_case', 'default_case', 'communication_case']);

/** The keys whose value says what a message or event is. */
const DISCRIMINATOR = /^(?:Topic|Type|Kind|Event|EventType|EventName|Subject)$/;

/** An HTTP route pattern: "/debug/planning/{run_id}", "GET /planning/runs/{id}". */
const ROUTE = /^["`](?:[A-Z]+\s+)?\/[\w{}\/.:*-]*["`]$/;

/** flag.Int64, fs.StringVar, cmd.Flags().StringVarP: a flag's definition, whose last string is its usage text. */
const FLAG_DEFINITION = /^(?:String|Int|Int64|Uint|Uint64|Bool|Duration|Float64|Func|Text)?(?:Slice|Array)?(?:Var)?P?$/;

export class GoDomains {
  private readonly decls = new Map<number, Declaration[]>();

  /**
   * @param isSession whether a value or type shows a session (`meta.SessionID`, `conv.ID`, `q.Get("run_id")`)
   * @param packageDomain the domain of the file's own package (`package planning`): its scopes and
   *   the types it declares belong to it unless the syntax says otherwise
   * @param fieldTypes the file's struct fields whose declared types name a domain
   */
  constructor(
    private readonly domainOf: (text: string) => string | undefined,
    private readonly isSession: (text: string) => boolean = () => false,
    private readonly packageDomain?: string,
    private readonly fieldTypes: FieldTypes = NO_FIELD_TYPES,
    private readonly qualifierOf: (text: string) => string | undefined = () => undefined,
    /** Whether a text names the session by a word of its own ("chat session"), not by the term. */
    private readonly hasEvidence: (text: string) => boolean = () => false,
  ) {}

  /** The type a declaration's source names: its type, or the type of the literal it is set to. */
  declaredType(source: Node | null): string | undefined {
    if (!source) return undefined;
    if (source.type === 'unary_expression') return this.declaredType(field(source, 'operand'));
    if (source.type === 'composite_literal') return typeName(field(source, 'type'));
    return /_type$|^type_identifier$|^qualified_type$/.test(source.type) ? typeName(source) : undefined;
  }

  /** The (element) type an expression's value has, as far as declarations and struct fields show. */
  private typeOf(expr: Node | null, depth = 0): string | undefined {
    if (!expr || depth > 8) return undefined;
    switch (expr.type) {
      case 'identifier': {
        const decl = this.lookup(expr);
        return decl?.source && !decl.ranges ? this.declaredType(decl.source) : undefined;
      }
      case 'selector_expression':
        return this.fieldTypes.typeOf(this.typeOf(field(expr, 'operand'), depth + 1), field(expr, 'field')?.text ?? '');
      case 'unary_expression':
      case 'index_expression':
        return this.typeOf(field(expr, 'operand'), depth + 1);
      case 'parenthesized_expression':
        return this.typeOf(expr.namedChildren[0] ?? null, depth + 1);
      case 'composite_literal':
        return typeName(field(expr, 'type'));
      default:
        return undefined;
    }
  }

  /** `p.current`, `p.byRun`: the domain of the selected field's declared type. */
  fieldDomain(selector: Node): string | undefined {
    if (selector.type !== 'selector_expression') return undefined;
    return this.fieldTypes.domainOf(this.typeOf(field(selector, 'operand')), field(selector, 'field')?.text ?? '');
  }

  /** Domain named by a type: planning for *events.EventPlanningStart, null for *Conversation. */
  typeDomain(type: Node | null): Domain {
    // An anonymous struct (var d struct{ RunID string }, a test table's []struct{…}) names
    // nothing: the scope around it tells.
    if (type && elementType(type).type === 'struct_type') return undefined;
    const name = typeName(type);
    if (!name) return undefined;
    const d = this.domainOf(name);
    if (d) return d;
    // scheduler.RunStore: a type of a package named for another system.
    const pkg = name.includes('.') ? this.qualifierOf(name.slice(0, name.indexOf('.')).replace(/^[*[\]]+/, '')) : undefined;
    if (pkg) return pkg;
    if (isBuiltinType(name)) return undefined;
    // An unqualified type is declared in this package: a planning package's Run is a planning run
    // (but its Conversation or Session is not).
    return !name.includes('.') && this.packageDomain && !this.isSession(name) ? this.packageDomain : null;
  }

  /**
   * An initialiser's domain. A value that shows the session, under its new or its old name
   * (runID := meta.SessionID, runID := q.Get("run_id")), outside any domain's scope, is known not
   * to be in any: the planning switch around its uses does not make it a planning run. Both names
   * count, so renaming the initialiser's key never changes what the variable is (fixes converge).
   */
  private initialiserDomain(v: Node | null, decl: Node): Domain {
    const d = this.exprDomain(v) ?? this.readDomain(v);
    return d === undefined && v && this.isSession(v.text) && !this.scopeDomain(decl) ? null : d;
  }

  /**
   * os.Getenv("GITHUB_RUN_ID"), cfg.GetString("ci.run_id"): a value read by a name that carries a
   * qualifier is that domain's, also through a conversion (strconv.ParseInt(os.Getenv(…), 10, 64)).
   * A flag's usage text says what it holds: flag.Int64("run-id", 0, "GitHub Actions workflow run id").
   */
  private readDomain(v: Node | null, depth = 0): string | undefined {
    if (v?.type !== 'call_expression' || depth > 2) return undefined;
    const args = field(v, 'arguments');
    const list = args ? named(args) : [];
    const strings = list.filter((a) => STRING_TYPES.has(a.type));
    const key = strings[0] ? this.qualifierOf(strings[0].text) : undefined;
    if (key) return key;
    const usage = this.flagUsageDomain(v);
    if (usage) return usage;
    for (const a of list) {
      const d = a.type === 'call_expression' ? this.readDomain(a, depth + 1) : undefined;
      if (d) return d;
    }
    return undefined;
  }

  /** The domain a flag definition's usage text gives the flag (not where it names the session). */
  flagUsageDomain(call: Node): string | undefined {
    const fn = field(call, 'function');
    const callee = fn?.type === 'selector_expression' ? field(fn, 'field')?.text : fn?.text;
    if (!FLAG_DEFINITION.test(callee ?? '')) return undefined;
    const args = field(call, 'arguments');
    const strings = args ? named(args).filter((a) => STRING_TYPES.has(a.type)) : [];
    const usage = strings.length > 1 ? strings[strings.length - 1].text : undefined;
    return usage && !this.hasEvidence(usage) ? this.qualifierOf(usage) : undefined;
  }

  /** Domain of the value of an expression. */
  exprDomain(expr: Node | null, depth = 0): Domain {
    if (!expr || depth > 12) return undefined;
    switch (expr.type) {
      case 'identifier': {
        const own = this.domainOf(expr.text);
        if (own) return own;
        return this.lookup(expr)?.domain;
      }
      case 'selector_expression': {
        const own = this.domainOf(field(expr, 'field')?.text ?? '') ?? this.fieldDomain(expr);
        if (own) return own;
        return this.exprDomain(field(expr, 'operand'), depth + 1);
      }
      case 'call_expression': {
        const fn = field(expr, 'function');
        if (!fn) return undefined;
        if (fn.type === 'identifier') return this.domainOf(fn.text) ?? undefined;
        if (fn.type === 'selector_expression') {
          const own = this.domainOf(field(fn, 'field')?.text ?? '');
          if (own) return own;
          const operand = this.exprDomain(field(fn, 'operand'), depth + 1);
          return operand ?? undefined;
        }
        return undefined;
      }
      case 'composite_literal':
        return this.typeDomain(field(expr, 'type'));
      case 'type_assertion_expression':
      case 'type_conversion_expression':
        return this.typeDomain(field(expr, 'type'));
      case 'unary_expression':
        return this.exprDomain(field(expr, 'operand'), depth + 1);
      case 'parenthesized_expression':
        return this.exprDomain(expr.namedChildren[0] ?? null, depth + 1);
      case 'index_expression': {
        const operand = field(expr, 'operand');
        return operand ? (this.domainOf(operand.text) ?? this.exprDomain(operand, depth + 1)) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Domain of the scope around a node: type switch case, receiver, function, struct, var. */
  scopeDomain(node: Node): string | undefined {
    let literal = false;
    for (const a of ancestors(node)) {
      switch (a.type) {
        case 'literal_value': {
          // Message{Topic: TopicPlanningStarted, Payload: …}: the literal's discriminator says what
          // it carries (only the nearest literal's: a nested Meta{…} is its own).
          if (literal) break;
          literal = true;
          const d = this.discriminatorDomain(a);
          if (d) return d;
          break;
        }
        case 'type_case': {
          const types = fields(a, 'type');
          if (types.length > 0) {
            const ds = types.map((t) => this.typeDomain(t));
            if (ds.every((d) => d && d === ds[0])) return ds[0] as string;
          }
          break;
        }
        case 'expression_case': {
          // case "planning.start", events.EventTypePlanningIteration: — the case is about planning.
          const d = this.domainOf(fields(a, 'value').map((v) => v.text).join(' '));
          if (d) return d;
          break;
        }
        case 'if_statement': {
          const cond = field(a, 'condition');
          const consequence = field(a, 'consequence');
          if (cond && consequence && consequence.startIndex <= node.startIndex && node.endIndex <= consequence.endIndex) {
            const d = this.domainOf(cond.text);
            if (d) return d;
          }
          break;
        }
        case 'method_declaration': {
          const own = this.domainOf(field(a, 'name')?.text ?? '');
          if (own) return own;
          const recv = field(a, 'receiver');
          const p = recv ? named(recv).find((n) => n.type === 'parameter_declaration') : undefined;
          const d = p ? this.typeDomain(field(p, 'type')) : undefined;
          return d ?? undefined;
        }
        case 'func_literal': {
          // mux.HandleFunc("GET /debug/planning/{run_id}", func(w, r) {…}): a handler is about its route.
          const args = a.parent?.type === 'argument_list' ? a.parent : null;
          const route = args ? named(args).find((x) => STRING_TYPES.has(x.type)) : undefined;
          const d = route && ROUTE.test(route.text) ? this.domainOf(route.text) : undefined;
          if (d) return d;
          break;
        }
        case 'function_declaration':
          return this.domainOf(field(a, 'name')?.text ?? '') ?? this.packageDomain;
        case 'method_elem':
        case 'method_spec': {
          // An interface's GetPlanningRun(ctx, runID string): the method names what it takes.
          const d = this.domainOf(field(a, 'name')?.text ?? '');
          if (d) return d;
          break;
        }
        case 'type_spec':
        case 'var_spec':
        case 'const_spec': {
          const name = field(a, 'name')?.text ?? '';
          const d = this.domainOf(name);
          if (d) return d;
          // type Conversation struct in a scheduler package: the session's, not the package's.
          if (a.type === 'type_spec' && this.hasEvidence(name)) return undefined;
          break;
        }
        default:
          break;
      }
    }
    return this.packageDomain;
  }

  /** The domain a composite literal's Topic, Type or Kind value names. */
  discriminatorDomain(literal: Node): string | undefined {
    for (const el of named(literal)) {
      if (el.type !== 'keyed_element') continue;
      const [key, value] = named(el);
      if (key && value && DISCRIMINATOR.test(key.text)) {
        const d = this.domainOf(value.text);
        if (d) return d;
      }
    }
    return undefined;
  }

  /** The declaration a use of an identifier refers to (nearest enclosing, preceding); with `defining`, never a reassignment. */
  lookup(use: Node, defining = false): Declaration | undefined {
    const alias = this.typeSwitchAlias(use);
    if (alias) return alias;
    let fn: Node | null = null;
    let top: Node | null = null;
    for (const a of ancestors(use)) {
      if (FUNCTIONS.has(a.type)) fn = a; // outermost function
      top = a;
    }
    // A snippet of statements (a fenced example in a doc) has no function: its file is the scope.
    if (!fn) fn = top?.type === 'source_file' ? top : null;
    if (!fn) return undefined;
    const list = this.declarationsOf(fn);
    let best: Declaration | undefined;
    for (const d of list) {
      if (d.name !== use.text || d.from > use.startIndex || d.scopeEnd < use.endIndex || (defining && d.reassigns)) continue;
      if (!best || d.from >= best.from) best = d;
    }
    return best;
  }

  /**
   * A variable whose declaration says nothing (runID string) takes the domain of what it is used
   * for: a key into p.planning[…], a field of a planning literal or a planning call's argument.
   */
  usesDomain(decl: Declaration): Domain {
    if (decl.usedAs !== undefined) return decl.usedAs === false ? undefined : decl.usedAs;
    decl.usedAs = false;
    if (!decl.fn) return undefined;
    for (const id of decl.fn.descendantsOfType('identifier')) {
      if (id.text !== decl.name || id.startIndex < decl.from || id.endIndex > decl.scopeEnd) continue;
      const d = this.useDomain(id);
      if (d !== undefined) {
        decl.usedAs = d;
        return d;
      }
    }
    return undefined;
  }

  /**
   * A bare variable whose value is put where a session id goes (`RunID: run`, `conv.SessionID = run`)
   * holds the session, whatever it was initialised from (a loop over test ids, a flag).
   */
  usedAsSession(decl: Declaration, namesSession: (text: string) => boolean): boolean {
    if (!decl.fn) return false;
    for (const id of decl.fn.descendantsOfType('identifier')) {
      if (!id || id.text !== decl.name || id.startIndex < decl.from || id.endIndex > decl.scopeEnd) continue;
      const p = id.parent;
      if (p?.type === 'literal_element' && p.parent?.type === 'keyed_element' && named(p.parent)[1]?.id === p.id && namesSession(named(p.parent)[0]?.text ?? '')) return true;
      if (p?.type === 'expression_list' && p.parent?.type === 'assignment_statement' && field(p.parent, 'right')?.id === p.id) {
        const left = field(p.parent, 'left');
        const target = left ? named(left)[named(p).findIndex((n) => n.id === id.id)] : undefined;
        if (target?.type === 'selector_expression' && namesSession(field(target, 'field')?.text ?? '')) return true;
      }
      // fn(run, c) where fn is a func(runID string, c *Conversation): the parameter says what goes there.
      if (p?.type === 'argument_list' && p.parent?.type === 'call_expression') {
        const callee = field(p.parent, 'function');
        const type = callee?.type === 'identifier' ? this.lookup(callee)?.source : null;
        const param = type?.type === 'function_type' ? parameterName(type, named(p).findIndex((n) => n.id === id.id)) : undefined;
        if (param && namesSession(param)) return true;
      }
    }
    return false;
  }

  /**
   * What one use of an identifier says: a key into a planning map, a planning call's argument …;
   * null for a key into a map of sessions (`p.sessions[runID]`), which no enclosing name overrides.
   */
  useDomain(id: Node): Domain {
    const p = id.parent;
    if (!p) return undefined;
    // StringVar(&runID, "run-id", "", "job run ID"): the flag's usage says what the variable holds.
    if (p.type === 'unary_expression' && p.parent?.type === 'argument_list' && p.parent.parent?.type === 'call_expression') {
      const d = this.flagUsageDomain(p.parent.parent);
      if (d) return d;
    }
    if (p.type === 'index_expression' && field(p, 'index')?.id === id.id) {
      const operand = field(p, 'operand');
      const text = operand?.text ?? '';
      return this.domainOf(text) ?? (this.isSession(text.replace(/s\b/g, '')) ? null : operand ? this.fieldDomain(operand) : undefined);
    }
    if (p.type === 'literal_element' && p.parent?.type === 'keyed_element' && named(p.parent)[1]?.id === p.id) {
      for (const a of ancestors(p)) if (a.type === 'composite_literal') return this.domainOf(typeName(field(a, 'type')));
    }
    if (p.type === 'binary_expression') {
      // "planning:" + runID — joined with text about planning (an entity id, a log line).
      const other = named(p).find((n) => n.id !== id.id);
      if (other && (other.type === 'interpreted_string_literal' || other.type === 'raw_string_literal')) return this.domainOf(other.text);
    }
    if (p.type === 'argument_list' && p.parent?.type === 'call_expression') {
      const fn = field(p.parent, 'function');
      // ids = append(ids, runID): a slice holds what is appended to it.
      if (fn?.text === 'append' && named(p)[0]?.id === id.id) {
        for (const v of named(p).slice(1)) {
          const d = v.type === 'identifier' && v.text === id.text ? undefined : this.exprDomain(v);
          if (d !== undefined) return d;
        }
        return undefined;
      }
      const name = fn?.type === 'selector_expression' ? (field(fn, 'field')?.text ?? '') : (fn?.text ?? '');
      return this.domainOf(name) ?? this.formatDomain(p, id);
    }
    return undefined;
  }

  /**
   * fmt.Errorf("planning run %s: %w", runID, err), Sprintf("/planning/runs/%s", url.PathEscape(runID)):
   * the words just before the verb that prints an argument say whose value it is.
   */
  private formatDomain(args: Node, arg: Node, depth = 0): string | undefined {
    const call = args.parent;
    if (!call || call.type !== 'call_expression') return undefined;
    const list = named(args);
    if (!FORMAT_FUNCTION.test(calleeName(call))) {
      // A value passed through one call (url.PathEscape(runID)) is printed as that call's result.
      const outer = call.parent;
      return depth === 0 && list.length === 1 && outer?.type === 'argument_list' ? this.formatDomain(outer, call, 1) : undefined;
    }
    const f = list.findIndex((n) => STRING_TYPES.has(n.type));
    const i = list.findIndex((n) => n.id === arg.id);
    if (f < 0 || i <= f) return undefined;
    const before = textBeforeVerb(list[f].text, i - f - 1);
    // Two words at most: "planning run %s" is planning's, "planning for run %s" is not.
    return before === undefined ? undefined : this.domainOf(before.split(/[^A-Za-z0-9]+/).filter(Boolean).slice(-2).join(' '));
  }

  /** `switch ev := e.(type) { case *EventPlanningStart: … ev … }`: ev has the case's type. */
  private typeSwitchAlias(use: Node): Declaration | undefined {
    for (const a of ancestors(use)) {
      if (a.type !== 'type_case') continue;
      const sw = a.parent;
      const alias = sw ? field(sw, 'alias') : null;
      if (!sw || !alias || !named(alias).some((n) => n.text === use.text)) continue;
      const types = fields(a, 'type');
      const ds = types.map((t) => this.typeDomain(t));
      const domain = ds.length > 0 && ds.every((d) => d === ds[0]) ? ds[0] : undefined;
      return { name: use.text, from: a.startIndex, scopeEnd: a.endIndex, domain, source: types[0] ?? null };
    }
    return undefined;
  }

  declarationsOf(fn: Node): Declaration[] {
    let list = this.decls.get(fn.id);
    if (list) return list;
    list = [];
    // Registered before collecting: an initialiser that names an earlier variable looks it up here.
    this.decls.set(fn.id, list);
    this.collect(fn, list);
    for (const d of list) d.fn = fn;
    return list;
  }

  private scopeEndOf(node: Node): number {
    // A statement outside any function (a doc's snippet) is in scope to the end of the snippet.
    for (const a of ancestors(node)) if (SCOPES.has(a.type) || a.type === 'source_file') return a.endIndex;
    return node.endIndex;
  }

  private collect(root: Node, out: Declaration[]): void {
    // descendantsOfType walks the tree inside wasm: far cheaper than visiting every node from JS.
    for (const n of root.descendantsOfType(DECLARING)) {
      switch (n.type) {
        case 'parameter_declaration':
        case 'variadic_parameter_declaration': {
          const type = field(n, 'type');
          const list = n.parent;
          const owner = list?.parent ?? n;
          // Callers pass a parameter its value: its position among the list's names (a, b string).
          const fn = list && field(owner, 'parameters')?.id === list.id ? field(owner, 'name')?.text : undefined;
          let index = 0;
          if (fn && list) for (const p of named(list)) if (p.id === n.id) break; else index += Math.max(1, fields(p, 'name').length);
          fields(n, 'name').forEach((id, i) => {
            const param = fn && n.type === 'parameter_declaration' ? { fn, index: index + i } : undefined;
            out.push({ name: id.text, from: owner.startIndex, scopeEnd: owner.endIndex, domain: this.domainOf(id.text) ?? this.typeDomain(type), source: type, param });
          });
          break;
        }
        case 'var_spec': {
          const type = field(n, 'type');
          const values = field(n, 'value');
          const ids = fields(n, 'name');
          ids.forEach((id, i) => {
            const v = values ? (named(values)[i] ?? null) : null;
            const domain = this.domainOf(id.text) ?? (type ? this.typeDomain(type) : this.initialiserDomain(v, n));
            out.push({ name: id.text, from: id.startIndex, scopeEnd: this.scopeEndOf(n), domain, source: v ?? type });
          });
          break;
        }
        case 'short_var_declaration':
        case 'assignment_statement': {
          const left = field(n, 'left');
          const right = field(n, 'right');
          const ls = left ? named(left) : [];
          const rs = right ? named(right) : [];
          ls.forEach((id, i) => {
            if (id.type !== 'identifier' || id.text === '_') return;
            // x, ok := f(): every name on the left takes the one call's value.
            const v = rs.length === ls.length ? rs[i] : (rs[0] ?? null);
            const domain = this.domainOf(id.text) ?? this.initialiserDomain(v, n);
            out.push({ name: id.text, from: id.startIndex, scopeEnd: this.scopeEndOf(n), domain, source: v, reassigns: n.type === 'assignment_statement' });
          });
          break;
        }
        case 'range_clause': {
          const left = field(n, 'left');
          const right = field(n, 'right');
          const domain = this.exprDomain(right);
          (left ? named(left) : []).forEach((id, index) => {
            const ranges = right ? { subject: right, index } : undefined;
            if (id.type === 'identifier') out.push({ name: id.text, from: id.startIndex, scopeEnd: n.parent?.endIndex ?? n.endIndex, domain: this.domainOf(id.text) ?? domain, source: right, ranges });
          });
          break;
        }
        default:
          break;
      }
    }
  }
}

/** The name of a function type's parameter at a position (`func(runID string, c *Conversation)`, 0 → runID). */
function parameterName(type: Node, index: number): string | undefined {
  const list = field(type, 'parameters');
  let at = 0;
  for (const p of list ? named(list) : []) {
    const names = fields(p, 'name');
    if (names.length === 0) at++;
    for (const n of names) if (at++ === index) return n.text;
    if (at > index) return undefined;
  }
  return undefined;
}
