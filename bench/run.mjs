// `npm run bench`: termshift check against ripgrep over the same generated corpus.
// Paired, alternating warm runs; prints the medians, the ratio and termshift's peak RSS.
//
//   node bench/run.mjs [--pairs N] [--check]     (--check: exit 1 when a target is missed)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existingCorpus, generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const corpus = path.join(here, 'corpus');
const cli = path.join(repo, 'dist', 'cli.js');
const probe = path.join(here, 'rss-probe.cjs');
const TARGET_RATIO = 10;
const TARGET_RSS_MIB = 150;
// What rg is asked: the legacy spellings and the plan's renamed names, as termshift's prefilter sees them.
const RG_PATTERN = 'run[-_ ]?id|startRunForPrompt|turns_by_run|DistinctRuns';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const pairs = Math.max(5, Number(arg('--pairs', 7)));

function fail(msg) {
  console.error(`bench: ${msg}`);
  process.exit(2);
}

const rgVersion = spawnSync('rg', ['--version'], { encoding: 'utf8' });
if (rgVersion.error || rgVersion.status !== 0) fail('ripgrep (rg) is not installed; install it with `apt-get install -y ripgrep` and run again.');
if (!fs.existsSync(cli)) fail(`${path.relative(repo, cli)} is missing; run \`npm run build\` first (npm run bench does).`);

let stamp = existingCorpus(corpus);
if (!stamp) {
  console.log('bench: generating the corpus …');
  stamp = generate({ out: corpus });
}
console.log(`corpus: ${stamp.files} files, ${stamp.lines.toLocaleString('en')} lines, ${stamp.candidates.toLocaleString('en')} rg-pattern hits (${((100 * stamp.candidates) / stamp.lines).toFixed(2)} per 100 lines)`);

// Both tools run from inside the corpus on `.`: the corpus folder is gitignored in this repo, and
// both honour .gitignore. rg --hidden because termshift also reads dotfiles.
// termshift runs twice per pair: as a user runs it (its result cache reuses the findings of files
// unchanged since the last run, like rg's warm page cache) and with --no-cache (every candidate
// file parsed and analysed again). The cache lives in a folder of the bench's own.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-bench-cache-'));
const commands = {
  rg: ['rg', ['--hidden', '-i', '--count-matches', RG_PATTERN, '.']],
  termshift: [process.execPath, [cli, 'check', '--format', 'json', '--cache-location', cacheDir, '.']],
  'termshift --no-cache': [process.execPath, [cli, 'check', '--format', 'json', '--no-cache', '.']],
};
const NAMES = Object.keys(commands);

const devnull = fs.openSync(os.devNullName ?? '/dev/null', 'w');
function timed(name, extraEnv = {}) {
  const [cmd, args] = commands[name];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: corpus, stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, ...extraEnv }, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // rg: 0 found, 1 none; termshift: 0 clean, 1 findings. Anything else is a failure.
  if (r.error || r.status > 1) fail(`${name} failed (status ${r.status}): ${r.error?.message ?? r.stderr?.toString().slice(0, 2000)}`);
  return ms;
}

// One untimed run each to show both tools see the same corpus and find something.
const rgOut = spawnSync(commands.rg[0], commands.rg[1], { cwd: corpus, encoding: 'utf8', maxBuffer: 64 << 20 });
const rgHits = rgOut.stdout.split('\n').filter(Boolean).reduce((n, l) => n + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
const tsOut = spawnSync(commands.termshift[0], commands.termshift[1], { cwd: corpus, encoding: 'utf8', maxBuffer: 256 << 20 });
if (tsOut.status > 1) fail(`termshift failed (status ${tsOut.status}): ${tsOut.stderr.slice(0, 2000)}`);
const summary = JSON.parse(tsOut.stdout).summary;
console.log(`rg: ${rgHits} matches in ${rgOut.stdout.split('\n').filter(Boolean).length} files; termshift: ${summary.findings} findings (warning and above) in ${summary.files} files checked`);

// Warm-up (it also fills termshift's result cache; the corpus files are older than its 2 s
// window for files still being written), then rounds whose order alternates so no tool always runs
// on a cooler cache.
for (const name of NAMES) timed(name);
const times = Object.fromEntries(NAMES.map((n) => [n, []]));
for (let i = 0; i < pairs; i++) {
  const order = i % 2 === 0 ? NAMES : [...NAMES].reverse();
  for (const name of order) times[name].push(timed(name));
}

// Peak RSS on separate runs, so the probe never touches the timed ones.
const rssFile = path.join(os.tmpdir(), `termshift-bench-rss-${process.pid}`);
function peakRss(name) {
  let peakKiB = 0;
  const [, args] = commands[name];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['--require', probe, ...args], { cwd: corpus, stdio: ['ignore', devnull, 'ignore'], env: { ...process.env, TERMSHIFT_BENCH_RSS_OUT: rssFile } });
    if (r.status > 1) fail(`${name} failed under the RSS probe (status ${r.status})`);
    peakKiB = Math.max(peakKiB, Number(fs.readFileSync(rssFile, 'utf8')));
  }
  fs.rmSync(rssFile, { force: true });
  return peakKiB / 1024;
}
const rss = Object.fromEntries(NAMES.filter((n) => n !== 'rg').map((n) => [n, peakRss(n)]));
fs.rmSync(cacheDir, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
const mRg = median(times.rg);
console.log(`machine: ${os.availableParallelism()} cores, node ${process.version}, ${rgVersion.stdout.split('\n')[0]}`);
for (const name of NAMES) console.log(`${name.padEnd(20)} median ${median(times[name]).toFixed(0).padStart(6)} ms   runs: ${fmt(times[name])}`);
let missed = false;
for (const name of NAMES.filter((n) => n !== 'rg')) {
  const ratio = median(times[name]) / mRg;
  console.log(`${name}: ${ratio.toFixed(1)}x rg (target <= ${TARGET_RATIO}x), per pair ${times.rg.map((r, i) => (times[name][i] / r).toFixed(1)).join(' ')}; peak RSS ${rss[name].toFixed(0)} MiB (target <= ${TARGET_RSS_MIB} MiB)`);
  if (name === 'termshift') missed = ratio > TARGET_RATIO || rss[name] > TARGET_RSS_MIB;
}
if (missed) console.log('bench: a target is missed (as a user runs it: warm, with the result cache)');
process.exitCode = missed && process.argv.includes('--check') ? 1 : 0;
