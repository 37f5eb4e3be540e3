// Generates the benchmark corpus: a seeded, deterministic tree of Go, SQL, Markdown, proto and
// TypeScript written the way a chat backend mid-way through the run→session migration looks.
// Most code holds no term at all; some packages still carry RunID/run_id (fields, tags, log keys,
// SQL in strings, query params), beside the terms that stay (planning run, RunLoop, t.Run, go run).
//
//   node bench/generate.mjs [--out DIR] [--lines N] [--seed S]
import * as fs from 'node:fs';
import * as path from 'node:path';

export const GENERATOR_VERSION = 1;
const STAMP = '.termshift-bench.json';

/** mulberry32: small, fast and the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(seed) {
    this.r = prng(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick(xs) {
    return xs[Math.floor(this.r() * xs.length)];
  }
  chance(p) {
    return this.r() < p;
  }
}

const NOUNS = ['turn', 'message', 'event', 'snapshot', 'queue', 'store', 'router', 'handler', 'widget', 'timeline', 'projector', 'cache', 'config', 'profile', 'prompt', 'tool', 'step', 'mode', 'entity', 'batch', 'cursor', 'record', 'token', 'stream', 'client', 'user', 'request', 'response', 'payload', 'schema', 'index', 'metric', 'span', 'trace', 'policy', 'limit', 'block', 'chunk', 'result', 'agent'];
const VERBS = ['load', 'save', 'build', 'parse', 'render', 'flush', 'apply', 'merge', 'resolve', 'compute', 'emit', 'collect', 'validate', 'encode', 'decode', 'fetch', 'publish', 'subscribe', 'register', 'lookup', 'sync', 'prune', 'drain', 'attach'];
const ADJ = ['pending', 'active', 'stale', 'latest', 'default', 'remote', 'local', 'cached', 'raw', 'final', 'next', 'prev', 'max', 'min', 'total', 'current'];
const PKGS = ['webchat', 'turns', 'agentmode', 'timeline', 'toolloop', 'inference', 'events', 'store', 'middleware', 'planning', 'sem', 'debugui', 'profiles', 'redisstream', 'tokens', 'metrics', 'httpapi', 'queue', 'persist', 'config', 'auth', 'render', 'ws', 'cmds'];
const WORDS = 'the a an of to in for with on by from that this it is are be was were as at or and not but can will should must may each every when then also only which where their its into after before over under between through during without within about against among'.split(' ');
const PROSE = 'conversation message history request handler stream backend frontend server client event payload field value store query index migration table column endpoint response timeline widget planner profile inference engine tool loop step agent mode entity projection snapshot cursor limit page token cache config option default error retry timeout context deadline cancel connection socket route middleware'.split(' ');

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const camel = (...ws) => ws[0] + ws.slice(1).map(cap).join('');
const pascal = (...ws) => ws.map(cap).join('');
const snake = (...ws) => ws.join('_');

function sentence(g, min = 6, max = 16) {
  const n = g.int(min, max);
  const ws = [];
  for (let i = 0; i < n; i++) ws.push(g.chance(0.45) ? g.pick(WORDS) : g.pick(PROSE));
  return cap(ws.join(' ')) + '.';
}

// ---------- Go ----------

/** One top-level Go declaration, gofmt'ed; `hot` marks whether it may carry the legacy alias. */
function goDecl(g, pkg, hot, test) {
  const noun = g.pick(NOUNS);
  const Type = pascal(g.pick(ADJ), noun);
  const r = g.r();
  if (test) return goTest(g, noun, hot);
  if (r < 0.22) return goStruct(g, Type, hot, pkg);
  if (r < 0.3) return goConsts(g, noun, hot);
  if (r < 0.37) return goMethodRunVerb(g, Type);
  if (r < 0.45 && hot) return goSQL(g, noun);
  return goFunc(g, noun, hot);
}

function goStruct(g, Type, hot, pkg) {
  const out = [];
  const planning = pkg === 'planning' ? g.chance(0.3) : g.chance(0.005);
  const name = planning ? pascal('event', 'planning', g.pick(['start', 'iteration', 'complete', 'step'])) : Type;
  out.push(`// ${name} ${sentence(g, 5, 12).toLowerCase()}`);
  out.push(`type ${name} struct {`);
  const n = g.int(3, 12);
  for (let i = 0; i < n; i++) {
    const w1 = g.pick(NOUNS);
    const w2 = g.pick(['id', 'name', 'count', 'at', 'ms', 'kind', 'state', 'key']);
    const ty = g.pick(['string', 'int64', 'bool', 'time.Time', '[]string', 'map[string]any', '*' + pascal(g.pick(NOUNS))]);
    out.push(`\t${pascal(w1, w2 === 'id' ? 'ID' : w2)} ${ty} \`json:"${snake(w1, w2)},omitempty"\``);
    if (i === 1 && (hot || planning)) {
      if (planning) out.push(`\tRunID string \`json:"run_id"\` // planning iteration run`);
      else if (g.chance(0.3)) {
        out.push(`\t// Deprecated: use SessionID. Kept for backwards compatibility until batch 4.`);
        out.push(`\tLegacyRunID string \`json:"run_id,omitempty"\``);
      } else out.push(`\tRunID string \`json:"run_id" db:"run_id"\``);
    } else if (i === 2 && g.chance(0.5)) out.push(`\tSessionID string \`json:"session_id"\``);
  }
  out.push('}');
  return out;
}

function goConsts(g, noun, hot) {
  const out = ['const ('];
  const n = g.int(3, 8);
  for (let i = 0; i < n; i++) {
    const a = g.pick(ADJ);
    out.push(`\t${camel('default', a, noun)} = ${g.chance(0.5) ? g.int(1, 5000) : `"${snake(a, noun)}"`}`);
  }
  if (hot && g.chance(0.5)) out.push(`\tkeyRunID = "run_id"`);
  out.push(')');
  return out;
}

function goMethodRunVerb(g, Type) {
  const recv = Type[0].toLowerCase();
  const verb = g.pick(['RunLoop', 'RunInference', 'Run', 'RunOnce']);
  return [
    `// ${verb} ${sentence(g, 5, 10).toLowerCase()}`,
    `func (${recv} *${Type}) ${verb}(ctx context.Context) error {`,
    `\tfor {`,
    `\t\tselect {`,
    `\t\tcase <-ctx.Done():`,
    `\t\t\treturn ctx.Err()`,
    `\t\tcase ev := <-${recv}.events:`,
    `\t\t\tif err := ${recv}.handle(ctx, ev); err != nil {`,
    `\t\t\t\treturn fmt.Errorf("${verb.toLowerCase()}: %w", err)`,
    `\t\t\t}`,
    `\t\t}`,
    `\t}`,
    `}`,
  ];
}

function goSQL(g, noun) {
  const table = g.pick(['turns', 'agent_mode_changes', 'messages', 'events']);
  const cols = ['id', g.chance(0.5) ? 'run_id' : 'session_id', 'created_at_ms', `${noun}_json`];
  return [
    `const ${camel('query', noun, g.pick(['by', 'for']), 'run')} = \``,
    `SELECT ${cols.join(', ')}`,
    `FROM ${table}`,
    `WHERE run_id = ? AND created_at_ms > ?`,
    `ORDER BY created_at_ms DESC`,
    `LIMIT ?\``,
  ];
}

function goStatement(g, depth, hot, noun) {
  const t = '\t'.repeat(depth);
  const a = camel(g.pick(ADJ), g.pick(NOUNS));
  const b = camel(g.pick(NOUNS));
  const r = g.r();
  if (hot && r < 0.06) return [`${t}log.Info().Str("run_id", conv.RunID).Str("${noun}", ${b}.ID).Msg("${g.pick(VERBS)} ${noun}")`];
  if (hot && r < 0.09) return [`${t}runID := req.URL.Query().Get("run_id")`];
  if (hot && r < 0.11) return [`${t}${b}.SessionID = conv.RunID`];
  if (hot && r < 0.12) return [`${t}go s.startRunForPrompt(ctx, conv, prompt)`];
  if (r < 0.3) return [`${t}${a}, err := ${g.pick(VERBS)}${cap(b)}(ctx, ${b})`, `${t}if err != nil {`, `${t}\treturn fmt.Errorf("${g.pick(VERBS)} ${noun}: %w", err)`, `${t}}`];
  if (r < 0.42 && depth < 3) {
    const body = [];
    for (let i = g.int(1, 3); i > 0; i--) body.push(...goStatement(g, depth + 1, hot, noun));
    return [`${t}for _, ${b} := range ${a}s {`, ...body, `${t}}`];
  }
  if (r < 0.55 && depth < 3) {
    const body = [];
    for (let i = g.int(1, 3); i > 0; i--) body.push(...goStatement(g, depth + 1, hot, noun));
    return [`${t}if ${a} != nil && len(${a}.${pascal(g.pick(NOUNS))}) > ${g.int(0, 9)} {`, ...body, `${t}}`];
  }
  if (r < 0.62) return [`${t}// ${sentence(g, 4, 12)}`];
  if (r < 0.72) return [`${t}${a} := make(map[string]${pascal(g.pick(NOUNS))}, ${g.int(1, 64)})`];
  if (r < 0.82) return [`${t}${b}.${pascal(g.pick(ADJ), g.pick(NOUNS))} = time.Now().UnixMilli()`];
  if (r < 0.9) return [`${t}s.mu.Lock()`, `${t}s.${camel(g.pick(NOUNS), 'count')}++`, `${t}s.mu.Unlock()`];
  return [`${t}${a} = append(${a}, ${pascal(g.pick(NOUNS))}{Name: "${g.pick(NOUNS)}", Limit: ${g.int(1, 500)}})`];
}

function goFunc(g, noun, hot) {
  const verb = g.pick(VERBS);
  const name = g.chance(0.5) ? camel(verb, noun) : pascal(verb, noun);
  const out = [`// ${name} ${sentence(g, 4, 14).toLowerCase()}`, `func ${name}(ctx context.Context, ${noun} *${pascal(noun)}) error {`];
  for (let i = g.int(3, 9); i > 0; i--) out.push(...goStatement(g, 1, hot, noun));
  out.push('\treturn nil', '}');
  return out;
}

function goTest(g, noun, hot) {
  const out = [`func Test${pascal(g.pick(VERBS), noun)}(t *testing.T) {`];
  for (let i = g.int(1, 4); i > 0; i--) {
    out.push(`\tt.Run("${g.pick(VERBS)} ${g.pick(ADJ)} ${noun}", func(t *testing.T) {`);
    if (hot && g.chance(0.4)) out.push(`\t\tconv := &Conversation{ID: "c1", RunID: "r1"}`);
    out.push(`\t\tgot, err := ${camel(g.pick(VERBS), noun)}(context.Background(), nil)`, `\t\trequire.NoError(t, err)`, `\t\trequire.Equal(t, ${g.int(0, 9)}, len(got))`, `\t})`);
  }
  out.push('}');
  return out;
}

function goFile(g, pkg, target, hot, test) {
  const lines = [`package ${pkg}`, '', 'import (', '\t"context"', '\t"fmt"', '\t"time"'];
  if (test) lines.push('', '\t"github.com/stretchr/testify/require"', '\t"testing"');
  else lines.push('', '\t"github.com/rs/zerolog/log"');
  lines.push(')', '');
  while (lines.length < target) lines.push(...goDecl(g, pkg, hot && g.chance(0.6), test), '');
  return lines;
}

// ---------- TypeScript ----------

function tsFile(g, target, hot, tsx) {
  const lines = [`import { ${camel(g.pick(VERBS), g.pick(NOUNS))} } from '../lib/${g.pick(NOUNS)}';`, `import type { ${pascal(g.pick(NOUNS))} } from '../types';`, ''];
  while (lines.length < target) {
    const noun = g.pick(NOUNS);
    const h = hot && g.chance(0.5);
    const r = g.r();
    if (r < 0.3) {
      lines.push(`export interface ${pascal(g.pick(ADJ), noun)} {`);
      for (let i = g.int(2, 8); i > 0; i--) lines.push(`  ${camel(g.pick(NOUNS), g.pick(['id', 'name', 'count']))}${g.chance(0.3) ? '?' : ''}: ${g.pick(['string', 'number', 'boolean', 'string[]'])};`);
      if (h) lines.push(g.chance(0.5) ? '  runId: string;' : '  run_id?: string; // sent by the backend until batch 3');
      lines.push('}', '');
    } else if (r < 0.45 && h) {
      lines.push(`export async function fetch${pascal(noun)}s(runId: string): Promise<${pascal(noun)}[]> {`, `  const res = await fetch(\`/debug/turns?run_id=\${encodeURIComponent(runId)}\`);`, `  const body = await res.json();`, `  return body.items.map((x: any) => ({ ...x, sessionId: x.session_id ?? x.run_id }));`, '}', '');
    } else if (r < 0.55 && tsx) {
      lines.push(`export function ${pascal(noun)}Panel(props: { ${noun}: ${pascal(noun)} }) {`, `  const [${camel(g.pick(ADJ))}, set${pascal(g.pick(ADJ))}] = useState(false);`, `  return (`, `    <div className="${noun}-panel">`, `      <h3>{props.${noun}.name}</h3>`, h ? `      <span title="planning run">{props.${noun}.planning?.run_id}</span>` : `      <span>{props.${noun}.id}</span>`, `    </div>`, `  );`, '}', '');
    } else {
      const fn = camel(g.pick(VERBS), noun);
      lines.push(`export function ${fn}(items: ${pascal(noun)}[], limit = ${g.int(1, 100)}): ${pascal(noun)}[] {`, `  const out: ${pascal(noun)}[] = [];`, `  for (const item of items) {`, `    if (out.length >= limit) break;`, `    if (item.${camel(g.pick(ADJ))} && !item.${camel(g.pick(ADJ))}) continue;`, `    out.push({ ...item, ${camel(g.pick(NOUNS))}: Date.now() });`, `  }`, `  // ${sentence(g, 4, 10)}`, `  return out.sort((a, b) => a.${camel(g.pick(NOUNS))} - b.${camel(g.pick(NOUNS))});`, '}', '');
    }
  }
  return lines;
}

// ---------- SQL ----------

function sqlFile(g, target, hot) {
  const lines = [`-- ${sentence(g)}`, ''];
  while (lines.length < target) {
    const table = snake(g.pick(NOUNS), g.pick(['changes', 'log', 'items', 'state', 'records']));
    const r = g.r();
    if (r < 0.35) {
      lines.push(`CREATE TABLE IF NOT EXISTS ${table} (`, '  id INTEGER PRIMARY KEY AUTOINCREMENT,');
      if (hot) lines.push('  run_id TEXT NOT NULL,');
      else lines.push('  session_id TEXT NOT NULL,');
      for (let i = g.int(2, 7); i > 0; i--) lines.push(`  ${snake(g.pick(NOUNS), g.pick(['json', 'name', 'kind', 'count']))} ${g.pick(['TEXT', 'INTEGER', 'BLOB', 'REAL'])}${g.chance(0.3) ? ' NOT NULL' : ''},`);
      lines.push('  created_at_ms INTEGER NOT NULL', ');', '');
    } else if (r < 0.5 && hot) {
      lines.push(`-- Batch 2: rename the legacy column.`, `ALTER TABLE ${table} RENAME COLUMN run_id TO session_id;`, `DROP INDEX IF EXISTS ${g.chance(0.5) ? 'turns_by_run' : `idx_${table}_run_id_at`};`, `CREATE INDEX idx_${table}_session_id_at ON ${table}(session_id, created_at_ms DESC);`, '');
    } else {
      const col = snake(g.pick(NOUNS), 'id');
      lines.push(`SELECT t.id, t.${col}, COUNT(*) AS n`, `FROM ${table} t`, `JOIN ${snake(g.pick(NOUNS), 'log')} l ON l.${col} = t.${col}`, `WHERE t.created_at_ms > ?${hot && g.chance(0.4) ? ' AND t.run_id = ?' : ''}`, `GROUP BY t.id, t.${col}`, `ORDER BY n DESC`, `LIMIT ${g.int(10, 500)};`, '');
    }
  }
  return lines;
}

// ---------- Markdown ----------

function mdFile(g, target, hot) {
  const lines = [`# ${pascal(g.pick(NOUNS))} ${g.pick(NOUNS)} guide`, '', sentence(g, 10, 24), ''];
  while (lines.length < target) {
    const r = g.r();
    if (r < 0.4) {
      const n = g.int(2, 5);
      for (let i = 0; i < n; i++) lines.push(sentence(g, 8, 20) + ' ' + sentence(g, 6, 14));
      if (g.chance(0.3)) lines.push('Run the tests with `go test ./...` before you open a pull request.');
      lines.push('');
    } else if (r < 0.55) {
      lines.push(`## ${cap(g.pick(VERBS))} the ${g.pick(NOUNS)}`, '');
    } else if (r < 0.7) {
      lines.push('```go');
      lines.push(...goDecl(g, 'webchat', hot, false));
      lines.push('```', '');
    } else if (r < 0.8 && hot) {
      lines.push('```json', '{', `  "session_id": "${g.int(1000, 9999)}",`, `  "run_id": "${g.int(1000, 9999)}",`, `  "${g.pick(NOUNS)}": ${g.int(0, 99)}`, '}', '```', '', 'The `run_id` field is deprecated: read `session_id` instead.', '');
    } else if (r < 0.85 && hot) {
      lines.push(`Query turns with \`GET /debug/turns?run_id=<id>\` to list the ${g.pick(NOUNS)}s of a conversation.`, `The planning widget keeps \`PlanningRun.run_id\`, which names one planning iteration.`, '');
    } else {
      lines.push('| field | type | note |', '|---|---|---|');
      for (let i = g.int(2, 6); i > 0; i--) lines.push(`| \`${snake(g.pick(NOUNS), 'id')}\` | ${g.pick(['string', 'int64', 'bool'])} | ${sentence(g, 3, 8)} |`);
      lines.push('');
    }
  }
  return lines;
}

// ---------- proto ----------

function protoFile(g, pkg, target, hot) {
  const lines = ['syntax = "proto3";', '', `package ${pkg}.v1;`, '', `option go_package = "example.com/chat/pkg/${pkg}/v1;${pkg}v1";`, ''];
  while (lines.length < target) {
    const planning = pkg === 'planning' ? g.chance(0.3) : g.chance(0.005);
    const name = planning ? 'PlanningRun' : pascal(g.pick(ADJ), g.pick(NOUNS));
    lines.push(`// ${name} ${sentence(g, 4, 10).toLowerCase()}`, `message ${name} {`);
    let n = 1;
    if (planning) lines.push(`  string run_id = ${n++};`);
    else if (hot && g.chance(0.5)) lines.push(`  string run_id = ${n++} [deprecated = true];`);
    for (let i = g.int(2, 9); i > 0; i--) lines.push(`  ${g.pick(['string', 'int64', 'bool', 'bytes', 'repeated string'])} ${snake(g.pick(NOUNS), g.pick(['id', 'name', 'ms']))} = ${n++};`);
    lines.push('}', '');
  }
  return lines;
}

// ---------- the tree ----------

/** Share of the lines per language, and the typical file length. */
const MIX = [
  { lang: 'go', share: 0.52, len: [120, 700] },
  { lang: 'ts', share: 0.2, len: [60, 450] },
  { lang: 'md', share: 0.13, len: [40, 400] },
  { lang: 'proto', share: 0.07, len: [40, 300] },
  { lang: 'sql', share: 0.08, len: [30, 250] },
];

export function generate({ out, lines: totalLines = 1_100_000, seed = 20260207 }) {
  const g = new Gen(seed);
  // Only ever delete a folder this generator made (it holds the stamp) or an empty one.
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0 && !fs.existsSync(path.join(out, STAMP))) {
    throw new Error(`${out} is not empty and was not made by bench/generate.mjs; not overwriting it`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  let files = 0;
  let lineCount = 0;
  let candidates = 0;
  const rgLike = /run[-_ ]?id|startRunForPrompt|turns_by_run|DistinctRuns/gi;
  for (const m of MIX) {
    const budget = Math.round(totalLines * m.share);
    let written = 0;
    let i = 0;
    while (written < budget) {
      const pkg = g.pick(PKGS);
      const target = Math.min(g.int(m.len[0], m.len[1]), budget - written + 10);
      // Mid-migration: a third of the files still carry the legacy alias somewhere.
      const hot = g.chance(0.33);
      let rel;
      let text;
      if (m.lang === 'go') {
        const test = g.chance(0.25);
        rel = `pkg/${pkg}/${snake(g.pick(VERBS), g.pick(NOUNS))}_${i}${test ? '_test' : ''}.go`;
        text = goFile(g, pkg, target, hot, test);
      } else if (m.lang === 'ts') {
        const tsx = g.chance(0.3);
        rel = `web/src/${pkg}/${camel(g.pick(NOUNS), g.pick(['view', 'store', 'api', 'utils']))}${i}.${tsx ? 'tsx' : 'ts'}`;
        text = tsFile(g, target, hot, tsx);
      } else if (m.lang === 'md') {
        rel = `docs/${pkg}/${g.int(1, 20).toString().padStart(2, '0')}-${g.pick(NOUNS)}-${i}.md`;
        text = mdFile(g, target, hot);
      } else if (m.lang === 'proto') {
        rel = `proto/${pkg}/v1/${g.pick(NOUNS)}_${i}.proto`;
        text = protoFile(g, pkg, target, hot);
      } else {
        rel = `pkg/${pkg}/migrations/${String(i).padStart(4, '0')}_${g.pick(VERBS)}_${g.pick(NOUNS)}.sql`;
        text = sqlFile(g, target, hot);
      }
      const body = text.join('\n') + '\n';
      const abs = path.join(out, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, body);
      files++;
      i++;
      written += text.length;
      candidates += (body.match(rgLike) ?? []).length;
    }
    lineCount += written;
  }
  const stamp = { version: GENERATOR_VERSION, seed, files, lines: lineCount, candidates };
  fs.writeFileSync(path.join(out, STAMP), JSON.stringify(stamp) + '\n');
  return stamp;
}

/** The stamp of an existing corpus, when it was made by this generator version with this seed. */
export function existingCorpus(out, seed = 20260207) {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(out, STAMP), 'utf8'));
    return s.version === GENERATOR_VERSION && s.seed === seed ? s : null;
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : dflt;
  };
  const out = path.resolve(arg('--out', path.join(path.dirname(new URL(import.meta.url).pathname), 'corpus')));
  const t0 = Date.now();
  const s = generate({ out, lines: Number(arg('--lines', 1_100_000)), seed: Number(arg('--seed', 20260207)) });
  console.log(`corpus: ${s.files} files, ${s.lines} lines, ${s.candidates} rg-pattern hits (${((100 * s.candidates) / s.lines).toFixed(2)} per 100 lines) in ${out} (${Date.now() - t0} ms)`);
}
