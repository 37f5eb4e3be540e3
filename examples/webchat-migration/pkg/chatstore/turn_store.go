package chatstore

import (
	"context"
	"database/sql"
	"fmt"
)

// TurnSnapshot is one persisted turn.
type TurnSnapshot struct {
	ConvID      string `json:"conv_id"`
	RunID       string `json:"run_id"`
	TurnID      string `json:"turn_id"`
	Phase       string `json:"phase"`
	CreatedAtMs int64  `json:"created_at_ms"`
	Payload     string `json:"payload"`
}

// TurnQuery filters snapshots.
type TurnQuery struct {
	ConvID string
	RunID  string
	Phase  string
	Limit  int
}

const turnsSchema = `
CREATE TABLE IF NOT EXISTS turns (
	conv_id TEXT NOT NULL,
	run_id TEXT NOT NULL,
	turn_id TEXT NOT NULL,
	phase TEXT NOT NULL,
	created_at_ms INTEGER NOT NULL,
	payload TEXT NOT NULL,
	PRIMARY KEY (conv_id, run_id, turn_id, phase, created_at_ms)
);
CREATE INDEX IF NOT EXISTS turns_by_run ON turns(run_id, created_at_ms DESC);
`

type SQLiteTurnStore struct{ db *sql.DB }

func (s *SQLiteTurnStore) Save(ctx context.Context, convID, runID, turnID, phase string, createdAtMs int64, payload string) error {
	_, err := s.db.ExecContext(ctx, `
INSERT INTO turns(conv_id, run_id, turn_id, phase, created_at_ms, payload)
VALUES(?, ?, ?, ?, ?, ?)
ON CONFLICT(conv_id, run_id, turn_id, phase, created_at_ms) DO UPDATE SET payload = excluded.payload
`, convID, runID, turnID, phase, createdAtMs, payload)
	return err
}

func (s *SQLiteTurnStore) List(ctx context.Context, q TurnQuery) ([]TurnSnapshot, error) {
	clauses := []string{}
	args := []any{}
	if q.RunID != "" {
		clauses = append(clauses, "run_id = ?")
		args = append(args, q.RunID)
	}
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf("SELECT conv_id, run_id, turn_id, phase, created_at_ms, payload FROM turns %s ORDER BY created_at_ms DESC", where(clauses)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TurnSnapshot
	for rows.Next() {
		var snap TurnSnapshot
		if err := rows.Scan(&snap.ConvID, &snap.RunID, &snap.TurnID, &snap.Phase, &snap.CreatedAtMs, &snap.Payload); err != nil {
			return nil, err
		}
		out = append(out, snap)
	}
	return out, nil
}

// DistinctRuns lists the sessions that have stored turns.
func (s *SQLiteTurnStore) DistinctRuns(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT DISTINCT run_id FROM turns ORDER BY run_id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanStrings(rows)
}

func (s *SQLiteTurnStore) migrate(ctx context.Context) error {
	for _, stmt := range []string{
		"ALTER TABLE turns RENAME COLUMN run_id TO session_id",
		"DROP INDEX IF EXISTS turns_by_run",
		"CREATE INDEX IF NOT EXISTS turns_by_session ON turns(session_id, created_at_ms DESC)",
	} {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}
