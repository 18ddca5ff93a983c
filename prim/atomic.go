package prim

import "kt/k"

// kern is the part of an atomic function that works on atoms and simple
// vectors (at least one argument may be an atom; vectors have equal count).
type kern func(x, y k.V) (k.V, error)

// kern1 is the simple-argument part of an atomic monadic function.
type kern1 func(x k.V) (k.V, error)

// atomic2 extends kernel f over general lists, dictionaries and tables the
// way q's atomic dyadic primitives do.
func atomic2(x, y k.V, f kern) (k.V, error) {
	xd, xisd := x.(*k.Dict)
	yd, yisd := y.(*k.Dict)
	switch {
	case xisd && yisd:
		return dictDict(xd, yd, f)
	case xisd:
		v, err := atomic2(xd.Vals, y, f)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: xd.Keys, Vals: v}, nil
	case yisd:
		v, err := atomic2(x, yd.Vals, f)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: yd.Keys, Vals: v}, nil
	}
	xt, xist := x.(*k.Table)
	yt, yist := y.(*k.Table)
	switch {
	case xist && yist:
		if !matchV(xt.Cols, yt.Cols) {
			return nil, k.ErrLength
		}
		data := make(k.List, len(xt.Data))
		for i := range data {
			c, err := atomic2(xt.Data[i], yt.Data[i], f)
			if err != nil {
				return nil, err
			}
			data[i] = c
		}
		return &k.Table{Cols: xt.Cols, Data: data}, nil
	case xist:
		return tableMap(xt, func(c k.V) (k.V, error) { return atomic2(c, y, f) })
	case yist:
		return tableMap(yt, func(c k.V) (k.V, error) { return atomic2(x, c, f) })
	}
	xl, xisl := x.(k.List)
	yl, yisl := y.(k.List)
	if xisl || yisl {
		if !isAtom(x) && !isAtom(y) && k.Count(x) != k.Count(y) {
			return nil, k.ErrLength
		}
		n := k.Count(x)
		if isAtom(x) {
			n = k.Count(y)
		}
		r := make([]k.V, n)
		for i := range r {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			var a, b k.V = x, y
			if xisl {
				a = xl[i]
			} else if !isAtom(x) {
				a = k.At(x, i)
			}
			if yisl {
				b = yl[i]
			} else if !isAtom(y) {
				b = k.At(y, i)
			}
			v, err := atomic2(a, b, f)
			if err != nil {
				return nil, err
			}
			r[i] = v
		}
		return k.Uniform(r), nil
	}
	if !isSimple(x) || !isSimple(y) {
		return nil, k.ErrType
	}
	if !isAtom(x) && !isAtom(y) && k.Count(x) != k.Count(y) {
		return nil, k.ErrLength
	}
	return f(x, y)
}

// isSimple reports whether x is an atom or a simple vector of data.
func isSimple(x k.V) bool {
	t := x.Type()
	return t >= -k.TTime && t <= k.TTime && t != 0
}

// tableMap applies f to each column of t.
func tableMap(t *k.Table, f func(k.V) (k.V, error)) (k.V, error) {
	data := make(k.List, len(t.Data))
	for i, c := range t.Data {
		v, err := f(c)
		if err != nil {
			return nil, err
		}
		data[i] = v
	}
	return &k.Table{Cols: t.Cols, Data: data}, nil
}

// dictDict applies f entrywise to two dictionaries with upsert semantics:
// common keys combine, keys of one side only keep their value.
func dictDict(x, y *k.Dict, f kern) (k.V, error) { return dictMerge(x, y, f, nil) }

// dictMerge is dictDict where a value whose key only y has becomes
// only(value) (when only is not nil): x-y negates it.
func dictMerge(x, y *k.Dict, f kern, only kern1) (k.V, error) {
	if _, _, ok := keyedParts(x); ok {
		if _, _, ok := keyedParts(y); ok {
			return keyedMerge(x, y, f)
		}
		return nil, k.ErrType
	}
	if k.Count(x.Keys) != k.Count(x.Vals) || k.Count(y.Keys) != k.Count(y.Vals) {
		return nil, k.ErrLength
	}
	xk, yk := items(listOf(x.Keys)), items(listOf(y.Keys))
	pos := findIn(listOf(x.Keys), listOf(y.Keys))
	vals := append([]k.V{}, items(listOf(x.Vals))...)
	if len(pos) != len(yk) || len(vals) != len(xk) {
		return nil, k.ErrLength
	}
	keys := append([]k.V{}, xk...)
	for j, p := range pos {
		yv := k.At(listOf(y.Vals), j)
		if p < int64(len(xk)) {
			v, err := atomic2(vals[p], yv, f)
			if err != nil {
				return nil, err
			}
			vals[p] = v
		} else {
			if only != nil {
				v, err := only(yv)
				if err != nil {
					return nil, err
				}
				yv = v
			}
			keys = append(keys, yk[j])
			vals = append(vals, yv)
		}
	}
	return &k.Dict{Keys: k.Uniform(keys), Vals: k.Uniform(vals)}, nil
}

// atomic1 extends a monadic kernel over lists, dictionaries and tables.
func atomic1(x k.V, f kern1) (k.V, error) {
	switch v := x.(type) {
	case *k.Dict:
		r, err := atomic1(v.Vals, f)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	case *k.Table:
		return tableMap(v, func(c k.V) (k.V, error) { return atomic1(c, f) })
	case k.List:
		r := make([]k.V, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			a, err := atomic1(e, f)
			if err != nil {
				return nil, err
			}
			r[i] = a
		}
		return k.Uniform(r), nil
	}
	if !isSimple(x) {
		return nil, k.ErrType
	}
	return f(x)
}

// mask returns -1 (all bits) when a slice of length l is a full vector of n
// items and 0 when it is a one-item atom, so that s[i&mask] broadcasts.
func mask(l, n int) int {
	if l == n {
		return -1
	}
	return 0
}

// counts returns the result count of two simple arguments.
func counts(x, y k.V) (n int, atom bool) {
	switch {
	case isAtom(x) && isAtom(y):
		return 1, true
	case isAtom(x):
		return k.Count(y), false
	}
	return k.Count(x), false
}
