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
	// the stack when it happened, outermost first, the frame of each
	// level (nil for the console line), and the level lines run in
	spots []errorSpot
	frs   []*frame
	cur   int
}

// Up moves the debugger to the frame that called the current one, as `
// at q)) does, and shows it; at the outermost it stays.
func (s *Suspension) Up() string {
	s.cur = max(s.cur-1, 0)
	return s.in.formatSpot(&s.spots[s.cur], "  ")
}

// Down moves the debugger back toward the frame of the error, as . at
// q)) does, and shows it.
func (s *Suspension) Down() string {
	s.cur = min(s.cur+1, len(s.spots)-1)
	return s.in.formatSpot(&s.spots[s.cur], "  ")
}

// Where is the error and the current frame, as & at q)) shows them.
func (s *Suspension) Where() string {
	return FormatError(s.Err) + "\n" + s.in.formatSpot(&s.spots[s.cur], "  ")
}

// frame is the frame lines run in: the current level's.
func (s *Suspension) frame() *frame { return s.frs[s.cur] }

// backtrace is the stack, innermost first, with >> at the current frame.
func (s *Suspension) backtrace() string {
	var b strings.Builder
	for i := len(s.spots) - 1; i >= 0; i-- {
		mark := "  "
		if i == s.cur {
			mark = ">>"
		}
		b.WriteString(s.in.formatSpot(&s.spots[i], mark))
	}
	return b.String()
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
	s := &Suspension{in: in, fr: fr, Err: err, Trace: in.Trace()}
	if t := in.trace; t != nil {
		s.spots = append(append([]errorSpot{}, t.outer...), *t)
		for _, c := range in.calls {
			if c.node != nil {
				s.frs = append(s.frs, c.fr)
			}
		}
		s.frs = append(s.frs, fr)
		if len(s.spots) > len(s.frs) {
			// the error came from deeper, from a frame that could not
			// suspend: this frame's place is where it called that one
			s.spots = s.spots[:len(s.frs)]
		}
	} else {
		s.spots, s.frs = []errorSpot{{}}, []*frame{fr}
	}
	s.cur = len(s.spots) - 1
	prev := in.susp
	in.susp = s
	defer func() { in.susp = prev }()
	return in.Debugger(s)
}

// Line evaluates a line in the suspended function's frame and returns what
// the console shows for it.
func (s *Suspension) Line(src string) (out string, err error) {
	defer guard(&err)
	s.in.trace = nil
	return s.in.lineIn(strings.TrimRight(src, "\r\n"), s.frame())
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
	return s.in.runIn(st, s.frame())
}

// lambdaValue is value of a lambda, in the layout of q 3.5 and later
// (docs/ref/value.md): (bytecode;parameters;locals;(namespace,globals);
// constants...;m;name;file;line;source). kt compiles no bytecode, so the
// first item is an empty byte vector and m (the map from bytecode to
// source) is -1, "position unknown".
func (in *Interp) lambdaValue(l *Lambda) k.V {
	params := k.Syms(append([]string{}, l.Params...))
	locals := k.Syms(append([]string{}, l.Names[len(l.Params):]...))
	known := map[string]bool{}
	for _, n := range l.Names {
		known[n] = true
	}
	globals := k.Syms{strings.TrimPrefix(l.NS, ".")}
	var consts []k.V
	seen := map[string]bool{}
	var walk func(t k.V)
	walk = func(t k.V) {
		switch v := t.(type) {
		case k.Sym:
			n := string(v)
			if !known[n] && !seen[n] {
				if _, kw := in.keywords[n]; !kw {
					seen[n] = true
					globals = append(globals, n)
				}
			}
		case k.List:
			for _, e := range v {
				walk(e)
			}
		case *assign:
		case *Lambda, *Verb, *Iter, hole, seq, *control:
		default:
			if v != nil && !k.IsNil(v) && v.Type() < k.TTable {
				consts = append(consts, v)
			}
		}
	}
	for _, st := range l.Body {
		walk(st)
	}
	name := in.nameOf(l)
	if name != "" {
		name = "." + l.NS + "." + name
		if l.NS != "" {
			name = l.NS + "." + strings.TrimPrefix(in.nameOf(l), strings.TrimPrefix(l.NS, ".")+".")
		}
	}
	file, line := "", int64(-1)
	if l.Spots != nil && l.Spots.File != "" {
		file = l.Spots.File
		line = int64(l.Spots.Line + strings.Count(l.Spots.Src[:min(l.Start, len(l.Spots.Src))], "\n"))
	}
	r := k.List{k.Bytes{}, params, locals, globals}
	r = append(r, consts...)
	return append(r, k.Long(-1), k.Chars(name), k.Chars(file), k.Long(line), k.Chars(l.Src))
}
