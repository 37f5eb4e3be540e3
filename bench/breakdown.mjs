// Where termshift's time goes on the bench corpus, phase by phase, in one thread (CPU ms, so a
// busy machine skews it less than wall time). Uses the tsc output: run `npx tsc -b` first.
//
//   node bench/breakdown.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { existingCorpus, generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const corpus = path.join(here, 'corpus');
const require = createRequire(import.meta.url);
const out = (p) => path.join(repo, 'out', 'server', 'src', p);
const { Engine, builtinRuleset, languageOfPath } = require(out('engine/index.js'));
const { loadGrammars, newParser } = require(out('engine/parsers.js'));
const { walk } = require(out('cli/walk.js'));
const { readText } = require(out('cli/checkFiles.js'));
const { jsonReport } = require(out('cli/check.js'));
let chunks = null;
try {
  chunks = require(out('engine/goChunks.js'));
} catch {
  // optional
}

if (!existingCorpus(corpus)) generate({ out: corpus });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rows = [];
const row = (phase, ms, note = '') => rows.push([phase, ms, note]);

let t = Date.now();
spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), '--help'], { stdio: 'ignore' });
row('node start + load dist/cli.js (wall)', Date.now() - t, 'a `--help` run');

let c = cpu();
const ruleset = builtinRuleset();
const engine = await Engine.create(ruleset);
row('Engine.create (rules + tree-sitter wasm)', cpu() - c);

c = cpu();
const walked = walk([corpus], { root: corpus, maxFileSize: 2 << 20, exclude: ruleset.exclude });
row('walk', cpu() - c, `${walked.files.length} files`);

c = cpu();
const texts = walked.files.map((abs) => ({ abs, rel: path.relative(corpus, abs), text: readText(abs).text ?? '' }));
const bytes = texts.reduce((n, x) => n + x.text.length, 0);
row('read + decode', cpu() - c, `${(bytes / 1e6).toFixed(1)} MB`);

c = cpu();
const passing = texts.filter((x) => ruleset.mayMatch(x.text));
row('prefilter (ruleset.mayMatch)', cpu() - c, `${passing.length} of ${texts.length} files pass`);

const byLang = new Map();
const findings = [];
for (const x of passing) {
  const lang = languageOfPath(x.rel);
  const a = cpu();
  const f = engine.check(x.text, { path: x.rel });
  const e = byLang.get(lang) ?? { ms: 0, files: 0, bytes: 0 };
  e.ms += cpu() - a;
  e.files++;
  e.bytes += x.text.length;
  byLang.set(lang, e);
  if (f.length) findings.push({ abs: x.abs, display: x.rel, findings: f });
}
for (const [lang, e] of [...byLang].sort((a, b) => b[1].ms - a[1].ms)) row(`engine.check ${lang}`, e.ms, `${e.files} files, ${(e.bytes / 1e6).toFixed(1)} MB`);

const grammars = await loadGrammars();
for (const [lang, g] of [['go', grammars.go], ['typescript', grammars.typescript], ['typescriptreact', grammars.tsx]]) {
  const p = newParser(g);
  const these = passing.filter((x) => languageOfPath(x.rel) === lang);
  c = cpu();
  for (const x of these) p.parse(x.text)?.delete();
  const whole = cpu() - c;
  row(`  of which one tree-sitter parse, ${lang}`, whole, `${(these.reduce((n, x) => n + x.text.length, 0) / 1e6).toFixed(1)} MB`);
  if (lang === 'go' && chunks) {
    c = cpu();
    let parsed = 0;
    for (const x of these) {
      const cs = chunks.candidateDeclarations(x.text, (s) => ruleset.mayMatch(s));
      parsed += cs.reduce((n, k) => n + k.end - k.start, 0);
      if (cs.length) p.parse(x.text, null, { includedRanges: cs.map((k) => ({ startIndex: k.start, endIndex: k.end, startPosition: { row: 0, column: 0 }, endPosition: { row: 0, column: 0 } })) })?.delete();
    }
    row('  go: cut + parse only candidate declarations', cpu() - c, `${(parsed / 1e6).toFixed(1)} MB parsed (goChunks)`);
  }
}

c = cpu();
const json = JSON.stringify(jsonReport({ results: findings, skipped: [], filesChecked: texts.length }, (f) => f.severity !== 'hint'), null, 2);
row('JSON report', cpu() - c, `${(json.length / 1e6).toFixed(1)} MB`);

const width = Math.max(...rows.map((r) => r[0].length));
for (const [phase, ms, note] of rows) console.log(`${phase.padEnd(width)}  ${ms.toFixed(0).padStart(7)} ms  ${note}`);
