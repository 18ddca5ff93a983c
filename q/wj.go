package q

import (
	"sort"

	"kt/k"
	"kt/prim"
)

// Window joins (docs/ref/wj.md).
//
// wj[w;c;t;(q;(f0;c0);(f1;c1)...)] adds to each row of t, for each
// (f;c), f applied to the values of q's column c in the rows of q that
// share the row's key columns (c but the last) and whose time (c's last)
// falls in the row's window [w[0;i], w[1;i]]. wj also takes the quote
// prevailing when the window opens, the last one at or before its
// beginning: quotes are a step function. wj1 takes those in the window
// only. (f;c;d...) applies f to several columns and names the result
// after the last. A window with no quotes gives f of empty lists.

// windowJoinKeyword is wj (prevailing true) or wj1.
func windowJoinKeyword(name string, prevailing bool) *Keyword {
	return &Keyword{Name: name, Rank: 4, N: func(in *Interp, a []k.V) (k.V, error) {
		if len(a) != 4 {
			return nil, k.ErrRank
		}
		tv, named := in.resolve(a[2]), k.Sym("")
		if s, ok := a[2].(k.Sym); ok {
			v, err := in.lookup(string(s), nil)
			if err != nil {
				return nil, err
			}
			tv, named = in.resolve(v), s
		}
		r, err := in.windowJoin(in.resolve(a[0]), a[1], tv, a[3], prevailing)
		if err != nil || named == "" {
			return r, err
		}
		in.globals[in.qualify(string(named))] = r // t named: updated in place, as q 4.1
		return named, nil
	}}
}

// windowJoin computes wj and wj1.
func (in *Interp) windowJoin(w, c, tv, spec k.V, prevailing bool) (k.V, error) {
	names, ok := symList(c)
	t, okt := tv.(*k.Table)
	sp, oks := spec.(k.List)
	if !ok || !okt || !oks || len(names) == 0 || len(sp) < 1 {
		return nil, k.ErrType
	}
	qt, ok := in.resolve(sp[0]).(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	n := k.Count(t)
	if k.Count(w) != 2 {
		return nil, k.ErrLength
	}
	begin, end := k.At(w, 0), k.At(w, 1)
	if k.Count(begin) != n || k.Count(end) != n {
		return nil, k.ErrLength
	}
	nk := len(names) - 1
	tkeys := make([]k.V, len(names))
	qkeys := make([]k.V, len(names))
	for i, name := range names {
		tc, ok1 := columnOf(t, name)
		qc, ok2 := columnOf(qt, name)
		if !ok1 || !ok2 {
			return nil, k.Err(name)
		}
		tkeys[i], qkeys[i] = tc, qc
	}
	groups := timeGroups(qkeys[:nk], qkeys[nk])
	qtime := qkeys[nk]
	var cmpErr error
	cmp := func(a, b k.V) int {
		c, err := cmpAtoms(a, b)
		if err != nil && cmpErr == nil {
			cmpErr = err
		}
		return c
	}
	// each row's window: the rows of q it covers
	rows := make([]k.Longs, n)
	for r := range n {
		if err := k.Tick(); err != nil {
			return nil, err
		}
		g := groups[rowKey(tkeys[:nk], r)]
		b, e := k.At(begin, r), k.At(end, r)
		lo := sort.Search(len(g), func(i int) bool { return cmp(k.At(qtime, g[i]), b) >= 0 })
		hi := sort.Search(len(g), func(i int) bool { return cmp(k.At(qtime, g[i]), e) > 0 })
		if prevailing && lo > 0 && (lo == len(g) || cmp(k.At(qtime, g[lo]), b) > 0) {
			lo-- // the quote in force when the window opens
		}
		idx := k.Longs{}
		for i := lo; i < hi; i++ {
			idx = append(idx, int64(g[i]))
		}
		rows[r] = idx
	}
	if cmpErr != nil {
		return nil, cmpErr
	}
	cols, data := plainColumns(t)
	for _, a := range sp[1:] {
		agg, ok := a.(k.List)
		if !ok || len(agg) < 2 {
			return nil, k.ErrType
		}
		srcs := make([]k.V, len(agg)-1)
		var name string
		for i, cv := range agg[1:] {
			s, ok := cv.(k.Sym)
			if !ok {
				return nil, k.ErrType
			}
			col, ok := columnOf(qt, string(s))
			if !ok {
				return nil, k.Err(string(s))
			}
			srcs[i], name = col, string(s)
		}
		out := make([]k.V, n)
		for r := range n {
			args := make([]k.V, len(srcs))
			for i, col := range srcs {
				v, err := prim.Index(col, rows[r])
				if err != nil {
					return nil, err
				}
				args[i] = v
			}
			v, err := in.apply(agg[0], args)
			if err != nil {
				return nil, err
			}
			out[r] = v
		}
		col := k.Uniform(out)
		if pos := symIndex(cols, name); pos >= 0 {
			data[pos] = col
		} else {
			cols = append(cols, name)
			data = append(data, col)
		}
	}
	return &k.Table{Cols: cols, Data: data}, nil
}

// symIndex is the position of s in syms, -1 if it is not there.
func symIndex(syms k.Syms, s string) int {
	for i, x := range syms {
		if x == s {
			return i
		}
	}
	return -1
}
