package k

import (
	"strings"

	"kt/internal/stop"
)

// Printer formats values as q's console does.
//
// The console shows an atom or a simple vector in its one-line form (the
// form of -3!), a function as its source text, and a general list,
// dictionary or table as lines: one item of a list a line, a dictionary as
// key| value, a table under a header and a line of dashes. Every line
// longer than Cols-1 is cut to Cols-3 characters and ends in "..", and a
// long list, dictionary or table shows its first items and a final "..".
type Printer struct {
	Precision  int // \P: significant digits for reals and floats; 0 means 17 (default 7)
	Rows, Cols int // \c: console height and width (default 25 80)
	// Domain, when set, gives the symbols of an enumeration domain, so
	// that enumerations show as `d$`a`b; without it they show indices.
	Domain func(name string) (Syms, bool)
}

// enumSyms is the text of each item of an enumeration.
func (p *Printer) enumSyms(e *Enums) []string {
	var dom Syms
	if p.Domain != nil {
		dom, _ = p.Domain(e.Domain)
	}
	r := make([]string, len(e.Idx))
	for i, j := range e.Idx {
		if j >= 0 && j < int64(len(dom)) {
			r[i] = dom[j]
		}
	}
	return r
}

// Defaults of \P and \c, and the range q coerces \c to.
const (
	DefaultPrecision = 7
	DefaultRows      = 25
	DefaultCols      = 80
	minConsole       = 10
	maxConsole       = 2000
)

// maxCells is how many items of a matrix row, or columns of a table, the
// console formats: q's limit of half the width of \C 36 2000.
const maxCells = 1000

// DefaultPrinter is a Printer with q's defaults: \P 7 and \c 25 80.
func DefaultPrinter() *Printer {
	return &Printer{Precision: DefaultPrecision, Rows: DefaultRows, Cols: DefaultCols}
}

// console is the console size in use: 0 means the default, anything else is
// coerced to [10,2000] as \c does.
func (p *Printer) console() (rows, cols int) {
	clamp := func(n, def int) int {
		switch {
		case n == 0:
			return def
		case n < minConsole:
			return minConsole
		case n > maxConsole:
			return maxConsole
		}
		return n
	}
	return clamp(p.Rows, DefaultRows), clamp(p.Cols, DefaultCols)
}

// Show is what the q console prints for v: "" for ::, else the display
// ending in a newline. A list, dictionary or table with no items shows
// nothing, as in q.
func (p *Printer) Show(v V) string {
	if IsNil(v) {
		return ""
	}
	rows, cols := p.console()
	width := cols - 1
	// Text past the width is cut, so one-line forms may stop early.
	f := shower{p: p, limit: cols, seen: map[[2]uintptr]shown{}}
	var lines []string
	if a, ok := v.(*Attr); !ok || a.V.Type() >= TTable {
		// Only a vector shows its attribute (`s#1 2 3); a sorted
		// dictionary, a table and the items of a list show plain.
		v = Plain(v)
	}
	t := typeOf(v)
	switch {
	case t < 0 || (t > 0 && t < 77):
		lines = []string{f.one(v)}
	case t > TDict:
		lines = strings.Split(p.String1(v), "\n")
	case t == TList && Count(v) == 1 && typeOf(v.(List)[0]) < 0:
		// A general list of one atom shows as its one-line form: ,5
		// (a list of one list is a matrix of one row).
		lines = []string{f.one(v)}
	default:
		n := rows - 2
		if _, ok := v.(*Table); ok || IsKeyedTable(v) {
			n -= 2
		}
		cut := Count(v) > n
		shown := v
		if cut {
			shown = first(v, n-1)
		}
		var ok bool
		if lines, ok = f.lines(shown); !ok {
			if stop.Failed() {
				return "" // the evaluation ends with the failure
			}
			// q falls back to the one-line form of the whole value, uncut.
			return p.String1(v) + "\n"
		}
		if cut {
			lines = append(lines, "..")
		}
	}
	var b strings.Builder
	for _, l := range lines {
		if len(l) > width {
			l = l[:width-2] + ".."
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
