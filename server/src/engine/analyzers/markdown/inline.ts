/**
 * Candidates inside one Markdown block's inline content: prose words (`prose`), inline code
 * (`code`, with its dotted qualifiers), link destinations, autolinks and query strings (`url`),
 * the prose phrase "run ID", process verbs and package paths. Each candidate also says whether the
 * token itself settles its domain ("planning `run_id`", `PlanningRun.run_id`, `conv.RunID`), which
 * the block's units may not override.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import type { AnalyzerContext } from '../../analyzer';
import type { Candidate } from '../../types';
import { inUrl, urlRanges } from './urls';
import { inPackagePath, isVerbInCode, isVerbInProse, phrasePattern, previousWord } from './words';
import { namesItsReplacementBeside, scanWords } from '../../scan';
import { commandQualifier, qualifierBefore } from '../../qualifiers';
import { definedAs } from '../../definitions';

/** Qualifiers that only wrap an event's payload: which event it is, the sentence says. */
const ENVELOPES = new Set(['data', 'payload', 'props', 'body']);

export interface InlineCandidate {
  c: Candidate;
  /**
   * What the token itself says: its spelling, qualifier or adjective names a domain; its qualifier
   * names the session (evidence) or some other owner (qualified). Only an unqualified token takes
   * the domain its sentence talks about.
   */
  own?: 'domain' | 'evidence' | 'qualified';
}

export interface InlineResult {
  items: InlineCandidate[];
  /** Ranges whose punctuation does not end a sentence (inline code, link destinations). */
  masks: Array<[number, number]>;
}

const ESCAPED_WORD = /[A-Za-z0-9]+(?:\\_[A-Za-z0-9]+)+/g;
const QUALIFIER = /((?:[A-Za-z_][A-Za-z0-9_]*(?:\(\))?\??\.)+)$/;

const DOTTED_KEY = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+(?:\s*[=:]\s*\S.*)?$/;

export class InlineScanner {
  private readonly phrases: RegExp[];

  constructor(
    private readonly doc: string,
    private readonly ctx: AnalyzerContext,
  ) {
    this.phrases = ctx.rules.rules.map((r) => phrasePattern(r.spec.legacy)).filter((p): p is RegExp => p !== null);
  }

  /** Scans the inline children of a block spanning [blockStart, blockEnd). */
  scan(children: PhrasingContent[], blockStart: number, blockEnd: number): InlineResult {
    const out: InlineResult = { items: [], masks: [] };
    const block = this.doc.slice(blockStart, blockEnd);
    for (const child of children) this.node(child, out, block, blockStart);
    return out;
  }

  private node(n: Nodes, out: InlineResult, block: string, base: number): void {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (s === undefined || e === undefined) return;
    switch (n.type) {
      case 'text':
      case 'html':
        this.prose(s, e, out, block, base);
        return;
      case 'inlineCode':
        this.code(s, e, out, block, base);
        return;
      case 'link':
      case 'image': {
        const src = this.doc.slice(s, e);
        if (n.type === 'link' && src.startsWith('<')) {
          this.url(s, e, out);
          return;
        }
        let destFrom = 0;
        if (n.type === 'link') {
          for (const c of n.children) this.node(c, out, block, base);
          const last = n.children[n.children.length - 1]?.position?.end.offset;
          if (last !== undefined) destFrom = last - s;
        }
        const dest = src.indexOf('](', destFrom);
        if (dest < 0) return;
        if (n.type === 'image') this.prose(s, s + dest, out, block, base);
        this.url(s + dest, e, out);
        return;
      }
      case 'break':
        return;
      default:
        if ('children' in n) for (const c of n.children) this.node(c as Nodes, out, block, base);
        else this.prose(s, e, out, block, base);
    }
  }

  private url(s: number, e: number, out: InlineResult): void {
    out.masks.push([s, e]);
    for (const c of scanWords(this.doc.slice(s, e), this.ctx, { context: 'url', offset: s, unit: 'none' })) {
      out.items.push(this.own(c, this.doc.slice(s, e), c.start - s));
    }
  }

  private prose(s: number, e: number, out: InlineResult, block: string, base: number): void {
    const src = this.doc.slice(s, e);
    const urls = urlRanges(src);
    const phrases: Array<[number, number]> = [];
    for (const re of this.phrases) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(src))) {
        phrases.push([m.index, m.index + m[0].length]);
        const c: Candidate = { start: s + m.index, end: s + m.index + m[0].length, context: 'prose' };
        out.items.push(this.withNeighbour(this.own(c, src, m.index), block, c.start - base));
      }
    }
    // `run\_id`: an underscore escaped in prose is still one word (the fix keeps the escape).
    if (src.includes('\\_')) {
      for (const m of src.matchAll(ESCAPED_WORD)) {
        if (!this.ctx.isCandidate(m[0].replace(/\\_/g, '_'))) continue;
        phrases.push([m.index, m.index + m[0].length]);
        const c: Candidate = { start: s + m.index, end: s + m.index + m[0].length, context: 'prose' };
        out.items.push(this.withNeighbour(this.own(c, src, m.index), block, c.start - base));
      }
    }
    for (const c of scanWords(src, this.ctx, { context: 'prose', offset: s, unit: 'none' })) {
      const rs = c.start - s;
      const re = c.end - s;
      if (phrases.some(([ps, pe]) => rs < pe && re > ps)) continue;
      if (inUrl(src, rs, re, urls)) c.context = 'url';
      if (inPackagePath(src, rs, re, this.ctx.rules.packages)) c.packagePath = true;
      if (isVerbInProse(block, c.start - base, c.end - base)) c.verb = true;
      out.items.push(this.withNeighbour(this.own(c, src, rs), block, c.start - base));
    }
  }

  private code(s: number, e: number, out: InlineResult, block: string, base: number): void {
    out.masks.push([s, e]);
    const src = this.doc.slice(s, e);
    const ticks = /^`+/.exec(src)?.[0].length ?? 0;
    const inner = src.slice(ticks, Math.max(ticks, src.length - ticks));
    const offset = s + ticks;
    const urls = urlRanges(inner);
    // `gh run rerun <run-id>`, "`run_id` here is the workflow run id": the span's program, or the
    // sentence after the span, says whose run it is.
    const qualified = commandQualifier(this.ctx, inner) ?? definedAs(this.ctx, block, s + src.length - base);
    // `run.id`, `run.id = <id>`: a span that is a dotted lower-case key alone names an attribute
    // (OpenTelemetry's), read as a key is in a string.
    const key = DOTTED_KEY.test(inner);
    for (const c of scanWords(inner, this.ctx, { context: key ? 'string' : 'code', offset, unit: 'none' })) {
      c.context = 'code';
      if (qualified && !c.domain) c.domain = qualified;
      const rs = c.start - offset;
      const re = c.end - offset;
      if (inUrl(inner, rs, re, urls)) c.context = 'url';
      if (inPackagePath(inner, rs, re, this.ctx.rules.packages)) c.packagePath = true;
      if (isVerbInCode(inner, rs, re)) c.verb = true;
      // "copies `run_id` into `session_id`": the words around the span, as in prose.
      if (!c.migration && namesItsReplacementBeside(block, c.start - base, c.end - base, this.ctx.match(this.doc.slice(c.start, c.end))?.replacement)) c.migration = true;
      const item = this.own(c, inner, rs);
      // Only the first word of the span can take the adjective before the backtick.
      out.items.push(inner.slice(0, rs).trim() === '' ? this.withNeighbour(item, block, s - base) : item);
    }
  }

  /** The token's own name or its dotted qualifier decides its domain (scanWords read the qualifier). */
  private own(c: Candidate, src: string, rel: number): InlineCandidate {
    if (c.domain) return { c, own: 'domain' };
    const token = this.doc.slice(c.start, c.end);
    const d = this.ctx.domainOf(token);
    if (d) {
      c.domain = d;
      return { c, own: 'domain' };
    }
    // A qualified name carries its owner: `meta.RunID` is not planning because its sentence is.
    const q = QUALIFIER.exec(src.slice(Math.max(0, rel - 200), rel));
    if (q && this.ctx.hasEvidence(q[1])) return { c, own: 'evidence' };
    // `run.run_id`, `data.run.run_id`: the id of a run object says nothing of its own about which
    // run; the sentence does ("the PlanningWidget groups frames by `data.run.run_id`").
    if (q && !this.ownedByBareWord(q[1])) return { c, own: 'qualified' };
    return { c };
  }

  private ownedByBareWord(qualifier: string): boolean {
    const last = qualifier.replace(/(?:\(\))?\??\.$/, '').split('.').pop()?.toLowerCase() ?? '';
    // An event's payload envelope (`data.run_id`, `payload.run_id`) says no more than `run.` does.
    if (ENVELOPES.has(last)) return true;
    return this.ctx.rules.bareWords.has(last);
  }

  /** "planning `run_id`", "the Planning run ID", "the GitHub Actions run ID": an adjective naming a domain right before. */
  private withNeighbour(item: InlineCandidate, block: string, rel: number): InlineCandidate {
    if (item.own) return item;
    const prev = previousWord(block, rel);
    const d = (prev ? this.ctx.domainOf(prev) : undefined) ?? qualifierBefore(this.ctx, block, rel);
    if (d) {
      item.c.domain = d;
      item.own = 'domain';
    }
    return item;
  }
}
