-- Batch 2: the turn store and the agent mode store move from run_id to session_id.
ALTER TABLE turns RENAME COLUMN run_id TO session_id;
DROP INDEX IF EXISTS turns_by_run;
CREATE INDEX turns_by_session ON turns(session_id, created_at_ms DESC);

ALTER TABLE agent_mode_changes RENAME COLUMN run_id TO session_id;
DROP INDEX IF EXISTS idx_agent_mode_changes_run_id_at;
CREATE INDEX idx_agent_mode_changes_session_id_at ON agent_mode_changes(session_id, at);
