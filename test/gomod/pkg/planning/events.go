// Package planning models planning runs: one iteration cycle of the planner. Its run id is a
// planning run id, a distinct concept from the chat session, and keeps its name.
package planning

// PlanningRun is one planning iteration cycle.
type PlanningRun struct {
	RunID     string `json:"run_id"`
	Iteration int    `json:"iteration"`
	Done      bool   `json:"done"`
}

// EventPlanningStart is published when a planning run begins.
type EventPlanningStart struct {
	RunID    string `json:"run_id"`
	Provider string `json:"provider"`
}

// NewPlanningStart builds the start event of a planning run.
func NewPlanningStart(runID, provider string) EventPlanningStart {
	return EventPlanningStart{RunID: runID, Provider: provider}
}
