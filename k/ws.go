package k

import (
	"sync/atomic"

	"kt/internal/stop"
	"kt/internal/ws"
)

// Need reports whether n items of size bytes each may be allocated: nil,
// or the q signal 'limit (a size that cannot exist) or 'wsfull (past the
// workspace limit). Builders of large values call it before they allocate.
func Need(n, size int) error {
	if err := ws.Check(n, size); err != nil {
		return Err(err.Error())
	}
	return nil
}

// ItemSize is the bytes one item of a vector of type t takes (t's sign is
// ignored): 16 for a general list's item, a symbol or a guid.
func ItemSize(t int) int {
	switch max(t, -t) {
	case TBool, TByte, TChar:
		return 1
	case TShort:
		return 2
	case TInt, TReal, TMonth, TDate, TMinute, TSecond, TTime:
		return 4
	case TLong, TFloat, TTimestamp, TDatetime, TTimespan:
		return 8
	}
	return 16
}

// NeedItems is Need for n items of a vector of type t.
func NeedItems(n, t int) error { return Need(n, ItemSize(t)) }

// ErrStop is q's 'stop: an interrupt, or a message past its time limit.
var ErrStop = &Error{"stop"}

// tickEvery is how many units of work pass between Tick's checks: a
// check reads the heap's size, a few microseconds, and a unit (an item
// of a general list) takes tens of nanoseconds or more.
const tickEvery = 1 << 14

var ticks atomic.Uint32

// Tick counts one unit of work in a loop whose length the workspace does
// not bound by itself: a primitive recursing through a general list,
// whose items are each small (so that no single allocation is checked),
// or that does work growing faster than its result. Every tickEvery-th
// call it checks for an interrupt ('stop) and the workspace ('wsfull),
// so that such a loop ends, with the session, as a q error.
func Tick() error { return TickN(1) }

// TickN is Tick for n units of work at once.
func TickN(n int) error {
	now := ticks.Add(uint32(n))
	if now/tickEvery == (now-uint32(n))/tickEvery && n < tickEvery {
		return nil
	}
	if err := Stopped(); err != nil {
		return err
	}
	if err := ws.Full(); err != nil {
		return Err(err.Error())
	}
	return nil
}

// Pulse is Tick for a recursion that has no error to return (a match, a
// hash key, a prototype): a stop or a full workspace fails the evaluation
// (stop.Fail), and from then on Pulse reports true, for every level of the
// recursion to give up at once with any value. The evaluation ends with
// the failure and never shows that value.
func Pulse() bool { return PulseN(1) }

// PulseN is Pulse for n units of work at once: the cells a display made,
// the bytes a one-line form wrote.
func PulseN(n int) bool {
	if stop.Failed() {
		return true
	}
	if err := TickN(n); err != nil {
		stop.Fail(err)
		return true
	}
	return false
}

// Stopped is the q error the running evaluation is to stop with (see
// package stop), or nil: 'stop for an interrupt or a deadline, or what a
// builder gave stop.Fail.
func Stopped() error {
	if !stop.Requested() {
		return nil
	}
	switch err := stop.Cause().(type) {
	case *Error:
		return err
	default:
		if err == stop.Err {
			return ErrStop
		}
		return Err(err.Error())
	}
}
