/** Messages between checkFiles' worker pool and scanWorker (plain data: they are structured-cloned). */
import type { Finding, RulesFile } from '../engine';

export interface WorkerSetup {
  /** The rules the main thread runs, as data (a compiled Ruleset holds functions and cannot be sent). */
  rules: RulesFile;
  /** Folder the rules' path scopes are relative to. */
  root: string;
  phase?: string;
}

/** One file's result: its findings, or why it was not checked. */
export type FileOutcome = { findings: Finding[] } | { skip: string };

export interface BatchRequest {
  id: number;
  files: string[];
}

export type WorkerReply = { ready: true } | { id: number; outcomes: FileOutcome[] } | { error: string };
