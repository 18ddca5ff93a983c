package prim

import (
	"kt/k"
)

// Nulls: null, ^ (fill), fills.

// Null is q's null (monadic ^): whether each item is null.
func Null(x k.V) (k.V, error) {
	switch v := x.(type) {
	case *k.Dict:
		r, err := Null(v.Vals)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	case *k.Table:
		return tableMap(v, Null)
	case k.List:
		r := make([]k.V, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			n, err := Null(e)
			if err != nil {
				return nil, err
			}
			r[i] = n
		}
		return k.Uniform(r), nil
	}
	if isAtom(x) {
		return k.Bool(isNullAtom(x)), nil
	}
	if !isVec(x) {
		_, nil_ := x.(k.Nil)
		return k.Bool(nil_), nil
	}
	n := k.Count(x)
	r := make(k.Bools, n)
	switch v := x.(type) {
	case k.Longs:
		for i, e := range v {
			r[i] = e == k.NullLong
		}
	case k.Floats:
		for i, e := range v {
			r[i] = e != e
		}
	default:
		for i := range r {
			r[i] = isNullAtom(k.At(x, i))
		}
	}
	return r, nil
}

// Fill is q's ^ (fill): y with its nulls replaced by x.
func Fill(x, y k.V) (k.V, error) {
	if xd, ok := x.(*k.Dict); ok {
		if yd, ok := y.(*k.Dict); ok {
			return dictDict(xd, yd, fillKern)
		}
	}
	return atomic2(x, y, fillKern)
}

func fillKern(x, y k.V) (k.V, error) {
	tx, ty := absType(x), absType(y)
	rt := ty
	switch {
	case tx == k.TSym && ty == k.TSym:
	case isNum(tx) && isNum(ty):
		if rankMinMax(tx) > rankMinMax(ty) {
			rt = tx
		}
	default:
		return nil, k.ErrType
	}
	n, atom := counts(x, y)
	r := make([]k.V, n)
	mx := mask(k.Count(x), n)
	if isAtom(x) {
		mx = 0
	}
	for i := range r {
		var a, b k.V = x, y
		if !isAtom(x) {
			a = k.At(x, i&mx)
		}
		if !isAtom(y) {
			b = k.At(y, i)
		}
		if isNullAtom(b) && !(ty == k.TChar) || ty == k.TChar && b == k.Char(' ') {
			r[i] = a
		} else {
			r[i] = b
		}
	}
	if rt == k.TSym {
		return wrap(atom, fromAtoms(k.TSym, r)), nil
	}
	out := make([]k.V, n)
	for i, e := range r {
		out[i] = convert(e, rt, true)
	}
	return wrap(atom, fromAtoms(rt, out)), nil
}

// Fills is q's fills: nulls replaced by the preceding non-null.
func Fills(x k.V) (k.V, error) {
	if r, ok, err := running(x, Fills); ok {
		return r, err
	}
	if isAtom(x) {
		return x, nil
	}
	switch v := x.(type) {
	case k.Longs:
		r := make(k.Longs, len(v))
		last := int64(k.NullLong)
		for i, e := range v {
			if e != k.NullLong {
				last = e
			}
			r[i] = last
		}
		return r, nil
	case k.Floats:
		r := make(k.Floats, len(v))
		last := nullOf(k.TFloat).(k.Float)
		for i, e := range v {
			if e == e {
				last = k.Float(e)
			}
			r[i] = float64(last)
		}
		return r, nil
	}
	n := k.Count(x)
	r := make([]k.V, n)
	var last k.V
	for i := range r {
		e := k.At(x, i)
		if !isNullAtom(e) || last == nil {
			last = e
		}
		r[i] = last
	}
	if t := x.Type(); t > 0 && t < 20 {
		return fromAtoms(t, r), nil
	}
	return k.List(r), nil
}
