package webchat

import (
	"encoding/json"
	"net/http"

	"github.com/rs/zerolog/log"
)

type chatResponse struct {
	SessionID string `json:"session_id"`
	RunID     string `json:"run_id"`
	Queued    bool   `json:"queued"`
}

func (r *Router) handleChat(w http.ResponseWriter, req *http.Request) {
	conv, err := r.cm.GetOrCreate(req.Context(), req.URL.Query().Get("conv_id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	log.Info().Str("conv_id", conv.ID).Str("run_id", conv.RunID).Msg("chat request")
	if err := r.startRunForPrompt(req.Context(), conv, prompt); err != nil {
		log.Error().Err(err).Str("run_id", conv.RunID).Msg("failed to start inference")
	}
	_ = json.NewEncoder(w).Encode(map[string]any{
		"session_id": conv.RunID,
		"run_id":     conv.RunID,
		"queued":     false,
	})
}

func (r *Router) handleTurns(w http.ResponseWriter, req *http.Request) {
	q := req.URL.Query()
	sessionID := q.Get("session_id")
	if sessionID == "" {
		if legacy := q.Get("run_id"); legacy != "" {
			log.Warn().Msg("the run_id query parameter is deprecated; use session_id")
			sessionID = legacy
		}
	}
	runID := q.Get("run_id")
	items, err := r.turns.List(req.Context(), TurnQuery{RunID: runID, Limit: 200})
	if err != nil {
		http.Error(w, "cannot list turns for run_id "+runID, http.StatusInternalServerError)
		return
	}
	writeJSON(w, map[string]any{"run_id": runID, "items": items})
}

func (r *Router) startRunForPrompt(ctx context.Context, conv *Conversation, prompt string) error {
	run := conv.RunID
	log.Debug().Str("session", run).Msg("start")
	return r.engine.RunInference(ctx, conv.Turn)
}

func (r *Router) debugURL(conv *Conversation) string {
	return "/debug/turns?run_id=" + conv.RunID + "&limit=50"
}
