package webchat

// Conversation is one chat session.
type Conversation struct {
	ID    string
	RunID string `json:"run_id"`
}
