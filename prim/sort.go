package prim

import (
	"slices"
	"strings"

	"kt/k"
)

// Sorting: iasc idesc asc desc xasc xdesc, and the general order of values.

// cmpV orders two values: numbers by value (nulls first), symbols and
// strings lexically, lists item by item then by length. Values of
// unrelated types order by type code.
func cmpV(a, b k.V) (int, error) {
	ta, tb := a.Type(), b.Type()
	if ta < 0 && tb < 0 {
		switch {
		case ta == tb && k.IsTemporal(ta):
			return cmpV(k.Under(a), k.Under(b))
		case ta == -k.TSym && tb == -k.TSym:
			return strings.Compare(string(a.(k.Sym)), string(b.(k.Sym))), nil
		case isNum(ta) && isNum(tb):
			if ta == -k.TReal || ta == -k.TFloat || tb == -k.TReal || tb == -k.TFloat {
				return fcmp(toF64(a)[0], toF64(b)[0]), nil
			}
			return icmp(toI64(a)[0], toI64(b)[0]), nil
		}
		return icmp(int64(-ta), int64(-tb)), nil
	}
	if ta < 0 || tb < 0 {
		if ta < 0 {
			return -1, nil
		}
		return 1, nil
	}
	if ta >= 20 || tb >= 20 {
		if d1, ok := a.(*k.Dict); ok {
			if d2, ok := b.(*k.Dict); ok {
				return cmpV(d1.Vals, d2.Vals)
			}
		}
		return 0, k.ErrType
	}
	na, nb := k.Count(a), k.Count(b)
	for i := 0; i < min(na, nb); i++ {
		c, err := cmpV(k.At(a, i), k.At(b, i))
		if err != nil || c != 0 {
			return c, err
		}
	}
	return icmp(int64(na), int64(nb)), nil
}

// grade returns the indices that sort list x ascending (desc for
// descending), stably.
func grade(x k.V, desc bool) ([]int64, error) {
	if t := x.Type(); t > 0 && k.IsTemporal(t) {
		x = k.Under(x)
	}
	if g, ok := gradeFast(x, desc); ok {
		return g, nil
	}
	return gradeRef(x, desc)
}

// gradeRef is grade by comparison: the reference that gradeFast's radix
// sort is tested against. Floats order exactly, as q's sorts do (no
// comparison tolerance), nulls first and -0 equal to 0.
func gradeRef(x k.V, desc bool) ([]int64, error) {
	n := k.Count(x)
	idx := iota64(0, n)
	sgn := 1
	if desc {
		sgn = -1
	}
	var err error
	switch v := x.(type) {
	case k.Longs:
		slices.SortStableFunc(idx, func(i, j int64) int { return sgn * icmp(v[i], v[j]) })
	case k.Floats:
		slices.SortStableFunc(idx, func(i, j int64) int { return sgn * fcmpExact(v[i], v[j]) })
	case k.Syms:
		slices.SortStableFunc(idx, func(i, j int64) int { return sgn * strings.Compare(v[i], v[j]) })
	case k.Ints, k.Shorts, k.Bytes, k.Bools, k.Chars:
		w := toI64(v)
		slices.SortStableFunc(idx, func(i, j int64) int { return sgn * icmp(w[i], w[j]) })
	case k.Reals:
		w := toF64(v)
		slices.SortStableFunc(idx, func(i, j int64) int { return sgn * fcmpExact(w[i], w[j]) })
	case *k.Table:
		return gradeCols(v.Data, desc)
	case *k.Dict:
		return grade(v.Vals, desc)
	case k.List:
		slices.SortStableFunc(idx, func(i, j int64) int {
			c, e := cmpV(v[i], v[j])
			if e != nil {
				err = e
			}
			return sgn * c
		})
	default:
		return nil, k.ErrType
	}
	return idx, err
}

// fcmpExact orders floats exactly, nulls first.
func fcmpExact(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	case a == b || a != a && b != b:
		return 0
	case a != a:
		return -1
	}
	return 1
}

// gradeCols sorts rows of equal-length columns lexicographically.
func gradeCols(cols []k.V, desc bool) ([]int64, error) {
	if len(cols) == 0 {
		return []int64{}, nil
	}
	idx := iota64(0, k.Count(cols[0]))
	// Stable sorts from the last key to the first give lexicographic order.
	for c := len(cols) - 1; c >= 0; c-- {
		g, err := grade(pick(cols[c], idx), desc)
		if err != nil {
			return nil, err
		}
		next := make([]int64, len(idx))
		for i, p := range g {
			next[i] = idx[p]
		}
		idx = next
	}
	return idx, nil
}

// Iasc is q's iasc (monadic <): the indices that sort x ascending.
func Iasc(x k.V) (k.V, error) {
	if isAtom(x) {
		return nil, k.ErrRank
	}
	g, err := grade(x, false)
	if err != nil {
		return nil, err
	}
	if d, ok := x.(*k.Dict); ok {
		return pick(d.Keys, g), nil
	}
	return k.Longs(g), nil
}

// Idesc is q's idesc (monadic >): the indices that sort x descending.
func Idesc(x k.V) (k.V, error) {
	if isAtom(x) {
		return nil, k.ErrRank
	}
	g, err := grade(x, true)
	if err != nil {
		return nil, err
	}
	if d, ok := x.(*k.Dict); ok {
		return pick(d.Keys, g), nil
	}
	return k.Longs(g), nil
}

// Asc is q's asc: x sorted ascending (a dictionary by its values).
func Asc(x k.V) (k.V, error) {
	if isAtom(x) {
		return x, nil
	}
	if r, ok := sortFast(x, false); ok {
		return r, nil
	}
	g, err := grade(x, false)
	if err != nil {
		return nil, err
	}
	return pick(x, g), nil
}

// Desc is q's desc: x sorted descending.
func Desc(x k.V) (k.V, error) {
	if isAtom(x) {
		return x, nil
	}
	if r, ok := sortFast(x, true); ok {
		return r, nil
	}
	g, err := grade(x, true)
	if err != nil {
		return nil, err
	}
	return pick(x, g), nil
}

// Xasc is q's xasc: table y sorted ascending by the columns named in x.
func Xasc(x, y k.V) (k.V, error) { return xsort(x, y, false) }

// Xdesc is q's xdesc: table y sorted descending by the columns named in x.
func Xdesc(x, y k.V) (k.V, error) { return xsort(x, y, true) }

func xsort(x, y k.V, desc bool) (k.V, error) {
	names := symsOf(x)
	if names == nil {
		return nil, k.ErrType
	}
	if d, ok := y.(*k.Dict); ok {
		if kt, ok := d.Keys.(*k.Table); ok {
			if vt, ok := d.Vals.(*k.Table); ok {
				t := joinCols(kt, vt)
				s, err := xsort(x, t, desc)
				if err != nil {
					return nil, err
				}
				return keyBy(len(kt.Cols), s.(*k.Table)), nil
			}
		}
		return nil, k.ErrType
	}
	t, ok := y.(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	cols := make([]k.V, len(names))
	for i, nm := range names {
		c := colIndex(t, nm)
		if c < 0 {
			return nil, k.Err(nm)
		}
		cols[i] = t.Data[c]
	}
	g, err := gradeCols(cols, desc)
	if err != nil {
		return nil, err
	}
	return pick(t, g), nil
}
