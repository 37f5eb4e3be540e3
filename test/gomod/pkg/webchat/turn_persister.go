package webchat

import "example.com/chatapp/pkg/turns"

type turnPersister struct {
	runID string
	store *turns.Store
	next  int
}

func newTurnPersister(conv *Conversation, store *turns.Store) *turnPersister {
	return &turnPersister{runID: conv.RunID, store: store}
}

func (p *turnPersister) persist(text string) {
	p.next++
	p.store.Save(turns.TurnSnapshot{RunID: p.runID, TurnID: text, CreatedAtMs: int64(p.next)})
}
