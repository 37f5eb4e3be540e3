/**
 * One verdict per module-level name. A TypeScript file's imports and top-level declarations are
 * used across the whole file, but each occurrence is judged by the syntax around it: an import of
 * `selectRunId` with nothing around it, its use inside `PlanningWidget`. A fix that renamed one and
 * not the other would break the file, so every plain reference to a name the module declares once
 * (and no function redeclares) takes the declaration's verdict.
 */
import type { Node } from 'web-tree-sitter';
import type { Candidate } from '../../types';
import { field, same } from './syntax';

/** What an identifier occurrence does with its name. */
export type Binding = 'module' | 'local' | 'reference';

const TOP = new Set(['program', 'export_statement']);
const DECLARED_BY_NAME = new Set(['function_declaration', 'generator_function_declaration', 'class_declaration', 'abstract_class_declaration', 'enum_declaration']);
const PARAMETERS = new Set(['required_parameter', 'optional_parameter', 'rest_pattern', 'catch_clause', 'for_in_statement']);

const atTop = (n: Node | null): boolean => !!n && TOP.has(n.parent?.type ?? '') && (n.parent?.type !== 'export_statement' || TOP.has(n.parent.parent?.type ?? ''));

/** Whether a plain `identifier` node declares a module-level name, a local one, or refers to one (null: none of these). */
export function bindingOf(node: Node): Binding | null {
  if (node.type !== 'identifier') return null;
  const p = node.parent;
  if (!p) return 'reference';
  switch (p.type) {
    case 'import_specifier':
      // import { a as b }: b is the binding; a names the other module's export.
      return field(p, 'alias') && same(field(p, 'name'), node) ? null : 'module';
    case 'import_clause':
    case 'namespace_import':
      return 'module';
    case 'variable_declarator':
      if (!same(field(p, 'name'), node)) return 'reference';
      return atTop(p.parent) ? 'module' : 'local';
    case 'arrow_function':
      return same(field(p, 'parameter'), node) ? 'local' : 'reference';
    default:
      if (DECLARED_BY_NAME.has(p.type)) return same(field(p, 'name'), node) ? (atTop(p) ? 'module' : 'local') : 'reference';
      if (PARAMETERS.has(p.type) || /_pattern$/.test(p.type)) return 'local';
      return 'reference';
  }
}

/** Gives every reference to a name declared once at module level (and nowhere locally) its declaration's verdict. */
export function unifyModuleBindings(cands: Array<Candidate & { binding?: Binding; name?: string }>): void {
  const decls = new Map<string, { module: Candidate[]; local: number }>();
  for (const c of cands) {
    if (!c.binding || c.binding === 'reference' || !c.name) continue;
    let d = decls.get(c.name);
    if (!d) decls.set(c.name, (d = { module: [], local: 0 }));
    if (c.binding === 'module') d.module.push(c);
    else d.local++;
  }
  for (const c of cands) {
    if (c.binding !== 'reference' || !c.name) continue;
    const d = decls.get(c.name);
    if (!d || d.local > 0 || d.module.length !== 1) continue;
    const decl = d.module[0];
    if (decl.domain) c.domain = decl.domain;
    else delete c.domain;
    if (decl.denotesSession) c.denotesSession = true;
    else delete c.denotesSession;
  }
}
