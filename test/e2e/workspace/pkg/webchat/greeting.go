package webchat

// greet welcomes the user back to their conversation.
func greet(c *Conversation) string { return "🚀 welcome back, " + c.RunID }
