/**
 * fast-check generators for engine inputs: legacy tokens in every case convention mixed with the
 * look-alikes (planning run, verbs, migration wording), syntax fragments of each language, and the
 * characters that break position arithmetic (CRLF/CR, BOM, tabs, surrogate pairs, lone surrogates, NUL).
 */
import fc from 'fast-check';

export type FuzzLanguage = 'go' | 'sql' | 'markdown' | 'proto' | 'typescript' | 'tsx' | 'text';

export const LANGUAGES: FuzzLanguage[] = ['go', 'sql', 'markdown', 'proto', 'typescript', 'tsx', 'text'];

export const PATH_OF: Record<FuzzLanguage, string> = {
  go: 'pkg/webchat/fuzz.go',
  sql: 'db/fuzz.sql',
  markdown: 'docs/fuzz.md',
  proto: 'proto/fuzz.proto',
  typescript: 'web/src/fuzz.ts',
  tsx: 'web/src/fuzz.tsx',
  text: 'notes/fuzz.txt',
};

const LEGACY = [
  'RunID', 'runID', 'runId', 'RunId', 'run_id', 'RUN_ID', 'run-id', 'runid', 'RUNID', 'Runid',
  'RunIDs', 'runIds', 'run_ids', 'RUN_IDS', 'runids', 'resRunID', 'updatedRunID', 'setRunId',
  'HTTPRunID', 'v2RunId', 'GetRunId', 'LegacyRunID', 'legacy_run_id', 'startRunForPrompt',
  'turns_by_run', 'DistinctRuns', 'idx_agent_mode_changes_run_id_at', 'run', 'Run', 'RUN', 'runs',
  'runLog', 'RunLog', 'run_log', 'runRunID', 'RunIDRunID', 'run_id_run_id', 'runidrunid', 'run__id',
  'run_-id', 'Run_ID', 'rUnId', 'RUNId', 'run1id', 'run_id2', '_run_id_', 'x_run_id_y',
];
const SESSION = ['session', 'SessionID', 'session_id', 'conv', 'conv.RunID', 'conversation', 'sessionID', 'c.SessionID'];
const PLANNING = ['PlanningRun', 'PlanningRun.run_id', 'EventPlanningStart', 'EventPlanningStart.RunID', 'planning', 'planner', 'planningAgg', 'planning map[string]*planningAgg', 'p.RunID'];
const VERBS = ['RunLoop()', 'RunInference()', 't.Run(', 'run the tests', 'go run ./cmd', 'pkg/cmds/run', 'cmds/run', 'Runner', 'runtime', 'running', 'rerun', 'prune_id', 'truncated'];
const MIGRATION = ['legacy', 'deprecated', 'Deprecated: use SessionID', 'renamed', 'formerly', 'replaced by', 'RENAME COLUMN run_id TO session_id', 'DROP INDEX IF EXISTS turns_by_run;', 'instead of', 'old name'];
const DIRECTIVES = ['// termshift-ignore-next-line', '-- termshift-ignore-line', '<!-- termshift-ignore-line -->', 'termshift-ignore-'];

const SYNTAX: Record<FuzzLanguage, string[]> = {
  go: [
    'package webchat\n', 'type Conversation struct {', '}', '\tRunID string `json:"run_id"`\n', '`json:"run_id" db:"run_id"`',
    'func (c *Conversation) ', 'func startRunForPrompt(conv *Conversation) {', ' := ', 'log.Info().Str("run_id", conv.RunID).Msg("x")',
    '"', '`', "'", '//', '/*', '*/', '(', ')', '{', '[', ']', 'map[string]*planningAgg{}', 'const schema = `CREATE TABLE turns (run_id TEXT);`',
    'for _, t := range turns {', 'if err != nil { return err }', 't.Run("run_id", func(t *testing.T) {', 'import "pkg/cmds/run"',
  ],
  sql: [
    'CREATE TABLE turns (', 'run_id TEXT NOT NULL,', ');', 'CREATE INDEX turns_by_run ON turns(run_id, created_at_ms DESC);', '--', '/*', '*/',
    "'", '"', '`', 'ALTER TABLE turns RENAME COLUMN run_id TO session_id;', 'SELECT run_id FROM turns WHERE run_id = ?;', '$$', 'E\'\\\'', '[run_id]',
  ],
  markdown: [
    '```go\n', '```sql\n', '```\n', '~~~ts\n', '~~~\n', '# ', '## Run IDs\n', '`', '``', '[link](https://x.test/turns?run_id=1)', '<!--', '-->',
    '| run_id | session_id |\n', '|---|---|\n', '> ', '- ', '* ', '\n\n', '    ', '<https://x.test/?run_id=a&b=c>', '[^1]', '![img](a.png)', '<div>', '</div>',
  ],
  proto: [
    'syntax = "proto3";\n', 'package webchat.v1;\n', 'message PlanningRun {', 'message Turn {', 'string run_id = 1;', 'string session_id = 2;', '}', '//', '/*', '*/',
    'option deprecated = true;', '[deprecated = true]', 'enum Kind {', 'oneof x {', '"', "'", 'map<string, PlanningRun> runs = 3;', 'rpc StartRun(Req) returns (Res);',
  ],
  typescript: [
    'const x = {', 'run_id: 1,', '}', 'interface Turn {', 'runId: string;', 'export type T = { runID?: string }', '`', '${', '${x.runId}', '"', "'", '//', '/*', '*/',
    'import { run } from "./pkg/cmds/run";', 'function startRunForPrompt() {}', '=>', '/run_id/g', '</', 'as const', '?.', '??',
  ],
  tsx: [
    '<div runId={x}>', '</div>', '<Turn run_id="a" />', '{/* run_id */}', 'const C = () => (', ')', '`', '${', '"', "'", '//', '/*', '*/', '<>', '</>',
    'props.runId', 'export default function App() {', '}',
  ],
  text: ['run_id', 'RunID', '\n', ' ', '.', ','],
};

const SEPARATORS = [' ', ' ', ' ', '\t', '\n', '\n', '\r\n', '\r', '', '.', ',', ';', '(', ')', '{', '}', '_', '-', '/', '\\', '"', "'", '`', ':', '=', '\0', '#', '<', '>', '*', '\u00a0', '\u2028'];
const ODD = ['😀', '𝒳', '\uD83D\uDE00', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFEFF', 'é', 'ß', 'İ', 'ﬀ', 'ǅ', '\u0301', '\u200b', '\u202e', 'Ⅻ', 'ｒｕｎ＿ｉｄ', 'ⓡun_id', 'run\u0301_id', '\uFFFD'];

function pick(values: string[]): fc.Arbitrary<string> {
  return fc.constantFrom(...values);
}

export function fragment(lang: FuzzLanguage): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: pick(LEGACY) },
    { weight: 2, arbitrary: pick(SESSION) },
    { weight: 2, arbitrary: pick(PLANNING) },
    { weight: 2, arbitrary: pick(VERBS) },
    { weight: 2, arbitrary: pick(MIGRATION) },
    { weight: 1, arbitrary: pick(DIRECTIVES) },
    { weight: 4, arbitrary: pick(SYNTAX[lang]) },
    { weight: 1, arbitrary: pick(SYNTAX[lang === 'text' ? 'go' : lang]) },
    { weight: 6, arbitrary: pick(SEPARATORS) },
    { weight: 2, arbitrary: pick(ODD) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    // Any UTF-16 code units, lone surrogates included (what an editor may hold mid-edit).
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 4 }).map((u) => String.fromCharCode(...u)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/) },
  );
}

export type Newlines = 'keep' | 'crlf' | 'cr' | 'mixed';

function withNewlines(text: string, mode: Newlines, seed: number): string {
  if (mode === 'keep') return text;
  if (mode === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (mode === 'cr') return text.replace(/\r?\n/g, '\r');
  let i = seed;
  return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
}

/** A whole generated document in one language. */
export function document(lang: FuzzLanguage, maxFragments = 40): fc.Arbitrary<string> {
  return fc
    .record({
      bom: fc.boolean(),
      parts: fc.array(fragment(lang), { maxLength: maxFragments }),
      newlines: fc.constantFrom<Newlines>('keep', 'keep', 'crlf', 'cr', 'mixed'),
      seed: fc.nat(2),
    })
    .map(({ bom, parts, newlines, seed }) => (bom ? '\uFEFF' : '') + withNewlines(parts.join(''), newlines, seed));
}

/** Mutations of a seed file (a fixture): the edits a half-typed or damaged file goes through. */
export type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'dupLine'; a: number }
  | { op: 'deleteBytes'; at: number; len: number }
  | { op: 'insertBytes'; at: number; bytes: number[] }
  | { op: 'newlines'; mode: Newlines };

export function mutation(): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ op: fc.constant('insert' as const), at, text: fragment('go') }),
    fc.record({ op: fc.constant('insert' as const), at, text: fragment('markdown') }),
    fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ op: fc.constant('dupLine' as const), a: fc.nat() }),
    fc.record({ op: fc.constant('deleteBytes' as const), at, len: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ op: fc.constant('insertBytes' as const), at, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }),
    fc.record({ op: fc.constant('newlines' as const), mode: fc.constantFrom<Newlines>('crlf', 'cr', 'mixed') }),
  );
}

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'swapLines':
    case 'dupLine': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      if (m.op === 'dupLine') lines.splice(a, 0, lines[a]);
      else {
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
      }
      return lines.join('\n');
    }
    case 'deleteBytes':
    case 'insertBytes': {
      // Byte-level damage decoded leniently, as an editor shows a file with broken UTF-8.
      const buf = Buffer.from(text, 'utf8');
      const at = m.at % (buf.length + 1);
      const out = m.op === 'deleteBytes' ? Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.len)]) : Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)]);
      return lenient.decode(out);
    }
    case 'newlines':
      return withNewlines(text, m.mode, m.mode.length);
  }
}
