// Package inference runs model inference.
package inference

import "strings"

// RunInference runs inference for a prompt.
func RunInference(prompt string) string {
	return strings.ToUpper(prompt)
}
