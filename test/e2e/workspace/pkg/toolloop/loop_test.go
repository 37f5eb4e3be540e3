package toolloop

import (
	"context"
	"testing"
)

type echo struct{}

func (echo) RunInference(_ context.Context, prompt string) (string, error) { return prompt, nil }

func TestRunLoop(t *testing.T) {
	t.Run("returns the reply", func(t *testing.T) {
		got, err := RunLoop(context.Background(), echo{}, "hi")
		if err != nil || got != "hi" {
			t.Fatalf("RunLoop() = %q, %v", got, err)
		}
	})
}
