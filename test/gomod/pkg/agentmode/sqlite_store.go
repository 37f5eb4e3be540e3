package agentmode

// Schema is the DDL of the agent mode store.
const Schema = `
CREATE TABLE IF NOT EXISTS agent_mode_changes (
	run_id TEXT NOT NULL,
	mode TEXT NOT NULL,
	at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_agent_mode_changes_run_id_at ON agent_mode_changes(run_id, at);
`
