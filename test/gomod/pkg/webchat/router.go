package webchat

import (
	"example.com/chatapp/pkg/inference"
	"example.com/chatapp/pkg/toolloop"
	"example.com/chatapp/pkg/turns"
)

// Router routes chat requests to conversations.
type Router struct {
	convs map[string]*Conversation
	store *turns.Store
	logs  []string
}

// NewRouter returns an empty router.
func NewRouter() *Router {
	return &Router{convs: map[string]*Conversation{}, store: &turns.Store{}}
}

// HandleChat answers POST /chat.
func (r *Router) HandleChat(convID, prompt string) map[string]string {
	conv, ok := r.convs[convID]
	if !ok {
		conv = NewConversation(convID)
		r.convs[convID] = conv
	}
	r.logs = append(r.logs, Info().Str("run_id", conv.RunID).Msg("chat request"))
	answer := startRunForPrompt(conv, prompt)
	p := newTurnPersister(conv, r.store)
	p.persist(answer)
	return map[string]string{"run_id": conv.RunID, "answer": answer}
}

// HandleTurns answers GET /turns?run_id=….
func (r *Router) HandleTurns(query map[string]string) []turns.TurnSnapshot {
	runID := query["run_id"]
	return r.store.List(turns.TurnQuery{RunID: runID, Limit: 10})
}

func startRunForPrompt(conv *Conversation, prompt string) string {
	run := conv.RunID
	loop := toolloop.New()
	steps := loop.RunLoop(3)
	conv.Turns += steps
	return inference.RunInference(run + ": " + prompt)
}
