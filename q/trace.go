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

// errorSpot is the innermost application an error came out of.
type errorSpot struct {
	node  *k.V       // the application's first item
	lam   *Lambda    // the function it ran in, nil for the console line
	top   *SourceMap // the console line's map, for a line's own applications
	depth int
}

// noteError records where err came from, once per error: the first (the
// innermost) application it leaves. Signals that are control flow are not
// errors.
func (in *Interp) noteError(err error, n k.List, fr *frame) {
	if in.trace != nil || len(n) == 0 {
		return
	}
	if _, ok := err.(*k.Error); !ok {
		return
	}
	var lam *Lambda
	if fr != nil && fr.lam != nil && fr.lam.Src != "" {
		lam = fr.lam
	}
	in.trace = &errorSpot{node: &n[0], lam: lam, top: in.top, depth: in.depth}
}

// clearError forgets a noted error, once it has been caught (trap).
func (in *Interp) clearError() { in.trace = nil }

// Trace is the location of the last error of Line or Eval, as q 4 shows
// it: "  [n]  source" and a caret line; "" where it is not known.
func (in *Interp) Trace() string {
	t := in.trace
	if t == nil {
		return ""
	}
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
	head := "  [" + strconv.Itoa(t.depth) + "]  "
	if m.File != "" {
		// a script's line: file:line: before the source
		ln := m.Line + strings.Count(m.Src[:abs], "\n")
		head += m.File + ":" + strconv.Itoa(ln) + ": "
	}
	line := src[start:end]
	pad := strings.Repeat(" ", len(head)+off-start)
	return head + line + "\n" + pad + "^\n"
}

// nameOf is the global name of a function, if one holds it.
func (in *Interp) nameOf(l *Lambda) string {
	for name, v := range in.globals {
		if v == k.V(l) {
			return strings.TrimPrefix(name, ".")
		}
	}
	return ""
}
