package planning

import (
	"encoding/json"
	"testing"
)

func TestPlanningStartJSONRoundTrip(t *testing.T) {
	in := NewPlanningStart("p1", "local")
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out EventPlanningStart
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("round trip %s -> %+v (%v)", b, out, err)
	}
	var wire EventPlanningStart
	if err := json.Unmarshal([]byte(`{"run_id":"p2","provider":"x"}`), &wire); err != nil || wire.RunID != "p2" {
		t.Fatalf("planning wire format: %+v (%v)", wire, err)
	}
}

func TestProjectorCountsIterations(t *testing.T) {
	p := NewProjector()
	p.OnStart(EventPlanningStart{RunID: "p1", Provider: "local"})
	p.OnIteration(PlanningRun{RunID: "p1", Iteration: 2})
	p.OnIteration(PlanningRun{RunID: "p1", Iteration: 3, Done: true})
	p.OnIteration(PlanningRun{RunID: "unknown", Iteration: 9})
	if n, done := p.Iterations("p1"); n != 3 || !done {
		t.Fatalf("iterations %d done %v", n, done)
	}
	if _, ok := p.Iterations("unknown"); ok {
		t.Fatal("an unknown planning run was aggregated")
	}
}
