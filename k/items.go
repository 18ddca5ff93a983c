package k

import "kt/internal/stop"

// At is item i of a list (0 <= i < count), a dictionary's value i or a
// table's row i as a dictionary.
func At(v V, i int) V {
	switch v := v.(type) {
	case List:
		return v[i]
	case Bools:
		return Bool(v[i])
	case Guids:
		return v[i]
	case Bytes:
		return Byte(v[i])
	case Shorts:
		return Short(v[i])
	case Ints:
		return Int(v[i])
	case Longs:
		return Long(v[i])
	case Reals:
		return Real(v[i])
	case Floats:
		return Float(v[i])
	case Chars:
		return Char(v[i])
	case Syms:
		return Sym(v[i])
	case *Dict:
		return At(v.Vals, i)
	case *Table:
		row := make(List, len(v.Data))
		for j, c := range v.Data {
			row[j] = At(c, i)
		}
		return &Dict{Keys: v.Cols, Vals: Uniform(row)}
	case *Attr:
		return At(v.V, i)
	case *Enums:
		return Enum{Domain: v.Domain, Idx: v.Idx[i]}
	}
	if t := v.Type(); t > 0 && IsTemporal(t) {
		return Retag(At(Under(v), i), t)
	}
	return v
}

// Uniform builds a list from items as q does when it builds one: atoms of
// one type make a vector, dictionaries with the same symbol keys make a
// table, anything else a general list.
func Uniform(items []V) V {
	if len(items) == 0 {
		return List{}
	}
	t := items[0].Type()
	same := true
	for _, x := range items[1:] {
		if x.Type() != t {
			same = false
			break
		}
	}
	if !same {
		return List(items)
	}
	switch t {
	case -TBool:
		v := make(Bools, len(items))
		for i, x := range items {
			v[i] = bool(x.(Bool))
		}
		return v
	case -TGuid:
		v := make(Guids, len(items))
		for i, x := range items {
			v[i] = x.(Guid)
		}
		return v
	case -TByte:
		v := make(Bytes, len(items))
		for i, x := range items {
			v[i] = byte(x.(Byte))
		}
		return v
	case -TShort:
		v := make(Shorts, len(items))
		for i, x := range items {
			v[i] = int16(x.(Short))
		}
		return v
	case -TInt:
		v := make(Ints, len(items))
		for i, x := range items {
			v[i] = int32(x.(Int))
		}
		return v
	case -TLong:
		v := make(Longs, len(items))
		for i, x := range items {
			v[i] = int64(x.(Long))
		}
		return v
	case -TReal:
		v := make(Reals, len(items))
		for i, x := range items {
			v[i] = float32(x.(Real))
		}
		return v
	case -TFloat:
		v := make(Floats, len(items))
		for i, x := range items {
			v[i] = float64(x.(Float))
		}
		return v
	case -TChar:
		v := make(Chars, len(items))
		for i, x := range items {
			v[i] = byte(x.(Char))
		}
		return v
	case -TSym:
		v := make(Syms, len(items))
		for i, x := range items {
			v[i] = string(x.(Sym))
		}
		return v
	case -TTimestamp, -TMonth, -TDate, -TDatetime, -TTimespan, -TMinute, -TSecond, -TTime:
		under := make([]V, len(items))
		for i, x := range items {
			under[i] = Under(x)
		}
		return Retag(Uniform(under), t)
	case TDict:
		if t, ok := dictsToTable(items); ok {
			return t
		}
	}
	return List(items)
}

// dictsToTable turns dictionaries with identical symbol keys into a table.
func dictsToTable(items []V) (V, bool) {
	if stop.Failed() {
		return nil, false // the evaluation is failing: see below
	}
	d0 := items[0].(*Dict)
	keys, ok := d0.Keys.(Syms)
	if !ok || len(keys) == 0 {
		return nil, false
	}
	for _, x := range items[1:] {
		ks, ok := x.(*Dict).Keys.(Syms)
		if !ok || len(ks) != len(keys) {
			return nil, false
		}
		for i := range ks {
			if ks[i] != keys[i] {
				return nil, false
			}
		}
	}
	// Dictionaries that share their values can make a table far larger
	// than themselves, and this builder has no error to return: past the
	// workspace, or when the evaluation is stopped, it fails the
	// evaluation (stop.Fail) and gives back the list.
	if err := Need(len(items)*len(keys), 16); err != nil {
		stop.Fail(err)
		return nil, false
	}
	cols := make(List, len(keys))
	for j := range keys {
		if err := TickN(len(items)); err != nil {
			stop.Fail(err)
			return nil, false
		}
		col := make([]V, len(items))
		for i, x := range items {
			vals := x.(*Dict).Vals
			if Count(vals) != len(keys) || !hasItems(vals) {
				return nil, false
			}
			col[i] = At(vals, j)
		}
		cols[j] = Uniform(col)
	}
	return &Table{Cols: keys, Data: cols}, true
}

// hasItems reports whether v has items: lists, vectors, dictionaries and tables.
func hasItems(v V) bool {
	t := v.Type()
	return t >= 0 && t < TLambda
}
