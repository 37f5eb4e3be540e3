/**
 * Findings per URI, for open documents and for files the workspace scan read. A change that alters
 * what the diagnostics say gets a new result id; one that leaves them as they were (a keystroke
 * that moves no finding) keeps it, so a pull client is answered "unchanged" and keeps what it has.
 */
import type { Engine, Finding } from '../engine';
import type { Settings } from './settings';
import { isLegacy, shownSeverity } from './diagnostics';

export interface Entry {
  uri: string;
  /** Document version for an open document, null for a file read from disk. */
  version: number | null;
  findings: Finding[];
  settings: Settings;
  engine: Engine;
  open: boolean;
  resultId: string;
  /**
   * The version these diagnostics were first computed for: they have held, unchanged, from it to
   * `version`. Their fix data carries it, so a quick fix from a kept diagnostic is not stale.
   */
  since: number | null;
}

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
  return a === b || (a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character);
}

/** The findings say the same in a diagnostic: same ranges, texts, fixes, rules and messages. */
function sameDiagnostics(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return x === y || (sameRange(x.range, y.range) && x.text === y.text && x.replacement === y.replacement && x.ruleId === y.ruleId && x.category === y.category && x.severity === y.severity && x.message === y.message);
  });
}

export class FindingsStore {
  private readonly entries = new Map<string, Entry>();
  private counter = 0;
  private readonly listeners: Array<(uri: string) => void> = [];

  onDidChange(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  get(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  all(): IterableIterator<Entry> {
    return this.entries.values();
  }

  /**
   * Records findings. A file without findings that was never recorded stays unrecorded (a scan
   * of 3,000 clean files keeps nothing); one that had findings keeps an empty entry so clients
   * learn that its diagnostics are gone.
   */
  set(entry: Omit<Entry, 'resultId' | 'since'>): Entry | undefined {
    const old = this.entries.get(entry.uri);
    if (!old && entry.findings.length === 0 && !entry.open) return undefined;
    const kept = old && old.open && entry.open && old.settings === entry.settings && old.engine === entry.engine && sameDiagnostics(old.findings, entry.findings);
    const e = kept ? { ...entry, resultId: old.resultId, since: old.since } : { ...entry, resultId: String(++this.counter), since: entry.version };
    this.entries.set(entry.uri, e);
    for (const l of this.listeners) l(entry.uri);
    return e;
  }

  /** Marks a file as gone (deleted, excluded, disabled): its diagnostics are cleared. */
  clear(uri: string): void {
    const old = this.entries.get(uri);
    if (!old || (old.findings.length === 0 && !old.open)) return;
    this.set({ ...old, findings: [], version: null, open: false });
  }

  /** Legacy findings a user must act on, across the workspace (the status bar count). */
  legacyCount(): { findings: number; files: number } {
    let findings = 0;
    let files = 0;
    for (const e of this.entries.values()) {
      let n = 0;
      for (const f of e.findings) if (isLegacy(f, e.engine.rules) && shownSeverity(f, e.settings) !== null) n++;
      findings += n;
      if (n) files++;
    }
    return { findings, files };
  }
}
