/**
 * TypeScript, TSX and JavaScript via tree-sitter. Only the places a cheap word scan says may hold
 * a term are looked at: for each, the smallest syntax node gives the role (object key, property
 * access, type member, function name, string, URL, comment) and the nodes above it the domain
 * (typescript/scopes.ts). Process verbs (`runTests()`, `run()`) are function names and calls.
 * Large files are parsed piece by piece (typescript/chunks.ts).
 */
import type { Language, Node, Tree } from 'web-tree-sitter';
import type { Analyzer, AnalyzerContext } from '../analyzer';
import { newParser } from '../parsers';
import { scanWords } from '../scan';
import type { Candidate, ContextKind } from '../types';
import { lowerWords } from '../words';
import { PIECEWISE_FROM, topLevelPieces } from './typescript/chunks';
import { declarationOf, scopeSignal, signalOf } from './typescript/scopes';
import { containerOf, scanContainer } from './typescript/strings';
import { field, IDENTIFIERS, isFunctionName, MEMBERS, named, same } from './typescript/syntax';

const TOKEN = /[A-Za-z0-9_$]+/g;
const MAX_MEMBER_CLIMB = 24;

export function createTypeScriptAnalyzer(language: Language): Analyzer {
  const parser = newParser(language);
  const analyzePiece = (text: string, ctx: AnalyzerContext): Candidate[] => {
    let tree: Tree | null = null;
    try {
      tree = parser.parse(text);
      if (!tree) return scanWords(text, ctx, { context: 'code' });
      return analyzeTree(tree.rootNode, text, ctx);
    } catch {
      // tree-sitter is tolerant of broken code; this guards against our own bugs.
      return scanWords(text, ctx, { context: 'code' });
    } finally {
      tree?.delete();
    }
  };
  return (text, ctx) => {
    if (text.length < PIECEWISE_FROM) return analyzePiece(text, ctx);
    const out: Candidate[] = [];
    for (const [s, e] of topLevelPieces(text)) {
      const piece = text.slice(s, e);
      if (!mayHold(piece, ctx)) continue;
      for (const c of analyzePiece(piece, ctx)) out.push({ ...c, start: c.start + s, end: c.end + s });
    }
    return out;
  };
}

function mayHold(text: string, ctx: AnalyzerContext): boolean {
  for (const m of text.matchAll(TOKEN)) if (ctx.isCandidate(m[0])) return true;
  return false;
}

function analyzeTree(root: Node, text: string, ctx: AnalyzerContext): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    if (!ctx.isCandidate(m[0])) continue;
    const node = root.descendantForIndex(m.index, m.index + m[0].length);
    if (!node) continue;
    const container = containerOf(node);
    const target = container ?? (IDENTIFIERS.has(node.type) ? node : null);
    const key = target ? `${target.startIndex}:${target.endIndex}` : `${m.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (container) out.push(...containerCandidates(ctx, container));
    else if (target) {
      const c = identifierCandidate(ctx, target);
      if (c) out.push(c);
    } else {
      // Tokens in nodes with no finer meaning (errors, numbers, regexes) are plain code words.
      out.push({ start: m.index, end: m.index + m[0].length, context: 'code', ...judge(ctx, node) });
    }
  }
  return out;
}

function contextOf(node: Node, verb: boolean): ContextKind {
  if (verb) return 'function';
  const p = node.parent;
  switch (node.type) {
    case 'type_identifier':
      return 'type';
    case 'shorthand_property_identifier':
      return 'object-key';
    case 'private_property_identifier':
      return 'field';
    case 'property_identifier':
      if (p?.type === 'pair' && same(field(p, 'key'), node)) return 'object-key';
      return 'field';
    default:
      return 'identifier';
  }
}

function identifierCandidate(ctx: AnalyzerContext, node: Node): Candidate | null {
  const name = node.text;
  if (!ctx.isCandidate(name)) return null;
  const verb = isFunctionName(node);
  const c: Candidate = { start: node.startIndex, end: node.endIndex, context: contextOf(node, verb) };
  if (verb) c.verb = true;
  const own = ctx.domainOf(name);
  if (own) return { ...c, domain: own };
  Object.assign(c, judge(ctx, node));
  // A bare `run` holds the session when it is declared from one (`const run = await sessions.get(id)`,
  // `(run: Session) =>`): read from its declaration only, never from a qualifier (`session.run` is a
  // property of a session) or error recovery's guesses.
  if (!c.domain && !verb && lowerWords(name).length === 1 && node.type === 'identifier') {
    const decl = declarationOf(node, name);
    if (decl && signalOf(ctx, decl)?.evidence) c.denotesSession = true;
  }
  return c;
}

function containerCandidates(ctx: AnalyzerContext, node: Node): Candidate[] {
  const cands = scanContainer(ctx, node);
  if (cands.length === 0) return cands;
  const j = judge(ctx, node);
  for (const c of cands) {
    if (!c.domain && j.domain) c.domain = j.domain;
    if (j.migration) c.migration = true;
  }
  return cands;
}

/** Domain from the syntax above, migration from a comment describing the enclosing member. */
function judge(ctx: AnalyzerContext, node: Node): Partial<Candidate> {
  const out: Partial<Candidate> = {};
  const s = scopeSignal(ctx, node);
  if (s?.domain) out.domain = s.domain;
  if (describedAsMigration(ctx, node)) out.migration = true;
  return out;
}

/**
 * Is the member (property, field, key, declaration) holding this node described by a comment
 * right above it or at the end of its line as legacy/deprecated (`/** @deprecated use session_id *\/`)?
 */
function describedAsMigration(ctx: AnalyzerContext, node: Node): boolean {
  let member: Node | null = node.type === 'comment' ? null : node;
  // The member is close above (a parent lookup costs the node's depth: see MAX_CLIMB in scopes.ts).
  for (let depth = 0; member && !MEMBERS.has(member.type); depth++) member = depth < MAX_MEMBER_CLIMB ? member.parent : null;
  if (!member) return false;
  const prev = member.previousNamedSibling;
  // A comment ending the line of the member before it is that member's trailing comment.
  const trailsOther = prev?.previousNamedSibling?.endPosition.row === prev?.startPosition.row;
  if (prev?.type === 'comment' && !trailsOther && prev.endPosition.row >= member.startPosition.row - 1 && ctx.isMigrationText(prev.text)) return true;
  const parent = member.parent;
  if (!parent) return false;
  // A trailing comment may follow the separator (`run_id: string; // legacy`), so look among the siblings.
  for (const sib of named(parent)) {
    if (sib.startIndex < member.endIndex) continue;
    if (sib.startPosition.row !== member.endPosition.row) break;
    if (sib.type === 'comment') return ctx.isMigrationText(sib.text);
  }
  return false;
}
