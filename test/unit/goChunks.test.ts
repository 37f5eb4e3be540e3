import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Node } from 'web-tree-sitter';
import { builtinRuleset } from '../../server/src/engine';
import { candidateDeclarations, cutWhole, topLevelDeclarations } from '../../server/src/engine/goChunks';
import { loadGrammars, newParser } from '../../server/src/engine/parsers';

const rules = builtinRuleset();
const mayMatch = (s: string): boolean => rules.mayMatch(s);
const kinds = (text: string): string[] => topLevelDeclarations(text).map((d) => `${d.kind}:${text.slice(d.start, d.end).split('\n')[0]}`);
const chunkTexts = (text: string): string[] => candidateDeclarations(text, mayMatch).map((c) => text.slice(c.start, c.end));

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'go');
const GOFMT = `// Package webchat serves conversations.
package webchat

import (
\t"context"
\t"fmt"
)

// Conversation is one chat session.
// It outlives a single prompt.
type Conversation struct {
\tID    string
\tRunID string \`json:"run_id"\`
}

const maxTurns = 100

var errClosed = fmt.Errorf("closed")

// Close ends the conversation.
func (c *Conversation) Close(ctx context.Context) error {
\treturn nil
}

func plain() int {
\treturn maxTurns
}
`;

void test('a gofmt file is cut at each top-level declaration, doc comments attached', () => {
  assert.deepEqual(kinds(GOFMT), [
    'header:// Package webchat serves conversations.',
    'import:import (',
    'type:// Conversation is one chat session.',
    'const:const maxTurns = 100',
    'var:var errClosed = fmt.Errorf("closed")',
    'func:// Close ends the conversation.',
    'func:func plain() int {',
  ]);
});

void test('only declarations holding a candidate are returned, adjacent ones merged', () => {
  assert.deepEqual(chunkTexts(GOFMT), [GOFMT.slice(GOFMT.indexOf('// Conversation is'), GOFMT.indexOf('const maxTurns'))]);
  const two = 'package a\n\nvar x = 1\n\ntype A struct{ RunID string }\n\ntype B struct{ RunID string }\n\nfunc f() {}\n';
  assert.deepEqual(chunkTexts(two), ['type A struct{ RunID string }\n\ntype B struct{ RunID string }\n\n']);
  assert.deepEqual(candidateDeclarations('package a\n\nfunc f() {}\n', mayMatch), []);
});

void test('a keyword at column 0 inside a raw string, block comment or brackets does not cut', () => {
  const raw = 'package a\n\nconst q = `\nfunc looksLikeCode() {}\ntype x int\n`\n\nfunc real() {}\n';
  assert.deepEqual(kinds(raw), ['header:package a', 'const:const q = `', 'func:func real() {}']);
  const block = 'package a\n\n/*\nfunc commented() {}\n*/\nfunc real() {}\n';
  assert.deepEqual(kinds(block), ['header:package a', 'func:func real() {}']);
  // Not gofmt'ed: a declaration keyword at column 0 inside a function body belongs to the function.
  const body = 'package a\n\nfunc f() {\nvar x = 1\n_ = x\n}\n\nfunc g() {}\n';
  assert.deepEqual(kinds(body), ['header:package a', 'func:func f() {', 'func:func g() {}']);
});

void test('brackets, quotes and backticks inside strings, runes and comments do not confuse the cut', () => {
  const text = 'package a\n\nvar a = "{ ` ("\nvar b = \'{\'\nvar c = \'\\\'\'\nvar d = "\\" {" // { `\n\nfunc f() {}\n';
  assert.deepEqual(kinds(text), ['header:package a', 'var:var a = "{ ` ("', 'var:var b = \'{\'', "var:var c = '\\''", 'var:var d = "\\" {" // { `', 'func:func f() {}']);
});

void test('a doc comment on the second line of the file, after an empty first line', () => {
  assert.deepEqual(kinds('\n// Doc\nfunc f() {}\n'), ['header:', 'func:// Doc']);
  assert.deepEqual(kinds('// Doc\nfunc f() {}\n'), ['func:// Doc']);
});

void test('an interpreted string left open ends at its line, as the Go lexer ends it', () => {
  assert.deepEqual(kinds('package a\n\nvar s = "open\n\nfunc f() { _ = "x" }\n'), ['header:package a', 'var:var s = "open', 'func:func f() { _ = "x" }']);
});

void test('a comment line inside a raw string is not taken as a doc comment', () => {
  const text = 'package a\n\nvar q = `\n// not a comment`\nfunc f() {}\n';
  assert.deepEqual(kinds(text), ['header:package a', 'var:var q = `', 'func:func f() {}']);
});

void test('text the lexer cannot follow is one chunk', () => {
  for (const broken of ['package a\n\nvar q = `never closed\nfunc f() {}\n', 'package a\n\n/* open\nfunc f() {}\n']) {
    assert.deepEqual(topLevelDeclarations(broken), [{ start: 0, end: broken.length, kind: 'header' }], broken);
  }
  assert.deepEqual(topLevelDeclarations(''), []);
});

void test('unbalanced brackets (code being typed) heal at the next column-0 func or type', () => {
  const kinds = (t: string): string[] => topLevelDeclarations(t).map((d) => `${d.kind}:${t.slice(d.start, d.end)}`);
  assert.deepEqual(kinds('package a\n\nfunc f() {\n\nfunc g() {}\n'), ['header:package a\n\n', 'func:func f() {\n\n', 'func:func g() {}\n']);
  assert.deepEqual(kinds('package a\n}\nfunc f() {}\n'), ['header:package a\n}\n', 'func:func f() {}\n']);
  assert.deepEqual(kinds('package a\n\ntype T struct {\n\tRunID string\n'), ['header:package a\n\n', 'type:type T struct {\n\tRunID string\n']);
});

void test('CRLF, a BOM, tabs and astral characters keep offsets in UTF-16 code units', () => {
  const text = '\uFEFFpackage a // 😀\r\n\r\n// Doc é😀\r\ntype T struct {\r\n\tRunID string\r\n}\r\n\r\nfunc f() {}\r\n';
  const decls = topLevelDeclarations(text);
  assert.deepEqual(
    decls.map((d) => d.kind),
    ['header', 'type', 'func'],
  );
  assert.equal(text.slice(decls[1].start, decls[1].end), '// Doc é😀\r\ntype T struct {\r\n\tRunID string\r\n}\r\n\r\n');
});

void test('declarations always tile the text exactly, whatever the input', () => {
  const goish = fc.string({ unit: fc.constantFrom('func ', 'type ', 'var ', 'const ', 'import ', '\n', '\r\n', '{', '}', '(', ')', '`', '"', "'", '\\', '//', '/*', '*/', 'x', ' ', '\t', 'RunID', '😀') });
  fc.assert(
    fc.property(goish, (text) => {
      const decls = topLevelDeclarations(text);
      let at = 0;
      for (const d of decls) {
        assert.equal(d.start, at);
        assert.ok(d.end > d.start);
        at = d.end;
      }
      assert.equal(at, text.length);
      for (const c of candidateDeclarations(text, mayMatch)) assert.ok(mayMatch(text.slice(c.start, c.end)));
    }),
    { numRuns: 500 },
  );
});

function topLevelNodes(root: Node): Node[] {
  return root.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
}

void test('on real Go files no top-level node of the full parse crosses a cut', async () => {
  const parser = newParser((await loadGrammars()).go);
  const dir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'go');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.go'));
  assert.ok(files.length > 0);
  for (const f of [...files.map((n) => fs.readFileSync(path.join(dir, n), 'utf8')), GOFMT]) {
    const text = f.replace(/^\uFEFF/, '');
    const tree = parser.parse(text);
    assert.ok(tree);
    const cuts = topLevelDeclarations(text).map((d) => d.start);
    for (const node of topLevelNodes(tree.rootNode)) {
      for (const cut of cuts) assert.ok(cut <= node.startIndex || cut >= node.endIndex, `${node.type} at ${node.startIndex} crosses the cut at ${cut}`);
    }
    tree.delete();
  }
});

void test('parsing only the candidate declarations finds the same nodes at the same offsets', async () => {
  const parser = newParser((await loadGrammars()).go);
  const text = GOFMT.replace('func plain', '// Planning 😀\nfunc startRunForPrompt(run string) {}\n\nfunc plain');
  const ids = (root: Node): string[] => root.descendantsOfType(['field_identifier', 'identifier']).filter((n): n is Node => n !== null && /run/i.test(n.text)).map((n) => `${n.startIndex}:${n.text}`);
  const full = parser.parse(text);
  assert.ok(full);
  const header = topLevelDeclarations(text)[0];
  const chunks = [header, ...candidateDeclarations(text, mayMatch)];
  const point = (offset: number): { row: number; column: number } => {
    const before = text.slice(0, offset).split('\n');
    return { row: before.length - 1, column: before[before.length - 1].length };
  };
  const part = parser.parse(text, null, { includedRanges: chunks.map((c) => ({ startIndex: c.start, endIndex: c.end, startPosition: point(c.start), endPosition: point(c.end) })) });
  assert.ok(part);
  assert.deepEqual(ids(part.rootNode), ids(full.rootNode));
  assert.ok(ids(full.rootNode).length >= 3);
  full.delete();
  part.delete();
});

void test('the cut after an edit equals a fresh cut of the edited text (the editor re-cuts incrementally)', () => {
  // Edits that move declaration boundaries: brackets, strings, raw strings, comments, keywords, line breaks.
  const pieces = ['{', '}', '(', ')', '`', '"', "'", '/*', '*/', '//', '\n', '\r\n', '\r', 'func ', 'type ', 'var ', 'x', ' ', '\t', 'package p\n'];
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const sources = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.go')).map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  let edits = 0;
  for (const source of [GOFMT, ...sources]) {
    let text = source;
    topLevelDeclarations(text);
    for (let k = 0; k < 150; k++) {
      const at = rand(text.length + 1);
      const del = rand(4) === 0 ? rand(12) : 0;
      const ins = rand(3) === 0 ? '' : pieces[rand(pieces.length)];
      text = text.slice(0, at) + ins + text.slice(at + del);
      assert.deepEqual(topLevelDeclarations(text), cutWhole(text), `edit ${k} at ${at}`);
      edits++;
    }
  }
  assert.ok(edits >= 1000);
});
