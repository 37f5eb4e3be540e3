package timeline

import (
	"github.com/example/geppetto/pkg/events"
)

type planningAgg struct {
	runID      string
	sessionID  string
	iterations int
	done       bool
}

// Projector folds events into timeline entities.
type Projector struct {
	conv     *Conversation
	planning map[string]*planningAgg
}

func (p *Projector) Apply(e events.Event) {
	switch ev := e.(type) {
	case *events.EventPlanningStart:
		runID := ev.RunID
		p.planning[runID] = &planningAgg{runID: runID, sessionID: ev.Metadata().SessionID}
	case *events.EventPlanningIteration:
		agg, ok := p.planning[ev.RunID]
		if !ok {
			return
		}
		agg.iterations = ev.IterationIndex
	case *events.EventFinal:
		p.emit(p.conv.RunID, ev.Text)
	}
}

func (p *Projector) finishPlanning(ev *events.EventPlanningComplete) {
	for runID, agg := range p.planning {
		if runID == ev.RunID {
			agg.done = true
		}
	}
	log.Debug().Str("run_id", ev.RunID).Msg("planning complete")
}

func (a *planningAgg) entityID() string {
	return "planning-" + a.runID
}
