/** Small helpers over tree-sitter Go nodes. */
import type { Node } from 'web-tree-sitter';

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

export function fields(node: Node, name: string): Node[] {
  return node.childrenForFieldName(name).filter((n): n is Node => n !== null);
}

export function named(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null);
}

/**
 * Parent links are memoised per tree: every `.parent` crosses into wasm and allocates a node
 * (measured ~5–15 µs each), and the analyzer walks the same chains for every occurrence.
 */
let parents = new Map<number, Node | null>();

export function resetAncestry(): void {
  parents = new Map();
}

function parentOf(node: Node): Node | null {
  let p = parents.get(node.id);
  if (p === undefined) {
    p = node.parent;
    parents.set(node.id, p);
  }
  return p;
}

/** Real code nests a few dozen levels; 10,000 nested braces must not cost 10,000 steps per token. */
const MAX_DEPTH = 256;

export function* ancestors(node: Node): Generator<Node> {
  let n = parentOf(node);
  for (let depth = 0; n && depth < MAX_DEPTH; depth++) {
    yield n;
    n = parentOf(n);
  }
}

/** The name a type expression refers to: *events.EventPlanningStart → events.EventPlanningStart. */
export function typeName(type: Node | null): string {
  if (!type) return '';
  const t = elementType(type);
  // A broken wrapper (`*` with nothing after it) names nothing.
  return WRAPPERS.has(t.type) ? '' : t.text;
}

/** The map a type is, through pointers and parentheses (`*map[string]*T`), or null. */
export function mapTypeOf(type: Node): Node | null {
  for (let t: Node | null = type, depth = 0; t && depth < 32; depth++) {
    if (t.type === 'map_type') return t;
    if (t.type !== 'pointer_type' && t.type !== 'parenthesized_type') return null;
    t = t.namedChildren[t.namedChildren.length - 1] ?? null;
  }
  return null;
}

const WRAPPERS = new Set(['pointer_type', 'slice_type', 'array_type', 'parenthesized_type', 'map_type', 'generic_type']);

/** The type a pointer, slice, array or map holds, down to a named (or anonymous struct) type. */
export function elementType(type: Node): Node {
  for (let t = type, depth = 0; depth < 32; depth++) {
    let inner: Node | null;
    switch (t.type) {
      case 'pointer_type':
      case 'slice_type':
      case 'array_type':
      case 'parenthesized_type':
        inner = t.namedChildren[t.namedChildren.length - 1] ?? null;
        break;
      case 'map_type':
        inner = field(t, 'value');
        break;
      case 'generic_type':
        inner = field(t, 'type');
        break;
      default:
        return t;
    }
    if (!inner) return t;
    t = inner;
  }
  return type;
}

const BUILTIN = new Set(['string', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'byte', 'rune', 'bool', 'float32', 'float64', 'complex64', 'complex128', 'error', 'any', 'interface{}', 'struct{}']);

export function isBuiltinType(name: string): boolean {
  return BUILTIN.has(name) || name.startsWith('interface') || name.startsWith('func');
}

export const STRING_TYPES = new Set(['interpreted_string_literal', 'raw_string_literal']);

/** The contents of a string literal: [offset, text] without its quotes. */
export function stringContent(node: Node): [number, string] {
  const text = node.text.slice(1, Math.max(1, node.text.length - 1));
  // "\x06run_id" (generated descriptors, "\nrun_id"): an escape is not part of the next word.
  // Blanked to the same length, so offsets still point into the file.
  const content = node.type === 'interpreted_string_literal' && text.includes('\\') ? text.replace(ESCAPE, (e) => ' '.repeat(e.length)) : text;
  return [node.startIndex + 1, content];
}

const ESCAPE = /\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{3}|.)/g;

/** The name in the file's package clause (the first line that starts with `package`). */
export function packageName(text: string): string | undefined {
  return /^package[ \t]+([A-Za-z_]\w*)/m.exec(text.slice(0, 64 * 1024))?.[1];
}

/**
 * The words a package name is read by: generated and versioned packages carry a suffix on the
 * name they are about (planningpb, planningv1, planning_grpc are the planning package's).
 */
export function packageWords(name: string): string {
  const base = /^([a-z]+?)_?(?:pb|grpc|v\d+|api|svc)$/i.exec(name)?.[1];
  return base ? `${name} ${base}` : name;
}

/** The comment that ends the line a declaration (a field, a var or const spec) ends on, if any. */
export function sameLineComment(decl: Node): Node | null {
  // `const x = 1 // …` alone: the comment follows the declaration, not its only spec.
  const next = decl.nextSibling ?? (/^(?:var|const)_declaration$/.test(decl.parent?.type ?? '') ? decl.parent?.nextSibling : null);
  return next?.type === 'comment' && next.startPosition.row === decl.endPosition.row ? next : null;
}
