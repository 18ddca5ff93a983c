package q

import (
	"kt/k"
	"kt/prim"
)

// The fast paths of amend. The reference (amend, amendDict) boxes every
// item of the list or dictionary it amends, so that one amend of a
// 100000-item list took milliseconds and a loop of d[k]:v was quadratic
// many times over. Where a few items of a simple vector, a general list or
// a dictionary of them change, these copy the vectors as they are and set
// the items changed: the same values (TestAmendFast), in a copy of machine
// words. Anything else, or many items, is left to the reference.

// fewOf is whether m items of n are few enough to track one by one.
func fewOf(m, n int) bool { return m <= 64 || m <= n/8 }

// amendListFast is amend of the list x at positions idx (each paired with
// its part of y in ys) when x is a plain simple vector or a general list
// and idx are few. ok is false where the reference is to amend.
func (in *Interp) amendListFast(x k.V, idx []int, rest []k.V, f k.V, ys []k.V, hasY bool) (r k.V, ok bool, err error) {
	if in.referenceAmend {
		return nil, false, nil
	}
	n := k.Count(x)
	t := x.Type()
	if _, attr := x.(*k.Attr); attr || t < 0 || t > k.TTime || !fewOf(len(idx), n) {
		return nil, false, nil
	}
	touched := make(map[int]k.V, len(idx))
	for j, ix := range idx {
		if ix < 0 || ix >= n {
			return nil, true, k.ErrIndex
		}
		cur, seen := touched[ix]
		if !seen {
			cur = k.At(x, ix)
		}
		v, err := in.amend(cur, rest, f, ys[j], hasY)
		if err != nil {
			return nil, true, err
		}
		touched[ix] = v
	}
	if l, general := x.(k.List); general {
		items := append(make(k.List, 0, n), l...)
		for ix, v := range touched {
			items[ix] = v
		}
		// a general list whose items become atoms of one type is squeezed
		return k.Uniform(items), true, nil
	}
	for _, v := range touched {
		if v.Type() != -t {
			return nil, true, k.ErrType
		}
	}
	return scatter(x, touched), true, nil
}

// scatter is a copy of the simple vector x with the atoms at (each of x's
// type) in place of its items.
func scatter(x k.V, at map[int]k.V) k.V {
	t := x.Type()
	var r k.V
	switch v := k.Under(x).(type) {
	case k.Bools:
		r = scatterT(v, at, func(a k.V) bool { return bool(a.(k.Bool)) })
	case k.Guids:
		r = scatterT(v, at, func(a k.V) k.Guid { return a.(k.Guid) })
	case k.Bytes:
		r = scatterT(v, at, func(a k.V) byte { return byte(a.(k.Byte)) })
	case k.Shorts:
		r = scatterT(v, at, func(a k.V) int16 { return int16(a.(k.Short)) })
	case k.Ints:
		r = scatterT(v, at, func(a k.V) int32 { return int32(k.Under(a).(k.Int)) })
	case k.Longs:
		r = scatterT(v, at, func(a k.V) int64 { return int64(k.Under(a).(k.Long)) })
	case k.Reals:
		r = scatterT(v, at, func(a k.V) float32 { return float32(a.(k.Real)) })
	case k.Floats:
		r = scatterT(v, at, func(a k.V) float64 { return float64(k.Under(a).(k.Float)) })
	case k.Chars:
		r = scatterT(v, at, func(a k.V) byte { return byte(a.(k.Char)) })
	case k.Syms:
		r = scatterT(v, at, func(a k.V) string { return string(a.(k.Sym)) })
	default:
		panic("scatter: not a simple vector") // amendListFast checked x's type
	}
	if k.IsTemporal(t) {
		r = k.Retag(r, t)
	}
	return r
}

func scatterT[S ~[]E, E any](v S, at map[int]k.V, item func(k.V) E) S {
	r := append(make(S, 0, len(v)), v...)
	for i, a := range at {
		r[i] = item(a)
	}
	return r
}

// amendDictFast is amendDict where the keys are a plain simple vector, the
// values a plain simple vector or a general list of as many, and the keys
// amended are few: the keys amended are found by find (keyPositions), the
// new ones joined at the end, and the values copied and set.
func (in *Interp) amendDictFast(d *k.Dict, targets []k.V, rest []k.V, f k.V, ys []k.V, hasY bool) (r k.V, ok bool, err error) {
	if in.referenceAmend {
		return nil, false, nil
	}
	kt, vt := d.Keys.Type(), d.Vals.Type()
	n := k.Count(d.Keys)
	_, kattr := d.Keys.(*k.Attr)
	_, vattr := d.Vals.(*k.Attr)
	if kattr || vattr || kt <= 0 || kt > k.TTime || vt < 0 || vt > k.TTime || k.Count(d.Vals) != n || !fewOf(len(targets), n) {
		return nil, false, nil
	}
	for _, t := range targets {
		if t.Type() != -kt {
			return nil, false, nil
		}
	}
	// where each target is among the keys, and among the targets first:
	// a key d lacks takes a new place, once however often it is amended
	at := keyPositions(d.Keys, targets)
	firsts := []int64{0}
	if len(targets) > 1 {
		tv := k.Uniform(append([]k.V(nil), targets...))
		f, err := prim.Find(tv, tv)
		l, isLongs := f.(k.Longs)
		if err != nil || !isLongs {
			return nil, false, nil
		}
		firsts = l
	}
	var added []k.V // keys not in d, in the order first amended
	pos := make([]int, len(targets))
	for j, t := range targets {
		switch first := int(firsts[j]); {
		case at[j] >= 0:
			pos[j] = at[j]
		case first < j:
			pos[j] = pos[first]
		default:
			added = append(added, t)
			pos[j] = n + len(added) - 1
		}
	}
	var null k.V
	if len(added) > 0 {
		if null, err = nullOf(d.Vals); err != nil {
			return nil, true, err
		}
	}
	touched := make(map[int]k.V, len(targets))
	for j, p := range pos {
		cur, seen := touched[p]
		switch {
		case seen:
		case p < n:
			cur = k.At(d.Vals, p)
		default:
			cur = null
		}
		v, err := in.amend(cur, rest, f, ys[j], hasY)
		if err != nil {
			return nil, true, err
		}
		touched[p] = v
	}
	keys := d.Keys
	if len(added) > 0 {
		if keys, err = prim2(",", d.Keys, k.Uniform(added)); err != nil {
			return nil, true, err
		}
	}
	if l, general := d.Vals.(k.List); general {
		vals := append(make(k.List, 0, n+len(added)), l...)
		for range added {
			vals = append(vals, null)
		}
		for p, v := range touched {
			vals[p] = v
		}
		if n+len(added) == 0 {
			return &k.Dict{Keys: keys, Vals: k.List{}}, true, nil
		}
		return &k.Dict{Keys: keys, Vals: vals}, true, nil
	}
	for _, v := range touched {
		if v.Type() != -vt {
			return nil, true, k.ErrType // simple values stay of their type
		}
	}
	vals := d.Vals
	if len(added) > 0 {
		nulls := make(k.List, len(added))
		for a := range nulls {
			nulls[a] = null
		}
		if vals, err = prim2(",", d.Vals, k.Uniform(nulls)); err != nil {
			return nil, true, err
		}
	}
	return &k.Dict{Keys: keys, Vals: scatter(vals, touched)}, true, nil
}
