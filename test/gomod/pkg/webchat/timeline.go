package webchat

import "example.com/chatapp/pkg/planning"

// TimelineEntry is what the debug UI shows for a planning event inside a conversation.
type TimelineEntry struct {
	ConversationRunID string `json:"conversation_run_id"`
	PlanningRunID     string `json:"planning_run_id"`
	Provider          string `json:"provider"`
}

// timelineEntryFor joins a planning start event to the conversation it happened in.
func timelineEntryFor(conv *Conversation, ev planning.EventPlanningStart) TimelineEntry {
	return TimelineEntry{
		ConversationRunID: conv.RunID,
		PlanningRunID:     ev.RunID,
		Provider:          ev.Provider,
	}
}
