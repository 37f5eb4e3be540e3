package webchat

import (
	"context"
	"sync"

	"github.com/rs/zerolog/log"
)

// Conversation holds the state of one chat session.
type Conversation struct {
	ID string
	// RunID identifies the session for the turn store and the UI.
	// Deprecated: use SessionID.
	RunID     string `json:"run_id" yaml:"run_id"`
	mu        sync.Mutex
	running   bool
	Sink      EventSink
	updatedAt int64
}

// NewConversation creates a conversation for a session id.
func NewConversation(id string, runID string) *Conversation {
	return &Conversation{ID: id, RunID: runID}
}

func (c *Conversation) startRunForPrompt(ctx context.Context, prompt string) error {
	runLog := log.With().Str("run_id", c.RunID).Logger()
	runLog.Info().Str("prompt", prompt).Msg("starting inference")
	if c.running {
		return errAlreadyRunning
	}
	c.running = true
	go c.RunLoop(ctx)
	return nil
}

func (c *Conversation) RunLoop(ctx context.Context) {
	resRunID := c.RunID
	_ = resRunID
}
