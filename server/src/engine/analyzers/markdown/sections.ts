/**
 * Sections whose heading is migration wording ("### Deprecated", "## Migration", "## Renamed
 * fields" — the Keep a Changelog headings included): what they list is about the migration. So is
 * a released version's section (`## [0.13.0] - 2025-11-02`, `# v0.15.0`): it records what
 * happened then, and history is not rewritten; an unreleased or draft one is not history yet.
 * ATX headings only, outside fenced blocks; a section runs to the next heading of its level or above.
 */
import type { Segment } from './segments';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/gm;
/** Keep a Changelog's "Removed" is a migration heading too, though "removed" in prose is not. */
const REMOVED = /^removed$/i;
/**
 * A release: a semantic version (or a v-prefixed one), maybe after the product's name and
 * "Release"/"Version", before a date or "release notes"; never a numbered section ("2.3.1 Storage
 * layout", "Section 2.3.1").
 */
const RELEASE = /^(?!(?:section|chapter|step|part|appendix)\b)(?:[\w-]+\s+)?(?:(?:release|version)(?:\s+notes)?\s*[-—–:]?\s*)?\[?(?:v?\d+\.\d+\.\d+(?:-[\w.]+)?|v\d+\.\d+)\]?(?:\s*(?:[-—–]\s*)?\(?\d{4}-\d{2}-\d{2}\)?)?(?:\s+release(?:\s+notes)?)?$/i;
const UNRELEASED = /unreleased|draft|upcoming|\bnext\b|-(?:rc|alpha|beta|dev)/i;
/** A heading is a title, not a sentence: longer ones are judged as text by their units. */
const MAX_WORDS = 4;

export interface Section {
  start: number;
  end: number;
  /** Its heading is migration wording or a released version. */
  migration: boolean;
}

/** Every ATX heading's section, in document order (text before the first heading is none's). */
export function headingSections(doc: string, segs: Segment[], isMigrationText: (text: string) => boolean): Section[] {
  const fences = segs.filter((s) => s.kind === 'fence');
  const inFence = (at: number): boolean => fences.some((f) => at >= f.start && at < f.end);
  const heads: Array<{ at: number; level: number; migration: boolean }> = [];
  HEADING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADING.exec(doc))) {
    if (inFence(m.index)) continue;
    const title = m[2].replace(/[`*_]/g, '').trim();
    const short = title.split(/\s+/).length <= MAX_WORDS;
    const history = RELEASE.test(title) && !UNRELEASED.test(title);
    heads.push({ at: m.index, level: m[1].length, migration: history || (short && (REMOVED.test(title) || isMigrationText(title))) });
  }
  return heads.map((h, i) => {
    const next = heads.slice(i + 1).find((n) => n.level <= h.level);
    return { start: h.at, end: next ? next.at : doc.length, migration: h.migration };
  });
}

export function migrationSections(sections: Section[]): Array<[number, number]> {
  return sections.filter((s) => s.migration).map((s) => [s.start, s.end]);
}
