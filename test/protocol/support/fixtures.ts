/** Sources of the kind the plan describes, for the protocol tests (written here, not copied). */

export const GO_CONVERSATION = `package webchat

// Conversation is one chat session.
type Conversation struct {
	ID    string
	RunID string \`json:"run_id" db:"run_id"\`
}

func (c *Conversation) Log() {
	log.Info().Str("run_id", c.RunID).Msg("conversation started")
	RunLoop()
}
`;

export const SQL_SCHEMA = `CREATE TABLE turns (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL
);
ALTER TABLE turns RENAME COLUMN run_id TO session_id;
`;

export const MARKDOWN_DOC = `# Conversations

Each turn stores its \`run_id\`.

The planner keeps \`PlanningRun.run_id\` as the planning iteration.
`;

export const GO_HANDLER = `package webchat

func handle(c *Conversation, plan *Plan) {
	prevRunID := c.RunID
	iteration := plan.PlanningRun.RunID
	fmt.Println(prevRunID, iteration)
}
`;
