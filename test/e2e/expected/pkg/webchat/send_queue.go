package webchat

// QueuedPrompt is a prompt waiting for the conversation to become idle.
type QueuedPrompt struct {
	Prompt string
	SessionID  string
}

func enqueue(q []QueuedPrompt, conv *Conversation, prompt string) []QueuedPrompt {
	return append(q, QueuedPrompt{Prompt: prompt, SessionID: conv.ID})
}
