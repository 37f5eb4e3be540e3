/**
 * The declared types of struct fields, where they name a domain: `current *planningAgg`,
 * `byRun map[string]*PlanningRun`. A selector through such a field (`p.current.RunID`,
 * `p.byRun[ev.RunID]`, `range p.byRun`) is in that domain though its operand's type is not.
 * Only type declarations that name a domain are parsed: the others have no such field.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { Chunk } from '../../goChunks';
import { BoundedCache, textKey } from '../../textKey';
import { elementType, field, fields, named, sameLineComment, typeName } from './syntax';

export interface FieldTypes {
  /**
   * The domain of a field's declared type. With the struct known, that struct's field only; with
   * it unknown, a field name that the parsed structs declare with one domain and no other type.
   */
  domainOf(struct: string | undefined, name: string): string | undefined;
  /** The struct a field holds (`current *planningAgg` → planningAgg), where it is declared here. */
  typeOf(struct: string | undefined, name: string): string | undefined;
  /** Distinguishes one table from another (declaration caches must not cross them). */
  readonly signature: string;
  /** Struct name → field name → its declared type. */
  readonly structs: ReadonlyMap<string, ReadonlyMap<string, FieldType>>;
}

export interface FieldType {
  domain: string | undefined;
  type: string;
  /** The domain comes from the field's own comment, not its type: it holds for that struct only. */
  commented?: boolean;
}

export const NO_FIELD_TYPES: FieldTypes = { domainOf: () => undefined, typeOf: () => undefined, signature: '', structs: new Map() };

/** What one type declaration declares: its structs' fields (none when it names no domain). */
export type DeclaredStructs = ReadonlyArray<readonly [string, ReadonlyMap<string, FieldType>]>;

/**
 * @param memo a declaration's structs by its text key: the editor asks on every keystroke, and a
 *   package's files are read for each other.
 */
export function fieldTypes(
  text: string,
  chunks: readonly Readonly<Chunk & { kind: string }>[],
  parse: (chunk: Chunk) => Tree | null,
  domainOf: (text: string) => string | undefined,
  memo?: BoundedCache<DeclaredStructs>,
  namesSession: (text: string) => boolean = () => false,
): FieldTypes {
  const structs = new Map<string, ReadonlyMap<string, FieldType>>();
  for (const chunk of chunks) {
    if (chunk.kind !== 'type') continue;
    const key = memo ? textKey(text, chunk.start, chunk.end) : '';
    let declared = memo?.get(key);
    if (!declared) {
      declared = declaredStructs(text, chunk, parse, domainOf, namesSession);
      memo?.set(key, declared);
    }
    for (const [name, fs] of declared) structs.set(name, fs);
  }
  return tableOf(structs);
}

function declaredStructs(text: string, chunk: Chunk, parse: (chunk: Chunk) => Tree | null, domainOf: (text: string) => string | undefined, namesSession: (text: string) => boolean): DeclaredStructs {
  if (!domainOf(text.slice(chunk.start, chunk.end))) return [];
  const tree = parse(chunk);
  if (!tree) return [];
  const out: Array<[string, ReadonlyMap<string, FieldType>]> = [];
  try {
    for (const spec of tree.rootNode.descendantsOfType('type_spec')) {
      const name = spec ? field(spec, 'name')?.text : undefined;
      const type = spec ? field(spec, 'type') : null;
      if (!name || type?.type !== 'struct_type') continue;
      out.push([name, structFields(type, domainOf, namesSession)]);
    }
  } finally {
    tree.delete();
  }
  return out;
}

/** One table for a package: each file's own structs, the first file's where two declare the same name. */
export function mergeFieldTypes(tables: readonly FieldTypes[]): FieldTypes {
  const withStructs = tables.filter((t) => t.structs.size > 0);
  if (withStructs.length <= 1) return withStructs[0] ?? NO_FIELD_TYPES;
  const structs = new Map<string, ReadonlyMap<string, FieldType>>();
  for (const t of withStructs) for (const [name, fs] of t.structs) if (!structs.has(name)) structs.set(name, fs);
  return tableOf(structs);
}

function tableOf(structs: ReadonlyMap<string, ReadonlyMap<string, FieldType>>): FieldTypes {
  if (structs.size === 0) return NO_FIELD_TYPES;
  // A field name means one thing only where every parsed struct that declares it agrees.
  const byName = new Map<string, FieldType | null>();
  for (const fs of structs.values()) {
    for (const [n, f] of fs) {
      const seen = byName.get(n);
      // TimelineItem's RunID // planning run says nothing of another struct's RunID.
      byName.set(n, !f.commented && (seen === undefined || (seen && seen.domain === f.domain && seen.type === f.type)) ? f : null);
    }
  }
  const find = (struct: string | undefined, name: string): FieldType | undefined => (struct !== undefined ? structs.get(struct)?.get(name) : (byName.get(name) ?? undefined));
  // In name order: the same package gives the same table whichever of its files is checked.
  const signature = [...structs]
    .map(([s, fs]) => `${s}{${[...fs].filter(([, f]) => f.domain).map(([n, f]) => `${n}:${f.domain}`).join(',')}}`)
    .sort()
    .join(';');
  return {
    domainOf: (struct, name) => find(struct, name)?.domain,
    typeOf: (struct, name) => find(struct, name)?.type,
    signature,
    structs,
  };
}

function structFields(struct: Node, domainOf: (text: string) => string | undefined, namesSession: (text: string) => boolean): Map<string, FieldType> {
  const out = new Map<string, FieldType>();
  const list = named(struct)[0];
  for (const decl of list ? named(list) : []) {
    if (decl.type !== 'field_declaration') continue;
    const t = field(decl, 'type');
    const type = typeName(t);
    if (!t || !type) continue;
    // RunID string `json:"run_id"` // planning run: the field's own comment says whose it is.
    const comment = sameLineComment(decl);
    const said = comment && !namesSession(comment.text) ? domainOf(comment.text) : undefined;
    const typed = elementType(t).type === 'struct_type' ? undefined : domainOf(type);
    const f: FieldType = { domain: typed ?? (elementType(t).type === 'struct_type' ? undefined : said), type: type.replace(/^\*/, ''), ...(typed === undefined && said ? { commented: true } : {}) };
    for (const n of fields(decl, 'name')) out.set(n.text, f);
  }
  return out;
}
