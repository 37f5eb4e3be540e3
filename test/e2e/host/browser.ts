// Debian's Chromium driven by playwright-core, with the flags that keep it quiet and offline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium as playwright, type BrowserContext } from 'playwright-core';
import { chromium, resultsDir } from './tools';

export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  fs.mkdirSync(profileDir, { recursive: true });
  // Playwright refuses --user-data-dir in args: the profile folder is its first argument.
  return playwright.launchPersistentContext(profileDir, {
    executablePath: chromium(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  return path.join(resultsDir, name);
}
