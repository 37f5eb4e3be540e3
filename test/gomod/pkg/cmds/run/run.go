// Package run is the `chatd run` command: it executes the server.
package run

import "fmt"

// Execute runs the command and returns its exit code.
func Execute(args []string) int {
	if len(args) > 0 && args[0] == "--help" {
		fmt.Println("usage: chatd run [--help]")
	}
	return 0
}
