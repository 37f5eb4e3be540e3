/**
 * JSON objects that say what they are: `{"type": "planning.start", "data": {"run_id": …}}`. A
 * discriminator key (type, kind, event …) whose value names a domain puts the whole object, nested
 * objects included, in that domain. Read with a brace scanner that skips strings, so it works on
 * JSON examples in docs and on JSON-like text that is not strictly valid.
 */

const DISCRIMINATOR = /"(?:type|kind|event|event_type|eventType|topic)"\s*:\s*"([^"\\\n]{1,200})"/g;

export interface DomainSpan {
  start: number;
  end: number;
  domain: string;
}

export function discriminatedObjects(text: string, domainOf: (s: string) => string | undefined): DomainSpan[] {
  const keys: Array<{ at: number; domain: string }> = [];
  DISCRIMINATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DISCRIMINATOR.exec(text))) {
    const domain = domainOf(m[1]);
    if (domain) keys.push({ at: m.index, domain });
  }
  if (keys.length === 0) return [];
  // Objects by their braces, strings skipped; an unclosed object runs to the end of the text.
  const objects: Array<{ start: number; end: number }> = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 10; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 123 /* { */) open.push(i);
    else if (c === 125 /* } */ && open.length) objects.push({ start: open.pop() as number, end: i + 1 });
  }
  for (const s of open) objects.push({ start: s, end: text.length });
  const out: DomainSpan[] = [];
  for (const k of keys) {
    let inner: { start: number; end: number } | undefined;
    for (const o of objects) if (o.start < k.at && k.at < o.end && (!inner || o.start > inner.start)) inner = o;
    if (inner) out.push({ ...inner, domain: k.domain });
  }
  return out;
}
