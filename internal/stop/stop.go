// Package stop carries an interrupt (Ctrl-C at the console) to the loops
// that do not see the interpreter: long engine kernels check Requested at
// their chunk boundaries and give up with Err, before they make any value
// visible, so that an interrupted operation either happened or did not.
package stop

import (
	"errors"
	"sync/atomic"
)

// Err is the error of an interrupted operation: q's 'stop.
var Err = errors.New("stop")

var requested atomic.Bool

// Request asks the running operation to stop.
func Request() { requested.Store(true) }

// Clear withdraws a request, as the console does before each line.
func Clear() { requested.Store(false) }

// Requested reports whether an operation should stop.
func Requested() bool { return requested.Load() }
