// The mocha entry point VS Code calls inside the extension host (extensionTestsPath).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';

// One file per feature. Order matters: read-only checks first, then the files that edit the
// workspace, and the workspace-wide fix last because it rewrites every file.
const files = ['activation', 'diagnostics', 'hover', 'settings', 'rulesFile', 'fileWatching', 'restart', 'quickFix', 'fixAllInFile', 'rename', 'fixAllInWorkspace'];

export async function run(): Promise<void> {
  copyConsoleTo(process.env.TERMSHIFT_E2E_LOG);
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 45_000, color: false, reporter: 'spec' });
  const only = process.env.TERMSHIFT_E2E_ONLY?.split(',');
  for (const name of files) {
    if (!only || only.includes(name)) mocha.addFile(path.join(__dirname, `${name}.test.js`));
  }
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}

/**
 * In a remote extension host (our stand-in) console output only reaches the browser's log; the
 * stand-in names a file to copy it to. Desktop VS Code prints it on its own, and sets no file.
 */
function copyConsoleTo(file: string | undefined): void {
  if (!file) return;
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[level].bind(console);
    // The extension host installs console methods as accessors that ignore assignment.
    Object.defineProperty(console, level, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        fs.appendFileSync(file, util.format(...args) + '\n');
        original(...args);
      },
    });
  }
}
