package webchat

import (
	"encoding/json"
	"testing"

	"example.com/chatapp/pkg/planning"
)

func TestConversationJSONRoundTrip(t *testing.T) {
	in := Conversation{ID: "c1", RunID: "r1", Turns: 2}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Conversation
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Fatalf("round trip: got %+v, want %+v", out, in)
	}
	var generic map[string]interface{}
	if err := json.Unmarshal(b, &generic); err != nil {
		t.Fatal(err)
	}
	if generic["run_id"] != "r1" {
		t.Fatalf("wire field: %s", b)
	}
}

func TestHandleChat(t *testing.T) {
	r := NewRouter()
	t.Run("returns the conversation id", func(t *testing.T) {
		resp := r.HandleChat("c1", "hello")
		if resp["run_id"] != "c1" {
			t.Fatalf("response %v", resp)
		}
	})
	t.Run("stores the turn", func(t *testing.T) {
		got := r.HandleTurns(map[string]string{"run_id": "c1"})
		if len(got) != 1 || got[0].RunID != "c1" {
			t.Fatalf("turns %+v", got)
		}
	})
	if len(r.logs) != 1 || r.logs[0] != "chat request run_id=c1" {
		t.Fatalf("logs %q", r.logs)
	}
}

func TestSendQueue(t *testing.T) {
	conv := &Conversation{ID: "c9", RunID: "r1"}
	p := newTurnPersister(conv, NewRouter().store)
	if p.runID != "r1" {
		t.Fatalf("persister run id %q", p.runID)
	}
}

func TestTimelineKeepsBothIDs(t *testing.T) {
	conv := NewConversation("c1")
	ev := planning.EventPlanningStart{RunID: "p7", Provider: "local"}
	e := timelineEntryFor(conv, ev)
	if e.ConversationRunID != "c1" || e.PlanningRunID != "p7" {
		t.Fatalf("entry %+v", e)
	}
}
