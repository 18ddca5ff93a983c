package prim

import (
	"kt/k"
)

// Take, drop, cut and sublist.

// Take is q's # (take): leading or trailing items, cyclically; a shape
// for a reshape; names for columns of a table or entries of a dictionary.
func Take(x, y k.V) (k.V, error) {
	if t := x.Type(); t == k.TSym || t == -k.TSym {
		return takeKeys(x, y)
	}
	if n, ok := asInt(x); ok && isAtom(x) {
		return takeN(n, y)
	}
	shape, ok := asInts(x)
	if !ok || isAtom(x) {
		return nil, k.ErrType
	}
	return reshape(shape, y)
}

// takeN takes n items from the front (n<0: the back) of y, cycling.
func takeN(n int64, y k.V) (k.V, error) {
	if d, ok := y.(*k.Dict); ok {
		kk, vv, err := keysVals(d, func(v k.V) (k.V, error) { return takeN(n, v) })
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: kk, Vals: vv}, nil
	}
	if n == k.NullLong {
		return nil, k.ErrDomain
	}
	if isAtom(y) {
		y = enlist(y)
	} else if !isVec(y) && y.Type() != k.TTable {
		y = k.List{y}
	}
	c := int64(k.Count(y))
	m := max(n, -n)
	if err := k.NeedItems(int(m), y.Type()); err != nil {
		return nil, err
	}
	if c == 0 {
		if m == 0 {
			return y, nil
		}
		return fillNull(y.Type(), int(m)), nil
	}
	start := int64(0)
	if n < 0 {
		start = ((c-m)%c + c) % c
	}
	return cycle(y, int(start), int(m)), nil
}

// cycle is m items of y from index start on, going round y as often as
// it takes, built without an index.
func cycle(y k.V, start, m int) k.V {
	switch v := y.(type) {
	case k.Bools:
		return cycleT(v, start, m)
	case k.Bytes:
		return cycleT(v, start, m)
	case k.Shorts:
		return cycleT(v, start, m)
	case k.Ints:
		return cycleT(v, start, m)
	case k.Longs:
		return cycleT(v, start, m)
	case k.Reals:
		return cycleT(v, start, m)
	case k.Floats:
		return cycleT(v, start, m)
	case k.Chars:
		return cycleT(v, start, m)
	case k.Syms:
		return cycleT(v, start, m)
	case k.Guids:
		return cycleT(v, start, m)
	case k.List:
		return cycleT(v, start, m)
	}
	c := k.Count(y)
	idx := make([]int64, m)
	for i := range idx {
		idx[i] = int64((start + i) % c)
	}
	return pick(y, idx)
}

func cycleT[S ~[]E, E any](v S, start, m int) S {
	r := make(S, m)
	n := copy(r, v[start:])
	if n < m {
		n += copy(r[n:], v[:start])
	}
	for n < m { // r[:n] is whole turns of v: copy it onto itself
		n += copy(r[n:], r[:n])
	}
	return r
}

// takeKeys selects columns of a table or entries of a dictionary by name.
func takeKeys(x, y k.V) (k.V, error) {
	switch v := y.(type) {
	case *k.Table:
		names := symsOf(x)
		data := make(k.List, len(names))
		for i, nm := range names {
			c := colIndex(v, nm)
			if c < 0 {
				return nil, k.Err(nm)
			}
			data[i] = v.Data[c]
		}
		return &k.Table{Cols: k.Syms(names), Data: data}, nil
	case *k.Dict:
		ks := listOf(x)
		p := findIn(v.Keys, ks)
		n := int64(k.Count(v.Keys))
		vals := make([]k.V, len(p))
		for i, e := range p {
			if e < n {
				vals[i] = k.At(v.Vals, int(e))
			} else {
				vals[i] = prototype(v.Vals)
			}
		}
		return &k.Dict{Keys: ks, Vals: k.Uniform(vals)}, nil
	}
	if isAtom(x) {
		n, _ := asInt(x)
		return takeN(n, y)
	}
	return nil, k.ErrType
}

// reshape is shape#y: a matrix or higher-rank array filled cyclically from
// y. One null in a two-item shape makes that dimension as long as needed.
func reshape(shape []int64, y k.V) (k.V, error) {
	if len(shape) == 0 {
		return takeN(0, y)
	}
	if len(shape) == 1 {
		return takeN(shape[0], y)
	}
	if isAtom(y) {
		y = enlist(y)
	}
	c := int64(k.Count(y))
	if len(shape) == 2 && (shape[0] == k.NullLong || shape[1] == k.NullLong) {
		switch {
		case shape[0] == k.NullLong && shape[1] == k.NullLong:
			return nil, k.ErrDomain
		case shape[0] == k.NullLong:
			w := shape[1]
			if w <= 0 {
				return nil, k.ErrDomain
			}
			var r k.List
			for i := int64(0); i < c; i += w {
				r = append(r, slice(y, int(i), int(min(i+w, c))))
			}
			return listOrEmpty(r), nil
		default:
			rows := shape[0]
			if rows < 0 {
				return nil, k.ErrDomain
			}
			r := make(k.List, rows)
			if rows == 0 {
				return r, nil
			}
			w := c / rows
			for i := range r {
				end := int64(i+1) * w
				if int64(i) == rows-1 {
					end = c
				}
				r[i] = slice(y, int(int64(i)*w), int(end))
			}
			return r, nil
		}
	}
	// the result is total items and, above them, a list for each of its
	// rows: both must fit the workspace (a corrupt or fuzzed shape such as
	// 0x700fffffff asks for billions)
	total, rows := int64(1), int64(1)
	for i, d := range shape {
		if d < 0 || d == k.NullLong || d == 0 && len(shape) > 2 && i < len(shape)-1 {
			// a shape of three or more may end in 0 (1 2 0#"a") but
			// not have an empty inner dimension (1 0 2#1 2)
			return nil, k.ErrDomain
		}
		if d > 0 && total > (1<<40)/d {
			return nil, k.Err("limit")
		}
		if i == len(shape)-1 {
			rows = total
		}
		total *= d
	}
	if err := k.NeedItems(int(total), y.Type()); err != nil {
		return nil, err
	}
	if err := k.Need(int(rows), 40); err != nil { // a slice boxed in a list
		return nil, err
	}
	var flat k.V
	if c == 0 {
		flat = fillNull(y.Type(), int(total))
	} else {
		f, err := takeN(total, y)
		if err != nil {
			return nil, err
		}
		flat = f
	}
	return nest(shape, flat, 0), nil
}

// nest cuts flat into the array of the given shape.
func nest(shape []int64, flat k.V, off int64) k.V {
	if len(shape) == 1 {
		return slice(flat, int(off), int(off+shape[0]))
	}
	size := int64(1)
	for _, d := range shape[1:] {
		size *= d
	}
	r := make(k.List, shape[0])
	for i := range r {
		r[i] = nest(shape[1:], flat, off+int64(i)*size)
	}
	return r
}

func listOrEmpty(r k.List) k.List {
	if r == nil {
		return k.List{}
	}
	return r
}

// Drop is q's _ (drop and cut): drop leading or trailing items, drop an
// item by index or a dictionary entry by key, drop keys or columns, or cut
// a list at indices.
func Drop(x, y k.V) (k.V, error) {
	if n, ok := asInt(x); ok && isAtom(x) {
		if isAtom(y) {
			return nil, k.ErrType
		}
		return dropN(n, y)
	}
	if d, ok := x.(*k.Dict); ok {
		if !isAtom(y) && isVec(d.Keys) && isSimple(d.Keys) {
			// a dictionary on the left drops one key: a vector is none
			return nil, k.ErrType
		}
		return dropKeys(d, listOf(y))
	}
	if d, ok := y.(*k.Dict); ok && isVec(x) {
		return dropKeys(d, x)
	}
	if t := x.Type(); t == k.TSym || t == -k.TSym {
		switch v := y.(type) {
		case *k.Dict:
			return dropKeys(v, listOf(x))
		case *k.Table:
			if isAtom(x) {
				return nil, k.ErrType
			}
			names := symsOf(x)
			var cols k.Syms
			var data k.List
			for i, c := range v.Cols {
				if findT(names, []string{c}, int64(len(names)))[0] == int64(len(names)) {
					cols = append(cols, c)
					data = append(data, v.Data[i])
				}
			}
			return &k.Table{Cols: nonNilSyms(cols), Data: listOrEmpty(data)}, nil
		}
	}
	if isVec(x) {
		if i, ok := asInt(y); ok && isAtom(y) {
			n := int64(k.Count(x))
			if i < 0 || i >= n {
				return x, nil
			}
			idx := append(iota64(0, int(i)), iota64(int(i)+1, int(n))...)
			return pick(x, idx), nil
		}
		if cuts, ok := asInts(x); ok {
			return cutAt(cuts, y)
		}
	}
	return nil, k.ErrType
}

func nonNilSyms(s k.Syms) k.Syms {
	if s == nil {
		return k.Syms{}
	}
	return s
}

// dropN drops n leading (n<0: trailing) items.
func dropN(n int64, y k.V) (k.V, error) {
	if d, ok := y.(*k.Dict); ok {
		kk, vv, err := keysVals(d, func(v k.V) (k.V, error) { return dropN(n, v) })
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: kk, Vals: vv}, nil
	}
	c := int64(k.Count(y))
	if n >= 0 {
		return slice(y, int(min(n, c)), int(c)), nil
	}
	return slice(y, 0, int(max(c+n, 0))), nil
}

// dropKeys removes the entries of keys ks from dictionary d.
func dropKeys(d *k.Dict, ks k.V) (k.V, error) {
	n := int64(k.Count(ks))
	var keep []int64
	for i, p := range findIn(ks, d.Keys) {
		if p >= n {
			keep = append(keep, int64(i))
		}
	}
	return pick(d, nonNil(keep)), nil
}

// cutAt cuts y at the ascending indices cuts.
func cutAt(cuts []int64, y k.V) (k.V, error) {
	c := int64(k.Count(y))
	r := make(k.List, len(cuts))
	for i, s := range cuts {
		e := c
		if i+1 < len(cuts) {
			e = cuts[i+1]
		}
		if s < 0 || s > c || e < s || e > c {
			return nil, k.ErrDomain
		}
		r[i] = slice(y, int(s), int(e))
	}
	return r, nil
}

// Cut is q's cut: an atom x cuts y into pieces of x items; a vector x
// cuts at those indices.
func Cut(x, y k.V) (k.V, error) {
	if n, ok := asInt(x); ok && isAtom(x) {
		if n <= 0 {
			return nil, k.ErrDomain
		}
		return reshape([]int64{k.NullLong, n}, y)
	}
	return Drop(x, y)
}

// Sublist is q's sublist: like take but without cycling; a pair (i;n)
// takes n items from index i.
func Sublist(x, y k.V) (k.V, error) {
	c := int64(k.Count(y))
	if d, ok := y.(*k.Dict); ok {
		kk, vv, err := keysVals(d, func(v k.V) (k.V, error) { return Sublist(x, v) })
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: kk, Vals: vv}, nil
	}
	if n, ok := asInt(x); ok && isAtom(x) {
		if n >= 0 {
			return slice(y, 0, int(min(n, c))), nil
		}
		return slice(y, int(max(c+n, 0)), int(c)), nil
	}
	p, ok := asInts(x)
	if !ok || len(p) != 2 {
		return nil, k.ErrType
	}
	s := min(max(p[0], 0), c)
	return slice(y, int(s), int(min(s+max(p[1], 0), c))), nil
}
