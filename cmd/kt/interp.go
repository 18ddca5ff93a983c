package main

import "kt/q"

// NewInterp builds the console's interpreter with every host package's
// functions registered. This is the one place where hosts are wired in.
func NewInterp() *q.Interp {
	in := q.New()
	return in
}
