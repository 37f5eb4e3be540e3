package webchat

// EventPlanningStart is emitted when a planning iteration begins.
type EventPlanningStart struct {
	RunID     string `json:"run_id"`
	Iteration int    `json:"iteration"`
}

// PlanningRun is one planning iteration cycle; its run_id is not a session.
type PlanningRun struct {
	RunID string `json:"run_id"`
	Steps []string
}

type planningAgg struct {
	runs []PlanningRun
}

func projectPlanning(planning map[string]*planningAgg, ev EventPlanningStart) {
	agg := planning[ev.RunID]
	if agg == nil {
		agg = &planningAgg{}
		planning[ev.RunID] = agg
	}
	agg.runs = append(agg.runs, PlanningRun{RunID: ev.RunID})
}

// planningSession ties a planning iteration to the conversation that asked for it.
func planningSession(conv *Conversation) string {
	return conv.SessionID
}
