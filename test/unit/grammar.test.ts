/**
 * The injection grammar highlights termshift's ignore directives inside comments of the supported
 * languages, and nowhere else. VS Code's own Go/SQL/Markdown/proto/TS grammars are not on npm, so
 * the base grammars below are minimal stand-ins that only know comments and strings, with the scope
 * names the real grammars use (comment.line.double-slash.go, comment.block.html …): enough to show
 * that the injection attaches to comments by scope and ignores strings.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../../..');
const INJECTION = 'termshift.directives.injection';
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: Array<{ scopeName: string; path: string; injectTo: string[] }> } };
const contributed = manifest.contributes.grammars.find((g) => g.scopeName === INJECTION)!;

type RawGrammar = Record<string, unknown>;
function standIn(scopeName: string, ext: string, comments: Array<[begin: string, end: string | null, name: string]>): RawGrammar {
  return {
    scopeName,
    patterns: [
      // Line comments as begin/end rules, as the real grammars write them (injections apply inside).
      ...comments.map(([begin, end, name]) => ({ begin, end: end ?? '$', name })),
      { begin: '"', end: '"', name: `string.quoted.double.${ext}` },
    ],
  };
}

const BASES: Record<string, RawGrammar> = {
  'source.go': standIn('source.go', 'go', [['//', null, 'comment.line.double-slash.go'], ['/\\*', '\\*/', 'comment.block.go']]),
  'source.sql': standIn('source.sql', 'sql', [['--', null, 'comment.line.double-dash.sql'], ['/\\*', '\\*/', 'comment.block.c']]),
  'text.html.markdown': standIn('text.html.markdown', 'markdown', [['<!--', '-->', 'comment.block.html']]),
  'source.proto': standIn('source.proto', 'proto', [['//', null, 'comment.line.double-slash.proto']]),
  'source.ts': standIn('source.ts', 'ts', [['//', null, 'comment.line.double-slash.ts'], ['/\\*', '\\*/', 'comment.block.ts']]),
};

async function registry(): Promise<textmate.Registry> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  return new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === INJECTION) {
        const file = path.join(ROOT, contributed.path);
        return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      }
      const base = BASES[scope];
      return base ? textmate.parseRawGrammar(JSON.stringify(base), `${scope}.json`) : null;
    },
    getInjections: (scope) => (contributed.injectTo.includes(scope) ? [INJECTION] : undefined),
  });
}

/** Scopes of the token that covers `needle` on the line. */
function scopesAt(grammar: textmate.IGrammar, line: string, needle: string): string[] {
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${line}`);
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  const t = tokens.find((tk) => tk.startIndex <= at && at < tk.endIndex)!;
  return t.scopes;
}

const DIRECTIVE = 'keyword.control.directive.termshift';

describe('ignore-directive injection grammar', () => {
  const samples: Array<[scope: string, line: string, directive: string, comment: string]> = [
    ['source.go', '\tx := c.RunID // termshift-ignore-line', 'termshift-ignore-line', 'comment.line.double-slash.go'],
    ['source.go', '/* termshift-ignore-file */', 'termshift-ignore-file', 'comment.block.go'],
    ['source.sql', '-- termshift-ignore-next-line', 'termshift-ignore-next-line', 'comment.line.double-dash.sql'],
    ['text.html.markdown', 'The `run_id` <!-- termshift-ignore-line --> stays.', 'termshift-ignore-line', 'comment.block.html'],
    ['source.proto', '  string run_id = 1; // termshift-ignore-line', 'termshift-ignore-line', 'comment.line.double-slash.proto'],
    ['source.ts', 'const runId = x; /* termshift-ignore-line */', 'termshift-ignore-line', 'comment.block.ts'],
  ];

  it('is contributed for Go, SQL, Markdown, proto and TypeScript', () => {
    for (const scope of Object.keys(BASES)) assert.ok(contributed.injectTo.includes(scope), scope);
  });

  for (const [scope, line, directive, comment] of samples) {
    it(`highlights ${directive} in a ${scope} comment`, async () => {
      const grammar = (await (await registry()).loadGrammar(scope))!;
      const scopes = scopesAt(grammar, line, directive);
      assert.ok(scopes.includes(comment), `inside the comment: ${scopes.join(' ')}`);
      assert.ok(scopes.includes(DIRECTIVE), `directive scope: ${scopes.join(' ')}`);
    });
  }

  it('leaves strings, code and near-misses alone', async () => {
    const go = (await (await registry()).loadGrammar('source.go'))!;
    assert.ok(!scopesAt(go, 'x := "termshift-ignore-line"', 'termshift-ignore-line').includes(DIRECTIVE));
    assert.ok(!scopesAt(go, 'termshift-ignore-line()', 'termshift-ignore-line').includes(DIRECTIVE));
    assert.ok(!scopesAt(go, '// termshift-ignore-lines', 'termshift-ignore-lines').includes(DIRECTIVE));
    assert.ok(!scopesAt(go, '// termshift-ignore-everything', 'termshift-ignore-everything').includes(DIRECTIVE));
  });
});
