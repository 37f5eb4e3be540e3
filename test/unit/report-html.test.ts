/**
 * The HTML report is one self-contained page: rendered by headless Chromium from a file URL
 * with the network unused, its charts must show (the bar colours are on the screenshot).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { cli, read } from '../support/cli';
import { reportTree } from '../support/reportTree';
import { readPng } from '../support/png';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FIXABLE = 0x2f7ed8;
const MANUAL = 0xe4572e;

test('report --format html is self-contained: no script, no external resource, a CSP that forbids fetching', async () => {
  const root = reportTree();
  const r = await cli(root, 'report', '--format', 'html', '--output', 'out/report.html', '--title', 'Webchat <migration> & co');
  assert.equal(r.code, 0, r.err);
  const html = read(root, 'out/report.html');
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  assert.doesNotMatch(html, /<script|<link|<img|\bsrc=|url\(/i);
  assert.match(html, /<title>Webchat &lt;migration&gt; &amp; co<\/title>/);
  // Two bar charts of what remains (per batch, per folder) and one of all categories.
  assert.equal((html.match(/<svg /g) ?? []).length, 3);
  assert.match(html, /aria-label="What remains per folder"/);
  assert.match(html, /aria-label="What remains per plan batch"/);
  assert.match(html, /<title>webchat: \d+ fixable<\/title>/);
});

test('the HTML report renders in headless Chromium with its charts', async () => {
  const root = reportTree();
  assert.equal((await cli(root, 'report', '--format', 'html', '--output', 'report.html')).code, 0);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-shot-'));
  const png = path.join(work, 'report.png');
  const run = spawnSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(work, 'profile')}`, '--hide-scrollbars', '--window-size=1000,1400', `--screenshot=${png}`, pathToFileURL(path.join(root, 'report.html')).href],
    { timeout: 60_000, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, `chromium failed: ${run.error?.message ?? ''}\n${run.stderr}`);
  assert.ok(fs.existsSync(png), 'screenshot written');
  const buf = fs.readFileSync(png);
  assert.ok(buf.length > 20_000, `a real page, not a blank one (${buf.length} bytes)`);
  const img = readPng(buf);
  assert.deepEqual([img.width, img.height], [1000, 1400]);
  const colours = new Map<number, number>();
  for (let y = 0; y < img.height; y += 2) for (let x = 0; x < img.width; x += 2) colours.set(img.at(x, y), (colours.get(img.at(x, y)) ?? 0) + 1);
  assert.ok((colours.get(FIXABLE) ?? 0) > 200, 'blue "fixable" bars are drawn');
  assert.ok((colours.get(MANUAL) ?? 0) > 100, 'red "manual change" bars are drawn');
  assert.ok(colours.size > 50, 'text and charts, not a flat page');
  if (process.env.TERMSHIFT_KEEP_SCREENSHOT) fs.copyFileSync(png, process.env.TERMSHIFT_KEEP_SCREENSHOT);
});
