package q

import (
	"strconv"
	"strings"

	"kt/k"
)

// Where an error happened, as q 4 shows it under the error:
//
//	'type
//	  [1]  f:{a:x*2;a+y}
//	                 ^
//
// the frame's depth, the function (its global name if it has one) or the
// console line, and a caret under the primitive that failed. The
// evaluator notes the innermost application an error comes out of; Trace
// formats it.

// errorSpot is an application in a frame of the stack: where an error
// came from, or where a frame called the next.
type errorSpot struct {
	node  *k.V       // the application's first item
	lam   *Lambda    // the function it ran in, nil for the console line
	top   *SourceMap // the console line's map, for a line's own applications
	depth int
	// outer is the frames around it when the error happened, outermost
	// first (the error's spot only).
	outer []errorSpot
}

// callSite is a lambda's call: the application that made it, the frame
// that application ran in (nil at the console line), and the line's map.
type callSite struct {
	node *k.V
	fr   *frame
	top  *SourceMap
}

// sourceLam is fr's lambda if it has source to show, else nil.
func sourceLam(fr *frame) *Lambda {
	if fr != nil && fr.lam != nil && fr.lam.Src != "" {
		return fr.lam
	}
	return nil
}

// stackAt is the stack of frames, outermost first, with node in frame fr
// as the innermost frame's place: the lambdas running (in.calls) and the
// applications that called them.
func (in *Interp) stackAt(node *k.V, fr *frame) []errorSpot {
	spots := make([]errorSpot, 0, len(in.calls)+1)
	for j, c := range in.calls {
		if c.node != nil {
			spots = append(spots, errorSpot{node: c.node, lam: sourceLam(c.fr), top: c.top, depth: j})
		}
	}
	return append(spots, errorSpot{node: node, lam: sourceLam(fr), top: in.top, depth: len(in.calls)})
}

// noteError records where err came from, once per error: the first (the
// innermost) application it leaves, and the frames around it then.
// Signals that are control flow are not errors.
func (in *Interp) noteError(err error, n k.List, fr *frame) {
	if in.trace != nil || len(n) == 0 {
		return
	}
	if _, ok := err.(*k.Error); !ok {
		return
	}
	st := in.stackAt(&n[0], fr)
	t := st[len(st)-1]
	t.outer = st[:len(st)-1]
	in.trace = &t
}

// clearError forgets a noted error, once it has been caught (trap).
func (in *Interp) clearError() { in.trace = nil }

// Trace is the location of the last error of Line or Eval, as q 4 shows
// it: "  [n]  source" and a caret line; "" where it is not known.
func (in *Interp) Trace() string {
	if in.trace == nil {
		return ""
	}
	return in.formatSpot(in.trace, "  ")
}

// Backtrace is the frames of the last error, innermost first, each as
// Trace shows one.
func (in *Interp) Backtrace() []string {
	t := in.trace
	if t == nil {
		return nil
	}
	var r []string
	if s := in.formatSpot(t, "  "); s != "" {
		r = append(r, s)
	}
	for i := len(t.outer) - 1; i >= 0; i-- {
		if s := in.formatSpot(&t.outer[i], "  "); s != "" {
			r = append(r, s)
		}
	}
	return r
}

// backtraceNow is .Q.bt's text: the stack of the application being made,
// innermost first; at the debugger's prompt, the suspended stack with >>
// at the debugger's frame (its own frame is not shown).
func (in *Interp) backtraceNow() string {
	if in.susp != nil {
		return in.susp.backtrace()
	}
	st := in.stackAt(in.site, in.siteFr)
	var b strings.Builder
	for i := len(st) - 1; i >= 0; i-- {
		b.WriteString(in.formatSpot(&st[i], "  "))
	}
	return b.String()
}

// formatSpot shows an application as q 4 does: mark (two blanks, or >>
// for the debugger's frame), [depth], the source line, and a caret line;
// "" where the place is not known.
func (in *Interp) formatSpot(t *errorSpot, mark string) string {
	var src string
	var m *SourceMap
	off, abs := -1, 0
	if t.lam != nil {
		if o, ok := t.lam.Spots.offset(t.node); ok && o >= t.lam.Start && o-t.lam.Start < len(t.lam.Src) {
			src, off, m, abs = t.lam.Src, o-t.lam.Start, t.lam.Spots, o
			if name := in.nameOf(t.lam); name != "" {
				src = name + ":" + src
				off += len(name) + 1
			}
		}
	}
	if off < 0 {
		o, ok := t.top.offset(t.node)
		if !ok || o >= len(t.top.Src) {
			return ""
		}
		src, off, m, abs = t.top.Src, o, t.top, o
	}
	// the line of src that holds the caret
	start := strings.LastIndexByte(src[:off], '\n') + 1
	end := strings.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += off
	}
	head := mark + "[" + strconv.Itoa(t.depth) + "]  "
	if m.File != "" {
		// a script's line: file:line: before the source
		ln := m.Line + strings.Count(m.Src[:abs], "\n")
		head += m.File + ":" + strconv.Itoa(ln) + ": "
	}
	line := src[start:end]
	pad := strings.Repeat(" ", len(head)+off-start)
	return head + line + "\n" + pad + "^\n"
}

// nameOf is the global name of a function, if one holds it; a lambda
// written inside a named one is that name and @, as q 4 names it (f@).
func (in *Interp) nameOf(l *Lambda) string {
	for name, v := range in.globals {
		if v == k.V(l) {
			return strings.TrimPrefix(name, ".")
		}
	}
	if l.Outer != nil {
		if n := in.nameOf(l.Outer); n != "" {
			return n + "@"
		}
	}
	return ""
}
