// Package stop carries an interrupt (Ctrl-C at the console, a deadline on
// a client's message) to the loops that do not see the interpreter: long
// primitives and engine kernels check Requested at their chunk boundaries
// and give up with Err, before they make any value visible, so that an
// interrupted operation either happened or did not.
//
// The process evaluates one thing at a time, as q does, so the request
// and the watched context are the process's: the console clears the
// request before each line, and Watch restores the context it replaced.
package stop

import (
	"context"
	"errors"
	"sync/atomic"
)

// Err is the error of an interrupted operation: q's 'stop.
var Err = errors.New("stop")

var (
	requested atomic.Bool
	watched   atomic.Pointer[context.Context]
)

// Request asks the running operation to stop.
func Request() { requested.Store(true) }

// Clear withdraws a request, as the console does before each line.
func Clear() { requested.Store(false) }

// Requested reports whether an operation should stop: a request was
// made, or the watched context is done. It takes a lock when a context is
// watched, so loops call it once per chunk of work, not per item.
func Requested() bool {
	if requested.Load() {
		return true
	}
	if c := watched.Load(); c != nil && (*c).Err() != nil {
		return true
	}
	return false
}

// Watch makes Requested report the end of ctx (nil: none) until the
// returned function restores the context watched before.
func Watch(ctx context.Context) (restore func()) {
	var p *context.Context
	if ctx != nil && ctx.Done() != nil {
		p = &ctx
	}
	prev := watched.Swap(p)
	return func() { watched.Store(prev) }
}
