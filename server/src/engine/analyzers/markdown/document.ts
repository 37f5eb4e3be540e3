/**
 * Walks a Markdown document (mdast from micromark) and judges every candidate: inline content by
 * its units (table row, sentence, heading), fenced blocks by the analyzer of their info-string
 * language, frontmatter line by line. A document whose title or summary says it is about a
 * migration (the plan itself) makes every token it does not otherwise explain a migration reference.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parent } from 'mdast';
import type { AnalyzerContext } from '../../analyzer';
import { matchToken } from '../../matcher';
import { scanWords } from '../../scan';
import type { Candidate } from '../../types';
import { codeBlockContent } from './fences';
import type { Frontmatter } from './frontmatter';
import { InlineScanner, type InlineCandidate } from './inline';
import { segments, type Chunk, type Segment } from './segments';
import { arrowAfter, rowMapsTo, splitUnits, unitAt } from './units';

const WORD = /[A-Za-z0-9_]+/g;
const MAX_GROUP = 16 * 1024;
/** micromark is super-linear on one long block: 2 MB of minified text on one line took 20 s. */
const MAX_CHUNK = 64 * 1024;
const DEEP = /(?:[>*+-][ \t]+){32}|>{32}/;
const DIFF = /^\s*(?:diff|patch)\b/i;

/** Positions of a chunk parsed on its own, made document offsets. */
function shift(node: Nodes, by: number): void {
  if (node.position) {
    node.position.start.offset = (node.position.start.offset ?? 0) + by;
    node.position.end.offset = (node.position.end.offset ?? 0) + by;
  }
  if ('children' in node) for (const c of node.children) shift(c as Nodes, by);
}

export class MarkdownDocument {
  private readonly out: Candidate[] = [];
  private readonly inline: InlineScanner;
  private docMigration = false;

  constructor(
    private readonly doc: string,
    private readonly ctx: AnalyzerContext,
  ) {
    this.inline = new InlineScanner(doc, ctx);
  }

  analyze(fm: Frontmatter | null): Candidate[] {
    const segs = segments(this.doc, fm?.bodyStart ?? 0);
    this.docMigration = this.isMigrationDocument(segs, fm);
    if (fm) this.fallback(scanWords(this.doc.slice(fm.start, fm.end), this.ctx, { context: 'prose', offset: fm.start }), false);
    let caption: Chunk | null = null;
    // Neighbouring chunks are parsed in one call (each call has a fixed cost), up to a size that
    // keeps micromark's super-linear cost away.
    let group: [number, number] | null = null;
    const flush = (): void => {
      if (group) this.parse(group[0], group[1]);
      group = null;
    };
    for (const seg of segs) {
      if (seg.kind === 'fence') {
        flush();
        const captionText = caption ? this.doc.slice(caption.start, caption.end) : '';
        this.code(seg.info, seg.start, seg.end, seg.quoteDepth, captionText !== '' && this.ctx.isMigrationText(captionText));
        caption = null;
        continue;
      }
      caption = seg;
      if (!this.mayHold(this.doc.slice(seg.start, seg.end))) {
        flush();
        continue;
      }
      if (seg.end - seg.start > MAX_CHUNK || this.tooDeep(seg)) {
        // A minified or pathological chunk: micromark would take seconds; read its words instead.
        flush();
        this.fallback(this.wordsByLine(seg.start, seg.end), false);
        continue;
      }
      if (group && seg.end - group[0] <= MAX_GROUP) group[1] = seg.end;
      else {
        flush();
        group = [seg.start, seg.end];
      }
    }
    flush();
    return this.out;
  }

  private parse(start: number, end: number): void {
    const tree = fromMarkdown(this.doc.slice(start, end));
    shift(tree, start);
    this.children(tree, 0);
  }

  /**
   * Words of [start, end) judged line by line (migration wording, domain), with the lines found
   * once: the shared scanner looks for each token's line from scratch, which on a 2 MB line is slow.
   */
  private wordsByLine(start: number, end: number): Candidate[] {
    const text = this.doc.slice(start, end);
    const cands = scanWords(text, this.ctx, { context: 'prose', offset: start, unit: 'none' });
    const lines: Array<{ start: number; migration: boolean; domain?: string }> = [];
    for (const m of text.matchAll(/[^\n]*(?:\n|$)/g)) {
      if (m[0] === '' && m.index === text.length && lines.length) break;
      lines.push({ start: start + m.index, migration: this.ctx.isMigrationText(m[0]), domain: this.ctx.domainOf(m[0]) });
    }
    let i = 0;
    for (const c of cands) {
      while (i + 1 < lines.length && lines[i + 1].start <= c.start) i++;
      if (lines[i].migration) c.migration = true;
      if (!c.domain && lines[i].domain) c.domain = lines[i].domain;
    }
    return cands;
  }

  /** Container markers nested deeper than any real document (`> > > …`, `- - - …`). */
  private tooDeep(seg: Chunk): boolean {
    return DEEP.test(this.doc.slice(seg.start, Math.min(seg.end, seg.start + 4096)));
  }

  /** Does the text hold a word some rule matches (the only chunks worth parsing)? */
  private mayHold(text: string): boolean {
    for (const m of text.matchAll(WORD)) if (this.ctx.isCandidate(m[0])) return true;
    return false;
  }

  private isMigrationDocument(segs: Segment[], fm: Frontmatter | null): boolean {
    const about: string[] = [];
    for (const key of ['title', 'summary', 'description']) {
      const v = fm?.fields.get(key);
      if (v) about.push(v);
    }
    for (const seg of segs) {
      if (seg.kind !== 'chunk') continue;
      const h1 = /^ {0,3}# +(.*)$/m.exec(this.doc.slice(seg.start, seg.end));
      if (h1) {
        about.push(h1[1]);
        break;
      }
    }
    return about.some((t) => this.ctx.isMigrationText(t));
  }

  private children(parent: Parent, quoteDepth: number): void {
    parent.children.forEach((child, i) => this.node(child as Nodes, parent, i, quoteDepth));
  }

  private node(n: Nodes, parent: Parent, index: number, quoteDepth: number): void {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (s === undefined || e === undefined) return;
    switch (n.type) {
      case 'blockquote':
        this.children(n, quoteDepth + 1);
        return;
      case 'list':
      case 'listItem':
        this.children(n, quoteDepth);
        return;
      case 'paragraph':
        this.block(n.children, s, e, false);
        return;
      case 'heading':
        this.block(n.children, s, e, true);
        return;
      case 'code':
        this.code(n.lang, s, e, quoteDepth, this.captionSaysMigration(parent, index));
        return;
      case 'definition':
        this.fallback(scanWords(this.doc.slice(s, e), this.ctx, { context: 'url', offset: s }), false);
        return;
      case 'thematicBreak':
        return;
      default:
        if ('children' in n) this.children(n as Parent, quoteDepth);
        else this.fallback(scanWords(this.doc.slice(s, e), this.ctx, { context: 'prose', offset: s }), false);
    }
  }

  /** A paragraph or heading right before a code block that says it is a migration ("Schema Migration Script:"). */
  private captionSaysMigration(parent: Parent, index: number): boolean {
    const prev = parent.children[index - 1];
    if (!prev || (prev.type !== 'paragraph' && prev.type !== 'heading') || !prev.position) return false;
    return this.ctx.isMigrationText(this.doc.slice(prev.position.start.offset, prev.position.end.offset));
  }

  private code(lang: string | null | undefined, s: number, e: number, quoteDepth: number, caption: boolean): void {
    const content = codeBlockContent(this.doc.slice(s, e), s, quoteDepth);
    if (!content.text) return;
    let inner: Candidate[];
    try {
      inner = this.ctx.embed(lang ?? 'text', content.text, content.offset);
    } catch {
      inner = scanWords(content.text, this.ctx, { context: 'code', offset: content.offset });
    }
    if (DIFF.test(lang ?? '')) {
      // The removed lines of a diff show the old text: migration references, not uses.
      for (const c of inner) {
        const lineStart = this.doc.lastIndexOf('\n', c.start - 1) + 1;
        if (/^[ \t>]*-(?!--)/.test(this.doc.slice(lineStart, c.start))) c.migration = true;
      }
    }
    this.fallback(inner, caption);
  }

  /** Tokens nothing else explains become migration references in a migration document or block. */
  private fallback(cands: Candidate[], migrationBlock: boolean): void {
    for (const c of cands) {
      if ((migrationBlock || this.docMigration) && !c.domain) c.migration = true;
      this.out.push(c);
    }
  }

  private block(children: Parameters<InlineScanner['scan']>[0], s: number, e: number, whole: boolean): void {
    const { items, masks } = this.inline.scan(children, s, e);
    if (items.length === 0) return;
    const units = splitUnits(this.ctx, this.doc, s, e, whole, masks);
    for (const item of items) this.out.push(this.judge(item, units));
  }

  private judge({ c, own }: InlineCandidate, units: ReturnType<typeof splitUnits>): Candidate {
    // A verb or package path stays what it is whatever the unit says (classify looks at those first).
    if (own === 'domain') return c;
    const u = unitAt(units, c.start);
    const repl = this.replacements(c);
    if (u && repl.bare) {
      // A bare `run`/`runLog` is the session only where a mapping row says so (`run` | `session`).
      if (repl.exact.length && rowMapsTo(u, c.start, c.end, repl.exact)) {
        c.denotesSession = true;
        c.migration = true;
      }
      return c;
    }
    if (u && (u.migrationWording || arrowAfter(u, c.end) || rowMapsTo(u, c.start, c.end, [...repl.exact, ...repl.preferred]))) c.migration = true;
    else if (u?.domain && !own) c.domain = u.domain;
    else if (this.docMigration) c.migration = true;
    return c;
  }

  /** The spellings a table row would use for this token's replacement. */
  private replacements(c: Candidate): { bare: boolean; exact: string[]; preferred: string[] } {
    const token = this.doc.slice(c.start, c.end);
    const out = { bare: false, exact: [] as string[], preferred: [] as string[] };
    for (const rule of this.ctx.rules.rules) {
      const m = matchToken(token, rule.seqs);
      if (!m) continue;
      if (m.kind === 'bare') out.bare = true;
      if (m.replacement) out.exact.push(m.replacement);
      const p = rule.spec.preferred;
      out.preferred.push(p.join('_'), p.join(''), p.join('-'));
    }
    return out;
  }
}
