/**
 * The result cache's compact form of outcomes: findings as number arrays over one table of
 * strings (messages, rule ids and categories repeat thousands of times). Measured on the bench
 * corpus: a third of the size of plain JSON, and the cached run no longer spends most of its time
 * parsing the cache.
 */
import type { ContextKind, Finding, Severity } from '../engine';
import type { FileOutcome } from './poolProtocol';

/** [offset, length, startLine, startChar, endLine, endChar, ruleId, category, severity, message, text, replacement, context, batch, symbol]; strings are indexes, -1 for none. */
export type PackedFinding = number[];
export type PackedOutcome = { s: string } | PackedFinding[];

export class StringTable {
  readonly strings: string[];
  private readonly index = new Map<string, number>();

  constructor(strings: string[] = []) {
    this.strings = strings;
  }

  id(s: string | null | undefined): number {
    if (s === null || s === undefined) return -1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  at(i: number): string | undefined {
    return i < 0 ? undefined : this.strings[i];
  }
}

export function packOutcome(o: FileOutcome, t: StringTable): PackedOutcome {
  if ('skip' in o) return { s: o.skip };
  return o.findings.map((f) => [
    f.offset,
    f.length,
    f.range.start.line,
    f.range.start.character,
    f.range.end.line,
    f.range.end.character,
    t.id(f.ruleId),
    t.id(f.category),
    t.id(f.severity),
    t.id(f.message),
    t.id(f.text),
    t.id(f.replacement),
    t.id(f.context),
    t.id(f.batch),
    t.id(f.symbol),
  ]);
}

/** The outcome back, or undefined when the packed form is not one this code wrote. */
export function unpackOutcome(p: PackedOutcome, t: StringTable): FileOutcome | undefined {
  if (!Array.isArray(p)) return typeof p?.s === 'string' ? { skip: p.s } : undefined;
  const findings: Finding[] = [];
  for (const a of p) {
    if (!Array.isArray(a) || a.length !== 15) return undefined;
    const f: Finding = {
      range: { start: { line: a[2], character: a[3] }, end: { line: a[4], character: a[5] } },
      offset: a[0],
      length: a[1],
      ruleId: t.at(a[6]) ?? '',
      category: t.at(a[7]) ?? '',
      severity: (t.at(a[8]) ?? 'warning') as Severity,
      message: t.at(a[9]) ?? '',
      text: t.at(a[10]) ?? '',
      replacement: t.at(a[11]) ?? null,
      context: (t.at(a[12]) ?? 'identifier') as ContextKind,
    };
    const batch = t.at(a[13]);
    const symbol = t.at(a[14]);
    if (batch !== undefined) f.batch = batch;
    if (symbol !== undefined) f.symbol = symbol;
    findings.push(f);
  }
  return { findings };
}
