// Package stop carries an interrupt (Ctrl-C at the console, a deadline on
// a client's message) to the loops that do not see the interpreter: long
// primitives and engine kernels check Requested at their chunk boundaries
// and give up with Err, before they make any value visible, so that an
// interrupted operation either happened or did not.
//
// A request is the process's: the console clears it before each line.
// Contexts are watched while an evaluation runs under them; more than one
// may be, as when a test runs a client and a server in one process, and
// the end of any of them is a request.
package stop

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
)

// Err is the error of an interrupted operation: q's 'stop.
var Err = errors.New("stop")

var (
	requested atomic.Bool
	failed    atomic.Pointer[error] // what Fail gave
	nwatched  atomic.Int32          // len(watched), read without the lock
	mu        sync.Mutex
	watched   []*watch
)

type watch struct{ ctx context.Context }

// Request asks the running operation to stop.
func Request() { requested.Store(true) }

// Fail asks the running operation to stop with err: a builder that has
// no error to return (it makes a value from items) and finds it cannot
// finish, past the workspace, calls it and returns what it has; the
// evaluation that called it ends with err at its next check, and never
// shows that value.
func Fail(err error) { failed.CompareAndSwap(nil, &err) }

// Flagged reports whether a request or a failure is pending: Requested
// without the watched contexts, two atomic loads and no lock, for a
// caller that checks its own context itself (the evaluator, every few
// steps).
func Flagged() bool { return requested.Load() || failed.Load() != nil }

// Failed reports whether Fail was called (and its failure not yet
// taken): one atomic load, so that a builder that recurses can give up
// at every level once one level has failed.
func Failed() bool { return failed.Load() != nil }

// Cause is the error a stop ends with: Fail's, or Err.
func Cause() error {
	if p := failed.Load(); p != nil {
		return *p
	}
	return Err
}

// TakeFailure returns what Fail gave (nil if nothing) and withdraws it,
// as an evaluation does when it ends: a failure is its own, where a
// request (Ctrl-C) is the console's to withdraw.
func TakeFailure() error {
	if p := failed.Swap(nil); p != nil {
		return *p
	}
	return nil
}

// Clear withdraws a request and a failure, as the console does before
// each line.
func Clear() {
	requested.Store(false)
	failed.Store(nil)
}

// Requested reports whether an operation should stop: a request was
// made, or a watched context is done. It takes a lock when a context is
// watched, so loops call it once per chunk of work, not per item.
func Requested() bool {
	if requested.Load() || failed.Load() != nil {
		return true
	}
	if nwatched.Load() == 0 {
		return false
	}
	mu.Lock()
	defer mu.Unlock()
	for _, w := range watched {
		if w.ctx.Err() != nil {
			return true
		}
	}
	return false
}

// Watch makes Requested report the end of ctx (nil, or a context that
// never ends: nothing to watch) until the returned function is called.
func Watch(ctx context.Context) (end func()) {
	if ctx == nil || ctx.Done() == nil {
		return func() {}
	}
	w := &watch{ctx}
	mu.Lock()
	watched = append(watched, w)
	nwatched.Store(int32(len(watched)))
	mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			for i, v := range watched {
				if v == w {
					watched = append(watched[:i], watched[i+1:]...)
					break
				}
			}
			nwatched.Store(int32(len(watched)))
		})
	}
}
