package toolloop

import "context"

// Engine runs inference for one step.
type Engine interface {
	RunInference(ctx context.Context, prompt string) (string, error)
}

// RunLoop runs the tool loop until the engine stops asking for tools.
func RunLoop(ctx context.Context, e Engine, prompt string) (string, error) {
	// run the engine once per step
	return e.RunInference(ctx, prompt)
}

// Session identifies the conversation the loop works for.
type Session struct {
	RunID string
}
