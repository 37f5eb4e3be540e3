/**
 * The workspace as the server sees it: its folders, each with its rules and exclusions, and the
 * one function that turns a document's text into findings (the engine does the work).
 */
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import type { Engine, Finding } from '../engine';
import { excludeMatcher } from './excludes';
import { normalizeUri, relativeTo, uriToPath } from './paths';
import { loadFolderRules, type FolderRules } from './rules';
import { GoPackages } from '../cli/goPackages';
import type { Settings, SettingsCache } from './settings';

const PACKAGE_LISTING_MS = 2000;

export interface Folder {
  uri: string;
  root: string;
  name: string;
  rules: FolderRules;
}

export interface CheckTarget {
  uri: string;
  text: string;
  languageId?: string;
}

export interface Checked {
  findings: Finding[];
  settings: Settings;
  engine: Engine;
  /** The same check of another text for this document (fix-all re-checks its own result). */
  recheck(text: string): Finding[];
}

export class Project {
  folders: Folder[] = [];
  trusted: boolean;
  /**
   * Open documents (normalized URIs) whose file was deleted on disk: an editor may keep such a
   * document open; it has no findings and no workspace edit may target it, until the file is
   * created again, the document saved or it is closed.
   */
  readonly deleted = new Set<string>();

  constructor(
    readonly base: Engine,
    readonly settings: SettingsCache,
    trusted: boolean,
  ) {
    this.trusted = trusted;
  }

  setFolders(list: WorkspaceFolder[]): void {
    this.folders = list.flatMap((f) => {
      const root = uriToPath(f.uri);
      if (!root) return [];
      return [{ uri: normalizeUri(f.uri), root, name: f.name, rules: loadFolderRules(this.base, root, this.trusted) }];
    });
  }

  /** The innermost folder that holds the URI. */
  folderOf(uri: string): Folder | undefined {
    const file = uriToPath(uri);
    if (!file) return undefined;
    let best: Folder | undefined;
    for (const f of this.folders) {
      if ((file === f.root || relativeTo(f.root, file) !== undefined) && (!best || f.root.length > best.root.length)) best = f;
    }
    return best;
  }

  reloadRules(folder: Folder, text?: string): void {
    folder.rules = loadFolderRules(this.base, folder.root, this.trusted, text);
  }

  engineFor(uri: string): Engine {
    return this.folderOf(uri)?.rules.engine ?? this.base;
  }

  /** The exclusions of a folder under these settings. */
  async excludesOf(folder: Folder, settings: Settings): Promise<Ignore> {
    return excludeMatcher(await this.settings.filesExcludeOf(folder.uri), settings.exclude);
  }

  private packages: { at: number; value: GoPackages } | undefined;

  /** Folder listings are trusted for a moment: a burst of keystrokes lists the package once. */
  private goPackages(): GoPackages {
    const now = Date.now();
    if (!this.packages || now - this.packages.at > PACKAGE_LISTING_MS) this.packages = { at: now, value: new GoPackages() };
    return this.packages.value;
  }

  /** Findings for a text under the settings of its URI; none when disabled or excluded. */
  async check(target: CheckTarget, given?: { settings: Settings; excludes: Ignore }): Promise<Checked> {
    const folder = this.folderOf(target.uri);
    const settings = given?.settings ?? (await this.settings.get(target.uri));
    const engine = folder?.rules.engine ?? this.base;
    const none: Checked = { findings: [], settings, engine, recheck: () => [] };
    if (!settings.enable || this.deleted.has(normalizeUri(target.uri))) return none;
    const file = uriToPath(target.uri);
    const rel = folder && file ? relativeTo(folder.root, file) : undefined;
    if (folder && rel) {
      const excludes = given?.excludes ?? (await this.excludesOf(folder, settings));
      if (excludes.ignores(rel)) return none;
    }
    // A Go file is read with its package as saved on disk (the other files' unsaved edits are not seen).
    const pkg = file ? this.goPackages().sourceFor(file) : undefined;
    const opts = { path: rel ?? (file ? path.basename(file) : undefined), languageId: target.languageId, phase: settings.phase || undefined, package: pkg };
    // Only the supported languages: never plain text, JSON or the rules file itself.
    if (engine.languageOf(opts) === 'text') return none;
    const recheck = (text: string): Finding[] => engine.check(text, opts);
    return { findings: recheck(target.text), settings, engine, recheck };
  }
}
