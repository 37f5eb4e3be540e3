/**
 * A Go file is read with its package: the other files of its folder (struct fields typed by a
 * domain, package-level names their uses show to be the session's) and the module's packages it
 * imports (their exported names). The result cache checks the package's files too.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinRuleset } from '../../server/src/engine';
import { checkPaths, type CheckRun } from '../../server/src/cli/checkFiles';
import { tree } from '../support/cli';

const FILES: Record<string, string> = {
  'go.mod': 'module example.com/chat\n\ngo 1.22\n',
  'internal/session/errors.go': 'package session\n\nimport "errors"\n\n// ErrRunNotFound is returned when no conversation exists for the id.\nvar ErrRunNotFound = errors.New("session not found")\n',
  'internal/session/store.go': 'package session\n\nfunc (s *Store) Load(id string) (*Entry, error) {\n\te, ok := s.entries[id]\n\tif !ok {\n\t\treturn nil, ErrRunNotFound\n\t}\n\treturn e, nil\n}\n',
  'internal/session/store_test.go': 'package session_test\n\nfunc TestMissing(t *testing.T) {\n\t_, err := newStore().Load("x")\n\trequire.ErrorIs(t, err, session.ErrRunNotFound)\n}\n',
  'internal/httpapi/errors.go': 'package httpapi\n\nimport (\n\t"errors"\n\n\t"example.com/chat/internal/session"\n)\n\nfunc status(err error) int {\n\tif errors.Is(err, session.ErrRunNotFound) {\n\t\treturn 404\n\t}\n\treturn 500\n}\n',
  'internal/httpapi/other.go': 'package httpapi\n\nfunc unrelated(err error) bool {\n\treturn errors.Is(err, ErrRunNotFound)\n}\n',
  'internal/timeline/types.go': 'package timeline\n\ntype planningAgg struct {\n\tRunID string\n}\n\ntype Projector struct {\n\tcurrent *planningAgg\n}\n',
  'internal/timeline/projector.go': 'package timeline\n\nfunc (p *Projector) currentRun() string {\n\treturn p.current.RunID\n}\n\nfunc (c *Conversation) id() string {\n\treturn c.RunID\n}\n',
};

const found = (run: CheckRun): string[] => run.results.flatMap((r) => r.findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => `${r.display}:${f.range.start.line + 1} ${f.text}`)).sort();

for (const workers of [0, 2]) {
  void test(`the package's other files and the module's imported packages count (${workers ? 'workers' : 'in process'})`, async () => {
    const root = tree(FILES);
    const run = await checkPaths([root], { ruleset: builtinRuleset(), root }, { cwd: root, workers, cache: false });
    assert.deepEqual(found(run), [
      'internal/httpapi/errors.go:10 ErrRunNotFound',
      'internal/session/errors.go:5 ErrRunNotFound',
      'internal/session/errors.go:6 ErrRunNotFound',
      'internal/session/store.go:6 ErrRunNotFound',
      'internal/session/store_test.go:5 ErrRunNotFound',
      'internal/timeline/projector.go:8 RunID',
    ]);
  });
}

void test('a Go file whose package changed is checked again, though it did not change', async () => {
  const root = tree(FILES);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'termshift-pkg-cache-'));
  const opts = { cwd: root, workers: 0, cacheLocation: cacheDir, startedAt: Date.now() + 60_000 };
  const rules = { ruleset: builtinRuleset(), root };
  const first = await checkPaths([root], rules, opts);
  assert.ok(found(first).includes('internal/session/store.go:6 ErrRunNotFound'));
  // The declaration now says nothing of sessions: its use in store.go is no longer the session's.
  const decl = path.join(root, 'internal/session/errors.go');
  fs.writeFileSync(decl, FILES['internal/session/errors.go'].replace('no conversation exists for the id', 'the job is gone').replace('session not found', 'job not found'));
  const second = await checkPaths([root], rules, { ...opts, startedAt: Date.now() + 60_000 });
  assert.ok(!found(second).includes('internal/session/store.go:6 ErrRunNotFound'), found(second).join('\n'));
  assert.ok((second.fromCache ?? 0) > 0);
});
