/**
 * Workspace-wide edits (fix all in the workspace, rename everywhere): recomputed from the current
 * text of every file concerned, versioned per document, and annotated `needsConfirmation` so the
 * editor previews them before anything is written.
 */
import type { AnnotatedTextEdit, ChangeAnnotation, TextDocumentEdit, TextDocuments, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixEdits, type Finding, type TextEdit } from '../engine';
import { uriToPath } from './paths';
import type { Project } from './project';
import type { FindingsStore } from './store';
import { readSource } from './workspaceScan';

export interface EditCapabilities {
  documentChanges: boolean;
  changeAnnotations: boolean;
}

export interface FileFindings {
  uri: string;
  /** Version of the open document, null for a file on disk. */
  version: number | null;
  findings: Finding[];
  /** The text the findings are of, and the same check of another text (fix-all settles). */
  text?: string;
  recheck?: (text: string) => Finding[];
  /** Edits to apply instead of the findings' own fixes (a settled fix-all's composed edits). */
  edits?: TextEdit[];
}

/** Current findings of the files the store lists that `wanted` may concern. */
export async function currentFindings(
  store: FindingsStore,
  documents: TextDocuments<TextDocument>,
  project: Project,
  wanted: (f: Finding) => boolean,
): Promise<FileFindings[]> {
  const uris = new Set<string>();
  for (const e of store.all()) if (e.findings.some(wanted)) uris.add(e.uri);
  for (const d of documents.all()) uris.add(d.uri);
  const out: FileFindings[] = [];
  for (const uri of [...uris].sort()) {
    const doc = documents.get(uri);
    let text: string | undefined;
    if (doc) text = doc.getText();
    else {
      const file = uriToPath(uri);
      text = file ? await readSource(file) : undefined;
    }
    if (text === undefined) continue;
    const { findings, recheck } = await project.check({ uri, text, languageId: doc?.languageId });
    const picked = findings.filter(wanted);
    // The buffer may have moved while the settings were read: its edits would be stale.
    if (doc && documents.get(uri)?.version !== doc.version) continue;
    if (picked.length) out.push({ uri, version: doc ? doc.version : null, findings: picked, text, recheck });
  }
  return out;
}

/** One edit over all the files; each rename pair (RunID → SessionID) is one annotation to review. */
export function workspaceEdit(files: FileFindings[], caps: EditCapabilities, label: string): WorkspaceEdit | null {
  const annotations: Record<string, ChangeAnnotation> = {};
  const counts = new Map<string, number>();
  const documentChanges: TextDocumentEdit[] = [];
  const changes: Record<string, LspTextEdit[]> = {};
  for (const file of files) {
    const edits = file.edits ?? fixEdits(file.findings);
    if (edits.length === 0) continue;
    const lspEdits: Array<LspTextEdit | AnnotatedTextEdit> = edits.map((e) => {
      const old = file.text?.slice(e.offset, e.offset + e.length) ?? file.findings.find((f) => f.offset === e.offset)?.text ?? '';
      const id = `${old} → ${e.newText}`;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      return caps.changeAnnotations ? { range: e.range, newText: e.newText, annotationId: id } : { range: e.range, newText: e.newText };
    });
    if (caps.documentChanges) documentChanges.push({ textDocument: { uri: file.uri, version: file.version }, edits: lspEdits });
    else changes[file.uri] = lspEdits;
  }
  if (counts.size === 0) return null;
  if (!caps.documentChanges) return { changes };
  if (caps.changeAnnotations) {
    for (const [id, n] of counts) annotations[id] = { label: id, needsConfirmation: true, description: `${label}: ${n} occurrence${n === 1 ? '' : 's'}` };
    return { documentChanges, changeAnnotations: annotations };
  }
  return { documentChanges };
}
