package planning

// planningAgg accumulates the iterations of one planning run.
type planningAgg struct {
	runID      string
	provider   string
	iterations int
	done       bool
}

// Projector folds planning events into a per-run view for the timeline.
type Projector struct {
	planning map[string]*planningAgg
}

// NewProjector returns an empty projector.
func NewProjector() *Projector {
	return &Projector{planning: map[string]*planningAgg{}}
}

// OnStart opens the aggregate of a planning run.
func (p *Projector) OnStart(ev EventPlanningStart) {
	if _, ok := p.planning[ev.RunID]; !ok {
		p.planning[ev.RunID] = &planningAgg{runID: ev.RunID, provider: ev.Provider}
	}
}

// OnIteration counts an iteration of a planning run.
func (p *Projector) OnIteration(run PlanningRun) {
	agg, ok := p.planning[run.RunID]
	if !ok {
		return
	}
	agg.iterations = run.Iteration
	agg.done = run.Done
}

// Iterations reports how far a planning run got.
func (p *Projector) Iterations(runID string) (int, bool) {
	agg, ok := p.planning[runID]
	if !ok {
		return 0, false
	}
	return agg.iterations, agg.done
}
