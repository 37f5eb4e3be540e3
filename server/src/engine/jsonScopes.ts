/**
 * JSON objects that say what they are: `{"type": "planning.start", "data": {"run_id": …}}`. A
 * discriminator key (type, kind, event …) whose value names a domain puts the whole object, nested
 * objects included, in that domain; but an event's metadata (`"meta": {"session_id": …, "run_id": …}`)
 * is the session's, whatever event it travels in (the plan removes its run_id alias).
 * Read with a brace scanner that skips strings, so it works on JSON examples in docs and on
 * JSON-like text that is not strictly valid.
 */

/** Keys whose value says what an object is; a JSON Schema's `title` (`"PlanningSnapshot"`) too. */
export const DISCRIMINATOR_KEYS = 'type|kind|event|event_type|eventType|topic|title';
const DISCRIMINATOR = new RegExp(`"(?:${DISCRIMINATOR_KEYS})"\\s*:\\s*"([^"\\\\\\n]{1,200})"`, 'g');

export interface DomainSpan {
  start: number;
  end: number;
  /** '' for an event's metadata: the session's (no domain). */
  domain: string;
}

const METADATA = /"(?:meta|metadata)"\s*:\s*\{/g;

export function discriminatedObjects(text: string, domainOf: (s: string) => string | undefined): DomainSpan[] {
  const keys: Array<{ at: number; domain: string }> = [];
  DISCRIMINATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DISCRIMINATOR.exec(text))) {
    const domain = domainOf(m[1]);
    if (domain) keys.push({ at: m.index, domain });
  }
  if (keys.length === 0) return [];
  // Marked just inside the metadata object's brace, so that the object it opens holds the mark.
  METADATA.lastIndex = 0;
  while ((m = METADATA.exec(text))) keys.push({ at: m.index + m[0].length, domain: '' });
  keys.sort((a, b) => a.at - b.at);
  // One pass over the braces (strings skipped): each key belongs to the innermost object open where
  // it starts; an object's span is known when it closes (an unclosed one runs to the end).
  const out: DomainSpan[] = [];
  const open: Array<{ start: number; domains: string[] }> = [];
  let k = 0;
  const close = (o: { start: number; domains: string[] }, end: number): void => {
    for (const domain of o.domains) out.push({ start: o.start, end, domain });
  };
  for (let i = 0; i < text.length; i++) {
    while (k < keys.length && keys[k].at < i) k++;
    if (k < keys.length && keys[k].at === i && open.length) open[open.length - 1].domains.push(keys[k].domain);
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 10; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 123 /* { */) open.push({ start: i, domains: [] });
    else if (c === 125 /* } */ && open.length) close(open.pop() as { start: number; domains: string[] }, i + 1);
  }
  for (const o of open) close(o, text.length);
  return out;
}

/** Gives each candidate without a domain the domain of a discriminated object around it. */
export function applyObjectDomains(spans: DomainSpan[], cands: Array<{ start: number; end: number; domain?: string }>): void {
  if (spans.length === 0) return;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const c of cands) {
    if (c.domain) continue;
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < c.start) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // The nearest opening before the token, or an enclosing one a few objects further back.
    for (let j = last, steps = 0; j >= 0 && steps < 64; j--, steps++) {
      if (sorted[j].end > c.end) {
        if (sorted[j].domain) c.domain = sorted[j].domain;
        break;
      }
    }
  }
}
