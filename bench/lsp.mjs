// npm run bench:lsp — the language server's latencies, each next to what it is compared with:
//  1. didChange → publishDiagnostics on a 10,000-line Go file (p50/p95/p99), termshift's server
//     and a do-nothing server (bench/lsp-floor-server.mjs) measured in the same run, alternately;
//  2. server start → first diagnostics for an opened file;
//  3. responsiveness during the workspace scan of the bench corpus (~3,900 files, 1.1M lines):
//     didChange → diagnostics and hover latency on an open file while the scan runs.
// Robust rather than tuned: warm-up rounds, paired alternation, medians; nothing is asserted.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Rpc } from './lsp-rpc.mjs';
import { existingCorpus, generate } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, '..', 'dist', 'server.js');
const FLOOR = path.join(HERE, 'lsp-floor-server.mjs');
const CORPUS = path.join(HERE, 'corpus');
const quick = process.argv.includes('--quick');
const EDITS = quick ? 60 : 300;

/** A deterministic 10,000-line Go file of the kind the plan describes (about 1 legacy term per 100 lines). */
function bigGoFile(lines) {
  const out = ['package webchat', '', 'import (', '\t"context"', '\t"fmt"', ')', ''];
  let i = 0;
  while (out.length < lines) {
    i++;
    const legacy = i % 4 === 0;
    out.push(
      `// Handler${i} serves one part of the conversation API.`,
      `type Handler${i} struct {`,
      `\tID        string \`json:"id"\``,
      legacy ? `\tRunID     string \`json:"run_id" db:"run_id"\`` : `\tSessionID string \`json:"session_id"\``,
      `\tCount     int`,
      `}`,
      ``,
      `func (h *Handler${i}) Handle(ctx context.Context, in string) (string, error) {`,
      `\tif in == "" {`,
      `\t\treturn "", fmt.Errorf("handler ${i}: empty input")`,
      `\t}`,
      legacy ? `\tlog.Info().Str("run_id", h.RunID).Msg("handled")` : `\tlog.Info().Str("session_id", h.SessionID).Msg("handled")`,
      `\th.Count++`,
      `\treturn fmt.Sprintf("%s-%d", in, h.Count), nil`,
      `}`,
      ``,
      `func (h *Handler${i}) RunLoop(ctx context.Context) error {`,
      `\tfor {`,
      `\t\tselect {`,
      `\t\tcase <-ctx.Done():`,
      `\t\t\treturn ctx.Err()`,
      `\t\tdefault:`,
      `\t\t}`,
      `\t}`,
      `}`,
      ``,
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x) => x.toFixed(2).padStart(7);
const summary = (xs) => `p50 ${fmt(pct(xs, 50))}  p95 ${fmt(pct(xs, 95))}  p99 ${fmt(pct(xs, 99))}  max ${fmt(Math.max(...xs))} ms`;

async function openBig(script, text, { pull = false, args = [] } = {}) {
  const rpc = new Rpc(script, args);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-bench-lsp-'));
  await rpc.initialize(pathToFileURL(dir).href, { pull });
  const uri = pathToFileURL(path.join(dir, 'big.go')).href;
  const s = { rpc, uri, version: 1, pull, resultId: undefined };
  const first = pull ? undefined : rpc.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version: 1, text } });
  s.diagnostics = pull ? (await pullDiagnostics(s)).items : (await first).params.diagnostics;
  return s;
}

/** What VS Code does after a change: ask for the document's diagnostics, naming the result it has. */
async function pullDiagnostics(s) {
  const report = await s.rpc.request('textDocument/diagnostic', { textDocument: { uri: s.uri }, previousResultId: s.resultId });
  s.resultId = report.resultId;
  return report;
}

/**
 * One edit in the middle of the file, then wait for its diagnostics (published for that version,
 * or pulled). `keystroke`: type a letter into a comment, or delete it again (no finding moves).
 * `enter`: press Enter at the end of a statement, or delete the new line again (every finding
 * below it moves a line).
 */
async function edit(s, i, line, kind = 'keystroke') {
  s.version++;
  const at = (c) => ({ line, character: c });
  const eol = { line, character: s.lineLength?.(line) ?? 0 };
  const change =
    kind === 'keystroke'
      ? i % 2 === 0 ? { range: { start: at(3), end: at(3) }, text: 'x' } : { range: { start: at(3), end: at(4) }, text: '' }
      : i % 2 === 0 ? { range: { start: eol, end: eol }, text: '\n' } : { range: { start: eol, end: { line: line + 1, character: 0 } }, text: '' };
  const done = s.pull || s.ack === 'hover' ? undefined : s.rpc.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === s.uri && m.params.version === s.version);
  const t0 = performance.now();
  s.rpc.notify('textDocument/didChange', { textDocument: { uri: s.uri, version: s.version }, contentChanges: [change] });
  if (s.pull) await pullDiagnostics(s);
  // A change that moves no finding publishes nothing (the client's diagnostics are still right):
  // a hover sent right behind it is answered once the server has checked it.
  else if (s.ack === 'hover') await s.rpc.request('textDocument/hover', { textDocument: { uri: s.uri }, position: { line, character: 0 } });
  else await done;
  return performance.now() - t0;
}
const keystroke = (s, i, line) => edit(s, i, line, 'keystroke');

/** Measures each server on the same edits, alternating which goes first; returns their times. */
async function paired(servers, line, kind) {
  const times = servers.map(() => []);
  for (let i = 0; i < 20; i++) for (const s of servers) await edit(s, i, line, kind);
  for (let i = 0; i < EDITS; i++) {
    // Rotate the order, so that no server always meets a warmer machine.
    for (let k = 0; k < servers.length; k++) {
      const j = (i + k) % servers.length;
      times[j].push(await edit(servers[j], i, line, kind));
    }
  }
  return times;
}

async function changeLatency() {
  const text = bigGoFile(10_000);
  const lines = text.split('\n');
  const line = lines.findIndex((l, n) => n > 5000 && l.startsWith('// Handler'));
  const statement = lines.findIndex((l, k) => k > line && l === '\th.Count++');
  const atStatement = (ss) => {
    for (const s of ss) s.lineLength = () => lines[statement].length;
  };

  const ours = await openBig(SERVER, text);
  const n = ours.diagnostics.length;
  const replayFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-bench-replay-')), 'diagnostics.json');
  fs.writeFileSync(replayFile, JSON.stringify(ours.diagnostics));
  const floor = await openBig(FLOOR, text);
  const replay = await openBig(FLOOR, text, { args: ['--replay', replayFile] });
  let sent = 0;
  const count = (m) => void (m.method === 'textDocument/publishDiagnostics' && sent++);
  for (const s of [ours, floor]) s.ack = 'hover';
  ours.rpc.listeners.add(count);
  const [a, b] = await paired([ours, floor], line, 'keystroke');
  ours.rpc.listeners.delete(count);
  for (const s of [ours, floor]) delete s.ack;
  atStatement([ours, floor, replay]);
  const [h, i, j] = await paired([ours, floor, replay], statement, 'enter');
  const payloadKiB = Math.round(Buffer.byteLength(JSON.stringify(ours.diagnostics)) / 1024);
  for (const s of [ours, floor, replay]) await s.rpc.stop();

  const oursPull = await openBig(SERVER, text, { pull: true });
  const floorPull = await openBig(FLOOR, text, { pull: true });
  const [d, e] = await paired([oursPull, floorPull], line, 'keystroke');
  atStatement([oursPull, floorPull]);
  const [f, g] = await paired([oursPull, floorPull], statement, 'enter');
  for (const s of [oursPull, floorPull]) await s.rpc.stop();

  const over = (x, y) => `${(pct(x, 50) - pct(y, 50)).toFixed(2)} ms`;
  console.log(`didChange → diagnostics, 10,000-line Go file (${n} findings, ${payloadKiB} KiB of diagnostics), ${EDITS} edits each`);
  console.log(` pushed (textDocument/publishDiagnostics):`);
  console.log(`  termshift, keystroke in a comment        ${summary(a)}  (publishes: ${sent}; measured to a hover sent behind it)`);
  console.log(`  do-nothing server, keystroke             ${summary(b)}`);
  console.log(`  termshift, Enter / join in a function    ${summary(h)}  (findings below move: all ${n} sent)`);
  console.log(`  do-nothing server, no diagnostics        ${summary(i)}`);
  console.log(`  do-nothing server, the same ${n} again   ${summary(j)}`);
  console.log(`  p50 over floor: keystroke ${over(a, b)} (target ≤ 2 ms); Enter ${over(h, i)}, of which sending the ${n} diagnostics ${over(j, i)}; p99 ${pct(a, 99).toFixed(1)} / ${pct(h, 99).toFixed(1)} ms (target ≤ 25 ms)`);
  console.log(` pulled (textDocument/diagnostic after each change, as VS Code asks):`);
  console.log(`  termshift, keystroke in a comment        ${summary(d)}  (answer: unchanged)`);
  console.log(`  do-nothing server, keystroke             ${summary(e)}`);
  console.log(`  termshift, Enter / join in a function    ${summary(f)}  (findings below move: full report)`);
  console.log(`  do-nothing server, Enter / join         ${summary(g)}`);
  console.log(`  p50 over floor: keystroke ${over(d, e)} (target ≤ 2 ms), Enter ${over(f, g)}; p99 ${pct(d, 99).toFixed(1)} / ${pct(f, 99).toFixed(1)} ms`);
}

async function startup() {
  const text = bigGoFile(10_000);
  const xs = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t0 = performance.now();
    const s = await openBig(SERVER, text);
    xs.push(performance.now() - t0);
    await s.rpc.stop();
  }
  console.log(`server start → first diagnostics (10,000-line Go file): median ${pct(xs, 50).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (target ≤ 400 ms)`);
}

function peakRssMiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

async function scanResponsiveness() {
  const stamp = existingCorpus(CORPUS) ?? generate({ out: CORPUS });
  const rpc = new Rpc(SERVER);
  rpc.settings = { workspaceScan: true };
  rpc.handlers.set('window/workDoneProgress/create', () => null);
  const begin = rpc.next((m) => m.method === '$/progress' && m.params.value.kind === 'begin');
  const end = rpc.next((m) => m.method === '$/progress' && m.params.value.kind === 'end', 600_000);
  const withFindings = new Set();
  rpc.listeners.add((m) => {
    if (m.method === 'textDocument/publishDiagnostics' && m.params.uri !== uri && m.params.diagnostics.length) withFindings.add(m.params.uri);
  });
  const uri = pathToFileURL(path.join(CORPUS, 'scratch_open.go')).href;
  await rpc.initialize(pathToFileURL(CORPUS).href, { progress: true });
  // The keystroke moves no finding: nothing is published for it, so a hover behind it times it.
  const s = { rpc, uri, version: 1, ack: 'hover' };
  rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version: 1, text: 'package webchat\n\n// a\nvar runID = 1\n' } });
  await begin;
  const t0 = performance.now();
  let scanning = true;
  void end.then(() => (scanning = false));
  const change = [];
  const hover = [];
  let i = 0;
  while (scanning) {
    change.push(await keystroke(s, i++, 2));
    const h0 = performance.now();
    await rpc.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
    hover.push(performance.now() - h0);
  }
  const scanMs = performance.now() - t0;
  const rss = peakRssMiB(rpc.proc.pid);
  await rpc.stop();
  console.log(`workspace scan of ${stamp.files} files / ${stamp.lines} lines: ${(scanMs / 1000).toFixed(1)} s, ${withFindings.size} files with diagnostics, server peak RSS ${rss} MiB`);
  console.log(`  during the scan, didChange → checked     ${summary(change)} (${change.length} edits)`);
  console.log(`  during the scan, hover                    ${summary(hover)}`);
}

if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: npm run build');
console.log(`termshift bench:lsp — node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}${quick ? ' (quick)' : ''}\n`);
// --only=change|startup|scan measures one part (to iterate on it); --no-scan skips the scan.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const parts = [
  ['change', changeLatency],
  ['startup', startup],
  ['scan', scanResponsiveness],
].filter(([name]) => (only ? name === only : name !== 'scan' || !process.argv.includes('--no-scan')));
for (const [i, [, part]] of parts.entries()) {
  if (i > 0) console.log('');
  await part();
}
