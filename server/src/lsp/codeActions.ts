/**
 * Code actions: a quick fix per diagnostic (stateless: the fix is in the diagnostic's data), fix
 * all in this file (`source.fixAll.termshift`, for editor.codeActionsOnSave), fix all in the
 * workspace and rename everywhere (both resolved lazily: they read the workspace).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { settleFixes, type Finding, type TextEdit } from '../engine';
import { isFixData, isLegacy, renameKey, shownSeverity, SOURCE } from './diagnostics';
import type { Project } from './project';
import type { FindingsStore } from './store';
import { currentFindings, workspaceEdit, type EditCapabilities } from './workspaceEdits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.termshift`;
/** Deliberately not under source.fixAll: saving one file must never edit the whole workspace. */
export const FIX_ALL_WORKSPACE_KIND = `${CodeActionKind.Source}.termshift.fixAllInWorkspace`;
export const RENAME_EVERYWHERE_KIND = CodeActionKind.RefactorRewrite;

type LazyData = { action: 'fixAllInWorkspace' } | { action: 'renameEverywhere'; key: string };

export interface CodeActionDeps {
  documents: TextDocuments<TextDocument>;
  project: Project;
  store: FindingsStore;
  caps: EditCapabilities & { resolve: boolean };
  ensureScanned: () => Promise<void>;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

function intersects(a: Finding['range'], b: Finding['range']): boolean {
  const before = (p: Finding['range']['start'], q: Finding['range']['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The open document's findings, from the store when they are for its current version. */
export async function documentFindings(deps: Pick<CodeActionDeps, 'project' | 'store'>, doc: TextDocument): Promise<{ findings: Finding[]; legacy: (f: Finding) => boolean; shown: (f: Finding) => boolean }> {
  const e = deps.store.get(doc.uri);
  const checked = e?.open && e.version === doc.version ? e : await deps.project.check({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId });
  return {
    findings: checked.findings,
    legacy: (f) => isLegacy(f, checked.engine.rules),
    shown: (f) => shownSeverity(f, checked.settings) !== null,
  };
}

/** Fix-all in one document, settled: its edits leave nothing fixable (see settleFixes). */
async function settledFixAll(deps: Pick<CodeActionDeps, 'project'>, doc: TextDocument, first: Finding[], wanted: (f: Finding) => boolean): Promise<TextEdit[]> {
  const checked = await deps.project.check({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId });
  return settleFixes(doc.getText(), (t) => checked.recheck(t).filter(wanted), first.filter(wanted)).edits;
}

export async function renameEverywhereEdit(deps: CodeActionDeps, key: string): Promise<WorkspaceEdit | null> {
  await deps.ensureScanned();
  const rulesOf = (uri: string) => deps.project.engineFor(uri).rules;
  const files = await currentFindings(deps.store, deps.documents, deps.project, (f) => f.replacement !== null && renameKey(f) === key);
  // Legacy findings only: a planning-domain RunID has the same key but is not legacy.
  const legacy = files.map((file) => ({ ...file, findings: file.findings.filter((f) => isLegacy(f, rulesOf(file.uri))) }));
  return workspaceEdit(legacy, deps.caps, 'termshift: rename everywhere');
}

export async function fixAllInWorkspaceEdit(deps: CodeActionDeps): Promise<WorkspaceEdit | null> {
  await deps.ensureScanned();
  const files = await currentFindings(deps.store, deps.documents, deps.project, (f) => f.replacement !== null);
  const shown = await Promise.all(
    files.map(async (file) => {
      const settings = await deps.project.settings.get(file.uri);
      const rules = deps.project.engineFor(file.uri).rules;
      const wanted = (f: Finding): boolean => f.replacement !== null && isLegacy(f, rules) && shownSeverity(f, settings) !== null;
      const { text, recheck } = file;
      if (text === undefined || !recheck) return { ...file, findings: file.findings.filter(wanted) };
      // Settled per file, like the in-file fix-all; each composed edit reads as old → new text.
      const findings = file.findings.filter(wanted);
      return { ...file, findings, edits: settleFixes(text, (t) => recheck(t).filter(wanted), findings).edits };
    }),
  );
  return workspaceEdit(shown, deps.caps, 'termshift: fix all in the workspace');
}

/**
 * A diagnostic's fix is for the document as it is now: computed for its version, or for an older
 * one whose diagnostics every check since has kept unchanged (a pull client was told "unchanged").
 */
function fixIsCurrent(store: FindingsStore, doc: TextDocument, version: number | null | undefined): boolean {
  if (version == null || version === doc.version) return true;
  const e = store.get(doc.uri);
  return !!e?.open && e.version === doc.version && e.since !== null && e.since <= version && version <= doc.version;
}

export async function codeActions(deps: CodeActionDeps, params: CodeActionParams): Promise<CodeAction[]> {
  const doc = deps.documents.get(params.textDocument.uri);
  if (!doc) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const versioned = (edits: Array<{ range: Finding['range']; newText: string }>): WorkspaceEdit =>
    deps.caps.documentChanges ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } };

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE || !isFixData(d.data)) continue;
      const data = d.data;
      // A diagnostic from an older version, or text that is no longer there: no edit (never a stale one).
      // A missing version (Neovim 0.7 drops `version: null` from data) means unknown, as null does.
      if (data.replacement === null || !fixIsCurrent(deps.store, doc, data.version) || doc.getText(d.range) !== data.text) continue;
      actions.push({ title: `Replace \`${data.text}\` with \`${data.replacement}\``, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: versioned([{ range: d.range, newText: data.replacement }]) });
    }
  }

  const wantFixAll = wants(only, FIX_ALL_KIND);
  const wantRename = wants(only, RENAME_EVERYWHERE_KIND);
  const wantWorkspace = wants(only, FIX_ALL_WORKSPACE_KIND);
  if (!wantFixAll && !wantRename && !wantWorkspace) return actions;
  const { findings, legacy, shown } = await documentFindings(deps, doc);
  if (deps.documents.get(doc.uri)?.version !== doc.version) return actions;

  if (wantFixAll) {
    const edits = await settledFixAll(deps, doc, findings, (f) => legacy(f) && shown(f));
    if (deps.documents.get(doc.uri)?.version !== doc.version) return actions;
    if (edits.length) actions.push({ title: 'Fix all termshift problems in this file', kind: FIX_ALL_KIND, edit: versioned(edits.map((e) => ({ range: e.range, newText: e.newText }))) });
  }

  const lazy = async (title: string, kind: string, data: LazyData): Promise<CodeAction> => {
    const action: CodeAction = { title, kind, data };
    if (!deps.caps.resolve) action.edit = (await resolveEdit(deps, data)) ?? undefined;
    return action;
  };
  if (wantRename) {
    const here = findings.find((f) => legacy(f) && f.replacement !== null && intersects(f.range, params.range));
    if (here) actions.push(await lazy(`Rename \`${here.text}\` → \`${here.replacement}\` everywhere in the workspace (termshift)`, RENAME_EVERYWHERE_KIND, { action: 'renameEverywhere', key: renameKey(here) }));
  }
  if (wantWorkspace && (only !== undefined || findings.some((f) => legacy(f) && shown(f) && f.replacement !== null))) {
    actions.push(await lazy('Fix all termshift problems in the workspace', FIX_ALL_WORKSPACE_KIND, { action: 'fixAllInWorkspace' }));
  }
  return actions;
}

function resolveEdit(deps: CodeActionDeps, data: LazyData): Promise<WorkspaceEdit | null> {
  return data.action === 'renameEverywhere' ? renameEverywhereEdit(deps, data.key) : fixAllInWorkspaceEdit(deps);
}

export async function resolveCodeAction(deps: CodeActionDeps, action: CodeAction): Promise<CodeAction> {
  const data = action.data as LazyData | undefined;
  if (!data || action.edit || (data.action !== 'renameEverywhere' && data.action !== 'fixAllInWorkspace')) return action;
  const edit = await resolveEdit(deps, data);
  return edit ? { ...action, edit } : action;
}
