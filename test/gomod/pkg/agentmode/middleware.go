// Package agentmode records agent mode switches.
package agentmode

// ModeChange is one switch of the agent mode within a conversation.
type ModeChange struct {
	RunID string `json:"run_id"`
	Mode  string `json:"mode"`
	At    int64  `json:"at"`
}

// Recorder keeps mode changes in memory.
type Recorder struct {
	changes []ModeChange
}

// Record stores a change.
func (r *Recorder) Record(runID, mode string, at int64) {
	r.changes = append(r.changes, ModeChange{RunID: runID, Mode: mode, At: at})
}

// Latest returns the newest mode of a conversation.
func (r *Recorder) Latest(runID string) string {
	mode := ""
	for _, c := range r.changes {
		if c.RunID == runID {
			mode = c.Mode
		}
	}
	return mode
}
