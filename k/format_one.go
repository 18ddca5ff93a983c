package k

import (
	"fmt"
	"strings"
)

// The one-line form of a value: what -3! and .Q.s1 return, and what the
// console shows for an atom or a simple vector before the cut to \c.

// oneLine writes one-line forms into b. It stops adding text once b holds
// more than limit bytes: the console cuts such a line anyway, so a huge
// vector costs only as much as the part that shows. The text it writes is
// counted as work (PulseN, a byte a unit): the form of a list whose items
// share their parts can be far longer than the list is large, and an
// interrupt or a full workspace stops it (quit) with the evaluation.
type oneLine struct {
	p     *Printer
	b     strings.Builder
	limit int
	quit  bool
}

func (w *oneLine) full() bool { return w.quit || w.b.Len() > w.limit }

func (w *oneLine) str(s string) {
	w.b.WriteString(s)
	if PulseN(len(s)) {
		w.quit = true
	}
}

// empty writes an empty vector of type t; it reports whether v was empty.
func (w *oneLine) empty(n, t int) bool {
	if n > 0 {
		return false
	}
	switch t {
	case TChar:
		w.str(`""`)
	case TList:
		w.str("()")
	default:
		w.str("`" + TypeName(t) + "$()")
	}
	return true
}

// lead writes the comma of a one-item list.
func (w *oneLine) lead(n int) {
	if n == 1 {
		w.str(",")
	}
}

// items writes the n items of a vector separated by sep.
func (w *oneLine) items(n int, sep string, item func(i int) string) {
	for i := 0; i < n && !w.full(); i++ {
		if i > 0 {
			w.str(sep)
		}
		w.str(item(i))
	}
}

// value writes the one-line form of v.
func (w *oneLine) value(v V) {
	if w.full() {
		return
	}
	p := w.p
	switch x := v.(type) {
	case nil, Nil:
		w.str("::")
	case Bool:
		w.str(boolDigit(bool(x)) + "b")
	case Byte:
		w.str("0x" + hexByte(byte(x)))
	case Short:
		w.str(shortItem(int16(x), false) + "h")
	case Int:
		w.str(intItem(int32(x), false) + "i")
	case Long:
		w.str(longItem(int64(x), false))
	case Real:
		s := p.realItem(float32(x), false)
		w.str(s + "e")
	case Float:
		s := p.FormatFloat(float64(x))
		if wholeText(s) {
			s += "f"
		}
		w.str(s)
	case Char:
		w.str(`"` + escapeChar(byte(x)) + `"`)
	case Sym:
		w.str("`" + string(x))
	case Guid:
		w.str(x.String())
	case Guids:
		if !w.empty(len(x), TGuid) {
			w.lead(len(x))
			w.items(len(x), " ", func(i int) string { return x[i].String() })
		}
	case Bools:
		if !w.empty(len(x), TBool) {
			w.lead(len(x))
			w.items(len(x), "", func(i int) string { return boolDigit(x[i]) })
			w.str("b")
		}
	case Bytes:
		if !w.empty(len(x), TByte) {
			w.lead(len(x))
			w.str("0x")
			w.items(len(x), "", func(i int) string { return hexByte(x[i]) })
		}
	case Shorts:
		if !w.empty(len(x), TShort) {
			w.lead(len(x))
			w.items(len(x), " ", func(i int) string { return shortItem(x[i], false) })
			w.str("h")
		}
	case Ints:
		if !w.empty(len(x), TInt) {
			w.lead(len(x))
			w.items(len(x), " ", func(i int) string { return intItem(x[i], false) })
			w.str("i")
		}
	case Longs:
		if !w.empty(len(x), TLong) {
			w.lead(len(x))
			w.items(len(x), " ", func(i int) string { return longItem(x[i], false) })
		}
	case Reals:
		if !w.empty(len(x), TReal) {
			w.lead(len(x))
			w.items(len(x), " ", func(i int) string { return p.realItem(x[i], false) })
			w.str("e")
		}
	case Floats:
		if !w.empty(len(x), TFloat) {
			w.lead(len(x))
			whole := true
			w.items(len(x), " ", func(i int) string {
				s := p.FormatFloat(x[i])
				whole = whole && wholeText(s)
				return s
			})
			if whole {
				w.str("f")
			}
		}
	case Chars:
		if !w.empty(len(x), TChar) {
			w.lead(len(x))
			w.str(`"`)
			w.items(len(x), "", func(i int) string { return escapeChar(x[i]) })
			w.str(`"`)
		}
	case Syms:
		if !w.empty(len(x), TSym) {
			w.lead(len(x))
			w.items(len(x), "", func(i int) string { return "`" + x[i] })
		}
	case Enum:
		w.str("`" + x.Domain + "$`" + p.enumSyms(&Enums{Domain: x.Domain, Idx: []int64{x.Idx}})[0])
	case *Enums:
		w.str("`" + x.Domain + "$")
		if len(x.Idx) == 0 {
			w.str("`symbol$()")
			return
		}
		w.lead(len(x.Idx))
		s := p.enumSyms(x)
		w.items(len(s), "", func(i int) string { return "`" + s[i] })
	case *Attr:
		w.str("`" + string([]byte{x.A}) + "#")
		w.value(x.V)
	case List:
		w.list(x)
	case *Dict:
		if x == nil {
			w.str("::")
			return
		}
		w.dict(x.Keys, x.Vals)
	case *Table:
		if x == nil {
			w.str("::")
			return
		}
		w.str("+")
		w.dict(x.Cols, x.Data)
	case fmt.Stringer:
		w.str(x.String())
	default:
		switch t := typeOf(v); {
		case t < 0 && IsTemporal(t):
			w.str(temporalAtom(v))
		case IsTemporal(t):
			if !w.empty(Count(v), t) {
				temporalVector(w, v)
			}
		default:
			// A value this package does not know.
			w.str(fmt.Sprintf("nyi(%dh)", t))
		}
	}
}

// list writes a general list: (a;b;c), or ,a for one item.
func (w *oneLine) list(x List) {
	switch len(x) {
	case 0:
		w.str("()")
	case 1:
		w.str(",")
		w.value(x[0])
	default:
		w.str("(")
		for i, e := range x {
			if w.full() {
				return
			}
			if i > 0 {
				w.str(";")
			}
			w.value(e)
		}
		w.str(")")
	}
}

// dict writes keys!vals, with the keys in parentheses where they would not
// read back as one noun: one item (,`a), an empty typed vector, a dictionary
// or a table.
func (w *oneLine) dict(keys, vals V) {
	paren := false
	switch keys.(type) {
	case *Dict, *Table:
		paren = true
	case Chars:
		paren = Count(keys) == 1
	case List:
		paren = Count(keys) == 1
	default:
		if t := typeOf(keys); t > 0 && t < TTable {
			paren = Count(keys) <= 1
		}
	}
	if paren {
		w.str("(")
	}
	w.value(keys)
	if paren {
		w.str(")")
	}
	w.str("!")
	w.value(vals)
}

// String1 is the one-line form of v, as -3! and .Q.s1 give it: never cut,
// never more than one line (except inside the source text of a lambda).
func (p *Printer) String1(v V) string {
	w := oneLine{p: p, limit: int(^uint(0) >> 1)}
	w.value(v)
	return w.b.String()
}

// one is the one-line form of v, possibly stopped after limit bytes.
func (p *Printer) one(v V, limit int) string {
	w := oneLine{p: p, limit: limit}
	w.value(v)
	return w.b.String()
}
