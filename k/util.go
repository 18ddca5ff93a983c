package k

// Count is q's count of v: the length of a vector or general list, the
// number of keys of a dictionary, the number of rows of a table, and 1 for
// an atom, a function or ::.
func Count(v V) int {
	switch x := v.(type) {
	case nil:
		return 1
	case Bools:
		return len(x)
	case Guids:
		return len(x)
	case Bytes:
		return len(x)
	case Shorts:
		return len(x)
	case Ints:
		return len(x)
	case Longs:
		return len(x)
	case Reals:
		return len(x)
	case Floats:
		return len(x)
	case Chars:
		return len(x)
	case Syms:
		return len(x)
	case List:
		return len(x)
	case *Dict:
		if x == nil || x.Keys == nil {
			return 0
		}
		return Count(x.Keys)
	case *Table:
		if x == nil || len(x.Data) == 0 {
			return 0
		}
		return Count(x.Data[0])
	case *Attr:
		return Count(x.V)
	case *Enums:
		return len(x.Idx)
	}
	if t := v.Type(); t > 0 && IsTemporal(t) {
		return Count(Under(v))
	}
	return 1
}

// IsAtom reports whether v is an atom: a value of negative type.
func IsAtom(v V) bool { return v != nil && v.Type() < 0 }

// IsNil reports whether v is the generic null :: (a nil V counts as ::).
func IsNil(v V) bool {
	if v == nil {
		return true
	}
	_, ok := v.(Nil)
	return ok
}

// IsKeyedTable reports whether v is a keyed table: a dictionary from a
// table to a table.
func IsKeyedTable(v V) bool {
	d, ok := v.(*Dict)
	if !ok || d == nil {
		return false
	}
	_, kt := d.Keys.(*Table)
	_, vt := d.Vals.(*Table)
	return kt && vt
}

// typeOf is v's type code, with a nil V read as ::.
func typeOf(v V) int {
	if v == nil {
		return TUnary
	}
	return v.Type()
}

// first returns the first n items of a list, dictionary or table (all of
// them when there are fewer), sharing storage with v; any other value is
// returned as it is.
func first(v V, n int) V {
	if n < 0 {
		n = 0
	}
	if Count(v) <= n {
		return v
	}
	switch x := v.(type) {
	case Bools:
		return x[:n]
	case Guids:
		return x[:n]
	case Bytes:
		return x[:n]
	case Shorts:
		return x[:n]
	case Ints:
		return x[:n]
	case Longs:
		return x[:n]
	case Reals:
		return x[:n]
	case Floats:
		return x[:n]
	case Chars:
		return x[:n]
	case Syms:
		return x[:n]
	case List:
		return x[:n]
	case *Dict:
		keys := first(x.Keys, n)
		if Same(x.Keys, x.Vals) {
			return &Dict{Keys: keys, Vals: keys} // once, where the keys are the values
		}
		if Pulse() {
			return keys // the evaluation is failing (Pulse)
		}
		return &Dict{Keys: keys, Vals: first(x.Vals, n)}
	case *Table:
		data := make(List, len(x.Data))
		for i, c := range x.Data {
			data[i] = first(c, n)
		}
		return &Table{Cols: x.Cols, Data: data}
	case *Attr:
		return &Attr{A: x.A, V: first(x.V, n)}
	case *Enums:
		return &Enums{Domain: x.Domain, Idx: x.Idx[:n]}
	}
	if t := v.Type(); t > 0 && IsTemporal(t) {
		return Retag(first(Under(v), n), t)
	}
	return v
}

// typeNames are q's names of the vector types.
var typeNames = [...]string{
	TBool: "boolean", TGuid: "guid", TByte: "byte", TShort: "short", TInt: "int",
	TLong: "long", TReal: "real", TFloat: "float", TChar: "char", TSym: "symbol",
	TTimestamp: "timestamp", TMonth: "month", TDate: "date", TDatetime: "datetime",
	TTimespan: "timespan", TMinute: "minute", TSecond: "second", TTime: "time",
}

// TypeName is q's name of vector type t (or of atom type -t): boolean,
// long, char, symbol ...; "" for any other type.
func TypeName(t int) string {
	if t < 0 {
		t = -t
	}
	if t < len(typeNames) {
		return typeNames[t]
	}
	return ""
}
