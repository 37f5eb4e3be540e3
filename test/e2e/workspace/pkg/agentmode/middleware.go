package agentmode

// ModeChange records a switch of agent mode within a conversation.
type ModeChange struct {
	RunID string `json:"run_id"`
	From  string `json:"from"`
	To    string `json:"to"`
}

func recordChange(runID, from, to string) ModeChange {
	return ModeChange{RunID: runID, From: from, To: to}
}
