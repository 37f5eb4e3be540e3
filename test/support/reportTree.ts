/** A small webchat-like tree with every category of the plan, for the report tests. */
import { tree } from './cli';

export function reportTree(): string {
  return tree({
    'webchat/conversation.go': [
      'package webchat',
      '',
      'type Conversation struct {',
      '\tRunID string `json:"run_id"`',
      '}',
      '',
      'func (c *Conversation) startRunForPrompt() {',
      '\tlog.Info().Str("run_id", c.RunID).Msg("start")',
      '\tgo c.RunLoop()',
      '}',
      '',
      'type chatResponse struct {',
      '\tSessionID string `json:"session_id"`',
      '\tRunID     string `json:"run_id"`',
      '}',
      '',
    ].join('\n'),
    'planning/events.go': 'package planning\n\ntype EventPlanningStart struct {\n\tRunID string `json:"run_id"`\n}\n',
    'cmd/run/command.go': 'package run\n\nimport "github.com/example/app/pkg/cmds/run"\n\n// resume starts an agent session.\nfunc resume() { run.Execute() }\n',
    'store/schema.sql': 'CREATE TABLE turns (\n  run_id TEXT NOT NULL\n);\nALTER TABLE turns RENAME COLUMN run_id TO session_id;\n',
    'docs/guide.md': '# Guide\n\nPass the `run_id` of the chat. To run the tests, call `go test`.\n\nThe `pkg/cmds/run` package starts a session.\n',
    'web/api.ts': 'export function turnsUrl(sessionKey: string, runId: string): string {\n  return `/debug/turns?run_id=${runId}`;\n}\n',
  });
}
