/**
 * Markdown: parsed with micromark (mdast-util-from-markdown), so prose, inline code, links, fenced
 * blocks and frontmatter are told apart by syntax; only the chunks that may hold a term are parsed
 * (markdown/segments.ts). See markdown/document.ts for how tokens are judged.
 */
import type { Analyzer } from '../analyzer';
import { scanWords } from '../scan';
import { applyDefinitions } from '../definitions';
import { MarkdownDocument } from './markdown/document';
import { findFrontmatter } from './markdown/frontmatter';

export const analyzeMarkdown: Analyzer = (text, ctx) => {
  try {
    const found = new MarkdownDocument(text, ctx).analyze(findFrontmatter(text));
    // "`run_id` in this document always means the planning run id": so it does everywhere in it.
    applyDefinitions(ctx, text, found);
    return found;
  } catch {
    // micromark is tolerant; this guards against a bug on our side taking a file's findings down.
    return scanWords(text, ctx, { context: 'prose' });
  }
};
