package prim

import (
	"math"

	"kt/k"
)

// isAtom reports whether x is an atom (a negative type code).
func isAtom(x k.V) bool { return x.Type() < 0 }

// isVec reports whether x is a list: a general list or a simple vector.
func isVec(x k.V) bool { t := x.Type(); return t >= 0 && t < 20 }

// items boxes the items of a list into a slice (atoms for a single value).
func items(x k.V) []k.V {
	if l, ok := x.(k.List); ok {
		return l
	}
	n := k.Count(x)
	r := make([]k.V, n)
	for i := range r {
		r[i] = k.At(x, i)
	}
	return r
}

// nullOf returns the null atom for list type t (positive code), or for
// the atom type -t.
func nullOf(t int) k.V {
	if t < 0 {
		t = -t
	}
	if k.IsTemporal(t) {
		return k.TemporalNull(t)
	}
	switch t {
	case k.TGuid:
		return k.Guid{}
	case k.TBool:
		return k.Bool(false)
	case k.TByte:
		return k.Byte(0)
	case k.TShort:
		return k.Short(k.NullShort)
	case k.TInt:
		return k.Int(k.NullInt)
	case k.TLong:
		return k.Long(k.NullLong)
	case k.TReal:
		return k.Real(k.NaN32)
	case k.TFloat:
		return k.Float(math.NaN())
	case k.TChar:
		return k.Char(' ')
	case k.TSym:
		return k.Sym("")
	}
	return k.List{}
}

// prototype is the null that indexing out of range of x yields.
func prototype(x k.V) k.V {
	switch v := x.(type) {
	case k.List:
		if len(v) > 0 {
			return protoItem(v[0])
		}
		return k.List{}
	case *k.Table:
		vals := make(k.List, len(v.Data))
		for j, c := range v.Data {
			vals[j] = prototype(c)
		}
		return &k.Dict{Keys: v.Cols, Vals: k.Uniform(vals)}
	case *k.Dict:
		return prototype(v.Vals)
	}
	return nullOf(x.Type())
}

// protoItem is the null shaped like item y: nulls of its type.
func protoItem(y k.V) k.V {
	if isAtom(y) {
		return nullOf(y.Type())
	}
	if l, ok := y.(k.List); ok {
		r := make(k.List, len(l))
		for i, e := range l {
			if k.Pulse() {
				return k.Null // the evaluation is failing (k.Pulse)
			}
			r[i] = protoItem(e)
		}
		return r
	}
	if isVec(y) {
		return fillNull(y.Type(), k.Count(y))
	}
	return y
}

// fillNull returns a vector of n nulls of vector type t.
func fillNull(t, n int) k.V {
	if k.IsTemporal(t) {
		return k.Retag(fillNull(k.Storage(t), n), t)
	}
	switch t {
	case k.TBool:
		return make(k.Bools, n)
	case k.TByte:
		return make(k.Bytes, n)
	case k.TShort:
		r := make(k.Shorts, n)
		for i := range r {
			r[i] = k.NullShort
		}
		return r
	case k.TInt:
		r := make(k.Ints, n)
		for i := range r {
			r[i] = k.NullInt
		}
		return r
	case k.TLong:
		r := make(k.Longs, n)
		for i := range r {
			r[i] = k.NullLong
		}
		return r
	case k.TReal:
		r := make(k.Reals, n)
		for i := range r {
			r[i] = k.NaN32
		}
		return r
	case k.TFloat:
		r := make(k.Floats, n)
		for i := range r {
			r[i] = math.NaN()
		}
		return r
	case k.TChar:
		r := make(k.Chars, n)
		for i := range r {
			r[i] = ' '
		}
		return r
	case k.TSym:
		return make(k.Syms, n)
	case k.TGuid:
		return make(k.Guids, n)
	}
	r := make(k.List, n)
	for i := range r {
		r[i] = k.List{}
	}
	return r
}

// emptyOf returns an empty vector of type t (0 for a general list).
func emptyOf(t int) k.V {
	if t < 0 {
		t = -t
	}
	if k.IsTemporal(t) {
		return k.Retag(emptyOf(k.Storage(t)), t)
	}
	switch t {
	case k.TGuid:
		return k.Guids{}
	case k.TBool:
		return k.Bools{}
	case k.TByte:
		return k.Bytes{}
	case k.TShort:
		return k.Shorts{}
	case k.TInt:
		return k.Ints{}
	case k.TLong:
		return k.Longs{}
	case k.TReal:
		return k.Reals{}
	case k.TFloat:
		return k.Floats{}
	case k.TChar:
		return k.Chars{}
	case k.TSym:
		return k.Syms{}
	}
	return k.List{}
}

// fromAtoms builds a vector of type t from atoms all of type -t: an empty
// one is typed too, where k.Uniform would make a general list.
func fromAtoms(t int, l []k.V) k.V {
	if len(l) == 0 {
		return emptyOf(t)
	}
	return k.Uniform(l)
}

// pick returns the items of list x at the given indices (all in range),
// keeping x's type. For a table it picks rows, for a dictionary entries.
func pick(x k.V, idx []int64) k.V {
	switch v := x.(type) {
	case k.Bools:
		return pickT(v, idx)
	case k.Bytes:
		return pickT(v, idx)
	case k.Shorts:
		return pickT(v, idx)
	case k.Ints:
		return pickT(v, idx)
	case k.Longs:
		return pickT(v, idx)
	case k.Reals:
		return pickT(v, idx)
	case k.Floats:
		return pickT(v, idx)
	case k.Chars:
		return pickT(v, idx)
	case k.Syms:
		return pickT(v, idx)
	case k.Guids:
		return pickT(v, idx)
	case k.List:
		return pickT(v, idx)
	case *k.Table:
		data := make(k.List, len(v.Data))
		for j, c := range v.Data {
			data[j] = pick(c, idx)
		}
		return &k.Table{Cols: v.Cols, Data: data}
	case *k.Dict:
		keys := pick(v.Keys, idx)
		if k.Same(v.Keys, v.Vals) {
			return &k.Dict{Keys: keys, Vals: keys} // see keysVals
		}
		if k.Pulse() {
			return keys // the evaluation is failing (k.Pulse)
		}
		return &k.Dict{Keys: keys, Vals: pick(v.Vals, idx)}
	case *k.Enums:
		return &k.Enums{Domain: v.Domain, Idx: pickT(v.Idx, idx)}
	}
	if t := x.Type(); t > 0 && k.IsTemporal(t) {
		return k.Retag(pick(k.Under(x), idx), t)
	}
	r := make(k.List, len(idx))
	for i := range r {
		r[i] = x
	}
	return k.Uniform(r)
}

// pickInRange is pick when every index is in range, or false. A simple
// vector checks each index as it copies the item.
func pickInRange(x k.V, idx []int64) (k.V, bool) {
	switch v := x.(type) {
	case k.Longs:
		return pickChecked(v, idx)
	case k.Floats:
		return pickChecked(v, idx)
	case k.Ints:
		return pickChecked(v, idx)
	case k.Syms:
		return pickChecked(v, idx)
	case k.Bools:
		return pickChecked(v, idx)
	case k.Chars:
		return pickChecked(v, idx)
	}
	n := int64(k.Count(x))
	for _, j := range idx {
		if j < 0 || j >= n {
			return nil, false
		}
	}
	return pick(x, idx), true
}

func pickChecked[S ~[]E, E any](v S, idx []int64) (k.V, bool) {
	r := make(S, len(idx))
	n := uint64(len(v))
	for i, j := range idx {
		if uint64(j) >= n {
			return nil, false
		}
		r[i] = v[j]
	}
	return any(r).(k.V), true
}

func pickT[S ~[]E, E any](v S, idx []int64) S {
	r := make(S, len(idx))
	for i, j := range idx {
		r[i] = v[j]
	}
	return r
}

// slice returns items [i,j) of list x, keeping its type.
func slice(x k.V, i, j int) k.V {
	switch v := x.(type) {
	case k.Bools:
		return append(k.Bools{}, v[i:j]...)
	case k.Bytes:
		return append(k.Bytes{}, v[i:j]...)
	case k.Shorts:
		return append(k.Shorts{}, v[i:j]...)
	case k.Ints:
		return append(k.Ints{}, v[i:j]...)
	case k.Longs:
		return append(k.Longs{}, v[i:j]...)
	case k.Reals:
		return append(k.Reals{}, v[i:j]...)
	case k.Floats:
		return append(k.Floats{}, v[i:j]...)
	case k.Chars:
		return append(k.Chars{}, v[i:j]...)
	case k.Syms:
		return append(k.Syms{}, v[i:j]...)
	case k.Guids:
		return append(k.Guids{}, v[i:j]...)
	case k.List:
		return append(k.List{}, v[i:j]...)
	}
	if t := x.Type(); t > 0 && k.IsTemporal(t) {
		return k.Retag(slice(k.Under(x), i, j), t)
	}
	return pick(x, iota64(i, j))
}

// iota64 returns i, i+1, ..., j-1.
func iota64(i, j int) []int64 {
	if j < i {
		return []int64{}
	}
	r := make([]int64, j-i)
	for n := range r {
		r[n] = int64(i + n)
	}
	return r
}

// enlist makes a one-item list of x: a vector of an atom, a table of a
// dictionary with symbol keys.
func enlist(x k.V) k.V { return k.Uniform([]k.V{x}) }

// isNullAtom reports whether atom x is a null of its type.
func isNullAtom(x k.V) bool {
	switch v := x.(type) {
	case k.Short:
		return v == k.NullShort
	case k.Int:
		return v == k.NullInt
	case k.Long:
		return v == k.NullLong
	case k.Real:
		return v != v
	case k.Float:
		return v != v
	case k.Char:
		return v == ' '
	case k.Sym:
		return v == ""
	case k.Guid:
		return v == k.Guid{}
	case k.Nil:
		return true
	case k.Enum:
		return v.Idx == k.NullLong
	}
	if k.IsTemporal(x.Type()) {
		return isNullAtom(k.Under(x))
	}
	return false
}

// asInt reads an integral atom (bool, byte, short, int, long) as an int64.
func asInt(x k.V) (int64, bool) {
	switch v := x.(type) {
	case k.Bool:
		if v {
			return 1, true
		}
		return 0, true
	case k.Byte:
		return int64(v), true
	case k.Short:
		if v == k.NullShort {
			return k.NullLong, true
		}
		return int64(v), true
	case k.Int:
		if v == k.NullInt {
			return k.NullLong, true
		}
		return int64(v), true
	case k.Long:
		return int64(v), true
	}
	return 0, false
}

// asInts reads an integral atom or vector as int64s (nulls mapped to 0N).
func asInts(x k.V) ([]int64, bool) {
	switch v := x.(type) {
	case k.Longs:
		return v, true
	case k.Bools, k.Bytes, k.Shorts, k.Ints:
		return toI64(v), true
	}
	if n, ok := asInt(x); ok {
		return []int64{n}, true
	}
	return nil, false
}
