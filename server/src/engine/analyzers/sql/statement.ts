/**
 * Reads one SQL statement (or a fragment of one, as Go code keeps them in strings) and gives each
 * identifier a role: table, index, column or other name, the domain of the table it belongs to, and
 * whether the statement is a migration reference to it (RENAME … TO, DROP …).
 *
 * This is a reader, not a parser: it follows the keywords that introduce names (TABLE, INDEX, ON,
 * FROM, JOIN, INTO, UPDATE, REFERENCES, RENAME, DROP) and calls every other identifier a column.
 */
import type { AnalyzerContext } from '../../analyzer';
import type { Candidate, ContextKind } from '../../types';
import { CREATE_MODIFIERS, RESERVED, TABLE_CONSTRAINT } from './keywords';
import type { SqlToken } from './lexer';
import { SqlTokens, type Name } from './tokens';

interface Role {
  context: ContextKind;
  domain?: string;
  /** Why the name has no automatic fix. */
  noFix?: string;
  /** The query's own tables decide the domain (none is an answer too): a host scope must not. */
  settled?: boolean;
  migration?: boolean;
}

interface Resolved {
  domain?: string;
  known: boolean;
}

interface GenericEnv {
  /** Domain for unqualified columns when the statement names no table (a fragment, an index column list). */
  defaultDomain?: string;
  /** The table NEW./OLD. refer to inside a trigger. */
  rowTable?: string;
}

/** Table names repeat in every statement of a file; their domain is computed once per analysis. */
const domainMemo = new WeakMap<AnalyzerContext, Map<string, string | undefined>>();

export class SqlStatement extends SqlTokens {
  private readonly roles = new Map<number, Role>();
  /** The domain of the statement's own table, for comments inside it. */
  domain: string | undefined;

  constructor(
    text: string,
    t: SqlToken[],
    private readonly ctx: AnalyzerContext,
  ) {
    super(text, t);
  }

  /** Reads the statement and appends a candidate for every identifier that may hold a term. */
  analyze(out: Candidate[]): void {
    this.statement(0, this.t.length);
    for (let i = 0; i < this.t.length; i++) {
      if (!this.isIdent(i) && !this.isNamedParam(i)) continue;
      const role = this.roles.get(i) ?? { context: this.isIdent(i) ? 'sql-column' : 'sql' };
      this.emit(i, role, out);
    }
  }

  private domainOf(name: string | undefined): string | undefined {
    if (!name) return undefined;
    let memo = domainMemo.get(this.ctx);
    if (!memo) domainMemo.set(this.ctx, (memo = new Map()));
    if (!memo.has(name)) memo.set(name, this.ctx.domainOf(name));
    return memo.get(name);
  }

  /** The first reading of a token wins: specific statement forms run before the generic reader. */
  private setRole(i: number, role: Role): void {
    if (!this.isIdent(i) && !this.isNamedParam(i)) return;
    if (!this.roles.has(i)) this.roles.set(i, role);
  }

  /** Names a table: the last part is the table, the qualifiers before it are schema names. */
  private tableName(n: Name, migration?: boolean): void {
    n.parts.forEach((p, k) => this.setRole(p, k === n.parts.length - 1 ? { context: 'sql-table', domain: this.domainOf(n.last), migration } : { context: 'sql', migration }));
  }

  private allIdents(from: number, to: number, role: Role): void {
    for (let i = from; i < to; i++) this.setRole(i, role);
  }

  // ---- statements -----------------------------------------------------------------------------

  private statement(from: number, to: number): void {
    let i = this.skip(from, ['EXPLAIN', 'QUERY', 'PLAN', 'ANALYZE', 'VERBOSE']);
    if (this.kw(i, 'CREATE')) {
      i = this.skip(i + 1, [...CREATE_MODIFIERS]);
      if (this.kw(i, 'TABLE')) return this.createTable(i + 1, to);
      if (this.kw(i, 'INDEX')) return this.createIndex(i + 1, to);
      if (this.kw(i, 'VIEW')) return this.createView(i + 1, to);
      if (this.kw(i, 'TRIGGER')) return this.createTrigger(i + 1, to);
      return this.generic(i, to, {});
    }
    if (this.kw(i, 'ALTER')) {
      if (this.kw(i + 1, 'TABLE')) return this.alterTable(i + 2, to);
      if (this.kw(i + 1, 'INDEX')) return this.alterIndex(i + 2, to);
      // ALTER SEQUENCE / VIEW / TYPE … RENAME …: the statement is the migration.
      for (let k = i; k < to; k++) if (this.kw(k, 'RENAME')) return this.allIdents(i, to, { context: 'sql', migration: true });
      return this.generic(i, to, {});
    }
    if (this.kw(i, 'DROP')) return this.drop(i + 1, to);
    if (this.kw(i, 'REINDEX')) return this.allIdents(i + 1, to, { context: 'sql-index' });
    // Fragments of an ALTER TABLE kept in their own string.
    if (this.kw(i, 'RENAME', 'ADD')) {
      this.alterActions(i, to, undefined);
      return;
    }
    return this.generic(i, to, {});
  }

  private createTable(i: number, to: number): void {
    i = this.skip(i, ['IF', 'NOT', 'EXISTS']);
    const n = this.dotted(i);
    if (!n) return this.generic(i, to, {});
    this.tableName(n);
    const domain = this.domainOf(n.last);
    this.domain = domain;
    let k = n.next;
    if (this.punct(k, '(')) {
      const end = Math.min(this.close[k], to);
      const elements = this.commaList(k + 1, end);
      const foreign = this.foreignKeys(elements);
      for (const [a, b] of elements) this.element(a, b, domain, foreign);
      return this.generic(end + 1, to, { defaultDomain: domain });
    }
    if (this.kw(k, 'USING')) {
      // CREATE VIRTUAL TABLE docs USING fts5(run_id, body, tokenize = 'porter'): module arguments are columns.
      this.setRole(k + 1, { context: 'sql' });
      k += 2;
      if (this.punct(k, '(')) {
        const end = Math.min(this.close[k], to);
        for (const [a] of this.commaList(k + 1, end)) this.setRole(a, { context: 'sql-column', domain });
        return this.generic(k + 1, to, { defaultDomain: domain });
      }
    }
    if (this.kw(k, 'AS')) return this.generic(k + 1, to, {});
    this.generic(k, to, { defaultDomain: domain });
  }

  /** One element of a column list: a column definition or a table constraint. */
  /** Columns a table-level FOREIGN KEY (cols) REFERENCES t points at a domain table: name → domain. */
  private foreignKeys(elements: Array<[number, number]>): Map<string, string> {
    const out = new Map<string, string>();
    for (const [a, b] of elements) {
      const k = this.kw(a, 'CONSTRAINT') ? a + 2 : a;
      if (!this.kw(k, 'FOREIGN') || !this.kw(k + 1, 'KEY') || !this.punct(k + 2, '(')) continue;
      const end = Math.min(this.close[k + 2], b);
      let ref = end;
      while (ref < b && !this.kw(ref, 'REFERENCES')) ref++;
      const d = this.domainOf(this.dotted(ref + 1)?.last);
      if (!d) continue;
      for (let c = k + 3; c < end; c++) {
        if (!this.isIdent(c)) continue;
        out.set(this.name(c).toLowerCase(), d);
        this.setRole(c, { context: 'sql-column', domain: d });
      }
    }
    return out;
  }

  private element(a: number, b: number, domain: string | undefined, foreign?: Map<string, string>): void {
    if (a >= b) return;
    if (this.kw(a, ...TABLE_CONSTRAINT)) return this.constraint(a, b, domain);
    if (!this.isIdent(a)) return this.generic(a, b, { defaultDomain: domain });
    // A column that references a domain table holds that domain's ids (run_id REFERENCES planning_runs(id)).
    let own = domain ?? foreign?.get(this.name(a).toLowerCase());
    for (let k = a + 1; k < b && !own; k++) if (this.kw(k, 'REFERENCES')) own = this.domainOf(this.dotted(k + 1)?.last);
    this.setRole(a, { context: 'sql-column', domain: own });
    this.constraint(a + 1, b, domain);
  }

  /** Column constraints and table constraints: names, REFERENCES t(cols), expressions. */
  private constraint(a: number, b: number, domain: string | undefined): void {
    for (let k = a; k < b; k++) {
      if (this.kw(k, 'CONSTRAINT') && this.isName(k + 1)) {
        this.setRole(k + 1, { context: 'sql-index', domain: this.domainOf(this.name(k + 1)) ?? domain });
        k++;
      } else if (this.kw(k, 'KEY', 'INDEX', 'UNIQUE') && this.isName(k + 1) && !this.kw(k + 1, 'KEY', 'INDEX') && this.punct(k + 2, '(')) {
        // MySQL: KEY idx_run (run_id), UNIQUE KEY name (…)
        this.setRole(k + 1, { context: 'sql-index', domain: this.domainOf(this.name(k + 1)) ?? domain });
        k++;
      } else if (this.kw(k, 'REFERENCES')) {
        const n = this.dotted(k + 1);
        if (!n) continue;
        this.tableName(n);
        const refDomain = this.domainOf(n.last);
        k = n.next;
        if (this.punct(k, '(')) {
          const end = Math.min(this.close[k], b);
          this.allIdents(k + 1, end, { context: 'sql-column', domain: refDomain });
          k = end;
        } else k--;
      } else this.setRole(k, { context: 'sql-column', domain });
    }
  }

  private createIndex(i: number, to: number): void {
    i = this.skip(i, ['CONCURRENTLY', 'IF', 'NOT', 'EXISTS']);
    const name = this.kw(i, 'ON') ? null : this.dotted(i);
    let k = name ? name.next : i;
    let domain: string | undefined;
    if (this.kw(k, 'ON')) {
      k = this.skip(k + 1, ['ONLY']);
      const table = this.dotted(k);
      if (table) {
        this.tableName(table);
        domain = this.domainOf(table.last);
        k = table.next;
      }
    }
    if (name) {
      name.parts.forEach((p, n) => this.setRole(p, n === name.parts.length - 1 ? { context: 'sql-index', domain: this.domainOf(name.last) ?? domain } : { context: 'sql' }));
    }
    this.domain = domain;
    if (this.kw(k, 'USING')) k += 2; // USING btree: an access method, not a table
    this.generic(k, to, { defaultDomain: domain });
  }

  private createView(i: number, to: number): void {
    i = this.skip(i, ['IF', 'NOT', 'EXISTS']);
    const n = this.dotted(i);
    if (!n) return this.generic(i, to, {});
    this.tableName(n);
    let k = n.next;
    if (this.punct(k, '(')) {
      const end = Math.min(this.close[k], to);
      this.allIdents(k + 1, end, { context: 'sql-column', domain: this.domainOf(n.last) });
      k = end + 1;
    }
    if (this.kw(k, 'AS')) k++;
    this.generic(k, to, {});
  }

  private createTrigger(i: number, to: number): void {
    i = this.skip(i, ['IF', 'NOT', 'EXISTS']);
    const n = this.dotted(i);
    if (!n) return this.generic(i, to, {});
    n.parts.forEach((p) => this.setRole(p, { context: 'sql', domain: this.domainOf(n.last) }));
    let on = n.next;
    while (on < to && !this.kw(on, 'ON')) on++;
    const table = this.dotted(on + 1);
    if (!table) return this.generic(n.next, to, {});
    this.tableName(table);
    const domain = this.domainOf(table.last);
    this.domain = domain;
    this.allIdents(n.next, on, { context: 'sql-column', domain }); // AFTER UPDATE OF run_id ON …
    this.generic(table.next, to, { rowTable: table.last, defaultDomain: domain });
  }

  private alterTable(i: number, to: number): void {
    i = this.skip(i, ['IF', 'EXISTS', 'ONLY']);
    const n = this.dotted(i);
    if (!n) return this.generic(i, to, {});
    const domain = this.domainOf(n.last);
    this.domain = domain;
    let k = n.next;
    if (this.t[k]?.kind === 'op') k++; // ONLY t *
    const renamed = this.alterActions(k, to, domain);
    this.tableName(n, renamed);
  }

  /** ALTER TABLE actions; true when one renames the table itself. */
  private alterActions(from: number, to: number, domain: string | undefined): boolean {
    let renamedTable = false;
    for (const [a, b] of this.commaList(from, to)) {
      if (this.kw(a, 'RENAME')) {
        if (this.kw(a + 1, 'TO')) {
          renamedTable = true;
          this.allIdents(a + 2, b, { context: 'sql-table', migration: true });
        } else if (this.kw(a + 1, 'CONSTRAINT')) {
          this.allIdents(a + 2, b, { context: 'sql-index', migration: true });
        } else {
          // RENAME [COLUMN] old TO new: both names belong to the migration (a down migration renames back).
          this.allIdents(a + 1, b, { context: 'sql-column', domain, migration: true });
        }
      } else if (this.kw(a, 'DROP')) {
        const context: ContextKind = this.kw(a + 1, 'CONSTRAINT', 'INDEX', 'KEY') ? 'sql-index' : 'sql-column';
        this.allIdents(a + 1, b, { context, domain, migration: true });
      } else if (this.kw(a, 'ADD')) {
        let m = this.skip(a + 1, ['COLUMN']);
        m = this.skip(m, ['IF', 'NOT', 'EXISTS']);
        this.element(m, b, domain);
      } else if (this.kw(a, 'ALTER')) {
        this.allIdents(this.skip(a + 1, ['COLUMN']), b, { context: 'sql-column', domain });
      } else {
        this.generic(a, b, { defaultDomain: domain });
      }
    }
    return renamedTable;
  }

  private alterIndex(i: number, to: number): void {
    i = this.skip(i, ['IF', 'EXISTS']);
    const n = this.dotted(i);
    if (!n) return this.generic(i, to, {});
    const rename = this.kw(n.next, 'RENAME');
    const role: Role = { context: 'sql-index', domain: this.domainOf(n.last), migration: rename || undefined };
    n.parts.forEach((p) => this.setRole(p, role));
    if (rename) this.allIdents(n.next, to, { context: 'sql-index', migration: true });
    else this.generic(n.next, to, {});
  }

  /** DROP TABLE/INDEX/COLUMN/CONSTRAINT … [IF EXISTS] names [ON table]: the names are migration references. */
  private drop(i: number, to: number): void {
    i = this.skip(i, ['MATERIALIZED']);
    let context: ContextKind = 'sql';
    if (this.kw(i, 'TABLE', 'VIEW')) context = 'sql-table';
    else if (this.kw(i, 'INDEX', 'CONSTRAINT', 'KEY')) context = 'sql-index';
    else if (this.kw(i, 'COLUMN')) context = 'sql-column';
    i = this.skip(i + 1, ['CONCURRENTLY', 'IF', 'EXISTS']);
    let k = i;
    while (k < to && !this.kw(k, 'ON')) {
      this.setRole(k, { context, migration: true });
      k++;
    }
    const table = this.dotted(k + 1);
    if (table) {
      this.tableName(table);
      this.generic(table.next, to, {});
    }
  }

  // ---- queries and fragments ------------------------------------------------------------------

  /**
   * SELECT / INSERT / UPDATE / DELETE / WITH and fragments of them. First the tables each query
   * scope names (FROM, JOIN, INTO, UPDATE), with their aliases; then every other identifier is a
   * column whose domain comes from its qualifier or, unqualified, from the tables of its scope.
   */
  private generic(from: number, to: number, env: GenericEnv): void {
    if (from >= to) return;
    // Scopes: the statement, and every parenthesised sub-query.
    const scopeOf: number[] = [];
    const scopeAtParen = new Map<number, number>();
    const parent: number[] = [-1];
    const tables: string[][] = [[]];
    const ends: Array<[number, number]> = [];
    let cur = 0;
    for (let i = from; i < to; i++) {
      while (ends.length && ends[ends.length - 1][0] < i) cur = ends.pop()![1];
      // (A data-modifying CTE, `d AS (DELETE FROM planning_runs …)`, is a scope of its own too.)
      if (this.punct(i, '(') && (this.kw(i + 1, 'SELECT', 'WITH', 'VALUES') || (this.kw(i - 1, 'AS') && this.kw(i + 1, 'DELETE', 'INSERT', 'UPDATE')))) {
        parent.push(cur);
        tables.push([]);
        ends.push([this.close[i], cur]);
        cur = parent.length - 1;
        scopeAtParen.set(i, cur);
      }
      scopeOf[i] = cur;
    }
    const aliases = new Map<string, string>();
    const columnLists: Array<{ from: number; to: number; table: string }> = [];
    let target: string | undefined;

    const tableItem = (j: number): number => {
      if (!this.isName(j)) return j;
      const n = this.dotted(j)!;
      this.tableName(n);
      tables[scopeOf[j] ?? 0].push(n.last);
      let k = n.next;
      if (this.kw(k, 'AS') && this.isName(k + 1)) k++;
      if (this.isName(k) && !this.punct(k + 1, '.')) {
        this.setRole(k, { context: 'sql' });
        aliases.set(this.name(k).toLowerCase(), n.last);
        k++;
      }
      return k;
    };

    for (let i = from; i < to; i++) {
      if (this.kw(i, 'FROM')) {
        let k = tableItem(i + 1);
        while (this.punct(k, ',') && this.isName(k + 1)) k = tableItem(k + 1);
      } else if (this.kw(i, 'JOIN', 'TABLE')) {
        tableItem(i + 1);
      } else if (this.kw(i, 'INTO')) {
        const k = tableItem(i + 1);
        if (this.isName(i + 1)) {
          target = this.dotted(i + 1)!.last;
          if (this.punct(k, '(')) columnLists.push({ from: k, to: this.close[k], table: target });
        }
      } else if (this.kw(i, 'UPDATE')) {
        const j = this.kw(i + 1, 'OR') ? i + 3 : i + 1;
        if (!this.kw(j, 'SET') && this.isName(j)) {
          target = this.dotted(j)!.last;
          tableItem(j);
        }
      } else if (this.kw(i, 'USING') && !this.punct(i + 1, '(')) {
        tableItem(i + 1);
      } else if (this.kw(i, 'CONFLICT') && this.punct(i + 1, '(') && target) {
        columnLists.push({ from: i + 1, to: this.close[i + 1], table: target });
      }
    }

    const tableOf = (qualifier: string): string | undefined => {
      const q = qualifier.toLowerCase();
      if (q === 'excluded') return target;
      if ((q === 'new' || q === 'old') && env.rowTable) return env.rowTable;
      return aliases.get(q) ?? qualifier;
    };
    // WITH ranked AS (SELECT … FROM planning_runs): a common table expression has its body's domain.
    const ctes = new Map<string, number>();
    for (let i = from; i < to; i++) {
      if (this.isName(i) && this.kw(i + 1, 'AS') && scopeAtParen.has(i + 2) && (this.kw(i - 1, 'WITH', 'RECURSIVE') || this.punct(i - 1, ','))) {
        ctes.set(this.name(i).toLowerCase(), scopeAtParen.get(i + 2)!);
      }
    }
    /** A table's domain, and whether the query shows it (a table, or a CTE over tables of one domain). */
    const resolving = new Set<number>();
    const tableDomain = (name: string | undefined): Resolved => {
      const cte = name ? ctes.get(name.toLowerCase()) : undefined;
      if (cte === undefined) return { domain: this.domainOf(name), known: name !== undefined };
      if (resolving.has(cte)) return { known: false };
      resolving.add(cte);
      try {
        return scopeDomain(cte);
      } finally {
        resolving.delete(cte);
      }
    };
    const scopeDomains = new Map<number, Resolved>();
    const scopeDomain = (s: number): Resolved => {
      if (!scopeDomains.has(s)) scopeDomains.set(s, ownDomain(s));
      return scopeDomains.get(s)!;
    };
    const ownDomain = (s: number): Resolved => {
      for (let k = s; k >= 0; k = parent[k]) {
        if (tables[k].length === 0) continue;
        const ds = tables[k].map(tableDomain);
        return ds.every((d) => d.known && d.domain === ds[0].domain) ? ds[0] : { known: false };
      }
      return { domain: env.defaultDomain, known: false };
    };
    // Only a query that itself names a domain table (a join of planning_runs and turns) tells its
    // columns apart; a query over plain tables leaves the domain to the code around it.
    const mixed = tables.some((ts) => ts.some((tn) => tableDomain(tn).domain !== undefined));
    const role = (context: ContextKind, r: Resolved, migration: boolean): Role => ({ context, domain: r.domain, settled: (mixed && r.known) || undefined, migration: migration || undefined });

    const compat = this.compatAliases(from, to);
    const copies = this.copiedColumns(from, to, compat.length > 0);
    // session_id AS run_id: a compatibility alias that serves the old name to old readers; it goes.
    for (const i of compat) {
      if (!this.roles.has(i) && !copies.has(i - 2)) this.setRole(i, { context: 'sql-column', noFix: `a compatibility alias that serves ${this.name(i - 2)} under its old name: remove it` });
    }
    // INSERT INTO t (run_id, session_id, …): a dual write; renaming would write one column twice.
    for (const [i, other] of this.dualWrites(from, to)) {
      if (!this.roles.has(i)) this.setRole(i, { context: 'sql-column', noFix: `the statement also writes ${other}: remove this column and its value` });
    }
    for (let i = from; i < to; i++) {
      if (this.roles.has(i)) continue;
      if (this.isNamedParam(i)) {
        this.setRole(i, role('sql', scopeDomain(scopeOf[i] ?? 0), false));
        continue;
      }
      if (!this.isIdent(i)) continue;
      if (this.punct(i + 1, '.') && this.isIdent(i + 2)) {
        const q = this.name(i);
        const isAlias = aliases.has(q.toLowerCase()) || /^(excluded|new|old)$/i.test(q);
        this.setRole(i, isAlias ? { context: 'sql' } : { context: 'sql-table', domain: this.domainOf(q) });
      } else if (this.punct(i - 1, '.') && this.isIdent(i - 2)) {
        this.setRole(i, role('sql-column', tableDomain(tableOf(this.name(i - 2))), copies.has(i)));
      } else if (this.punct(i + 1, '(') && this.t[i].kind === 'word' && !RESERVED.has(this.t[i].upper)) {
        this.setRole(i, { context: 'sql' }); // a function call
      } else {
        const list = columnLists.find((l) => i > l.from && i < l.to);
        this.setRole(i, role('sql-column', list ? tableDomain(list.table) : scopeDomain(scopeOf[i] ?? 0), copies.has(i)));
      }
    }
  }

  /** Columns written beside their new name (`INSERT INTO t (run_id, session_id)`, `SET run_id = $1, session_id = $1`), with that name. */
  private dualWrites(from: number, to: number): Array<[number, string]> {
    const out: Array<[number, string]> = [];
    const within = (names: number[]): void => {
      const lower = new Set(names.map((i) => this.name(i).toLowerCase()));
      for (const i of names) {
        const fix = this.ctx.match(this.name(i))?.replacement?.toLowerCase();
        if (fix && lower.has(fix)) out.push([i, fix]);
      }
    };
    for (let i = from; i < to; i++) {
      if (this.kw(i, 'INTO')) {
        const list = this.insertColumns(i, to);
        // planning_runs (run_id, session_id): a domain's table has both, each its own.
        if (!list || this.domainOf(this.dotted(i + 1)?.last)) continue;
        within(this.commaList(list[0], list[1]).filter(([a, b]) => b - a === 1 && this.isIdent(a)).map(([a]) => a));
      } else if (this.kw(i, 'SET')) {
        within(this.setItems(i, to).filter(([a]) => this.isIdent(a) && this.punct(a + 1, '=')).map(([a]) => a));
      }
    }
    return out;
  }

  /** The column list of `INTO t (…)` at `into`, as [first token, closing parenthesis), if it has one. */
  private insertColumns(into: number, to: number): [number, number] | null {
    const list = this.dotted(into + 1)?.next ?? -1;
    return this.punct(list, '(') ? [list + 1, Math.min(this.close[list], to)] : null;
  }

  /** The assignments of the `SET` clause at `set`, as comma-separated token ranges. */
  private setItems(set: number, to: number): Array<[number, number]> {
    return this.commaList(set + 1, this.until(set + 1, to, ['WHERE', 'FROM', 'RETURNING']));
  }

  /** `session_id AS run_id`: the old names the query serves the new column under (their token indices). */
  private compatAliases(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = from + 1; i + 1 < to; i++) {
      if (!this.kw(i, 'AS') || !this.isIdent(i - 1) || !this.isIdent(i + 1)) continue;
      const fix = this.ctx.match(this.name(i + 1))?.replacement;
      if (fix && fix.toLowerCase() === this.name(i - 1).toLowerCase()) out.push(i + 1);
    }
    return out;
  }

  /**
   * Old columns whose values a migration copies into their new name: the SQLite table rebuild
   * `INSERT INTO t_new (session_id) SELECT run_id FROM t`, the backfill `SET session_id = run_id`,
   * and `run_id AS session_id` where the rows are written (INSERT … SELECT, CREATE TABLE … AS).
   * Those names are migration references, not legacy uses. In a view or a query, `run_id AS
   * session_id` only reads the legacy column under the new name: it is renamed like any use.
   */
  private copiedColumns(from: number, to: number, backwards: boolean): Set<number> {
    // A compatibility view maps both ways (run_id AS session_id, session_id AS run_id): a migration aid.
    const writes = this.kw(0, 'INSERT', 'REPLACE') || (this.kw(0, 'CREATE') && [1, 2, 3].some((n) => this.kw(n, 'TABLE'))) || backwards;
    const copies = new Set<number>();
    const copy = (src: number, dest: number): void => {
      if (src < 0 || !this.isIdent(dest)) return;
      const fix = this.ctx.match(this.name(src))?.replacement;
      if (fix && fix.toLowerCase() === this.name(dest).toLowerCase()) copies.add(src);
    };
    for (let i = from; i < to; i++) {
      if (this.kw(i, 'AS') && this.isIdent(i - 1)) {
        if (writes) copy(i - 1, i + 1);
      }
      else if (this.kw(i, 'SET')) {
        for (const [a, b] of this.setItems(i, to)) {
          if (this.punct(a + 1, '=')) copy(this.soleIdent(a + 2, b), a);
        }
      } else if (this.kw(i, 'INTO')) {
        const list = this.insertColumns(i, to);
        if (!list) continue;
        const end = list[1];
        if (!this.kw(end + 1, 'SELECT')) continue;
        const dests = this.commaList(list[0], end);
        const k = this.skip(end + 2, ['DISTINCT', 'ALL']);
        const srcs = this.commaList(k, this.until(k, to, ['FROM', 'WHERE', 'UNION', 'ON', 'ORDER', 'LIMIT']));
        srcs.forEach(([a, b], n) => dests[n] && dests[n][1] - dests[n][0] === 1 && copy(this.soleIdent(a, b), dests[n][0]));
      }
    }
    return copies;
  }

  // ---- output ---------------------------------------------------------------------------------

  /** A candidate for the name; a quoted name is one token even with spaces in it ("Run ID"). */
  private emit(i: number, role: Role, out: Candidate[]): void {
    const { inStart: start, inEnd: end } = this.t[i];
    const name = this.text.slice(start, end);
    if (start >= end || !this.ctx.isCandidate(name)) return;
    const c: Candidate = { start, end, context: role.context };
    // The name itself may carry the domain marker (planning_run_id).
    // ci_run_id: a qualifier in the name says whose run it is.
    const domain = this.ctx.domainOf(name) ?? this.ctx.domainOfQualifier(name) ?? role.domain;
    if (domain) c.domain = domain;
    // run_summaries, runs_by_conversation: a name keyed like the session uses the bare word as its old name.
    // (legacy_run_view is the compatibility view itself, kept by its migration.)
    else if (this.ctx.match(name)?.kind === 'bare' && this.ctx.bareIsKeyedSession(name) && !this.ctx.isMigrationText(name.replace(/_/g, ' '))) c.denotesSession = true;
    if (role.settled) c.settled = true;
    if (role.noFix) c.noFix = role.noFix;
    if (role.migration) c.migration = true;
    out.push(c);
  }
}
