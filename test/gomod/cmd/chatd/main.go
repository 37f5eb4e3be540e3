// Command chatd serves webchat.
package main

import (
	"os"

	"example.com/chatapp/pkg/cmds/run"
	"example.com/chatapp/pkg/webchat"
)

func main() {
	r := webchat.NewRouter()
	_ = r.HandleChat("demo", "hello")
	os.Exit(run.Execute(os.Args[1:]))
}
