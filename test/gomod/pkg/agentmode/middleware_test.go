package agentmode

import (
	"encoding/json"
	"testing"
)

func TestLatestMode(t *testing.T) {
	r := &Recorder{}
	r.Record("c1", "plan", 1)
	r.Record("c2", "chat", 2)
	r.Record("c1", "act", 3)
	if got := r.Latest("c1"); got != "act" {
		t.Fatalf("latest %q", got)
	}
}

func TestModeChangeJSONRoundTrip(t *testing.T) {
	in := ModeChange{RunID: "c1", Mode: "act", At: 3}
	b, _ := json.Marshal(in)
	var out ModeChange
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("round trip %s -> %+v (%v)", b, out, err)
	}
}
