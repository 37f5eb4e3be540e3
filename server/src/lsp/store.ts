/**
 * Findings per URI, for open documents and for files the workspace scan read. Every change gets a
 * new result id, which pull diagnostics use to answer "unchanged".
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
  set(entry: Omit<Entry, 'resultId'>): Entry | undefined {
    const old = this.entries.get(entry.uri);
    if (!old && entry.findings.length === 0 && !entry.open) return undefined;
    const e = { ...entry, resultId: String(++this.counter) };
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
