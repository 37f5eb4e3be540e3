/** Small helpers over tree-sitter TypeScript/TSX nodes. */
import type { Node } from 'web-tree-sitter';

export function same(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

export function named(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null);
}

/** Names tree-sitter gives an identifier, whatever its role. */
export const IDENTIFIERS = new Set([
  'identifier',
  'property_identifier',
  'shorthand_property_identifier',
  'shorthand_property_identifier_pattern',
  'type_identifier',
  'private_property_identifier',
  'statement_identifier',
]);

export const FUNCTION_LIKE = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'generator_function',
  'arrow_function',
  'method_definition',
]);

/** Declarations whose name scopes everything inside them (interface PlanningRun { … }). */
export const NAMED_SCOPES = new Set([
  'interface_declaration',
  'type_alias_declaration',
  'class_declaration',
  'abstract_class_declaration',
  'class',
  'enum_declaration',
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'generator_function',
  'method_definition',
  'method_signature',
  'internal_module',
  'module',
]);

/** Declarations a leading or trailing comment can describe (`/** @deprecated *\/ run_id?: string`). */
export const MEMBERS = new Set([
  'property_signature',
  'public_field_definition',
  'method_signature',
  'method_definition',
  'pair',
  'enum_assignment',
  'lexical_declaration',
  'variable_declaration',
]);

/** Is this identifier the name of a function or the callee of a call (`run()`, `t.run()`)? */
export function isFunctionName(node: Node): boolean {
  const p = node.parent;
  if (!p) return false;
  switch (p.type) {
    case 'call_expression':
      return same(field(p, 'function'), node);
    case 'member_expression': {
      const call = p.parent;
      return same(field(p, 'property'), node) && call?.type === 'call_expression' && same(field(call, 'function'), p);
    }
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'method_definition':
    case 'method_signature':
    case 'function_signature':
    case 'abstract_method_signature':
      return same(field(p, 'name'), node);
    case 'variable_declarator': {
      const v = field(p, 'value');
      return same(field(p, 'name'), node) && !!v && (v.type === 'arrow_function' || v.type === 'function_expression');
    }
    default:
      return false;
  }
}

/** String contents without the quotes: [offset, text]. */
export function stringContent(node: Node): [number, string] {
  return [node.startIndex + 1, node.text.slice(1, Math.max(1, node.text.length - 1))];
}
