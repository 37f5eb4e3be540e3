// Package toolloop runs the tool-calling loop.
package toolloop

// Loop is a tool-calling loop.
type Loop struct {
	steps int
}

// New returns a loop.
func New() *Loop { return &Loop{} }

// RunLoop runs the loop for at most max steps and returns how many it ran.
func (l *Loop) RunLoop(max int) int {
	for l.steps < max {
		l.steps++
	}
	return l.steps
}
