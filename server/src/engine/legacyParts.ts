/**
 * A finding on a compound name (`resRunID`, `setRunId`, `runLog`, `WEBCHAT_RUN_ID`) as the parts
 * of it that hold the term: `RunID` → `SessionID` at its own range, the rest of the name untouched.
 * This is how the command line reports them: the term is found as a sub-word and only those parts
 * are replaced. Explicit renames and removals (`startRunForPrompt`, `LegacyRunID`) name the whole
 * symbol and stay whole; so does a finding whose fix is not the parts' (an analyzer's own verdict).
 */
import { matchToken } from './matcher';
import type { Ruleset } from './rules/compile';
import type { Finding } from './types';

export function legacyParts(f: Finding, rules: Ruleset): Finding[] {
  if (f.range.start.line !== f.range.end.line || f.range.end.character - f.range.start.character !== f.text.length) return [f];
  const rule = rules.rules.find((r) => r.id === f.ruleId);
  const match = rule ? matchToken(f.text, rule.seqs) : null;
  if (!match || (match.kind !== 'term' && match.kind !== 'bare') || match.parts.length === 0) return [f];
  if (match.parts.length === 1 && match.parts[0].start === 0 && match.parts[0].end === f.text.length) return [f];
  // The parts' fixes must make the finding's own fix (or it has none).
  if (f.replacement !== null && f.replacement !== match.replacement) return [f];
  return match.parts.map((p) => ({
    ...f,
    range: { start: { line: f.range.start.line, character: f.range.start.character + p.start }, end: { line: f.range.start.line, character: f.range.start.character + p.end } },
    offset: f.offset + p.start,
    length: p.end - p.start,
    text: f.text.slice(p.start, p.end),
    replacement: f.replacement === null ? null : p.replacement,
  }));
}
