/**
 * The incremental engine re-checks only the Go declaration an edit falls in (recheck.ts). Its
 * answer must always equal a whole check: random edit sequences over Go fixtures (placed after
 * 2 KiB of other declarations, so edits land where the shortcut applies) compare both.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Engine, type Finding } from '../../server/src/engine';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'go');

/** ~2.5 KiB of ordinary declarations, with and without the term, before the fixture's own. */
function filler(): string {
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    out.push(`// Handler${i} serves one part of the API.\ntype Handler${i} struct {\n\t${i % 3 ? 'SessionID string `json:"session_id"`' : 'RunID string `json:"run_id"`'}\n}\n`);
    out.push(`func (h *Handler${i}) Handle() string {\n\treturn h.${i % 3 ? 'SessionID' : 'RunID'}\n}\n`);
  }
  return out.join('\n');
}

const SNIPPETS = ['x', ' ', '\n', '\n\n', '{', '}', '(', ')', '"', '`', '// ', '/*', '*/', 'RunID', 'run_id', 'SessionID', 'session_id', 'PlanningRun', 'conv.', 'p.planning[', ']', 'termshift-ignore-next-line', '\nfunc f() {\n', '\ntype T struct {\n', 'json:"run_id"', ':= ', 'runID', 'LegacyRunID', 'EventPlanningStart', 'runs', 'h.runs[c.runID]', 'runLog', '// runs '];

const shown = (fs: Finding[]): string[] => fs.map((f) => `${f.offset}+${f.length} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.text} ${f.category} ${f.severity} ${f.replacement} ${f.message}`);

void test('an incremental re-check of a Go edit equals a whole check', async () => {
  const incremental = await Engine.create(undefined, { incremental: true });
  const whole = await Engine.create();
  const bodies = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.go'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8').replace(/^[\s\S]*?^package \w+\n/m, ''));
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 12 }), ins: fc.constantFrom(...SNIPPETS) });
  let reused = 0;
  const endings = fc.constantFrom('\n', '\r\n', '\r');
  fc.assert(
    fc.property(fc.constantFrom(...bodies), fc.array(edit, { minLength: 1, maxLength: 25 }), endings, fc.boolean(), (body, edits, eol, bom) => {
      let text = `${bom ? '\uFEFF' : ''}package webchat\n\n${filler()}\n${body}`.replace(/\r?\n/g, eol);
      const opts = { path: 'pkg/webchat/x.go' };
      assert.deepEqual(shown(incremental.check(text, opts)), shown(whole.check(text, opts)));
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        const a = incremental.check(text, opts);
        assert.deepEqual(shown(a), shown(whole.check(text, opts)), `after editing at ${at}`);
        reused++;
      }
    }),
    { numRuns: 300 },
  );
  assert.ok(reused > 0);
});

void test('a re-check of one declaration sees the facts it states about the others', async () => {
  const incremental = await Engine.create(undefined, { incremental: true });
  const whole = await Engine.create();
  const opts = { path: 'pkg/webchat/hub.go' };
  const hub = 'type Hub struct {\n\truns map[string][]*client\n}\n\nfunc NewHub() *Hub {\n\treturn &Hub{runs: map[string][]*client{}}\n}\n\n';
  const register = (key: string): string => `func (h *Hub) register(c *client) {\n\th.runs[c.${key}] = append(h.runs[c.${key}], c)\n}\n`;
  // Keyed by a job id, then (one edit inside register) by the session's: the Hub's field becomes a
  // map of sessions in the other declarations too; and back again.
  for (const [from, to] of [['jobID', 'runID'], ['runID', 'jobID']]) {
    const before = `package webchat\n\n${filler()}\n${hub}${register(from)}`;
    const after = `package webchat\n\n${filler()}\n${hub}${register(to)}`;
    incremental.check(before, opts);
    const expected = whole.check(after, opts);
    assert.deepEqual(shown(incremental.check(after, opts)), shown(expected));
    assert.equal(expected.filter((f) => f.text === 'runs').length > 0, to === 'runID');
  }
  // The caller passes the session's context (one edit inside handle): the callee's parameter holds
  // the session too, though no finding of the caller says so.
  const start = 'func (r *Router) start(prompt string, runCtx context.Context) {\n\tr.infer(runCtx, prompt)\n}\n\n';
  const handle = (arg: string): string => `func (r *Router) handle(ctx context.Context, conv *Conversation, prompt string) {\n\trunCtx := context.WithValue(ctx, sessionKey, conv.SessionID)\n\tr.start(prompt, ${arg})\n}\n`;
  for (const [from, to] of [['ctx', 'runCtx'], ['runCtx', 'ctx']]) {
    incremental.check(`package webchat\n\n${filler()}\n${start}${handle(from)}`, opts);
    const after = `package webchat\n\n${filler()}\n${start}${handle(to)}`;
    const expected = whole.check(after, opts);
    assert.deepEqual(shown(incremental.check(after, opts)), shown(expected));
    const callee = expected.filter((f) => f.text === 'runCtx' && f.offset < after.indexOf('func (r *Router) handle'));
    assert.equal(callee.length, to === 'runCtx' ? 2 : 0);
  }
});
