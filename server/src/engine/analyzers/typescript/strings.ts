/**
 * Text inside TypeScript: comments, string literals, template-string fragments and JSX text are
 * scanned word by word. A string's role decides its context (an object key `'run_id'`, an element
 * access `msg['run_id']`, a URL `/turns?run_id=${id}`), and a string that is a SQL statement is
 * handed to the SQL analyzer.
 */
import type { Node } from 'web-tree-sitter';
import type { AnalyzerContext } from '../../analyzer';
import { markRouteCollection, scanWords } from '../../scan';
import { urlHostQualifier } from '../../qualifiers';
import type { Candidate, ContextKind } from '../../types';
import { inUrl, urlRanges } from '../markdown/urls';
import { field, same, stringContent } from './syntax';

const SQL = /^\s*(?:SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX|UNIQUE)|ALTER\s+TABLE|DROP\s+(?:TABLE|INDEX))\b/i;

/** The context of a whole string literal from where it stands. */
export function stringRole(node: Node): ContextKind {
  const p = node.parent;
  if (!p) return 'string';
  if (p.type === 'pair' && same(field(p, 'key'), node)) return 'object-key';
  if ((p.type === 'property_signature' || p.type === 'public_field_definition' || p.type === 'enum_assignment') && same(field(p, 'name'), node)) return 'field';
  if (p.type === 'enum_body') return 'field';
  if (p.type === 'subscript_expression' && same(field(p, 'index'), node)) return 'field';
  return 'string';
}

/** Words of a text container at [offset, offset + text.length). */
export function scanText(ctx: AnalyzerContext, text: string, offset: number, context: ContextKind): Candidate[] {
  if (context === 'string' && SQL.test(text)) {
    try {
      return ctx.embed('sql', text, offset);
    } catch {
      // fall through to the word scan
    }
  }
  const urls = context === 'string' ? urlRanges(text) : [];
  const out = scanWords(text, ctx, { context, offset });
  if (urls.length || context === 'string') {
    for (const c of out) if (inUrl(text, c.start - offset, c.end - offset, urls)) c.context = 'url';
  }
  return out;
}

/** Candidates of a comment, string, template string or JSX text node. */
export function scanContainer(ctx: AnalyzerContext, node: Node): Candidate[] {
  switch (node.type) {
    case 'comment':
      return scanText(ctx, node.text, node.startIndex, 'comment');
    case 'jsx_text':
      return scanText(ctx, node.text, node.startIndex, 'string');
    case 'string': {
      const [offset, text] = stringContent(node);
      return scanText(ctx, text, offset, stringRole(node));
    }
    case 'template_string': {
      // Scanned as one text with substitutions blanked to spaces, so `?run_id=${id}` reads as a URL.
      let text = node.text.slice(1, -1);
      for (const sub of node.namedChildren) {
        if (sub?.type !== 'template_substitution') continue;
        const s = sub.startIndex - node.startIndex - 1;
        const e = sub.endIndex - node.startIndex - 1;
        text = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
      }
      const out = scanText(ctx, text, node.startIndex + 1, 'string');
      // `/debug/runs/${encodeURIComponent(runId)}/turns`: the substitution is the route's parameter.
      const raw = node.text.slice(1, -1);
      for (const c of out) {
        const at = c.start - node.startIndex - 1;
        // `https://github.com/${repo}/actions/runs/…`: the URL's host, read across substitutions.
        const host = c.domain ? undefined : urlHostQualifier(ctx, raw.slice(0, at));
        if (host) c.domain = host;
        markRouteCollection(ctx, raw, at, raw.slice(at, c.end - node.startIndex - 1), c);
      }
      return out;
    }
    default:
      return scanText(ctx, node.text, node.startIndex, 'code');
  }
}

export const CONTAINERS = new Set(['comment', 'string', 'template_string', 'jsx_text', 'regex']);

/** The text container a position falls in, if any. */
export function containerOf(node: Node): Node | null {
  // A container is the node found or a close ancestor (string_fragment → string).
  let depth = 0;
  for (let n: Node | null = node; n && depth < 4; n = n.parent, depth++) {
    if (CONTAINERS.has(n.type)) return n;
    if (n.type === 'template_substitution') return null;
  }
  return null;
}
