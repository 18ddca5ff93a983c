package prim

import (
	"kt/k"
)

// Search and set operations: ? (find), in, except, inter, union,
// distinct, group, within, bin, binr.

// findIn returns, for each item of y (or y itself when an atom), its first
// position in list x, or count x when absent.
func findIn(x, y k.V) []int64 {
	if p, ok := scanAtom(x, y); ok {
		return []int64{p}
	}
	nx := int64(k.Count(x))
	if nx*int64(k.Count(y)) > 64 {
		if r, ok := findFast(x, y); ok {
			return r
		}
	}
	if a, ok := x.(k.Longs); ok {
		if b, ok := y.(k.Longs); ok {
			return findT(a, b, nx)
		}
		if b, ok := y.(k.Long); ok {
			return findT(a, []int64{int64(b)}, nx)
		}
	}
	if a, ok := x.(k.Syms); ok {
		if b := symsOf(y); b != nil {
			return findT(a, b, nx)
		}
	}
	return findRef(x, y)
}

// scanAtom is where the atom y is first in x, a simple vector of y's
// type (count x where it is nowhere), found by comparing each item: one
// atom is found sooner so than by hashing x. ok is false for the other
// types (floats and reals compare as find's hash does).
func scanAtom(x, y k.V) (int64, bool) {
	if !isAtom(y) || x.Type() != -y.Type() {
		return 0, false
	}
	switch a := k.Under(x).(type) {
	case k.Longs:
		return scanT(a, int64(k.Under(y).(k.Long))), true
	case k.Ints:
		return scanT(a, int32(k.Under(y).(k.Int))), true
	case k.Syms:
		return scanT(a, string(y.(k.Sym))), true
	case k.Shorts:
		return scanT(a, int16(y.(k.Short))), true
	case k.Chars:
		return scanT(a, byte(y.(k.Char))), true
	case k.Bytes:
		return scanT(a, byte(y.(k.Byte))), true
	}
	return 0, false
}

func scanT[E comparable](x []E, e E) int64 {
	for i, f := range x {
		if f == e {
			return int64(i)
		}
	}
	return int64(len(x))
}

// findRef is findIn through a map from each item's bytes: the reference
// that findFast is tested against.
func findRef(x, y k.V) []int64 {
	nx := int64(k.Count(x))
	pos := make(map[string]int64, nx)
	for i := nx - 1; i >= 0; i-- {
		pos[keyOf(k.At(x, int(i)))] = i
	}
	var ys []k.V
	if isAtom(y) {
		ys = []k.V{y}
	} else {
		ys = items(y)
	}
	r := make([]int64, len(ys))
	for i, e := range ys {
		if p, ok := pos[keyOf(e)]; ok {
			r[i] = p
		} else {
			r[i] = nx
		}
	}
	return r
}

func findT[E comparable](x, y []E, nx int64) []int64 {
	r := make([]int64, len(y))
	if len(x)*len(y) <= 64 {
		for i, e := range y {
			r[i] = nx
			for j, f := range x {
				if f == e {
					r[i] = int64(j)
					break
				}
			}
		}
		return r
	}
	pos := make(map[E]int64, len(x))
	for i := len(x) - 1; i >= 0; i-- {
		pos[x[i]] = int64(i)
	}
	for i, e := range y {
		if p, ok := pos[e]; ok {
			r[i] = p
		} else {
			r[i] = nx
		}
	}
	return r
}

// Find is q's x?y on data: the first index of y (or of each item of y)
// in list x; the key of value y for a dictionary.
func Find(x, y k.V) (k.V, error) {
	switch v := x.(type) {
	case *k.Dict:
		p, err := Find(v.Vals, y)
		if err != nil {
			return nil, err
		}
		return Index(v.Keys, p)
	case *k.Table:
		return findRows(v, y)
	}
	if isAtom(x) {
		if _, ok := asInt(x); ok {
			// roll and deal need a random source: the evaluator's.
			return nil, k.Err("nyi: roll and deal outside the evaluator")
		}
		return nil, k.ErrType
	}
	if _, gen := x.(k.List); gen {
		if yl, ok := y.(k.List); ok {
			r := make(k.Longs, len(yl))
			for i, e := range yl {
				r[i] = findIn(x, k.List{e})[0]
			}
			return r, nil
		}
		return k.Long(findIn(x, k.List{y})[0]), nil
	}
	if isAtom(y) {
		return k.Long(findIn(x, y)[0]), nil
	}
	if yl, ok := y.(k.List); ok {
		r := make([]k.V, len(yl))
		for i, e := range yl {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			v, err := Find(x, e)
			if err != nil {
				return nil, err
			}
			r[i] = v
		}
		return k.Uniform(r), nil
	}
	return k.Longs(findIn(x, y)), nil
}

// listOf treats an atom as a one-item list.
func listOf(x k.V) k.V {
	if isAtom(x) {
		return enlist(x)
	}
	return x
}

// In is q's in: whether x is an item of y. For an atom or vector y it is
// left-atomic (each atom of x); for a general list y, x is looked for
// whole when it is an atom and y's items are atoms or when both are
// lists, and item by item when x is a list and y's items are atoms.
func In(x, y k.V) (k.V, error) {
	if yl, ok := y.(k.List); ok {
		return inList(x, yl), nil
	}
	if _, ok := x.(k.List); ok {
		r := make([]k.V, k.Count(x))
		for i := range r {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			v, err := In(k.At(x, i), y)
			if err != nil {
				return nil, err
			}
			r[i] = v
		}
		return k.Uniform(r), nil
	}
	tx, ty := absType(x), absType(y)
	if isNumeric(tx) && isNumeric(ty) && tx != ty {
		// mixed numeric types only against an atom or a one-item list
		if !isAtom(y) && k.Count(y) != 1 {
			return nil, k.ErrType
		}
		return atomic2(x, k.At(y, 0), compareKern(eqBit))
	}
	ys := listOf(y)
	n := int64(k.Count(ys))
	if isAtom(x) {
		return k.Bool(findIn(ys, k.List{x})[0] < n), nil
	}
	p := findIn(ys, x)
	r := make(k.Bools, len(p))
	for i, e := range p {
		r[i] = e < n
	}
	return r, nil
}

// isNumeric reports whether type t (either sign) is a number type:
// boolean, byte, short, int, long, real or float.
func isNumeric(t int) bool {
	return isNum(t) && t != k.TChar && t != -k.TChar
}

// inList is x in y for a general list y.
func inList(x k.V, y k.List) k.V {
	if len(y) == 0 || isAtom(x) == isAtom(y[0]) {
		for _, e := range y {
			if matchV(x, e) {
				return k.Bool(true)
			}
		}
		if isAtom(x) || len(y) > 0 {
			return k.Bool(false)
		}
	}
	if !isVec(x) {
		return k.Bool(false)
	}
	r := make([]k.V, k.Count(x))
	for i := range r {
		r[i] = inList(k.At(x, i), y)
	}
	return k.Uniform(r)
}

func isGenList(x k.V) bool { _, ok := x.(k.List); return ok }

// Except is q's except: the items of x not in y.
func Except(x, y k.V) (k.V, error) {
	return keepFound(x, y, false), nil
}

// keepFound is the items of x found in y (absent ones when found is
// false), in x's order.
func keepFound(x, y k.V, found bool) k.V {
	x = listOf(x)
	ys := listOf(y)
	n := int64(k.Count(ys))
	p := findIn(ys, x)
	keep := make(k.Bools, len(p))
	for i, e := range p {
		keep[i] = (e < n) == found
	}
	return pick(x, whereBools(keep))
}

func nonNil(s []int64) []int64 {
	if s == nil {
		return []int64{}
	}
	return s
}

// Inter is q's inter: the items of x that are also in y; of
// dictionaries, the common values.
func Inter(x, y k.V) (k.V, error) {
	if d, ok := x.(*k.Dict); ok {
		x = d.Vals
	}
	if d, ok := y.(*k.Dict); ok {
		y = d.Vals
	}
	return keepFound(x, y, true), nil
}

// Union is q's union: distinct x,y.
func Union(x, y k.V) (k.V, error) {
	j, err := Join(x, y)
	if err != nil {
		return nil, err
	}
	return Distinct(j)
}

// Distinct is q's distinct: the unique items of x in order of first
// occurrence.
func Distinct(x k.V) (k.V, error) {
	if isAtom(x) {
		return nil, k.ErrType
	}
	if d, ok := x.(*k.Dict); ok {
		return Distinct(d.Vals)
	}
	if r, ok := distinctFast(x); ok {
		return r, nil
	}
	return distinctRef(x), nil
}

// distinctRef is distinct by findIn: the reference that distinctFast is
// tested against.
func distinctRef(x k.V) k.V {
	first := findIn(x, x)
	var keep []int64
	for i, p := range first {
		if p == int64(i) {
			keep = append(keep, p)
		}
	}
	return pick(x, nonNil(keep))
}

// Group is q's group: a dictionary from the distinct items of x to the
// indices where each occurs.
func Group(x k.V) (k.V, error) {
	if isAtom(x) {
		return nil, k.ErrType
	}
	if d, ok := x.(*k.Dict); ok {
		if _, ok := d.Vals.(*k.Dict); ok {
			// the indices group finds are positions in the values, and
			// a dictionary's items are not positions
			return nil, k.Err("nyi: group of a dictionary whose values are a dictionary")
		}
		g, err := Group(d.Vals)
		if err != nil {
			return nil, err
		}
		gd := g.(*k.Dict)
		vals := make(k.List, k.Count(gd.Vals))
		for i := range vals {
			vals[i] = pick(d.Keys, k.At(gd.Vals, i).(k.Longs))
		}
		return &k.Dict{Keys: gd.Keys, Vals: vals}, nil
	}
	if r, ok := groupFast(x); ok {
		return r, nil
	}
	return groupRef(x), nil
}

// groupRef is group by findIn: the reference that groupFast is tested
// against.
func groupRef(x k.V) k.V {
	first := findIn(x, x)
	var keys []int64
	groups := map[int64][]int64{}
	for i, p := range first {
		if p == int64(i) {
			keys = append(keys, p)
		}
		groups[p] = append(groups[p], int64(i))
	}
	vals := make(k.List, len(keys))
	for i, p := range keys {
		vals[i] = k.Longs(groups[p])
	}
	return &k.Dict{Keys: pick(x, nonNil(keys)), Vals: vals}
}

// Within is q's within: lo<=x and x<=hi for y the pair (lo;hi).
func Within(x, y k.V) (k.V, error) {
	if k.Count(y) != 2 || isAtom(y) {
		return nil, k.ErrLength
	}
	lo, hi := k.At(y, 0), k.At(y, 1)
	a, err := Compare(">=")(x, lo)
	if err != nil {
		return nil, err
	}
	b, err := Compare("<=")(x, hi)
	if err != nil {
		return nil, err
	}
	return Lesser(a, b)
}

// findRows is t?y for a table t: the first row of t equal to the record y
// (a dictionary, or a list of one value a column: t?(2;4)), or for each
// row of table y; count t where there is none.
func findRows(t *k.Table, y k.V) (k.V, error) {
	n := k.Count(t)
	rowKeyOf := func(vals []k.V) string {
		var b []byte
		for _, v := range vals {
			b = appendKey(b, v)
		}
		return string(b)
	}
	pos := make(map[string]int64, n)
	for i := n - 1; i >= 0; i-- {
		vals := make([]k.V, len(t.Data))
		for j, c := range t.Data {
			vals[j] = k.At(c, i)
		}
		pos[rowKeyOf(vals)] = int64(i)
	}
	lookup := func(vals []k.V) int64 {
		if p, ok := pos[rowKeyOf(vals)]; ok {
			return p
		}
		return int64(n)
	}
	switch v := y.(type) {
	case *k.Table:
		if len(v.Cols) != len(t.Cols) {
			return nil, k.ErrLength
		}
		m := k.Count(v)
		r := make(k.Longs, m)
		for i := range r {
			vals := make([]k.V, len(v.Data))
			for j, c := range v.Data {
				vals[j] = k.At(c, i)
			}
			r[i] = lookup(vals)
		}
		return r, nil
	case *k.Dict:
		if k.Count(v) != len(t.Cols) {
			return nil, k.ErrLength
		}
		return k.Long(lookup(items(v.Vals))), nil
	}
	if y.Type() < 0 || k.Count(y) != len(t.Cols) {
		if len(t.Cols) == 1 && y.Type() < 0 {
			return k.Long(lookup([]k.V{y})), nil
		}
		return nil, k.ErrLength
	}
	return k.Long(lookup(items(y))), nil
}
