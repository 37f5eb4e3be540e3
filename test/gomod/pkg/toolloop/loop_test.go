package toolloop

import "testing"

func TestRunLoop(t *testing.T) {
	t.Run("runs to the limit", func(t *testing.T) {
		if got := New().RunLoop(4); got != 4 {
			t.Fatalf("ran %d steps", got)
		}
	})
}
