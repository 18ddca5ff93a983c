package main

import (
	"kt/ktorch"
	"kt/q"
)

// seed seeds the session's random numbers (tensor(`randn; ...)).
const seed = 42

// NewInterp builds the console's interpreter with every host package's
// functions registered. This is the one place where hosts are wired in:
// ktorch's k-api (loss, tensor, free, options, mse, ...).
func NewInterp() *q.Interp {
	in := q.New()
	s := ktorch.NewSession(seed)
	for _, b := range s.Builtins() {
		in.Register(b)
	}
	return in
}
