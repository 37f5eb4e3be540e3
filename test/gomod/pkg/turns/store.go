// Package turns stores conversation turns.
package turns

import "sort"

// TurnSnapshot is one stored turn.
type TurnSnapshot struct {
	RunID       string `json:"run_id" db:"run_id"`
	TurnID      string `json:"turn_id" db:"turn_id"`
	CreatedAtMs int64  `json:"created_at_ms" db:"created_at_ms"`
}

// TurnQuery selects turns.
type TurnQuery struct {
	RunID string
	Limit int
}

// Store keeps turns in memory; the SQLite store runs the statements below.
type Store struct {
	rows []TurnSnapshot
}

// Save stores a turn.
func (s *Store) Save(t TurnSnapshot) { s.rows = append(s.rows, t) }

// List returns the newest turns of one conversation.
func (s *Store) List(q TurnQuery) []TurnSnapshot {
	var out []TurnSnapshot
	for _, t := range s.rows {
		if q.RunID == "" || t.RunID == q.RunID {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAtMs > out[j].CreatedAtMs })
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out
}

// DistinctRuns lists the conversations that have turns.
func (s *Store) DistinctRuns() []string {
	seen := map[string]bool{}
	var ids []string
	for _, t := range s.rows {
		if !seen[t.RunID] {
			seen[t.RunID] = true
			ids = append(ids, t.RunID)
		}
	}
	return ids
}
