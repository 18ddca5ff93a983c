package q

import (
	"kt/k"
)

// count is the number of items of a list, a dictionary or a table's rows;
// 1 for an atom or a function.
func count(v k.V) int {
	switch v := v.(type) {
	case k.List:
		return len(v)
	case k.Bools:
		return len(v)
	case k.Bytes:
		return len(v)
	case k.Shorts:
		return len(v)
	case k.Ints:
		return len(v)
	case k.Longs:
		return len(v)
	case k.Reals:
		return len(v)
	case k.Floats:
		return len(v)
	case k.Chars:
		return len(v)
	case k.Syms:
		return len(v)
	case *k.Dict:
		return count(v.Keys)
	case *k.Table:
		if len(v.Data) == 0 {
			return 0
		}
		return count(v.Data[0])
	}
	return 1
}

// at is item i of a list (0 <= i < count), a dictionary's value i or a
// table's row i as a dictionary.
func at(v k.V, i int) k.V {
	switch v := v.(type) {
	case k.List:
		return v[i]
	case k.Bools:
		return k.Bool(v[i])
	case k.Bytes:
		return k.Byte(v[i])
	case k.Shorts:
		return k.Short(v[i])
	case k.Ints:
		return k.Int(v[i])
	case k.Longs:
		return k.Long(v[i])
	case k.Reals:
		return k.Real(v[i])
	case k.Floats:
		return k.Float(v[i])
	case k.Chars:
		return k.Char(v[i])
	case k.Syms:
		return k.Sym(v[i])
	case *k.Dict:
		return at(v.Vals, i)
	case *k.Table:
		row := make(k.List, len(v.Data))
		for j, c := range v.Data {
			row[j] = at(c, i)
		}
		return &k.Dict{Keys: v.Cols, Vals: listOf(row)}
	}
	return v
}

// isList reports whether v has items to iterate over: lists, vectors,
// dictionaries and tables.
func isList(v k.V) bool {
	t := v.Type()
	return t >= 0 && t < k.TLambda
}

// listOf builds a list from items as q does when it builds one: atoms of
// one type make a vector, dictionaries with the same symbol keys make a
// table, anything else a general list.
func listOf(items []k.V) k.V {
	if len(items) == 0 {
		return k.List{}
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
		return k.List(items)
	}
	switch t {
	case -k.TBool:
		v := make(k.Bools, len(items))
		for i, x := range items {
			v[i] = bool(x.(k.Bool))
		}
		return v
	case -k.TByte:
		v := make(k.Bytes, len(items))
		for i, x := range items {
			v[i] = byte(x.(k.Byte))
		}
		return v
	case -k.TShort:
		v := make(k.Shorts, len(items))
		for i, x := range items {
			v[i] = int16(x.(k.Short))
		}
		return v
	case -k.TInt:
		v := make(k.Ints, len(items))
		for i, x := range items {
			v[i] = int32(x.(k.Int))
		}
		return v
	case -k.TLong:
		v := make(k.Longs, len(items))
		for i, x := range items {
			v[i] = int64(x.(k.Long))
		}
		return v
	case -k.TReal:
		v := make(k.Reals, len(items))
		for i, x := range items {
			v[i] = float32(x.(k.Real))
		}
		return v
	case -k.TFloat:
		v := make(k.Floats, len(items))
		for i, x := range items {
			v[i] = float64(x.(k.Float))
		}
		return v
	case -k.TChar:
		v := make(k.Chars, len(items))
		for i, x := range items {
			v[i] = byte(x.(k.Char))
		}
		return v
	case -k.TSym:
		v := make(k.Syms, len(items))
		for i, x := range items {
			v[i] = string(x.(k.Sym))
		}
		return v
	case k.TDict:
		if t, ok := dictsToTable(items); ok {
			return t
		}
	}
	return k.List(items)
}

// dictsToTable turns dictionaries with identical symbol keys into a table.
func dictsToTable(items []k.V) (k.V, bool) {
	d0 := items[0].(*k.Dict)
	keys, ok := d0.Keys.(k.Syms)
	if !ok || len(keys) == 0 {
		return nil, false
	}
	for _, x := range items[1:] {
		ks, ok := x.(*k.Dict).Keys.(k.Syms)
		if !ok || len(ks) != len(keys) {
			return nil, false
		}
		for i := range ks {
			if ks[i] != keys[i] {
				return nil, false
			}
		}
	}
	cols := make(k.List, len(keys))
	for j := range keys {
		col := make([]k.V, len(items))
		for i, x := range items {
			vals := x.(*k.Dict).Vals
			if count(vals) != len(keys) || !isList(vals) {
				return nil, false
			}
			col[i] = at(vals, j)
		}
		cols[j] = listOf(col)
	}
	return &k.Table{Cols: keys, Data: cols}, true
}
