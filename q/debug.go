package q

import (
	"strings"

	"kt/k"
)

// The debugger: an error inside a function suspends it, as q's console
// does (q)) prompt), when a host sets Debugger. The host reads lines and
// evaluates them in the failed function's frame, with its locals visible
// (Suspension.Line), until it resumes (the failed application's result is
// the value given) or aborts (the error goes on).

// Suspension is a function suspended by an error.
type Suspension struct {
	in *Interp
	fr *frame
	// Err is the error that suspended the function.
	Err error
	// Trace is where it happened, as Trace shows it.
	Trace string
}

// Aborted is the error of a line whose suspended function was abandoned
// (\ at the q)) prompt): the console shows nothing more for it.
var Aborted = k.Err("abort")

// suspend offers an error that left application n in frame fr to the
// debugger: the value to resume with, or the error to go on with.
func (in *Interp) suspend(err error, fr *frame) (k.V, error) {
	if in.Debugger == nil || in.suspended || in.trapping > 0 || fr == nil || fr.lam == nil || fr.lam.Src == "" {
		return nil, err
	}
	if _, ok := err.(*k.Error); !ok || err == Aborted {
		return nil, err
	}
	in.suspended = true
	return in.Debugger(&Suspension{in: in, fr: fr, Err: err, Trace: in.Trace()})
}

// Line evaluates a line in the suspended function's frame and returns what
// the console shows for it.
func (s *Suspension) Line(src string) (out string, err error) {
	defer guard(&err)
	s.in.trace = nil
	return s.in.lineIn(strings.TrimRight(src, "\r\n"), s.fr)
}

// Value evaluates an expression in the suspended frame (the :e of a
// resume).
func (s *Suspension) Value(src string) (k.V, error) {
	if strings.TrimSpace(src) == "" {
		return k.Null, nil
	}
	st, err := Parse(src)
	if err != nil {
		return nil, err
	}
	return s.in.runIn(st, s.fr)
}
