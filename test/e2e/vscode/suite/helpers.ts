// Helpers for the extension-host suite: find files in the fixture workspace, wait for diagnostics
// through VS Code's events (never a fixed sleep), and apply edits the way a user would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { repoRoot } from '../../host/tools';

export const SOURCE = 'termshift';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture workspace open');
  return folder.uri;
}

export function uriOf(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

export function relOf(uri: vscode.Uri): string {
  return path.posix.relative(workspaceRoot().path, uri.path);
}

/** A file of the fixture workspace after every legacy alias is fixed (test/e2e/expected/). */
export function expectedText(rel: string): string {
  return fs.readFileSync(path.join(repoRoot, 'test/e2e/expected', rel), 'utf8');
}

export function fixtureText(rel: string): string {
  return fs.readFileSync(path.join(repoRoot, 'test/e2e/workspace', rel), 'utf8');
}

/** Every file of the fixture, relative, with forward slashes. */
export function fixtureFiles(): string[] {
  const root = path.join(repoRoot, 'test/e2e/workspace');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(root, path.join(dir, e.name)).split(path.sep).join('/')]));
  return walk(root).sort();
}

export function termshiftDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** What the editor underlines: termshift diagnostics above hint level (hints have no squiggle). */
export function squiggles(uri: vscode.Uri): vscode.Diagnostic[] {
  return termshiftDiagnostics(uri).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
}

/** `line:text` (1-based line) of each squiggle, sorted: compact and readable in a failed assertion. */
export function describeSquiggles(uri: vscode.Uri, doc?: vscode.TextDocument): string[] {
  return squiggles(uri)
    .map((d) => `${d.range.start.line + 1}:${doc ? doc.getText(d.range) : d.range.start.character + 1}`)
    .sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
}

const defaultTimeoutMs = 20_000;

/**
 * Resolves with the value once check() returns something other than undefined: checked now and
 * again on every diagnostics change. Rejects after timeoutMs, saying what was last seen.
 */
export function untilDiagnostics<T>(what: string, check: () => T | undefined, timeoutMs = defaultTimeoutMs, lastSeen?: () => string): Promise<T> {
  return untilEvent(what, vscode.languages.onDidChangeDiagnostics, check, timeoutMs, lastSeen);
}

export function untilEvent<T>(what: string, event: vscode.Event<unknown>, check: () => T | undefined, timeoutMs = defaultTimeoutMs, lastSeen?: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first !== undefined) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastSeen ? `; last seen: ${lastSeen()}` : ''}`));
    }, timeoutMs);
    const sub = event(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/** Waits until the file's squiggles are exactly `expected` (`line:text`, see describeSquiggles). */
export async function untilSquiggles(uri: vscode.Uri, expected: string[], doc?: vscode.TextDocument): Promise<void> {
  const want = JSON.stringify([...expected].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b)));
  const seen = (): string => JSON.stringify(describeSquiggles(uri, doc));
  await untilDiagnostics(`squiggles ${want} in ${relOf(uri)}`, () => (seen() === want ? true : undefined), defaultTimeoutMs, seen);
}

/** Each termshift diagnostic in the workspace as `file:line: message`, for failure messages. */
export function describeAllDiagnostics(filter: (d: vscode.Diagnostic) => boolean = () => true): string {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, ds]) => ds.filter((d) => d.source === SOURCE && filter(d)).map((d) => `${relOf(uri)}:${d.range.start.line + 1}: ${d.message}`))
    .join(' | ');
}

export async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The position of the n-th occurrence of `needle` on the first line that contains `lineMarker`. */
export function positionOf(doc: vscode.TextDocument, lineMarker: string, needle: string): vscode.Position {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    if (!text.includes(lineMarker)) continue;
    const at = text.indexOf(needle);
    if (at >= 0) return new vscode.Position(line, at);
  }
  throw new Error(`no line with ${JSON.stringify(lineMarker)} and ${JSON.stringify(needle)} in ${relOf(doc.uri)}`);
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
}

/**
 * Runs something that applies a WorkspaceEdit VS Code previews first (change annotations with
 * needsConfirmation) and answers the refactor preview with `refactorPreview.apply` or
 * `refactorPreview.discard`. The command is a no-op until the preview shows: it is repeated
 * until run() settles.
 */
export async function answeringPreview<T>(run: () => Thenable<T>, answer: 'refactorPreview.apply' | 'refactorPreview.discard', timeoutMs = defaultTimeoutMs): Promise<T> {
  let settled = false;
  const result = Promise.resolve(run()).finally(() => {
    settled = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`${answer}: the refactor preview did not close within ${timeoutMs} ms`);
    await vscode.commands.executeCommand(answer).then(undefined, () => undefined);
    await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, 200))]);
  }
  return result;
}

/** Applies the edits of a WorkspaceEdit to the texts in memory: what the files would become. */
export function applyInMemory(edit: vscode.WorkspaceEdit, textOf: (uri: vscode.Uri) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [uri, edits] of edit.entries()) {
    const text = textOf(uri);
    const lines = lineOffsets(text);
    const offset = (p: vscode.Position): number => lines[p.line] + p.character;
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    let result = text;
    for (const e of sorted) result = result.slice(0, offset(e.range.start)) + e.newText + result.slice(offset(e.range.end));
    out.set(relOf(uri), result);
  }
  return out;
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') offsets.push(i + 1);
  return offsets;
}

/** PIDs of this extension host's child processes whose command line contains `needle`. */
export function childProcesses(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(needle)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Polls a condition that no VS Code event announces (a process appearing), within a bound. */
export async function until<T>(what: string, check: () => T | undefined, timeoutMs = defaultTimeoutMs, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
