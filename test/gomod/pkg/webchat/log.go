package webchat

import "strings"

// Event is a tiny structured log line in the style of zerolog.
type Event struct {
	fields []string
}

// Info starts a log event.
func Info() *Event { return &Event{} }

// Str adds a string field.
func (e *Event) Str(key, value string) *Event {
	e.fields = append(e.fields, key+"="+value)
	return e
}

// Msg finishes the event.
func (e *Event) Msg(msg string) string {
	return msg + " " + strings.Join(e.fields, " ")
}
