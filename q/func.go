package q

import (
	"strings"

	"kt/k"
)

// Verb is a primitive operator such as + or <>. Its dyadic form has type
// 102 and is written with its glyph; its monadic form (+:, neg for -) has
// type 101 and is written with a trailing colon.
type Verb struct {
	Glyph   string
	Monadic bool
}

// Type is 101 for the monadic form, 102 for the operator.
func (v *Verb) Type() int {
	if v.Monadic {
		return k.TUnary
	}
	return k.TOp
}

// String is the glyph, with a colon for the monadic form.
func (v *Verb) String() string {
	if v.Monadic {
		return v.Glyph + ":"
	}
	return v.Glyph
}

// Iter is an iterator glyph (' ': / /: \ \:) before it is applied to a
// function; type 103.
type Iter struct{ Glyph string }

// Type is 103.
func (*Iter) Type() int { return k.TIter }

// String is the glyph.
func (it *Iter) String() string { return it.Glyph }

// Derived is a function derived by an iterator from a value: f', f/, f\,
// f':, f/:, f\: (types 106 to 111).
type Derived struct {
	Glyph string
	F     k.V
}

// Type is 106 to 111 by iterator.
func (d *Derived) Type() int {
	switch d.Glyph {
	case "'":
		return k.TEach
	case "/":
		return k.TOver
	case "\\":
		return k.TScan
	case "':":
		return k.TPrior
	case "/:":
		return k.TEachRight
	}
	return k.TEachLeft
}

// String is the value followed by the iterator glyph.
func (d *Derived) String() string { return str(d.F) + d.Glyph }

// Lambda is a function written in q: {[x;y] ...} (type 100). It displays as
// its source text.
type Lambda struct {
	Src    string
	Params []string
	// Names holds the parameters then the locals (names assigned in the
	// body with a single colon).
	Names []string
	Body  []k.V
	// NS is the namespace the lambda was defined in, where it runs.
	NS string
	// Spots places the body's applications in the source the lambda was
	// parsed from, where Src starts at byte Start.
	Spots *SourceMap
	Start int
	// Outer is the lambda whose body this one is written in, nil for
	// none: a trace names the inner one after the outer (f@).
	Outer *Lambda
}

// Type is 100.
func (*Lambda) Type() int { return k.TLambda }

// String is the source text.
func (l *Lambda) String() string { return l.Src }

// Proj is a projection: a function with some arguments fixed (type 104).
// A nil argument is a hole still to be filled.
type Proj struct {
	F    k.V
	Args []k.V
}

// Type is 104.
func (*Proj) Type() int { return k.TProj }

// String is the function followed by its arguments in brackets.
func (p *Proj) String() string {
	var b strings.Builder
	b.WriteString(str(p.F))
	b.WriteByte('[')
	args := p.Args
	for len(args) > 1 && args[len(args)-1] == nil {
		args = args[:len(args)-1]
	}
	for i, a := range args {
		if i > 0 {
			b.WriteByte(';')
		}
		if a != nil {
			b.WriteString(str(a))
		}
	}
	b.WriteByte(']')
	return b.String()
}

// Comp is a composition '[f;g]: f applied to the result of g (type 105).
type Comp struct{ F, G k.V }

// Type is 105.
func (*Comp) Type() int { return k.TComp }

// String is the two functions side by side, as q shows them.
func (c *Comp) String() string { return "'[" + str(c.F) + ";" + str(c.G) + "]" }

// Keyword is a named function provided by the interpreter or the
// primitive tables: til, sum, each, value ... Rank is 1 or 2; a keyword
// with N set takes any number of arguments.
type Keyword struct {
	Name string
	Rank int
	M    func(x k.V) (k.V, error)
	D    func(x, y k.V) (k.V, error)
	N    func(in *Interp, args []k.V) (k.V, error)
}

// Type is 101 for unary keywords and 102 otherwise.
func (f *Keyword) Type() int {
	if f.Rank == 1 {
		return k.TUnary
	}
	return k.TOp
}

// String is the keyword's name.
func (f *Keyword) String() string { return f.Name }

// hole marks an elided argument: f[;2], (;1), x[;0].
type hole struct{}

func (hole) Type() int      { return k.TUnary }
func (hole) String() string { return "::" }

// control is a control word at the head of a parse tree: if, do, while.
type control struct{ name string }

func (*control) Type() int        { return k.TUnary }
func (c *control) String() string { return c.name }

// assign is an assignment at the head of a parse tree: (:;`x;v),
// (::;`x;v), (+:;`x;v) for x+:v. Indexed forms carry the indices.
type assign struct {
	op     string // "" for plain assignment, else the verb: + , ...
	global bool
}

func (*assign) Type() int { return k.TUnary }
func (a *assign) String() string {
	if a.global {
		return "::"
	}
	return a.op + ":"
}

// seq is the head of a statement list: (";";a;b) for a;b and [a;b].
type seq struct{}

func (seq) Type() int      { return k.TUnary }
func (seq) String() string { return ";" }

// str is the text of a function value, or the one-line form of data.
func str(v k.V) string {
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	return k.DefaultPrinter().String1(v)
}

// isFunc reports whether v is applicable as a function rather than
// indexed as data: types 100 and up, :: included.
func isFunc(v k.V) bool { return v.Type() >= k.TLambda }

// rank is the number of arguments a function takes; data has rank 1.
func rank(f k.V) int {
	switch f := f.(type) {
	case *Lambda:
		return len(f.Params)
	case *Verb:
		if f.Monadic {
			return 1
		}
		return 2
	case *Keyword:
		if f.N != nil && f.Rank == 0 {
			return 1
		}
		return f.Rank
	case *k.Builtin:
		return f.Rank
	case *Proj:
		n := 0
		for _, a := range f.Args {
			if a == nil {
				n++
			}
		}
		if r := rank(f.F) - len(f.Args); r > 0 {
			n += r
		}
		return n
	case *Comp:
		return rank(f.G)
	case *Iter:
		if f.Glyph == "'" {
			return 2 // '[f;g] composes
		}
	case *Derived:
		switch f.Glyph {
		case "'", "/:", "\\:", "':":
			return rank(f.F)
		}
		if r := rank(f.F); r > 2 {
			return r - 1
		}
		// f/ and f\ are ambivalent; an iterator applies them as unary
		return 1
	}
	return 1
}
