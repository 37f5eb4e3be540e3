/** Findings → LSP diagnostics. The fix travels in `data`, so code actions need no server state. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { symbolKey, type Finding, type Ruleset, type Severity } from '../engine';
import type { Settings } from './settings';

export const SOURCE = 'termshift';

/**
 * What a quick fix needs, and no more: every diagnostic of a document is sent on every change, so
 * its size is latency (the rule is the diagnostic's `code`; rename-everywhere finds its finding).
 */
export interface FixData {
  /** The flagged text: a fix applies only while the range still holds it. */
  text: string;
  replacement: string | null;
  /**
   * The first document version these diagnostics were computed for: later checks that found the
   * same kept them (null: a file that is not open; some clients drop null: missing means null).
   */
  version?: number | null;
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The spelling-independent identity of a finding (an analyzer's symbol wins over the text's words). */
export function renameKey(f: Pick<Finding, 'symbol' | 'text'>): string {
  return f.symbol ?? symbolKey(f.text);
}

/** The severity shown after the user's overrides; null when the finding is not shown at all. */
export function shownSeverity(f: Finding, settings: Settings): Severity | null {
  const s = settings.severityOverrides[f.ruleId] ?? settings.severityOverrides[f.category] ?? f.severity;
  if (s === 'off') return null;
  if (s === 'hint' && !settings.showCorrectUsages) return null;
  return s;
}

export function docsOf(rules: Ruleset, ruleId: string): string | undefined {
  return rules.rules.find((r) => r.id === ruleId)?.spec.docs;
}

export function toDiagnostic(f: Finding, version: number | null, settings: Settings, rules: Ruleset): Diagnostic | null {
  const severity = shownSeverity(f, settings);
  if (!severity) return null;
  const href = docsOf(rules, f.ruleId);
  const data: FixData = { text: f.text, replacement: f.replacement, version };
  return {
    range: f.range,
    severity: LSP_SEVERITY[severity],
    source: SOURCE,
    code: f.category,
    ...(href ? { codeDescription: { href } } : {}),
    message: f.message,
    data,
  };
}

export function toDiagnostics(findings: Finding[], version: number | null, settings: Settings, rules: Ruleset): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const d = toDiagnostic(f, version, settings, rules);
    if (d) out.push(d);
  }
  return out;
}

export function isFixData(x: unknown): x is FixData {
  const d = x as FixData | undefined;
  return !!d && typeof d.text === 'string' && (d.replacement === null || typeof d.replacement === 'string');
}

/** A finding of the rule's own category (the legacy alias), as opposed to a correct usage. */
export function isLegacy(f: Finding, rules: Ruleset): boolean {
  return rules.rules.some((r) => r.id === f.ruleId && r.category === f.category);
}
