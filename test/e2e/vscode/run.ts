// Runs the extension-host suite through @vscode/test-electron's runTests(). On this kind of machine
// the VS Code executable is our stand-in (test/e2e/bin/code: the VS Code server inside code-server,
// shown in headless Chromium); set TERMSHIFT_VSCODE=download to let runTests() download desktop VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyFixtureWorkspace, freshTempDir, repoRoot } from '../host/tools';

async function main(): Promise<number> {
  const workspace = copyFixtureWorkspace();
  const profile = freshTempDir('profile');
  const started = Date.now();
  try {
    await runTests({
      vscodeExecutablePath: process.env.TERMSHIFT_VSCODE === 'download' ? undefined : path.join(repoRoot, 'test/e2e/bin/code'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${path.join(profile, 'user-data')}`, `--extensions-dir=${path.join(profile, 'extensions')}`],
    });
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
    return 0;
  } catch (err) {
    console.error(`extension-host suite failed: ${err instanceof Error ? err.message : String(err)} (the workspace as the suite left it: ${workspace})`);
    return 1;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
    console.log(`extension-host suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

void main().then((code) => process.exit(code));
