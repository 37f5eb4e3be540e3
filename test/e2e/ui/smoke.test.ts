// UI smoke test: the packaged .vsix installed into code-server, driven in Chromium like a user.
// Proves that .vscodeignore keeps what the extension needs. Screenshots go to test-results/.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../host/browser';
import { startGroup, type Started } from '../host/processGroup';
import { codeServerEntry, copyFixtureWorkspace, freshTempDir, node24, repoRoot, resultsDir, vsceBin } from '../host/tools';

const scratch = freshTempDir('ui');
const env = { ...process.env, XDG_CONFIG_HOME: path.join(scratch, 'xdg'), PATH: `${path.dirname(node24())}${path.delimiter}${process.env.PATH}` };
const profile = ['--user-data-dir', path.join(scratch, 'user-data'), '--extensions-dir', path.join(scratch, 'extensions')];
const vsix = path.join(resultsDir, 'termshift.vsix');

let server: Started | undefined;
let browser: BrowserContext | undefined;
let page: Page;
let workspace: string | undefined;

/**
 * A copy of what a clean checkout holds after `npm run build`: the files git tracks or would track,
 * plus dist/. vsce lists every file under its folder before .vscodeignore filters them, and the
 * ignored tool cache and generated corpora make that take half a minute in the working tree.
 */
function stageCheckout(): string {
  const stage = path.join(scratch, 'checkout');
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const rel of listed) {
    const from = path.join(repoRoot, rel);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(stage, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(stage, rel));
  }
  // The build's outputs: the bundles, and the rules schema copied for jsonValidation.
  fs.cpSync(path.join(repoRoot, 'dist'), path.join(stage, 'dist'), { recursive: true });
  fs.cpSync(path.join(repoRoot, 'schemas'), path.join(stage, 'schemas'), { recursive: true });
  return stage;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(`ui-${name}.png`) });
}

/** The editor's visible text, with the non-breaking spaces VS Code renders turned back into spaces. */
async function editorText(): Promise<string> {
  return (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

void describe('UI smoke test: the packaged extension in code-server', { timeout: 5 * 60_000 }, () => {
  before(async () => {
    const t0 = Date.now();
    const mark = (what: string): void => console.log(`[ui] ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // --no-dependencies: esbuild bundles everything into dist/. No repository or LICENSE yet.
    fs.mkdirSync(resultsDir, { recursive: true }); // a fresh clone has no test-results/ yet
    execFileSync(node24(), [vsceBin(), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { cwd: stageCheckout(), env, stdio: 'inherit' });
    mark('packaged');
    execFileSync(node24(), [codeServerEntry(), ...profile, '--install-extension', vsix], { env, stdio: 'inherit' });
    mark('installed');
    workspace = copyFixtureWorkspace();
    // A quiet workbench for the screenshots: no welcome page, no chat side bar.
    fs.mkdirSync(path.join(scratch, 'user-data/User'), { recursive: true });
    fs.writeFileSync(
      path.join(scratch, 'user-data/User/settings.json'),
      JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden' }),
    );
    server = await startGroup(
      node24(),
      [codeServerEntry(), '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--reconnection-grace-time', '0', ...profile, workspace],
      { env, ready: /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/, timeoutMs: 60_000 },
    );
    mark('code-server listening');
    browser = await launchBrowser(path.join(scratch, 'chromium'));
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(server.match[1]);
    mark('page loaded');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    mark('workbench shown');
  });

  after(async () => {
    if (page) await shot('last').catch(() => undefined);
    await browser?.close().catch(() => undefined);
    server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
    if (workspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  void it('underlines the legacy alias in an opened Go file', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('conversation.go');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'conversation.go' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    await shot('1-squiggles');
    assert.ok((await page.locator('.editor-instance .monaco-editor .squiggly-warning').count()) >= 3);
  });

  void it('lists several files, opened or not, in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor();
    // The list is virtualised: count the files it shows, and require unopened ones among them.
    const unopened = ['schema.sql', 'webchat-guide.md', 'planning.md', 'middleware.go', 'turn_store.go', 'turn_store_sqlite.go', 'router.go', 'send_queue.go'];
    // A string: it runs in the page, and this project's TypeScript has no DOM types.
    await page.waitForFunction(`${JSON.stringify(unopened)}.filter((n) => (document.querySelector('.markers-panel')?.textContent ?? '').includes(n)).length >= 3`, undefined, { timeout: 60_000 });
    await shot('2-problems');
  });

  void it('applies the quick fix from the light-bulb menu', async () => {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('8:3');
    await page.keyboard.press('Enter');
    const menu = page.locator('.action-widget').first();
    // The key press is sometimes swallowed while the editor takes focus: press again until the menu shows.
    for (let attempt = 0; !(await menu.isVisible()); attempt++) {
      assert.ok(attempt < 10, 'the quick-fix menu opens');
      await page.keyboard.press('Control+Period');
      await menu.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await shot('3-quick-fix-menu');
    assert.match(await menu.innerText(), /SessionID/);
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'SessionID' }).first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(`document.querySelectorAll('.editor-instance .monaco-editor .squiggly-warning').length === 2`, undefined, { timeout: 30_000 });
    const text = await editorText();
    assert.match(text, /SessionID\s+string `json:"run_id"`/);
    await shot('4-fixed');
  });

  void it('fixes the whole workspace through the refactor preview', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('termshift: Fix All in Workspace');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Fix All in Workspace' }).first().waitFor();
    await page.keyboard.press('Enter');
    const preview = page.locator('.bulk-edit-panel');
    const fileRows = preview.locator('.monaco-list-row[aria-level="1"]');
    await fileRows.first().waitFor({ timeout: 30_000 });
    await shot('5-preview');
    // Edits that carry needsConfirmation arrive unchecked: tick every file, as a user must.
    const files = Number(await fileRows.first().getAttribute('aria-setsize'));
    assert.ok(files >= 5, `the preview lists the workspace's files (${files})`);
    // The list is virtualised: tick the unchecked file rows in view and scroll on, top to bottom,
    // until a whole pass finds nothing left to tick (a click can land while the tree re-renders).
    const unchecked = preview.locator('.monaco-list-row[aria-level="1"] .edit-checkbox[aria-checked="false"]');
    const lastFile = preview.locator(`.monaco-list-row[aria-level="1"][aria-posinset="${files}"]`);
    const list = preview.locator('.monaco-list').first();
    for (let pass = 0, ticked = -1; ticked !== 0; pass++) {
      assert.ok(pass < 5, 'every file in the preview gets ticked');
      ticked = 0;
      await list.hover();
      await page.mouse.wheel(0, -10_000);
      for (let step = 0; ; step++) {
        assert.ok(step < 100, 'the preview scrolls to its last file');
        if ((await unchecked.count()) > 0) {
          await unchecked.first().click();
          ticked++;
        } else if (await lastFile.isVisible()) {
          break;
        } else {
          await list.hover();
          await page.mouse.wheel(0, 100);
        }
      }
    }
    await shot('6-preview-checked');
    await preview.getByRole('button', { name: 'Apply' }).click();
    await preview.waitFor({ state: 'hidden', timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: 'No problems have been detected in the workspace' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('router.go');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'router.go' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'log.Info().Str("session_id", sessionID)' }).first().waitFor({ timeout: 30_000 });
    await shot('7-workspace-fixed');
  });
});
