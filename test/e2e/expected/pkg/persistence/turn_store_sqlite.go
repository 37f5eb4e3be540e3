package persistence

import "database/sql"

const schema = `
CREATE TABLE IF NOT EXISTS turns (
	session_id TEXT NOT NULL,
	turn_id TEXT NOT NULL,
	created_at_ms INTEGER NOT NULL
);
`

func saveTurn(db *sql.DB, s TurnSnapshot) error {
	_, err := db.Exec(`INSERT INTO turns (session_id, turn_id, created_at_ms) VALUES (?, ?, ?)`, s.SessionID, s.TurnID, s.CreatedAtMs)
	return err
}

func listTurns(db *sql.DB, q TurnQuery) (*sql.Rows, error) {
	return db.Query(`SELECT turn_id FROM turns WHERE session_id = ? LIMIT ?`, q.SessionID, q.Limit)
}
