package events

import "encoding/json"

// EventPlanningStart is published when a planning run begins.
// RunID is the planning run identifier (PlanningRun.run_id), not the session.
type EventPlanningStart struct {
	EventImpl
	RunID       string `json:"run_id"`
	Provider    string `json:"provider"`
	MaxIterations int  `json:"max_iterations"`
}

// EventPlanningIteration reports one iteration of a planning run.
type EventPlanningIteration struct {
	EventImpl
	RunID          string `json:"run_id"`
	IterationIndex int    `json:"iteration_index"`
}

func NewPlanningStart(metadata EventMetadata, runID string, provider string) *EventPlanningStart {
	return &EventPlanningStart{
		EventImpl: EventImpl{Type_: EventTypePlanningStart, Metadata_: metadata},
		RunID:     runID,
		Provider:  provider,
	}
}

func (e *EventPlanningStart) MarshalZerologObject(ev *zerolog.Event) {
	ev.Str("run_id", e.RunID).Str("provider", e.Provider)
}

// EventMetadata travels with every event.
type EventMetadata struct {
	ID        string `json:"message_id"`
	SessionID string `json:"session_id"`
	// LegacyRunID keeps the old run_id JSON field for consumers that have not migrated.
	LegacyRunID string `json:"run_id,omitempty"`
	TurnID      string `json:"turn_id"`
}

func (em EventMetadata) MarshalZerologObject(e *zerolog.Event) {
	e.Str("session_id", em.SessionID)
	e.Str("run_id", em.SessionID)
}

func (em *EventMetadata) UnmarshalJSON(b []byte) error {
	type alias EventMetadata
	var tmp alias
	if err := json.Unmarshal(b, &tmp); err != nil {
		return err
	}
	if tmp.SessionID == "" {
		tmp.SessionID = tmp.LegacyRunID
	}
	*em = EventMetadata(tmp)
	return nil
}
