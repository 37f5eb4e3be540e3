package webchat

import "time"

// Conversation is one chat session and everything attached to it.
type Conversation struct {
	ID        string
	RunID     string `json:"run_id"`
	CreatedAt time.Time
}

// NewConversation starts a conversation for the given session.
func NewConversation(id string) *Conversation {
	return &Conversation{ID: id, RunID: id, CreatedAt: time.Now()}
}
