// Runs the Neovim LSP test (lsp_test.lua) headless against `node dist/cli.js lsp --stdio`.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixtureWorkspace, nvim, repoRoot } from '../host/tools';

const timeoutMs = 60_000;

function main(): Promise<number> {
  const started = Date.now();
  const workspace = copyFixtureWorkspace();
  const child = spawn(nvim(), ['--headless', '--clean', '-c', `luafile ${path.join(repoRoot, 'test/e2e/nvim/lsp_test.lua')}`], {
    env: { ...process.env, TERMSHIFT_CLI: path.join(repoRoot, 'dist/cli.js'), TERMSHIFT_WORKSPACE: workspace, TERMSHIFT_NODE: process.execPath },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`neovim: no result within ${timeoutMs} ms`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      console.log(`neovim suite: exit ${code ?? signal} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
      resolve(code === 0 ? 0 : 1);
    });
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`neovim suite: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
