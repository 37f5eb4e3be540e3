-- Batch 2: the legacy run_id column is renamed to session_id.
ALTER TABLE turns RENAME COLUMN run_id TO session_id;
DROP INDEX IF EXISTS turns_by_run;
CREATE INDEX turns_by_session ON turns(session_id, created_at_ms DESC);
