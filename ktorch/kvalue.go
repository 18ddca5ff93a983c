package ktorch

import "kt/k"

// knames are the reference's words for k types in error messages.
var knames = map[int][2]string{
	k.TBool: {"boolean scalar", "boolean list"}, k.TGuid: {"guid scalar", "guid list"},
	k.TByte: {"byte scalar", "byte list"}, k.TShort: {"short scalar", "short list"},
	k.TInt: {"int scalar", "int list"}, k.TLong: {"long scalar", "long list"},
	k.TReal: {"real scalar", "real list"}, k.TFloat: {"double scalar", "double list"},
	k.TChar: {"char scalar", "char list"}, k.TSym: {"symbol scalar", "symbol list"},
	k.TTimestamp: {"timestamp scalar", "timestamp list"}, k.TMonth: {"month scalar", "month list"},
	k.TDate: {"date scalar", "date list"}, k.TDatetime: {"datetime scalar", "datetime list"},
	k.TTimespan: {"timespan scalar", "timespan list"}, k.TMinute: {"minute scalar", "minute list"},
	k.TSecond: {"second scalar", "second list"}, k.TTime: {"time scalar", "time list"},
}

var knamesOther = map[int]string{
	k.TList: "general list", 97: "nested sym enum", k.TTable: "table", k.TDict: "kdictionary",
	k.TLambda: "lambda", k.TUnary: "null/unary primitive", k.TOp: "operator", k.TIter: "adverb",
	k.TProj: "projection", k.TComp: "composition", k.TEach: "f'", k.TOver: "f/", k.TScan: `f\`,
	k.TPrior: "f':", k.TEachRight: "f/:", k.TEachLeft: `f\:`, k.TForeign: "dynamic load fn", k.TError: "error",
}

// kname is the reference's name for a k type code, as in its messages.
func kname(t int) string {
	if s, ok := knamesOther[t]; ok {
		return s
	}
	a := t
	if a < 0 {
		a = -a
	}
	if s, ok := knames[a]; ok {
		if t < 0 {
			return s[0]
		}
		return s[1]
	}
	switch {
	case a > 19 && a < 77:
		if t < 0 {
			return "enum scalar"
		}
		return "enum list"
	case a > 76 && a < 97:
		return "map"
	}
	return "unrecognized type"
}

// str1 is the one-line form of a value, as .Q.s1 gives it.
func str1(x k.V) string { return k.DefaultPrinter().String1(x) }

// item returns element i of a general list.
func item(x k.V, i int) (k.V, bool) {
	if l, ok := x.(k.List); ok && i >= 0 && i < len(l) {
		return l[i], true
	}
	return nil, false
}

// knameAt names the type of element i of a general list, else of x.
func (s *Session) knameAt(x k.V, i int) string {
	if y, ok := item(x, i); ok {
		return s.knameOf(y)
	}
	return s.knameOf(x)
}

// knameOf names a value's type, or its class when it is an api pointer.
func (s *Session) knameOf(x k.V) string {
	if _, o, ok, err := s.lookup(x); ok && err == nil {
		return o.class()
	}
	return kname(x.Type())
}

// symAt finds a symbol at position i: an element of a symbol list or a
// symbol atom in a general list.
func symAt(x k.V, i int) (string, bool) {
	switch v := x.(type) {
	case k.Syms:
		if i >= 0 && i < len(v) {
			return v[i], true
		}
	case k.List:
		if y, ok := item(v, i); ok {
			if s, ok := y.(k.Sym); ok {
				return string(s), true
			}
		}
	}
	return "", false
}

// boolAt finds a boolean atom at position i of a general list.
func boolAt(x k.V, i int) (bool, bool) {
	if y, ok := item(x, i); ok {
		if b, ok := y.(k.Bool); ok {
			return bool(b), true
		}
	}
	return false, false
}

// longAt finds a long at position i: a long atom in a general list or an
// element of a long list (not an int or short: the reference is strict).
func longAt(x k.V, i int) (int64, bool) {
	switch v := x.(type) {
	case k.Longs:
		if i >= 0 && i < len(v) {
			return v[i], true
		}
	case k.List:
		if y, ok := item(v, i); ok {
			if j, ok := y.(k.Long); ok {
				return int64(j), true
			}
		}
	}
	return 0, false
}

// numAt finds a double at position i: a float or long, atom in a general
// list or element of a float or long list (a real is refused).
func numAt(x k.V, i int) (float64, bool) {
	switch v := x.(type) {
	case k.Floats:
		if i >= 0 && i < len(v) {
			return v[i], true
		}
	case k.Longs:
		if i >= 0 && i < len(v) {
			return float64(v[i]), true
		}
	case k.List:
		if y, ok := item(v, i); ok {
			switch n := y.(type) {
			case k.Float:
				return float64(n), true
			case k.Long:
				return float64(n), true
			}
		}
	}
	return 0, false
}

// isEmpty is the reference's xempty: :: or an empty general list.
func isEmpty(x k.V) bool {
	switch v := x.(type) {
	case k.Nil:
		return true
	case k.List:
		return len(v) == 0
	}
	return false
}

// resolveDict makes a dictionary of option names to values, collapsing the
// values to a simple list when they are all atoms of one type among
// boolean, long, symbol and float (the reference's resolvedict).
func resolveDict(names []string, vals []k.V) *k.Dict {
	if len(names) == 0 {
		return &k.Dict{Keys: k.Syms{}, Vals: k.List{}}
	}
	return &k.Dict{Keys: k.Syms(names), Vals: collapse(vals)}
}

func collapse(vals []k.V) k.V {
	t := vals[0].Type()
	for _, v := range vals[1:] {
		if v.Type() != t {
			return k.List(vals)
		}
	}
	switch t {
	case -k.TBool:
		r := make(k.Bools, len(vals))
		for i, v := range vals {
			r[i] = bool(v.(k.Bool))
		}
		return r
	case -k.TLong:
		r := make(k.Longs, len(vals))
		for i, v := range vals {
			r[i] = int64(v.(k.Long))
		}
		return r
	case -k.TSym:
		r := make(k.Syms, len(vals))
		for i, v := range vals {
			r[i] = string(v.(k.Sym))
		}
		return r
	case -k.TFloat:
		r := make(k.Floats, len(vals))
		for i, v := range vals {
			r[i] = float64(v.(k.Float))
		}
		return r
	}
	return k.List(vals)
}
