package agentmode

// ModeChange records a switch of agent mode within a conversation.
type ModeChange struct {
	SessionID string `json:"session_id"`
	From  string `json:"from"`
	To    string `json:"to"`
}

func recordChange(sessionID, from, to string) ModeChange {
	return ModeChange{SessionID: sessionID, From: from, To: to}
}
