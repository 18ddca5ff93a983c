package prim

import (
	"kt/k"
)

// List primitives: til, count, first, last, reverse, where, enlist, raze,
// , (join), rotate.

// Til is q's til (monadic ! on an integer): 0 1 ... x-1.
func Til(x k.V) (k.V, error) {
	n, ok := asInt(x)
	if !ok {
		if isAtom(x) {
			return nil, k.ErrType
		}
		return nil, k.ErrRank
	}
	if n < 0 || n == k.NullLong {
		return nil, k.ErrDomain
	}
	if err := k.NeedItems(int(n), k.TLong); err != nil {
		return nil, err
	}
	r := make(k.Longs, n)
	for i := range r {
		r[i] = int64(i)
	}
	return r, nil
}

// Count is q's count (monadic #).
func Count(x k.V) (k.V, error) { return k.Long(k.Count(x)), nil }

// Enlist is q's enlist (monadic ,): a one-item list; a dictionary with
// symbol keys becomes a one-row table.
func Enlist(x k.V) (k.V, error) { return enlist(x), nil }

// First is q's first (monadic *).
func First(x k.V) (k.V, error) {
	switch v := x.(type) {
	case *k.Dict:
		return First(v.Vals)
	case *k.Table:
		if k.Count(v) == 0 {
			return prototype(v), nil
		}
	}
	if isAtom(x) || !isVec(x) && x.Type() != k.TTable {
		return x, nil
	}
	if k.Count(x) == 0 {
		return prototype(x), nil
	}
	return k.At(x, 0), nil
}

// Last is q's last.
func Last(x k.V) (k.V, error) {
	switch v := x.(type) {
	case *k.Dict:
		return Last(v.Vals)
	}
	if isAtom(x) || !isVec(x) && x.Type() != k.TTable {
		return x, nil
	}
	n := k.Count(x)
	if n == 0 {
		return prototype(x), nil
	}
	return k.At(x, n-1), nil
}

// Reverse is q's reverse (monadic |).
func Reverse(x k.V) (k.V, error) {
	if isAtom(x) {
		return x, nil
	}
	switch v := x.(type) {
	case *k.Dict:
		kr, vr, err := keysVals(v, Reverse)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: kr, Vals: vr}, nil
	}
	if !isVec(x) && x.Type() != k.TTable {
		return nil, k.ErrType
	}
	n := k.Count(x)
	idx := make([]int64, n)
	for i := range idx {
		idx[i] = int64(n - 1 - i)
	}
	return pick(x, idx), nil
}

// keysVals applies f to a dictionary's keys and to its values: once where
// they are one container, as in {x!x}/[40;1], whose 40 levels would be
// 2^40 applications if each level did the work twice; otherwise the work
// is counted (k.Tick), so that values that share their parts less plainly
// still see an interrupt.
func keysVals(d *k.Dict, f func(k.V) (k.V, error)) (keys, vals k.V, err error) {
	if keys, err = f(d.Keys); err != nil {
		return nil, nil, err
	}
	if k.Same(d.Keys, d.Vals) {
		return keys, keys, nil
	}
	if err := k.Tick(); err != nil {
		return nil, nil, err
	}
	if vals, err = f(d.Vals); err != nil {
		return nil, nil, err
	}
	return keys, vals, nil
}

// Where is q's where (monadic &): the indices of true booleans, each
// index repeated by a count, or the keys of a dictionary.
func Where(x k.V) (k.V, error) {
	if d, ok := x.(*k.Dict); ok {
		w, err := Where(d.Vals)
		if err != nil {
			return nil, err
		}
		return pick(d.Keys, w.(k.Longs)), nil
	}
	if b, ok := x.(k.Bools); ok {
		return whereBools(b), nil
	}
	t := x.Type()
	if t != k.TByte && t != k.TShort && t != k.TInt && t != k.TLong && t != -k.TLong && t != -k.TInt && t != -k.TShort && t != -k.TBool {
		return nil, k.ErrType
	}
	c := toI64(x)
	total := int64(0)
	for _, n := range c {
		if n < 0 {
			return nil, k.ErrDomain
		}
		if total += n; total < 0 {
			return nil, k.Err("limit")
		}
	}
	if err := k.NeedItems(int(total), k.TLong); err != nil {
		return nil, err
	}
	r := make(k.Longs, total)
	j := 0
	for i, n := range c {
		for range n {
			r[j] = int64(i)
			j++
		}
	}
	return r, nil
}

// Join is q's , (join): same-typed vectors stay typed, anything else
// becomes a general list; dictionaries upsert, tables append rows.
func Join(x, y k.V) (k.V, error) {
	if xt, ok := x.(*k.Table); ok {
		switch yv := y.(type) {
		case *k.Table:
			return joinTables(xt, yv)
		case *k.Dict:
			if row, ok := enlist(yv).(*k.Table); ok {
				return joinTables(xt, row)
			}
			return nil, k.ErrType
		}
	}
	xd, xisd := x.(*k.Dict)
	yd, yisd := y.(*k.Dict)
	switch {
	case xisd && yisd:
		return dictDict(xd, yd, func(a, b k.V) (k.V, error) { return b, nil })
	case xisd && isSimple(y), yisd && isSimple(x):
		// an atom or a simple vector does not join a dictionary
		return nil, k.ErrType
	}
	if x.Type() > k.TTime || y.Type() > k.TTime {
		return k.List{x, y}, nil
	}
	tx, ty := absType(x), absType(y)
	t := k.TList
	if tx == ty {
		t = tx
	}
	if err := k.NeedItems(k.Count(x)+k.Count(y), t); err != nil {
		return nil, err
	}
	if tx == ty && tx != k.TList {
		if s := storageFor(listOf(x)); s != nil {
			return s.join(listOf(x), listOf(y)), nil
		}
	}
	// An empty general list joins to a typed value as that value's list.
	if l, ok := x.(k.List); ok && len(l) == 0 {
		return listOf(y), nil
	}
	if l, ok := y.(k.List); ok && len(l) == 0 {
		return listOf(x), nil
	}
	var r k.List
	r = append(r, itemsOrSelf(x)...)
	r = append(r, itemsOrSelf(y)...)
	return r, nil
}

// storage is what Join and Raze do with the vectors of one Go type S
// (a simple vector's storage, temporal types aside): the one place they
// dispatch on the type.
type storage interface {
	join(a, b k.V) k.V        // a then b, both of type S
	raze(l k.List, n int) k.V // razeTyped
}

type storageOf[S ~[]E, E any] struct{}

func (storageOf[S, E]) join(a, b k.V) k.V        { return any(joinT(a.(S), b.(S))).(k.V) }
func (storageOf[S, E]) raze(l k.List, n int) k.V { return any(razeTyped[S](l, n)).(k.V) }

// storageFor is the storage of the simple vector v, nil for any other
// value (a temporal vector among them: its storage is k.Under's).
func storageFor(v k.V) storage {
	switch v.(type) {
	case k.Bools:
		return storageOf[k.Bools, bool]{}
	case k.Bytes:
		return storageOf[k.Bytes, byte]{}
	case k.Shorts:
		return storageOf[k.Shorts, int16]{}
	case k.Ints:
		return storageOf[k.Ints, int32]{}
	case k.Longs:
		return storageOf[k.Longs, int64]{}
	case k.Reals:
		return storageOf[k.Reals, float32]{}
	case k.Floats:
		return storageOf[k.Floats, float64]{}
	case k.Chars:
		return storageOf[k.Chars, byte]{}
	case k.Syms:
		return storageOf[k.Syms, string]{}
	case k.Guids:
		return storageOf[k.Guids, k.Guid]{}
	}
	return nil
}

// joinT is a then b in a new slice of exactly their length.
func joinT[S ~[]E, E any](a, b S) S {
	r := make(S, len(a)+len(b))
	copy(r[copy(r, a):], b)
	return r
}

func itemsOrSelf(x k.V) []k.V {
	if isAtom(x) || x.Type() > k.TTime {
		return []k.V{x}
	}
	return items(x)
}

// joinTables appends the rows of y to x; the columns must match.
func joinTables(x, y *k.Table) (k.V, error) {
	if !matchV(x.Cols, y.Cols) {
		return nil, k.Err("mismatch")
	}
	data := make(k.List, len(x.Data))
	for i := range data {
		c, err := Join(x.Data[i], y.Data[i])
		if err != nil {
			return nil, err
		}
		data[i] = c
	}
	return &k.Table{Cols: x.Cols, Data: data}, nil
}

// Raze is q's raze: the items of x joined.
func Raze(x k.V) (k.V, error) {
	if d, ok := x.(*k.Dict); ok {
		return Raze(d.Vals)
	}
	if isAtom(x) {
		return enlist(x), nil
	}
	l, ok := x.(k.List)
	if !ok {
		return x, nil
	}
	if len(l) == 0 {
		return k.List{}, nil
	}
	if r, ok, err := razeFlat(l); ok {
		return r, err
	}
	r := listOf(l[0])
	for _, e := range l[1:] {
		// each join copies what is made so far: count it, so that a long
		// raze sees an interrupt and the workspace
		if err := k.TickN(k.Count(r) + 1); err != nil {
			return nil, err
		}
		var err error
		if r, err = Join(r, e); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// razeFlat is Raze of a list whose items are atoms and lists, none of them
// a dictionary, a table, an enumeration or carrying an attribute: the
// joins Raze would make one at a time, made at once in time linear in the
// result. Where every item is of one type the result is a vector of it
// (dates stay dates); otherwise it is the general list of their items. An
// empty general list joins as nothing, as in ,. ok is false for the other
// items, which Raze joins one at a time.
func razeFlat(l k.List) (r k.V, ok bool, err error) {
	t, n := -1, 0 // the items' one type (TList where they differ) and the result's count
	var first k.V // the first item that joins anything
	for _, e := range l {
		switch e.(type) {
		case *k.Dict, *k.Table, *k.Attr, *k.Enums:
			return nil, false, nil
		}
		te := e.Type()
		if te > k.TTime || te < -k.TTime {
			return nil, false, nil
		}
		if g, isList := e.(k.List); isList && len(g) == 0 {
			continue
		}
		if te < 0 {
			te, n = -te, n+1
		} else {
			n += k.Count(e)
		}
		switch {
		case first == nil:
			t, first = te, e
		case t != te:
			t = k.TList
		}
	}
	if first == nil {
		return k.List{}, true, nil
	}
	if err := k.NeedItems(n, t); err != nil {
		return nil, true, err
	}
	if t == k.TList {
		g := make(k.List, 0, n)
		for _, e := range l {
			g = append(g, itemsOrSelf(e)...)
		}
		return g, true, nil
	}
	st := storageFor(listOf(k.Under(first)))
	if st == nil {
		return nil, false, nil
	}
	v := st.raze(l, n)
	if k.IsTemporal(t) {
		v = k.Retag(v, t)
	}
	return v, true, nil
}

// razeTyped joins items that are all atoms and vectors of one type, whose
// storage is S, into one vector of n items.
func razeTyped[S ~[]E, E any](l k.List, n int) S {
	r := make(S, 0, n)
	for _, e := range l {
		if g, isList := e.(k.List); isList && len(g) == 0 {
			continue
		}
		switch x := k.Under(e).(type) {
		case S:
			r = append(r, x...)
		default:
			r = append(r, listOf(x).(S)...)
		}
	}
	return r
}

// Rotate is q's rotate: list y rotated x items to the left.
func Rotate(x, y k.V) (k.V, error) {
	n, ok := asInt(x)
	if !ok {
		return nil, k.ErrType
	}
	if isAtom(y) {
		return y, nil
	}
	c := int64(k.Count(y))
	if c == 0 {
		return y, nil
	}
	s := ((n % c) + c) % c
	idx := make([]int64, c)
	for i := range idx {
		idx[i] = (int64(i) + s) % c
	}
	return pick(y, idx), nil
}
