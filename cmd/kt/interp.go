package main

import (
	"kt/ktorch"
	"kt/q"
)

// NewInterp builds the console's interpreter with every host package's
// functions registered. This is the one place where hosts are wired in.
// The k-api's functions are defined as globals, as ktorch's are when q
// loads them, so a script may reuse their names for its own variables.
func NewInterp() *q.Interp {
	in := q.New()
	s := ktorch.NewSession(42)
	for _, b := range s.Builtins() {
		in.Set(b.Name, b)
	}
	return in
}
