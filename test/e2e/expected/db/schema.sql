CREATE TABLE IF NOT EXISTS agent_mode_changes (
    session_id TEXT NOT NULL,
    from_mode TEXT NOT NULL,
    to_mode TEXT NOT NULL,
    at INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS idx_agent_mode_changes_session_id_at ON agent_mode_changes(session_id, at);
