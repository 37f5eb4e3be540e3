/**
 * Members a domain's type declares: `interface PlanningState { focusedRunId: … }` makes
 * `state.focusedRunId` planning's wherever the file reads it from a value whose own name and
 * declaration say nothing (a reducer's untyped `state`), before the scopes around it are asked
 * (a reducer named `sessionCleared` is about the session, not about whose field it clears).
 */
import type { Node } from 'web-tree-sitter';
import type { AnalyzerContext } from '../../analyzer';
import type { Noted } from './bindings';
import { MAX_CLIMB } from './scopes';
import { field, same } from './syntax';

const TYPE_DECLARATIONS = new Set(['interface_declaration', 'type_alias_declaration']);

/**
 * The domain of the interface or type alias whose member this name declares ('' when its name
 * names none); undefined when the name declares no member of a named type.
 */
export function declaringTypeDomain(ctx: AnalyzerContext, node: Node): string | undefined {
  const p = node.parent;
  if (p?.type !== 'property_signature' || !same(field(p, 'name'), node)) return undefined;
  let depth = 0;
  for (let a = p.parent; a && depth < MAX_CLIMB; a = a.parent, depth++) {
    if (TYPE_DECLARATIONS.has(a.type)) return ctx.domainOf(field(a, 'name')?.text ?? '') ?? '';
  }
  return undefined;
}

/**
 * Gives member reads whose object says nothing (`memberRead`) the domain of the types in the file
 * that declare that member, where they all have one and the same (a chat message and a planning
 * message that both declare `runId` decide nothing).
 */
export function applyMemberDomains(cands: Noted[]): void {
  const declared = new Map<string, string | null>();
  for (const c of cands) {
    if (c.memberOf === undefined || !c.name) continue;
    const had = declared.get(c.name);
    declared.set(c.name, had === undefined || had === c.memberOf ? c.memberOf : null);
  }
  if (declared.size === 0) return;
  for (const c of cands) {
    const d = c.memberRead && c.name ? declared.get(c.name) : undefined;
    if (!d || c.domain === d) continue;
    c.domain = d;
    delete c.denotesSession;
  }
}
