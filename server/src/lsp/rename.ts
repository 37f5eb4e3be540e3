/**
 * textDocument/prepareRename and textDocument/rename on a legacy finding: the rename reaches every
 * occurrence of the same legacy symbol in the workspace (renameEverywhereEdit), each in its own
 * case convention. Other names than the rule's replacement are left to the language's own rename.
 */
import { ResponseError, ErrorCodes, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import { symbolKey, type Finding } from '../engine';
import { documentFindings, renameEverywhereEdit, type CodeActionDeps } from './codeActions';
import { renameKey } from './diagnostics';

function contains(r: Range, p: Range['start']): boolean {
  const le = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(r.start, p) && le(p, r.end);
}

async function legacyAt(deps: CodeActionDeps, params: PrepareRenameParams): Promise<Finding | undefined> {
  const doc = deps.documents.get(params.textDocument.uri);
  if (!doc) return undefined;
  const { findings, legacy } = await documentFindings(deps, doc);
  return findings.find((f) => legacy(f) && f.replacement !== null && contains(f.range, params.position));
}

export async function prepareRename(deps: CodeActionDeps, params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
  const f = await legacyAt(deps, params);
  return f ? { range: f.range, placeholder: f.replacement as string } : null;
}

export async function rename(deps: CodeActionDeps, params: RenameParams): Promise<WorkspaceEdit | null> {
  const f = await legacyAt(deps, params);
  if (!f) return null;
  if (symbolKey(params.newName) !== symbolKey(f.replacement as string)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `termshift renames \`${f.text}\` to \`${f.replacement}\` everywhere; for another name use the language's own rename.`);
  }
  return renameEverywhereEdit(deps, renameKey(f));
}
