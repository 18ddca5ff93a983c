package main

import (
	"kt/k"
	"kt/ktorch"
	"kt/q"
)

// seed seeds the session's random numbers (tensor(`randn; ...)).
const seed = 42

// NewInterp builds the console's interpreter with every host package's
// functions registered. This is the one place where hosts are wired in:
// ktorch's k-api (loss, tensor, free, options, mse, ...). Its functions
// are globals, as ktorch's are once a q session loads them, so a script
// may reuse a name such as l1 for its own variable; scripts written for
// ktorch may also load them themselves: {key[x]set'x}(`ktorch 2:`fns,1)[].
func NewInterp() *q.Interp {
	in := q.New()
	s := ktorch.NewSession(seed)
	for _, b := range s.Builtins() {
		in.Set(b.Name, b)
	}
	in.Libraries = map[string]func(string, int) (k.V, error){"ktorch": s.Library}
	return in
}
