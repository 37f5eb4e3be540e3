package webchat

import "github.com/rs/zerolog/log"

type chatResponse struct {
	RunID  string `json:"run_id"`
	Status string `json:"status"`
}

func handleChat(conv *Conversation, prompt string) chatResponse {
	runID := conv.ID
	log.Info().Str("run_id", runID).Msg("prompt accepted")
	return chatResponse{RunID: runID, Status: "queued"}
}
