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
import { SENTENCE_END } from '../../words';
import type { Candidate } from '../../types';
import { codeBlockContent } from './fences';
import { isBareNoun, markSessionNouns } from '../../nouns';
import { applySessionVariables } from '../../sessionVariables';
import type { Frontmatter } from './frontmatter';
import { InlineScanner, type InlineCandidate } from './inline';
import { keptRange, Pieces } from './pieces';
import { segments, type Chunk, type Segment } from './segments';
import { arrowAfter, changedTo, listedBeside, rowMapsTo, splitUnits, unitAt } from './units';
import { headingSections, migrationSections, type Section } from './sections';
import { escapeRegExp } from '../../regex';
import { qualifierBefore, urlHostQualifier } from '../../qualifiers';

const WORD_CHAR = /[A-Za-z0-9_]/;
const MAX_GROUP = 16 * 1024;
/** micromark is super-linear on one long block: 2 MB of minified text on one line took 20 s. */
const MAX_CHUNK = 64 * 1024;
const DEEP = /(?:[>*+-][ \t]+){32}|>{32}/;
const DIFF = /^\s*(?:diff|patch)\b/i;
/** Wording that says the migration has not happened to what follows. */
const NOT_YET = /\b(?:not|never|until|still|yet)\b|n't\b/i;
/**
 * A group that may hold a link definition, an HTML block (some run past blank lines) or a fence
 * the line scan did not see is parsed on its own, never batched with others.
 */
const ISOLATED = /<|\]:|```|~~~/;

/** Positions of pieces parsed on their own, made document offsets. */
function shift(node: Nodes, pieces: Pieces): void {
  if (node.position) {
    node.position.start.offset = pieces.toDoc(node.position.start.offset ?? 0);
    node.position.end.offset = pieces.toDoc(node.position.end.offset ?? 0);
  }
  if ('children' in node) for (const c of node.children) shift(c as Nodes, pieces);
}

/** Start offsets of every match of the (global) hint pattern. */
function hintOffsets(doc: string, hint: RegExp): number[] {
  const out: number[] = [];
  const re = new RegExp(hint.source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(doc))) {
    out.push(m.index);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

export class MarkdownDocument {
  private readonly out: Candidate[] = [];
  /** Bare words in prose used as a counted noun ("the run"): the session if their section says so. */
  private readonly nouns: Candidate[] = [];
  private readonly inline: InlineScanner;
  private docMigration = false;
  /** Offsets of the rules' hint words: every candidate word holds one. */
  private hints: number[] = [];

  constructor(
    private readonly doc: string,
    private readonly ctx: AnalyzerContext,
  ) {
    this.inline = new InlineScanner(doc, ctx);
  }

  /** `whole`: one micromark parse of the whole body, the reference the line scan must agree with (tests). */
  analyze(fm: Frontmatter | null, whole = false): Candidate[] {
    const segs = segments(this.doc, fm?.bodyStart ?? 0);
    this.docMigration = this.isMigrationDocument(segs, fm);
    const sections = headingSections(this.doc, segs, (t) => this.ctx.isMigrationText(t));
    const migration = migrationSections(sections);
    const cands = this.candidates(segs, fm, whole);
    if (migration.length) this.within(migration, cands);
    this.sessionNouns(sections, cands);
    this.aboutAnotherRun(segs, fm, cands);
    // A variable set in one fenced block is used in the next: the document is its scope.
    applySessionVariables(this.doc, cands, this.ctx);
    return cands;
  }

  /** "Find the run", "a new run", "per run": a counted noun's scope is its section (the text under its nearest heading). */
  private sessionNouns(sections: Section[], cands: Candidate[]): void {
    const bySection = new Map<number, { end: number; nouns: Candidate[] }>();
    for (const noun of this.nouns) {
      // A migration section or the unit's domain may have come after the noun was read.
      if (noun.migration || noun.domain) continue;
      let range = { start: 0, end: this.doc.length };
      for (const sec of sections) if (sec.start <= noun.start && noun.start < sec.end) range = sec;
      const group = bySection.get(range.start) ?? { end: range.end, nouns: [] };
      bySection.set(range.start, group);
      group.nouns.push(noun);
    }
    // Where its own section names no run at all, the document's naming of the session counts: a
    // design doc says `RunID` in its data model and "the mode is per run" in its overview.
    const named = cands.filter((c) => !c.domain);
    for (const [start, { end, nouns }] of bySection) {
      const inside = cands.filter((c) => c.start >= start && c.start < end);
      markSessionNouns(this.ctx, this.doc, nouns, inside, 'its section names the session by the legacy id');
      if (inside.some((c) => c.domain || (c.denotesSession && !nouns.includes(c)) || this.ctx.match(this.doc.slice(c.start, c.end))?.kind === 'term')) continue;
      // "## CI … watch the run until it is green": a section that names another system speaks of its runs.
      const text = this.doc.slice(start, end);
      if (this.ctx.domainOf(text) || this.ctx.domainOfQualifier(text)) continue;
      markSessionNouns(this.ctx, this.doc, nouns.filter((c) => !c.denotesSession), named, 'its document names the session by the legacy id');
    }
  }

  /** Tokens in a migration section that nothing else explains are migration references. */
  private within(sections: Array<[number, number]>, cands: Candidate[]): void {
    for (const c of cands) if (!c.domain && sections.some(([s, e]) => c.start >= s && c.start < e)) c.migration = true;
  }

  private candidates(segs: ReturnType<typeof segments>, fm: Frontmatter | null, whole: boolean): Candidate[] {
    if (fm) this.fallback(scanWords(this.doc.slice(fm.start, fm.end), this.ctx, { context: 'prose', offset: fm.start }), false);
    if (whole) {
      this.parse(new Pieces(this.doc, [[[fm?.bodyStart ?? 0, this.doc.length]]]));
      return this.out;
    }
    let caption: Chunk | null = null;
    this.hints = hintOffsets(this.doc, this.ctx.rules.hint);
    // Neighbouring candidate chunks form a group, parsed as one text as before (a definition reaches
    // references in its group only), up to a size that keeps micromark's super-linear cost away.
    // Groups that cannot reach past their end are batched into one micromark call (each call has a
    // fixed cost that dominated): see pieces.ts.
    let group: { start: number; end: number; ranges: Array<[number, number]> } | null = null;
    let batch: Array<Array<[number, number]>> = [];
    let batchSize = 0;
    const parseBatch = (): void => {
      if (batch.length) this.parse(new Pieces(this.doc, batch));
      batch = [];
      batchSize = 0;
    };
    const flush = (): void => {
      if (!group) return;
      if (ISOLATED.test(this.doc.slice(group.start, group.end))) this.parse(new Pieces(this.doc, [group.ranges]));
      else {
        const size = group.ranges.reduce((n, [s, e]) => n + e - s, 0);
        if (batchSize + size > MAX_GROUP) parseBatch();
        batch.push(group.ranges);
        batchSize += size;
      }
      group = null;
    };
    for (const seg of segs) {
      if (seg.kind === 'fence') {
        flush();
        const captionText = caption ? this.doc.slice(caption.start, caption.end) : '';
        this.code(seg.info, seg.start, seg.end, seg.quoteDepth, this.introducesMigration(captionText));
        caption = null;
        continue;
      }
      caption = seg;
      if (!this.mayHold(seg.start, seg.end)) {
        flush();
        continue;
      }
      if (seg.end - seg.start > MAX_CHUNK || this.tooDeep(seg)) {
        // A minified or pathological chunk: micromark would take seconds; read its words instead.
        flush();
        this.fallback(this.wordsByLine(seg.start, seg.end), false);
        continue;
      }
      if (group && seg.end - group.start <= MAX_GROUP) {
        // The lines between chunks (blank, or a bare `>`) stay: they tell micromark the same story.
        group.ranges.push([group.end, seg.start]);
        group.end = seg.end;
      } else {
        flush();
        group = { start: seg.start, end: seg.end, ranges: [] };
      }
      group.ranges.push(keptRange(this.doc, seg.start, seg.end, (s, e) => this.hintIn(s, e)));
    }
    flush();
    parseBatch();
    return this.out;
  }

  private parse(pieces: Pieces): void {
    if (pieces.empty) return;
    const tree = fromMarkdown(pieces.text);
    shift(tree, pieces);
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

  /** Index of the first hint at or after `pos`. */
  private firstHint(pos: number): number {
    let lo = 0;
    let hi = this.hints.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hints[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private hintIn(start: number, end: number): boolean {
    const i = this.firstHint(start);
    return i < this.hints.length && this.hints[i] < end;
  }

  /** Does [start, end) hold a word some rule matches (the only chunks worth parsing)? */
  private mayHold(start: number, end: number): boolean {
    for (let i = this.firstHint(start); i < this.hints.length && this.hints[i] < end; i++) {
      let s = this.hints[i];
      let e = s;
      while (s > start && WORD_CHAR.test(this.doc[s - 1])) s--;
      while (e < end && WORD_CHAR.test(this.doc[e])) e++;
      if (this.ctx.isCandidate(this.doc.slice(s, e))) return true;
    }
    return false;
  }

  /**
   * "# Runbook: failed or stuck job runs", "# Scheduler": a document titled for another system's
   * runs that never speaks of a session or a conversation is about those runs throughout.
   */
  private aboutAnotherRun(segs: Segment[], fm: Frontmatter | null, cands: Candidate[]): void {
    if (cands.length === 0) return;
    const d = this.titles(segs, fm)
      .map((t) => this.ctx.domainOf(t) ?? this.ctx.domainOfQualifier(t))
      .find((x) => x !== undefined);
    // The whole document's words are read only for a title that names another system.
    if (d && !this.ctx.hasEvidence(this.doc)) for (const c of cands) if (!c.domain && !c.migration && !c.packagePath) c.domain = d;
  }

  private isMigrationDocument(segs: Segment[], fm: Frontmatter | null): boolean {
    return this.titles(segs, fm).some((t) => this.ctx.isMigrationText(t));
  }

  /** What a document says it is about: its frontmatter's title, summary and description, and its first `#` heading. */
  private titles(segs: Segment[], fm: Frontmatter | null): string[] {
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
    return about;
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
    return this.introducesMigration(this.doc.slice(prev.position.start.offset, prev.position.end.offset));
  }

  /**
   * A caption introduces the block after it ("Schema Migration Script:", "The migration renames the
   * column:"): its last sentence ends with a colon and says migration. Older wording earlier in the
   * paragraph ("older scripts pass phase=post, …") is about something else.
   */
  private introducesMigration(caption: string): boolean {
    const text = caption.trimEnd();
    if (!text.endsWith(':')) return false;
    let from = 0;
    for (const m of text.matchAll(SENTENCE_END)) if (m.index + 1 < text.length) from = m.index + 1;
    const sentence = text.slice(from);
    // "… has not been migrated yet:", "Until the store is migrated, joins look like this:": the block is today's code.
    return this.ctx.isMigrationText(sentence) && !NOT_YET.test(sentence);
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
      if (repl.exact.length && rowMapsTo(u, c.start, repl.exact, (t) => this.ctx.rules.mayMatch(t), (t) => this.ctx.isMigrationText(t)) === 'maps') {
        c.denotesSession = true;
        c.migration = true;
      } else if (c.context === 'prose' && !c.verb && !c.packagePath && !u.domain && !u.migrationWording && isBareNoun(this.ctx, this.doc, c, this.doc, c.start)) {
        this.nouns.push(c);
      }
      return c;
    }
    const row = u ? rowMapsTo(u, c.start, [...repl.exact, ...repl.preferred], (t) => this.ctx.rules.mayMatch(t), (t) => this.ctx.isMigrationText(t), repl.exact) : false;
    if (u && (u.migrationWording || arrowAfter(u, c.end, [...repl.exact, ...repl.head], (t) => this.ctx.isMigrationText(t)) || changedTo(u, c.end, repl.exact) || row === 'maps')) c.migration = true;
    // A document about the migration ("Moving from `run_id` to `session_id`") names both on purpose.
    else if (this.docMigration && !u?.domain && !own) c.migration = true;
    else if (row === 'beside' && !u?.domain) c.noFix = 'this row documents the alias beside the name that replaces it: delete the row when the alias goes';
    else if (u && !u.domain && repl.exact.some((r) => listedBeside(u, c.start, this.doc.slice(c.start, c.end), r))) c.noFix = 'it is listed beside the name that replaces it: remove it from the list';
    else if (u?.domain && (!own || (own === 'qualified' && this.namesDomainRunNear(u, c))) && !this.saysItIsTheSession(u, c)) c.domain = u.domain;
    else if (u && c.context === 'prose' && !c.domain) {
      const q = qualifiedRunBefore(this.ctx, u, c.start);
      if (q) c.domain = q;
      else if (this.docMigration) c.migration = true;
    } else if (this.docMigration) c.migration = true;
    return c;
  }

  /**
   * "the planning run id in `data.run_id`": a sentence that names the domain's run outright (a
   * domain marker, then the bare word) within a few words of a qualified token puts it in that
   * domain; farther away ("…; older frames carry it in `meta.run_id`") the qualifier still rules.
   */
  private namesDomainRunNear(u: { start: number; text: string }, c: Candidate): boolean {
    const NEAR_WORDS = 6;
    const at = c.start - u.start;
    return this.ctx.rules.rules.some((r) => {
      const bare = r.spec.bareWord?.legacy;
      const markers = r.domains.flatMap((d) => d.markers);
      if (!bare || markers.length === 0) return false;
      const phrase = new RegExp(`\\b(?:${markers.map(escapeRegExp).join('|')})[\\s_-]+${escapeRegExp(bare)}s?\\b`, 'gi');
      for (let m = phrase.exec(u.text); m; m = phrase.exec(u.text)) {
        const between = m.index < at ? u.text.slice(m.index + m[0].length, at) : u.text.slice(c.end - u.start, m.index);
        if ((between.match(/[A-Za-z0-9_]+/g) ?? []).length <= NEAR_WORDS) return true;
      }
      return false;
    });
  }

  /**
   * "Snapshots' `run_id` is the session; planning events have their own …": a sentence about
   * planning may still say outright that this token is the session (its clause: the token, then
   * "is/means/identifies the … session"). Then it is not the planning run.
   */
  private saysItIsTheSession(u: { start: number; text: string }, c: Candidate): boolean {
    if (!this.ctx.hasEvidence(u.text)) return false;
    const after = u.text.slice(c.end - u.start).replace(/^[`*_'"\s]+/, '');
    const m = /^(?:\(?[^;:,()]{0,40}?\)?\s)?(?:is|are|means|identifies|holds)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?([A-Za-z]+)/i.exec(after);
    return !!m && this.ctx.hasEvidence(m[1]);
  }

  /** The spellings a table row would use for this token's replacement. */
  /** The token's replacements, the preferred term's spellings, and its head word (`session`). */
  private replacements(c: Candidate): { bare: boolean; exact: string[]; preferred: string[]; head: string[] } {
    const token = this.doc.slice(c.start, c.end);
    const out = { bare: false, exact: [] as string[], preferred: [] as string[], head: [] as string[] };
    for (const rule of this.ctx.rules.rules) {
      const m = matchToken(token, rule.seqs);
      if (!m) continue;
      if (m.kind === 'bare') out.bare = true;
      if (m.replacement) out.exact.push(m.replacement);
      const p = rule.spec.preferred;
      out.preferred.push(p.join('_'), p.join(''), p.join('-'));
      out.head.push(p[0]);
    }
    return out;
  }
}

/**
 * "If a CI run fails, re-run the job and mention the run ID": a sentence that names another
 * system's run before the term's words (or links one: `…/actions/runs/1337`) means that run, unless
 * it speaks of the session.
 */
function qualifiedRunBefore(ctx: AnalyzerContext, u: { start: number; text: string }, at: number): string | undefined {
  if (/\bsessions?\b/i.test(u.text)) return undefined;
  const upTo = at - u.start;
  for (const m of u.text.matchAll(/\bruns?\b/gi)) {
    if (m.index >= upTo) break;
    const q = qualifierBefore(ctx, u.text, m.index);
    if (q) return q;
  }
  const url = /\bhttps?:\/\/[^\s`'"<>)]+\/runs?\/[^\s`'"<>)]*/.exec(u.text);
  return url ? urlHostQualifier(ctx, url[0]) : undefined;
}
