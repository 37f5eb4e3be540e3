/**
 * Mixed contracts: one payload shape that carries both the legacy and the preferred member
 * (run_id and session_id), which the plan's checklist forbids ("No mixed run_id + session_id
 * payloads in the same contract"). A contract is a Go struct (field names and tag keys), a proto
 * message, a TypeScript interface, object type, class or object literal, or a JSON object (also
 * inside strings, comments and Markdown examples). Pure: text in, the legacy members out.
 * A contract or member of a domain (PlanningRun, EventPlanningStart …) never counts.
 */
import { Query, type Language, type Node, type Parser } from 'web-tree-sitter';
import type { LanguageId } from './languages';
import { languageOfName } from './languages';
import { newParser, type Grammars } from './parsers';
import type { LineIndex } from './positions';
import type { CompiledRule } from './rules/compile';
import type { SeveritySetting } from './rules/model';
import type { ContextKind, Finding, Severity } from './types';
import { lowerWords } from './words';
import { textKey, type BoundedCache } from './textKey';
import { topLevelDeclarations } from './goChunks';
import { packageName, packageWords } from './analyzers/go/syntax';
import { topLevelStatements } from './analyzers/typescript/chunks';
import { escapeRegExp } from './regex';

export interface ContractTerms {
  ruleId: string;
  /** Lower-case words: ["run", "id"]. */
  legacy: string[];
  preferred: string[];
}

export interface ContractEnv {
  terms: ContractTerms[];
  /** The domain a name or expression belongs to (planning), if any. */
  domainOf(text: string): string | undefined;
  /** Without grammars, Go and TypeScript are read by the brace scanner only (quoted keys). */
  grammars?: Grammars;
  /** Contracts per parsed declaration, kept between checks by an incremental engine. */
  cache?: BoundedCache<Contract[]>;
  /** Only the Go declaration at these offsets. */
  within?: { start: number; end: number };
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type ContractKind = 'go-struct' | 'proto-message' | 'ts-type' | 'ts-object' | 'ts-class' | 'json-object';

export interface MixedContract {
  kind: ContractKind;
  name?: string;
  ruleId: string;
  /** The legacy member's first legacy name: where the finding goes. */
  legacy: Span;
  /** Every legacy name of that member (a Go field's name and its tag keys). */
  legacySpans: Span[];
  /** The preferred member's name. */
  preferred: string;
  /** All member names of the contract. */
  names: string[];
  /** The legacy pair's value in an object literal (`runId: raw.run_id`). */
  valueSpan?: { start: number; end: number };
}

interface Member {
  names: Span[];
  /** The member's value or type text, to see a domain (planningRun.ID). */
  value?: string;
  /** Where an object literal pair's value is (file offsets): it goes with the pair. */
  valueSpan?: { start: number; end: number };
}

export interface Contract {
  kind: ContractKind;
  name?: string;
  members: Member[];
}

function hasRun(words: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let k = 0; k < seq.length; k++) if (words[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}

const patterns = new Map<string, RegExp>();
function seqPattern(words: string[]): RegExp {
  const key = words.join(' ');
  let re = patterns.get(key);
  if (!re) patterns.set(key, (re = new RegExp(words.map(escapeRegExp).join('[-_ ]?'), 'i')));
  return re;
}

/** Offsets of every match of a word sequence, in order. */
function offsetsOf(text: string, words: string[]): number[] {
  const re = new RegExp(seqPattern(words).source, 'gi');
  const out: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m.index);
  return out;
}

/** The pieces that hold a legacy and a preferred name of one term (pieces in order, not overlapping). */
function holdingBoth(text: string, pieces: Array<[number, number]>, terms: ContractTerms[]): Array<[number, number]> {
  const keep = new Array<boolean>(pieces.length).fill(false);
  for (const t of terms) {
    const legacy = offsetsOf(text, t.legacy);
    const preferred = offsetsOf(text, t.preferred);
    let a = 0;
    let b = 0;
    pieces.forEach(([s, e], i) => {
      while (a < legacy.length && legacy[a] < s) a++;
      while (b < preferred.length && preferred[b] < s) b++;
      if (a < legacy.length && legacy[a] < e && b < preferred.length && preferred[b] < e) keep[i] = true;
    });
  }
  return pieces.filter((_, i) => keep[i]);
}

function evaluate(c: Contract, env: ContractEnv, out: MixedContract[]): void {
  if (c.members.length < 2 || (c.name && env.domainOf(c.name))) return;
  const names = c.members.flatMap((m) => m.names.map((n) => n.text));
  for (const t of env.terms) {
    const legacyRe = seqPattern(t.legacy);
    if (!c.members.some((m) => m.names.some((n) => legacyRe.test(n.text)))) continue;
    const legacyNames = (m: Member): Span[] =>
      m.value && env.domainOf(m.value) ? [] : m.names.filter((n) => !env.domainOf(n.text) && hasRun(lowerWords(n.text), t.legacy));
    const preferred = c.members.find((m) => legacyNames(m).length === 0 && m.names.some((n) => hasRun(lowerWords(n.text), t.preferred)));
    if (!preferred) continue;
    const preferredName = preferred.names.find((n) => hasRun(lowerWords(n.text), t.preferred))!.text;
    for (const m of c.members) {
      const spans = legacyNames(m);
      if (spans.length) out.push({ kind: c.kind, name: c.name, ruleId: t.ruleId, legacy: spans[0], legacySpans: spans, preferred: preferredName, names, valueSpan: m.valueSpan });
    }
  }
}

// ---- JSON-like objects: brace-scoped quoted keys, in any text ------------------------------------

/** Quoted keys (`"run_id":` after `{` or `,`) per innermost `{…}`; strings never span lines. */
function scanQuotedKeys(text: string, base: number, out: Contract[]): void {
  const frames: Member[][] = [];
  let prev = '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== '\n' && text[j] !== '\r') j += text[j] === '\\' ? 2 : 1;
      if (j >= n || text[j] !== c) {
        prev = c;
        continue;
      }
      let k = j + 1;
      while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
      const isKey = frames.length > 0 && (prev === '{' || prev === ',') && text[k] === ':' && text[k + 1] !== '=' && text[k + 1] !== ':';
      if (isKey) {
        const valueEnd = text.slice(k + 1, k + 201).search(/[,}\n]/);
        frames[frames.length - 1].push({
          names: [{ start: base + i + 1, end: base + j, text: text.slice(i + 1, j) }],
          value: text.slice(k + 1, valueEnd < 0 ? k + 201 : k + 1 + valueEnd).trim(),
        });
      }
      prev = '"';
      i = j;
    } else if (c === '{') {
      frames.push([]);
      prev = c;
    } else if (c === '}') {
      const members = frames.pop();
      if (members) out.push({ kind: 'json-object', members });
      prev = c;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      prev = c;
    }
  }
  for (const members of frames) out.push({ kind: 'json-object', members });
}

// ---- proto: messages by brace scope ---------------------------------------------------------------

/** Comments and string literals blanked to spaces (offsets kept). */
function blankProto(text: string): string {
  return text.replace(/\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => m.replace(/[^\r\n]/g, ' '));
}

const PROTO_BLOCK = /\b(message|enum|oneof|service|extend)\s+([\w.]+)\s*$/;
const PROTO_FIELD = /^\s*(?:(?:repeated|optional|required)\s+)?(?:map\s*<[^>]*>|[\w.]+)\s+([A-Za-z_]\w*)\s*=\s*\d+/;

function scanProto(text: string, base: number, env: ContractEnv, out: Contract[]): void {
  const src = blankProto(text);
  type Frame = { kind: string; name: string; members: Member[]; planning: boolean };
  const frames: Frame[] = [];
  let stmt = 0;
  const message = (): Frame | undefined => {
    for (let k = frames.length - 1; k >= 0; k--) {
      if (frames[k].kind === 'message') return frames[k];
      if (frames[k].kind !== 'oneof') return undefined;
    }
    return undefined;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '{') {
      const m = PROTO_BLOCK.exec(src.slice(stmt, i));
      const kind = m?.[1] ?? 'other';
      const name = m?.[2] ?? '';
      const outer = frames[frames.length - 1];
      frames.push({ kind, name, members: [], planning: !!outer?.planning || (kind === 'message' && !!env.domainOf(name)) });
      stmt = i + 1;
    } else if (c === ';') {
      const owner = message();
      const f = owner ? PROTO_FIELD.exec(src.slice(stmt, i)) : null;
      if (owner && f) {
        const at = stmt + f.index + f[0].lastIndexOf(f[1], f[0].indexOf('='));
        const names: Span[] = [{ start: base + at, end: base + at + f[1].length, text: f[1] }];
        // [json_name = "runId"] is the same member's name on the wire: it goes with the field.
        const json = /\bjson_name\s*=\s*"([^"\n]*)"/.exec(text.slice(stmt, i));
        if (json) {
          const j = stmt + json.index + json[0].length - 1 - json[1].length;
          names.push({ start: base + j, end: base + j + json[1].length, text: json[1] });
        }
        owner.members.push({ names });
      }
      stmt = i + 1;
    } else if (c === '}') {
      const f = frames.pop();
      if (f?.kind === 'message' && !f.planning) out.push({ kind: 'proto-message', name: f.name, members: f.members });
      stmt = i + 1;
    }
  }
}

// ---- Go and TypeScript: tree-sitter ---------------------------------------------------------------

const queries = new WeakMap<Language, Query>();
const QUERY: Record<'go' | 'typescript' | 'tsx', string> = {
  go: '(struct_type) @c',
  typescript: '[(object_type) (interface_body) (class_body) (object)] @c',
  tsx: '[(object_type) (interface_body) (class_body) (object)] @c',
};

/** The container nodes (structs, object types, objects) of a tree, found by a query in wasm. */
function containers(root: Node, language: Language, which: 'go' | 'typescript' | 'tsx'): Node[] {
  let q = queries.get(language);
  if (!q) queries.set(language, (q = new Query(language, QUERY[which])));
  return q.captures(root).map((c) => c.node);
}

/** Keys of a Go struct tag: `json:"run_id,omitempty" db:"run_id"` and protobuf's `name=run_id`. */
function goTagKeys(tag: Node, base: number): Span[] {
  const raw = tag.text;
  const spans: Span[] = [];
  const re = /(\w+):"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    let at = m.index + m[1].length + 2;
    m[2].split(',').forEach((part, i) => {
      const named = /^(?:name|json)=(.+)$/.exec(part);
      const value = named ? named[1] : i === 0 ? part : '';
      const off = named ? at + part.length - value.length : at;
      if (value && value !== '-' && /^[\w.-]+$/.test(value)) spans.push({ start: base + tag.startIndex + off, end: base + tag.startIndex + off + value.length, text: value });
      at += part.length + 1;
    });
  }
  return spans;
}

function scanGo(nodes: Node[], base: number, out: Contract[]): void {
  for (const n of nodes) {
    const list = n.namedChildren.find((c) => c?.type === 'field_declaration_list');
    if (!list) continue;
    const spec = n.parent?.type === 'type_spec' ? n.parent : null;
    const members: Member[] = [];
    for (const f of list.namedChildren) {
      if (f?.type !== 'field_declaration') continue;
      const tag = f.childForFieldName('tag');
      const tagKeys = tag ? goTagKeys(tag, base) : [];
      const names = f.childrenForFieldName('name').filter((x): x is Node => !!x);
      const type = f.childForFieldName('type')?.text;
      // Each name of `A, B string` is its own field; the tag belongs to all of them.
      if (names.length === 0) {
        if (tagKeys.length) members.push({ names: tagKeys, value: type });
      } else {
        for (const id of names) members.push({ names: [{ start: base + id.startIndex, end: base + id.endIndex, text: id.text }, ...tagKeys], value: type });
      }
    }
    out.push({ kind: 'go-struct', name: spec?.childForFieldName('name')?.text, members });
  }
}

function tsName(node: Node | null, base: number): Span | undefined {
  if (!node) return undefined;
  if (node.type === 'property_identifier' || node.type === 'shorthand_property_identifier') return { start: base + node.startIndex, end: base + node.endIndex, text: node.text };
  if (node.type === 'string') {
    const frag = node.namedChildren.find((c) => c?.type === 'string_fragment');
    if (frag) return { start: base + frag.startIndex, end: base + frag.endIndex, text: frag.text };
  }
  return undefined;
}

function declaredName(n: Node): string | undefined {
  const p = n.parent;
  if (!p) return undefined;
  if (p.type === 'interface_declaration' || p.type === 'type_alias_declaration' || p.type === 'class_declaration' || p.type === 'variable_declarator') {
    return p.childForFieldName('name')?.text;
  }
  return undefined;
}

function scanTypeScript(nodes: Node[], base: number, out: Contract[]): void {
  for (const n of nodes) {
    let kind: ContractKind | undefined;
    if (n.type === 'object_type' || n.type === 'interface_body') kind = 'ts-type';
    else if (n.type === 'object') kind = 'ts-object';
    else if (n.type === 'class_body') kind = 'ts-class';
    if (!kind) continue;
    const members: Member[] = [];
    for (const m of n.namedChildren) {
      if (!m) continue;
      let name: Span | undefined;
      let value: string | undefined;
      if (m.type === 'property_signature' || m.type === 'public_field_definition') {
        name = tsName(m.childForFieldName('name'), base);
        value = (m.childForFieldName('type') ?? m.childForFieldName('value'))?.text;
      } else if (m.type === 'pair') {
        name = tsName(m.childForFieldName('key'), base);
        const v = m.childForFieldName('value');
        value = v?.text;
        if (name && v) {
          members.push({ names: [name], value, valueSpan: { start: base + v.startIndex, end: base + v.endIndex } });
          continue;
        }
      } else if (m.type === 'shorthand_property_identifier') {
        name = tsName(m, base);
      }
      if (name) members.push({ names: [name], value });
    }
    out.push({ kind, name: declaredName(n), members });
  }
}

// ---- Markdown: fenced examples --------------------------------------------------------------------

function fences(text: string): Array<{ lang: string; start: number; end: number }> {
  const out: Array<{ lang: string; start: number; end: number }> = [];
  const re = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^\r\n]*(?:\r\n|\r|\n)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const close = new RegExp(`^[ \\t]{0,3}${m[1][0] === '`' ? '`' : '~'}{${m[1].length},}[ \\t]*$`, 'm');
    close.lastIndex = 0;
    const rest = text.slice(start);
    const c = close.exec(rest);
    const end = c ? start + c.index : text.length;
    out.push({ lang: m[2], start, end });
    re.lastIndex = c ? start + c.index + c[0].length : text.length;
  }
  return out;
}

// ---- entry ---------------------------------------------------------------------------------------

const parsers = new WeakMap<object, Parser>();
function parserFor(grammars: Grammars, which: 'go' | 'typescript' | 'tsx'): Parser {
  const language = grammars[which];
  let p = parsers.get(language);
  if (!p) parsers.set(language, (p = newParser(language)));
  return p;
}

/** Files up to this size are parsed whole; larger ones only around the legacy names. */
const WHOLE_FILE = 16 * 1024;
/**
 * Bounds for the syntax tree: a declaration larger than this (a minified bundle is one line) and
 * anything past the budget is left to the brace scanner, which is linear. Measured on a 2 MB
 * one-line file: parsing it whole took 13 s (TypeScript) and 26 s (Go) on this 2-core machine.
 */
const MAX_PIECE = 64 * 1024;
const PARSE_BUDGET = 512 * 1024;

/**
 * The top-level declarations around these offsets: from the last line that starts in column 0
 * to the next one that does (closing brackets excepted), merged. gofmt and prettier put every
 * top-level declaration there, so a struct or an object is never cut.
 */
function declarationsAround(text: string, offsets: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const topLevel = /^[^\s})\]]/;
  for (const at of offsets) {
    if (out.length && at < out[out.length - 1][1]) continue;
    let s = text.lastIndexOf('\n', at - 1) + 1;
    while (s > 0 && !topLevel.test(text.slice(s, s + 1))) s = text.lastIndexOf('\n', s - 2) + 1;
    let e = text.indexOf('\n', at);
    while (e >= 0 && e + 1 < text.length && !topLevel.test(text.slice(e + 1, e + 2))) e = text.indexOf('\n', e + 1);
    const end = e < 0 ? text.length : e + 1;
    if (out.length && s <= out[out.length - 1][1]) out[out.length - 1][1] = end;
    else out.push([s, end]);
  }
  return out;
}

/** The last Go text's pieces: the struct scan and the quoted-key scan ask for the same ones. */
let lastGoPieces: { text: string; terms: ContractTerms[]; pieces: Array<[number, number]> } | undefined;

/**
 * The parts worth parsing: a contract with both members lies inside one top-level declaration, so
 * only declarations that hold both a legacy and a preferred name are parsed (measured: parsing
 * every candidate Go file whole here was a third of the Go analyzer's time on the bench corpus).
 */
function contractPieces(text: string, which: 'go' | 'typescript' | 'tsx', terms: ContractTerms[], within?: { start: number; end: number }): Array<[number, number]> {
  if (which === 'go' && within) {
    const decl = topLevelDeclarations(text).find((d) => d.start === within.start && d.end === within.end);
    return decl ? holdingBoth(text.slice(decl.start, decl.end), [[0, decl.end - decl.start]], terms).map(([s, e]): [number, number] => [s + decl.start, e + decl.start]) : [];
  }
  if (which === 'go') {
    if (lastGoPieces?.text !== text || lastGoPieces.terms !== terms) {
      const decls = topLevelDeclarations(text).map((d): [number, number] => [d.start, d.end]);
      lastGoPieces = { text, terms, pieces: holdingBoth(text, decls, terms) };
    }
    return lastGoPieces.pieces;
  }
  let pieces: Array<[number, number]>;
  if (text.length > WHOLE_FILE) {
    const offsets = terms.flatMap((t) => offsetsOf(text, t.legacy));
    pieces = declarationsAround(text, offsets.sort((a, b) => a - b));
  } else {
    return [[0, text.length]];
  }
  return holdingBoth(text, pieces, terms);
}

/**
 * The contracts of a small TypeScript file from the top-level statements holding a legacy and a
 * preferred name only (a contract lies inside one statement); null when one of them does not parse
 * cleanly on its own, so the file is parsed whole as before.
 */
function typeScriptByStatement(text: string, which: 'typescript' | 'tsx', env: ContractEnv): Contract[] | null {
  if (!env.grammars) return null;
  const patterns = env.terms.map((t) => [seqPattern(t.legacy), seqPattern(t.preferred)]);
  const parser = parserFor(env.grammars, which);
  const out: Contract[] = [];
  for (const s of topLevelStatements(text, which === 'tsx')) {
    const piece = text.slice(s.start, s.end);
    // A mixed contract has both members, so its statement holds both terms.
    if (!patterns.some(([legacy, preferred]) => legacy.test(piece) && preferred.test(piece))) continue;
    const key = env.cache ? `${which}:${textKey(text, s.start, s.end)}` : undefined;
    let local = key ? env.cache?.get(key) : undefined;
    if (!local) {
      const tree = parser.parse(piece);
      if (!tree) return null;
      try {
        if (tree.rootNode.hasError) return null;
        scanTypeScript(containers(tree.rootNode, env.grammars[which], which), 0, (local = []));
      } finally {
        tree.delete();
      }
      if (key) env.cache?.set(key, local);
    }
    for (const c of local) out.push(rebase(c, s.start));
  }
  return out;
}

function rebase(c: Contract, by: number): Contract {
  const span = (x: Span): Span => ({ start: x.start + by, end: x.end + by, text: x.text });
  return { ...c, members: c.members.map((m) => ({ ...m, names: m.names.map(span), ...(m.valueSpan ? { valueSpan: { start: m.valueSpan.start + by, end: m.valueSpan.end + by } } : {}) })) };
}

function structured(text: string, base: number, language: LanguageId, env: ContractEnv, out: Contract[], depth: number): void {
  if (language === 'proto') scanProto(text, base, env, out);
  else if (env.grammars && (language === 'go' || language.startsWith('typescript') || language.startsWith('javascript'))) {
    const which = language === 'go' ? 'go' : language.endsWith('react') ? 'tsx' : 'typescript';
    // A planning package's structs are planning contracts (its Run has its own RunID).
    if (which === 'go' && env.domainOf(packageWords(packageName(text) ?? ''))) return;
    if (which !== 'go' && text.length <= WHOLE_FILE) {
      const local = typeScriptByStatement(text, which, env);
      if (local) {
        for (const c of local) out.push(rebase(c, base));
        return;
      }
    }
    const pieces = contractPieces(text, which, env.terms, base === 0 ? env.within : undefined);
    const parser = parserFor(env.grammars, which);
    let budget = PARSE_BUDGET;
    for (const [s, e] of pieces) {
      if (e - s > MAX_PIECE || e - s > budget) continue;
      budget -= e - s;
      const key = env.cache ? `${which}:${textKey(text, s, e)}` : undefined;
      let local = key ? env.cache?.get(key) : undefined;
      if (!local) {
        local = [];
        const tree = parser.parse(text.slice(s, e));
        if (!tree) continue;
        try {
          const nodes = containers(tree.rootNode, env.grammars[which], which);
          if (which === 'go') scanGo(nodes, 0, local);
          else scanTypeScript(nodes, 0, local);
        } finally {
          tree.delete();
        }
        if (key) env.cache?.set(key, local);
      }
      for (const c of local) out.push(rebase(c, base + s));
    }
  } else if (language === 'markdown' && depth === 0) {
    for (const f of fences(text)) {
      const body = text.slice(f.start, f.end);
      // Member names are source text: a block without both names holds no mixed contract.
      if (env.terms.some((t) => seqPattern(t.legacy).test(body) && seqPattern(t.preferred).test(body))) structured(body, base + f.start, languageOfName(f.lang), env, out, depth + 1);
    }
  }
}

/** The legacy members of every contract in this text that also carries the preferred member. */
export function findMixedContracts(text: string, language: LanguageId, env: ContractEnv): MixedContract[] {
  const terms = env.terms.filter((t) => seqPattern(t.legacy).test(text) && seqPattern(t.preferred).test(text));
  if (terms.length === 0) return [];
  const scoped: ContractEnv = { ...env, terms };
  const contracts: Contract[] = [];
  structured(text, 0, language, scoped, contracts, 0);
  if (language === 'go') {
    // In Go a JSON object (a map literal, a JSON string) lies inside one declaration too.
    for (const [s, e] of contractPieces(text, 'go', terms, env.within)) scanQuotedKeys(text.slice(s, e), s, contracts);
  } else scanQuotedKeys(text, 0, contracts);
  const found: MixedContract[] = [];
  for (const c of contracts) evaluate(c, scoped, found);
  const seen = new Set<number>();
  return found
    .sort((a, b) => a.legacy.start - b.legacy.start)
    .filter((m) => {
      if (m.legacySpans.some((s) => seen.has(s.start))) return false;
      for (const s of m.legacySpans) seen.add(s.start);
      return true;
    });
}

// ---- findings ------------------------------------------------------------------------------------

export const MIXED_CONTRACT = 'MIXED_CONTRACT';

const KIND_TEXT: Record<ContractKind, string> = {
  'go-struct': 'Go struct',
  'proto-message': 'proto message',
  'ts-type': 'TypeScript type',
  'ts-object': 'object',
  'ts-class': 'TypeScript class',
  'json-object': 'JSON object',
};

const KIND_CONTEXT: Record<ContractKind, ContextKind> = {
  'go-struct': 'field',
  'proto-message': 'proto-field',
  'ts-type': 'field',
  'ts-object': 'object-key',
  'ts-class': 'field',
  'json-object': 'object-key',
};

export interface MixedFindingsInput {
  /** The text without a BOM; `bom` is 1 when the original had one (finding offsets include it). */
  text: string;
  bom: number;
  lines: LineIndex;
  language: LanguageId;
  rules: CompiledRule[];
  phase?: string;
  grammars?: Grammars;
  domainOf(text: string): string | undefined;
  suppressedLines: Set<number>;
  cache?: BoundedCache<Contract[]>;
  /** Only contracts in the Go declaration at these offsets (an incremental re-check). */
  within?: { start: number; end: number };
}

function severityOf(rule: CompiledRule, phase: string | undefined): SeveritySetting {
  const phased = phase ? rule.spec.phases?.[phase] : undefined;
  return phased?.[MIXED_CONTRACT] ?? rule.spec.severities?.[MIXED_CONTRACT] ?? 'warning';
}

/**
 * Marks each legacy member of a mixed contract as MIXED_CONTRACT: the finding already on that
 * name changes category (findings never overlap), or a new one is added where there was none.
 * A rename fix that would give the contract a second member of the same name is dropped.
 */
/** The declaration of a named contract (`type chatResponse struct`, `message X`, `interface X`) before its member. */
function contractNameSpan(text: string, m: MixedContract): { start: number; end: number } | undefined {
  if (!m.name) {
    // An unnamed object: its opening brace.
    const brace = text.lastIndexOf('{', m.legacy.start);
    return brace >= 0 ? { start: brace, end: brace + 1 } : undefined;
  }
  const re = new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(m.name)}(?![A-Za-z0-9_])`, 'g');
  let best: number | undefined;
  let hit: RegExpExecArray | null;
  while ((hit = re.exec(text)) && hit.index < m.legacy.start) best = hit.index;
  return best === undefined ? undefined : { start: best, end: best + m.name.length };
}

export function withMixedContracts(findings: Finding[], input: MixedFindingsInput): Finding[] {
  const terms = input.rules.map((r) => ({ ruleId: r.id, legacy: r.spec.legacy.map((w) => w.toLowerCase()), preferred: r.spec.preferred.map((w) => w.toLowerCase()) }));
  const mixed = findMixedContracts(input.text, input.language, { terms, domainOf: input.domainOf, grammars: input.grammars, cache: input.cache, within: input.within });
  if (mixed.length === 0) return findings;
  const out = [...findings];
  const overlapping = (start: number, end: number): number => out.findIndex((f) => f.offset - input.bom < end && f.offset - input.bom + f.length > start);
  for (const m of mixed) {
    const rule = input.rules.find((r) => r.id === m.ruleId);
    if (!rule) continue;
    const within = (f: Finding): boolean => m.legacySpans.some((s) => f.offset - input.bom >= s.start && f.offset - input.bom + f.length <= s.end);
    // A legacy read in the pair's value (`runId: raw.run_id`) is removed with the pair.
    const inValue = (f: Finding): boolean => !!m.valueSpan && f.offset - input.bom >= m.valueSpan.start && f.offset - input.bom + f.length <= m.valueSpan.end && (f.context === 'field' || f.context === 'string');
    // One verdict for the member: its name and its other names (tags, json_name) go together.
    const removed = out.some((f) => f.category !== MIXED_CONTRACT && f.replacement !== null && within(f) && m.names.includes(f.replacement));
    out.forEach((f, i) => {
      if (f.category === MIXED_CONTRACT || f.replacement === null) return;
      if (within(f) && (removed || m.names.includes(f.replacement))) {
        out[i] = { ...f, replacement: null, message: `${f.message} (the contract already has \`${m.preferred}\`; remove this member instead)` };
      } else if (inValue(f) && out.some((g) => g.replacement === null && within(g))) {
        out[i] = { ...f, replacement: null, message: `${f.message} (it is the value of the legacy member \`${m.legacy.text}\`, which is removed)` };
      }
    });
    const severity = severityOf(rule, input.phase);
    const at = overlapping(m.legacy.start, m.legacy.end);
    const here = at >= 0 ? out[at] : undefined;
    // The planning domain's run id (or a verb, a package) is not the legacy member.
    if (here && (here.category === 'PROCESS_VERB' || here.category === 'PACKAGE_PATH' || rule.domains.some((d) => d.category === here.category))) continue;
    if (severity === 'off') continue;
    const where = m.name ? `${KIND_TEXT[m.kind]} \`${m.name}\`` : `the same ${KIND_TEXT[m.kind]}`;
    const message = `\`${m.legacy.text}\` and \`${m.preferred}\` are both members of ${where}: a contract must not carry both (plan checklist: no mixed ${rule.spec.legacy.join('_')} + ${rule.spec.preferred.join('_')} payloads). Remove the legacy member.`;
    // The legacy member keeps its own finding (it is still the legacy alias); the mixed contract
    // is reported on the contract's name (an unnamed object's opening brace), so findings never
    // overlap; where even that is taken, the legacy finding's message says it.
    const span = contractNameSpan(input.text, m) ?? (here ? undefined : { start: m.legacy.start, end: m.legacy.end });
    if (!span || overlapping(span.start, span.end) >= 0) {
      if (here && !here.message.includes('both members of')) out[at] = { ...here, message: `${here.message} ${message}` };
      continue;
    }
    const range = { start: input.lines.positionAt(span.start), end: input.lines.positionAt(span.end) };
    if (input.suppressedLines.has(range.start.line) || input.suppressedLines.has(input.lines.positionAt(m.legacy.start).line)) continue;
    out.push({
      range,
      offset: span.start + input.bom,
      length: span.end - span.start,
      ruleId: rule.id,
      category: MIXED_CONTRACT,
      severity: severity as Severity,
      message,
      text: input.text.slice(span.start, span.end),
      replacement: null,
      context: KIND_CONTEXT[m.kind],
      ...(here?.batch ? { batch: here.batch } : {}),
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}
