/**
 * Decides what a matched token is (legacy alias, planning run, migration reference, verb, package)
 * and turns it into a finding with severity, message and fix.
 */
import { lowerWords } from './words';
import type { CompiledRule } from './rules/compile';
import { CATEGORY, type SeveritySetting } from './rules/model';
import type { TokenMatch } from './matcher';
import type { Candidate, Finding, Severity } from './types';

export type Verdict = Omit<Finding, 'range' | 'offset' | 'length' | 'text'>;

function severityFor(rule: CompiledRule, category: string, candidate: Candidate, phase: string | undefined): SeveritySetting {
  const phased = phase ? rule.spec.phases?.[phase] : undefined;
  const own = rule.spec.severities;
  return (
    phased?.[candidate.context] ??
    phased?.[category] ??
    own?.[candidate.context] ??
    own?.[category] ??
    (category === rule.category ? rule.severity : 'hint')
  );
}

function batchFor(rule: CompiledRule, match: TokenMatch, candidate: Candidate): string | undefined {
  const explicit = match.parts.find((p) => p.seq.batch)?.seq.batch;
  return explicit ?? rule.spec.batches?.[candidate.context] ?? rule.spec.batches?.default;
}

function quote(s: string): string {
  return '`' + s + '`';
}

function legacyMessage(rule: CompiledRule, text: string, match: TokenMatch, batch: string | undefined, because: string | undefined): string {
  const legacy = rule.spec.legacy.join('_');
  const preferred = rule.spec.preferred.join('_');
  const where = batch ? ` (plan batch ${batch})` : '';
  if (match.kind === 'removal') {
    const part = match.parts.find((p) => p.seq.kind === 'removal');
    const use = part?.seq.use ? `; use ${quote(part.seq.use)}` : '';
    return `${quote(text)} is a backwards-compatibility alias scheduled for deletion${where}: remove it${use}.`;
  }
  if (match.kind === 'rename') {
    const note = match.parts.find((p) => p.seq.kind === 'rename')?.seq.note;
    return `${quote(text)} is renamed to ${quote(match.replacement ?? '')}${where}.${note ? ' ' + note : ''}`;
  }
  const fix = match.replacement ? ` Use ${quote(match.replacement)}.` : ' Remove it; there is no safe automatic fix here.';
  if (match.kind === 'bare') {
    const why = because ? ` (${because})` : '';
    return `${quote(text)} holds the ${preferred.replace(/_.*/, '')}${why}: the legacy name "${rule.spec.bareWord?.legacy}" is replaced by "${rule.spec.bareWord?.preferred}"${where}.${fix}`;
  }
  return `${quote(text)} uses the legacy alias ${legacy} for ${preferred}${where}.${fix}`;
}

/**
 * RunToSession, runIDToSessionID, migrate_run_id_to_session_id: a name that holds the old term,
 * then "to", then the new one names the migration itself, not a use of the old term.
 */
export function namesTheMigration(rule: CompiledRule, text: string): boolean {
  const words = lowerWords(text);
  // The bare words (run → session) when the rule has them, else the whole terms.
  const legacy = rule.spec.bareWord ? [rule.spec.bareWord.legacy.toLowerCase()] : rule.spec.legacy.map((w) => w.toLowerCase());
  const preferred = rule.spec.bareWord ? [rule.spec.bareWord.preferred.toLowerCase()] : rule.spec.preferred.map((w) => w.toLowerCase());
  const at = (seq: string[], from: number): number => {
    for (let i = from; i + seq.length <= words.length; i++) if (seq.every((w, k) => words[i + k] === w)) return i;
    return -1;
  };
  const l = at(legacy, 0);
  if (l < 0) return false;
  const to = words.indexOf('to', l + legacy.length);
  return to >= 0 && at(preferred, to + 1) === to + 1;
}

export function classify(rule: CompiledRule, text: string, match: TokenMatch, c: Candidate, phase?: string): Verdict | null {
  if (!c.migration && namesTheMigration(rule, text)) c = { ...c, migration: true };
  let category: string;
  let message: string;
  let replacement: string | null = null;
  const domain = c.domain ? rule.domains.find((d) => d.id === c.domain) : undefined;
  if (c.packagePath) {
    category = CATEGORY.packagePath;
    message = `${quote(text)} is part of a package path, not the ${rule.spec.legacy.join(' ')} term.`;
  } else if (match.kind === 'bare' && !c.denotesSession) {
    if (!c.verb) return null;
    category = CATEGORY.verb;
    message = `${quote(text)} is a process verb ("run"), not the legacy alias.`;
  } else if (c.migration) {
    category = CATEGORY.migration;
    message = typeof c.migration === 'string' ? `${quote(text)} stays as written: ${c.migration}.` : `${quote(text)} names the old name in a migration reference; it stays as written.`;
  } else if (domain) {
    category = domain.category;
    message = `${quote(text)} belongs to the ${domain.id} domain: ${domain.description ?? 'a distinct concept that stays.'}`;
  } else {
    category = rule.category;
    replacement = c.noFix ? null : match.replacement;
    const batch = batchFor(rule, match, c);
    message = legacyMessage(rule, text, { ...match, replacement }, batch, c.because);
    if (c.noFix && match.replacement) message += ` (${c.noFix})`;
  }
  const severity = severityFor(rule, category, c, phase);
  if (severity === 'off') return null;
  return {
    ruleId: rule.id,
    category,
    severity: severity as Severity,
    message,
    replacement,
    context: c.context,
    batch: category === rule.category ? batchFor(rule, match, c) : undefined,
    symbol: c.symbol,
  };
}
