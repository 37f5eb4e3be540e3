/**
 * The server reads an open Go document with its package as saved on disk: a sentinel error that
 * another file declares as the session's is the session's in this document too, and so is the
 * exported name from an imported package of the module. A test named after a method a sibling
 * declares taking the session (TestDeleteRun after DeleteRun(ctx, runID)) goes with the method.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { makeWorkspace, Session, uriOf, type Diagnostic } from './support/session';

const ERRORS = 'package session\n\nimport "errors"\n\n// ErrRunNotFound is returned when no conversation exists for the id.\nvar ErrRunNotFound = errors.New("session not found")\n';
const STORE = 'package session\n\nfunc (s *Store) Load(id string) (*Entry, error) {\n\te, ok := s.entries[id]\n\tif !ok {\n\t\treturn nil, ErrRunNotFound\n\t}\n\treturn e, nil\n}\n';
const HANDLER = 'package httpapi\n\nimport (\n\t"errors"\n\n\t"example.com/chat/internal/session"\n)\n\nfunc status(err error) int {\n\tif errors.Is(err, session.ErrRunNotFound) {\n\t\treturn 404\n\t}\n\treturn 500\n}\n';

const legacy = (ds: Diagnostic[]): string[] => ds.filter((d) => d.code === 'LEGACY_SESSION_ALIAS').map((d) => `${d.range.start.line}:${d.range.start.character}`);

const TURNS = 'package store\n\nconst qDeleteRun = `DELETE FROM turns WHERE session_id = ?`\n\nfunc (s *Store) DeleteRun(ctx context.Context, runID string) error {\n\t_, err := s.db.ExecContext(ctx, qDeleteRun, runID)\n\treturn err\n}\n';
const TURNS_TEST = 'package store\n\nfunc TestDeleteRun(t *testing.T) {\n\tt.Run("keeps other conversations", func(t *testing.T) {})\n}\n';

describe('a Go document is read with its package', () => {
  it('a test named after a method another file declares taking the session is renamed with it', async () => {
    const root = makeWorkspace({ 'go.mod': 'module example.com/chat\n\ngo 1.22\n', 'store/turns.go': TURNS, 'store/turns_test.go': TURNS_TEST });
    const s = await Session.start({ root });
    try {
      const test = uriOf(root, 'store/turns_test.go');
      const from = s.rpc.mark;
      s.open(test, TURNS_TEST, 'go');
      const ds = (await s.published(test, { from })).diagnostics.filter((d) => d.code === 'LEGACY_SESSION_ALIAS');
      assert.deepEqual(ds.map((d) => `${d.range.start.line}:${d.range.start.character}`), ['2:5']);
      assert.match(ds[0].message, /TestDeleteSession/);
    } finally {
      await s.stop();
    }
  });

  it('the package and the imported package on disk decide what its names hold', async () => {
    const root = makeWorkspace({ 'go.mod': 'module example.com/chat\n\ngo 1.22\n', 'internal/session/errors.go': ERRORS, 'internal/session/store.go': STORE, 'internal/httpapi/status.go': HANDLER });
    const s = await Session.start({ root });
    try {
      const store = uriOf(root, 'internal/session/store.go');
      let from = s.rpc.mark;
      s.open(store, STORE, 'go');
      assert.deepEqual(legacy((await s.published(store, { from })).diagnostics), ['5:14']);
      const handler = uriOf(root, 'internal/httpapi/status.go');
      from = s.rpc.mark;
      s.open(handler, HANDLER, 'go');
      assert.deepEqual(legacy((await s.published(handler, { from })).diagnostics), ['9:27']);
    } finally {
      await s.stop();
    }
  });
});
