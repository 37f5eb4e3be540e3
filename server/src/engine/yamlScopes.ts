/**
 * YAML mappings that say what they are, as JSON objects do (jsonScopes.ts): `kind: planning` or
 * `type: planning.start` puts its mapping — its sibling keys and what is nested under them — in
 * the domain its value names. Read by indentation, so it works on YAML examples in docs and on
 * YAML that is not strictly valid.
 */
import { DISCRIMINATOR_KEYS, type DomainSpan } from './jsonScopes';

const DISCRIMINATOR = new RegExp(`^(\\s*)(-\\s+)?["']?(?:${DISCRIMINATOR_KEYS})["']?\\s*:\\s*["']?([^"'#\\n]{1,200})`);
const ANY_DISCRIMINATOR = new RegExp(DISCRIMINATOR.source, 'm');

export function discriminatedMappings(text: string, domainOf: (s: string) => string | undefined): DomainSpan[] {
  // JSON's objects are delimited by braces (jsonScopes.ts), not by indentation.
  if (/^\s*[{[]/.test(text) || !ANY_DISCRIMINATOR.test(text)) return [];
  const lines: Array<{ start: number; end: number; indent: number; dash: boolean; blank: boolean }> = [];
  for (let s = 0; s <= text.length; ) {
    const e = text.indexOf('\n', s);
    const end = e < 0 ? text.length : e;
    const line = text.slice(s, end);
    const lead = /^(\s*)(-\s+)?/.exec(line) as RegExpExecArray;
    lines.push({ start: s, end, indent: lead[1].length + (lead[2]?.length ?? 0), dash: !!lead[2], blank: /^\s*$/.test(line) || /^---\s*$/.test(line) });
    s = end + 1;
  }
  const out: DomainSpan[] = [];
  lines.forEach((l, i) => {
    const m = DISCRIMINATOR.exec(text.slice(l.start, l.end));
    const domain = m ? domainOf(m[3].trim()) : undefined;
    if (!domain) return;
    // The mapping's keys sit at the discriminator's column; a `- ` item opens it one line above.
    const column = l.indent;
    let first = i;
    if (!l.dash) {
      while (first > 0 && !lines[first - 1].blank && lines[first - 1].indent >= column && !(lines[first].dash && lines[first].indent === column)) first--;
    }
    let last = i;
    while (last + 1 < lines.length && !lines[last + 1].blank && lines[last + 1].indent >= column && !(lines[last + 1].dash && lines[last + 1].indent === column)) last++;
    out.push({ start: lines[first].start, end: lines[last].end, domain });
  });
  return out;
}

/** Gives each candidate without a domain the domain of the mapping it lies in. */
export function applyMappingDomains(spans: DomainSpan[], cands: Array<{ start: number; domain?: string }>): void {
  if (spans.length === 0) return;
  for (const c of cands) {
    if (c.domain) continue;
    const span = spans.find((s) => c.start >= s.start && c.start < s.end);
    if (span) c.domain = span.domain;
  }
}
