/**
 * What the server leaves out: `files.exclude` (VS Code globs), `termshift.exclude` and the rules
 * file's `exclude` (gitignore syntax). All become one `ignore` matcher over folder-relative paths.
 */
import ignore, { type Ignore } from 'ignore';

/** `{a,b}` alternatives, which gitignore syntax lacks. */
function expandBraces(glob: string): string[] {
  const m = /\{([^{}]*)\}/.exec(glob);
  if (!m) return [glob];
  return m[1].split(',').flatMap((alt) => expandBraces(glob.slice(0, m.index) + alt + glob.slice(m.index + m[0].length)));
}

/** A VS Code glob is relative to the folder: `*.log` matches only at the top, unlike gitignore. */
export function vscodeGlobToGitignore(glob: string): string[] {
  return expandBraces(glob.replace(/\\/g, '/')).map((g) => (g.startsWith('**/') || g.startsWith('/') ? g : '/' + g));
}

export function excludeMatcher(filesExclude: string[], gitignoreStyle: string[]): Ignore {
  return ignore().add(filesExclude.flatMap(vscodeGlobToGitignore)).add(gitignoreStyle);
}
