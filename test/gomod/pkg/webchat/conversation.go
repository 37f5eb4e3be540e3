// Package webchat serves chat conversations over HTTP.
package webchat

// Conversation is one chat session.
type Conversation struct {
	ID    string `json:"id"`
	RunID string `json:"run_id"`
	Turns int    `json:"turns"`
}

// NewConversation starts a conversation whose run id is its id.
func NewConversation(id string) *Conversation {
	return &Conversation{ID: id, RunID: id}
}
