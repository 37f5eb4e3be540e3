package persistence

// TurnSnapshot is one stored turn of a conversation.
type TurnSnapshot struct {
	RunID       string `json:"run_id" db:"run_id"`
	TurnID      string `json:"turn_id" db:"turn_id"`
	CreatedAtMs int64  `json:"created_at_ms" db:"created_at_ms"`
}

// TurnQuery selects the turns of one conversation.
type TurnQuery struct {
	RunID string
	Limit int
}
