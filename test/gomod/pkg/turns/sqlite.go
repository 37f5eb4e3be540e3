package turns

const schema = `
CREATE TABLE IF NOT EXISTS turns (
	turn_id TEXT PRIMARY KEY,
	run_id TEXT NOT NULL,
	created_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_by_run ON turns(run_id, created_at_ms DESC);
`

const selectTurns = "SELECT turn_id, run_id, created_at_ms FROM turns WHERE run_id = ? ORDER BY created_at_ms DESC LIMIT ?"

// migrateToSessionID upgrades databases created before the session rename.
const migrateToSessionID = `
ALTER TABLE turns RENAME COLUMN run_id TO session_id;
DROP INDEX IF EXISTS turns_by_run;
CREATE INDEX turns_by_session ON turns(session_id, created_at_ms DESC);
`

// Schema returns the DDL of the turn store.
func Schema() string { return schema }
