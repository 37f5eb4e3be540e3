package webchat

import "github.com/rs/zerolog/log"

type chatResponse struct {
	SessionID  string `json:"session_id"`
	Status string `json:"status"`
}

func handleChat(conv *Conversation, prompt string) chatResponse {
	sessionID := conv.ID
	log.Info().Str("session_id", sessionID).Msg("prompt accepted")
	return chatResponse{SessionID: sessionID, Status: "queued"}
}
