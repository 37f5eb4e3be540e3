package webchat

import "time"

// Conversation is one chat session and everything attached to it.
type Conversation struct {
	ID        string
	SessionID     string `json:"session_id"`
	CreatedAt time.Time
}

// NewConversation starts a conversation for the given session.
func NewConversation(id string) *Conversation {
	return &Conversation{ID: id, SessionID: id, CreatedAt: time.Now()}
}
