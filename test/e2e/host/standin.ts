// A stand-in for the VS Code executable, for @vscode/test-electron's runTests() on machines that
// cannot download desktop VS Code (see /work/shared/design/real-editor-testing.md). It takes the
// arguments runTests() gives VS Code, runs the extension tests in the VS Code server bundled with
// code-server, shown in headless Chromium, and exits with the suite's exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, screenshotPath } from './browser';
import { startGroup } from './processGroup';
import { freshTempDir, node24, vscodeServerMain } from './tools';

interface Launch {
  folder?: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  userDataDir: string;
  extensionsDir: string;
  disableExtensions: boolean;
}

function parseArgs(argv: string[]): Launch {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) flags.set(m[1], m[2] ?? 'true');
    else positional.push(arg);
  }
  const need = (name: string): string => {
    const value = flags.get(name);
    if (!value) throw new Error(`the stand-in VS Code needs --${name}=…`);
    return path.resolve(value);
  };
  let scratch: string | undefined;
  const inScratch = (name: string): string => path.join((scratch ??= freshTempDir('vscode')), name);
  return {
    folder: positional[0] && path.resolve(positional[0]),
    extensionDevelopmentPath: need('extensionDevelopmentPath'),
    extensionTestsPath: need('extensionTestsPath'),
    userDataDir: path.resolve(flags.get('user-data-dir') ?? inScratch('user-data')),
    extensionsDir: path.resolve(flags.get('extensions-dir') ?? inScratch('extensions')),
    disableExtensions: flags.has('disable-extensions'),
  };
}

const timeoutMs = Number(process.env.TERMSHIFT_E2E_TIMEOUT_MS ?? 8 * 60_000);

async function main(): Promise<number> {
  const launch = parseArgs(process.argv.slice(2));
  fs.mkdirSync(launch.userDataDir, { recursive: true });
  fs.mkdirSync(launch.extensionsDir, { recursive: true });

  // The extension host's console goes to the workbench, not to us: the suite copies its output to
  // this file (see suite/index.ts), and we follow it.
  const suiteLog = path.join(freshTempDir('suite-log'), 'suite.log');
  fs.writeFileSync(suiteLog, '');
  const stopFollowing = follow(suiteLog, (text) => process.stdout.write(text));
  const server = await startGroup(
    node24(),
    [
      vscodeServerMain(),
      '--host', '127.0.0.1', '--port', '0',
      '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
      '--disable-telemetry', '--disable-workspace-trust', '--reconnection-grace-time', '0',
      '--user-data-dir', launch.userDataDir, '--server-data-dir', path.join(launch.userDataDir, 'server'),
      '--extensions-dir', launch.extensionsDir,
    ],
    { ready: /Extension host agent listening on (\d+)/, timeoutMs: 60_000, env: { ...process.env, TERMSHIFT_E2E_LOG: suiteLog } },
  );
  const port = Number(server.match[1]);
  const authority = `127.0.0.1:${port}`;
  const remote = (p: string): string => `vscode-remote://${authority}${p}`;
  if (process.env.TERMSHIFT_E2E_VERBOSE) {
    server.child.stdout!.on('data', (d: Buffer) => process.stderr.write(d));
    server.child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
  }

  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remote(launch.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(launch.extensionTestsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (launch.disableExtensions) payload.push(['disableExtensions', 'true']);
  const query = new URLSearchParams({ payload: JSON.stringify(payload) });
  if (launch.folder) query.set('folder', launch.folder);

  const browser = await launchBrowser(path.join(launch.userDataDir, 'chromium'));
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (process.env.TERMSHIFT_E2E_VERBOSE) console.error(`[workbench ${type}]`, ...(Array.isArray(args) ? args : [args]));
    });
    if (process.env.TERMSHIFT_E2E_VERBOSE) page.on('console', (msg) => console.error(`[workbench console ${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => console.error(`[workbench page error] ${err.message}`));
    await page.goto(`http://${authority}/?${query.toString()}`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`stand-in VS Code: the extension tests did not finish within ${timeoutMs} ms`);
        resolve(1);
      }, timeoutMs);
    });
    const code = await Promise.race([exitCode, timedOut]);
    clearTimeout(timer);
    if (code !== 0) {
      await page.screenshot({ path: screenshotPath('vscode-suite-exit.png') }).catch(() => undefined);
    }
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
    stopFollowing();
    fs.rmSync(path.dirname(suiteLog), { recursive: true, force: true });
  }
}

/** Calls onText with what is appended to file, until the returned function is called. */
function follow(file: string, onText: (text: string) => void): () => void {
  let offset = 0;
  const readNew = (): void => {
    const size = fs.statSync(file).size;
    if (size <= offset) return;
    const fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    fs.closeSync(fd);
    offset = size;
    onText(buffer.toString());
  };
  fs.watchFile(file, { interval: 200 }, readNew);
  return () => {
    fs.unwatchFile(file);
    readNew();
  };
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    process.exit(1);
  },
);
