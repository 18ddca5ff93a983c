package q

import (
	"sort"

	"kt/k"
	"kt/prim"
)

// The as-of joins and the plus join (docs/ref/aj.md, asof.md, pj.md).
//
// aj[c;t;q] joins to each row of t the values of the columns of q from
// the last row of q whose columns c (all but the last) equal t's and whose
// last column c (the time) is at or before t's: aj keeps t's time, aj0
// takes q's, ajf fills t's nulls from q. t asof d finds the same row for a
// dictionary (or the rows of a table) of values of q's first columns. x pj
// y adds to x's columns the values of keyed table y for x's key columns.

func joinKeywords() map[string]*Keyword {
	aj := func(name string, mode byte) *Keyword {
		return &Keyword{Name: name, Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 3 {
				return nil, k.ErrRank
			}
			return asofJoin(in.resolve(a[0]), in.resolve(a[1]), in.resolve(a[2]), mode)
		}}
	}
	return map[string]*Keyword{
		"aj":  aj("aj", 'a'),
		"aj0": aj("aj0", '0'),
		"ajf": aj("ajf", 'f'),
		"asof": {Name: "asof", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return asof(in.resolve(a[0]), in.resolve(a[1]))
		}},
		"pj": {Name: "pj", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return plusJoin(in.resolve(a[0]), in.resolve(a[1]))
		}},
		"wj":  windowJoinKeyword("wj", true),
		"wj1": windowJoinKeyword("wj1", false),
	}
}

// nyiKeyword is a keyword kt does not implement yet: 'nyi saying which.
func nyiKeyword(name string, rank int, what string) *Keyword {
	return &Keyword{Name: name, Rank: rank, N: func(in *Interp, a []k.V) (k.V, error) {
		return nil, k.Err("nyi: " + what)
	}}
}

// columnOf is table t's column named c.
func columnOf(t *k.Table, c string) (k.V, bool) {
	for j, n := range t.Cols {
		if n == c {
			return k.Plain(t.Data[j]), true
		}
	}
	return nil, false
}

// asofIndex finds, for each row of the key columns keys (values in t's
// order), the last row of q whose key columns match and whose time is at
// or before; -1 where none does.
func asofIndex(keyNames []string, keys []k.V, qt *k.Table) ([]int64, error) {
	n := k.Count(keys[0])
	nk := len(keyNames) - 1
	qcols := make([]k.V, len(keyNames))
	for i, c := range keyNames {
		col, ok := columnOf(qt, c)
		if !ok {
			return nil, k.Err(c)
		}
		qcols[i] = col
	}
	groups := timeGroups(qcols[:nk], qcols[nk])
	qtime := qcols[nk]
	out := make([]int64, n)
	for r := range n {
		g := groups[rowKey(keys[:nk], r)]
		tt := k.At(keys[nk], r)
		// the last of g at or before tt
		i := sort.Search(len(g), func(i int) bool {
			c, _ := cmpAtoms(k.At(qtime, g[i]), tt)
			return c > 0
		})
		if i == 0 {
			out[r] = -1
		} else {
			out[r] = int64(g[i-1])
		}
	}
	return out, nil
}

// timeGroups groups the rows of columns keys by their values, each group
// in the order of column time (q's rows for a join).
func timeGroups(keys []k.V, time k.V) map[string][]int {
	groups := map[string][]int{}
	for r := range k.Count(time) {
		key := rowKey(keys, r)
		groups[key] = append(groups[key], r)
	}
	for _, g := range groups {
		sort.SliceStable(g, func(i, j int) bool {
			c, _ := cmpAtoms(k.At(time, g[i]), k.At(time, g[j]))
			return c < 0
		})
	}
	return groups
}

// rowKey encodes row r of columns as a map key.
func rowKey(cols []k.V, r int) string {
	var b []byte
	for _, c := range cols {
		b = append(b, k.DefaultPrinter().String1(k.At(c, r))...)
		b = append(b, 0)
	}
	return string(b)
}

// cmpAtoms orders two atoms as q's < does.
func cmpAtoms(a, b k.V) (int, error) {
	lt, err := prim.Dyads["<"](a, b)
	if err != nil {
		return 0, err
	}
	if l, ok := lt.(k.Bool); ok && bool(l) {
		return -1, nil
	}
	gt, err := prim.Dyads[">"](a, b)
	if err != nil {
		return 0, err
	}
	if g, ok := gt.(k.Bool); ok && bool(g) {
		return 1, nil
	}
	return 0, nil
}

// asofJoin is aj (mode a), aj0 (0) and ajf (f).
func asofJoin(c, tv, qv k.V, mode byte) (k.V, error) {
	names, ok := symList(c)
	t, ok1 := tv.(*k.Table)
	qt, ok2 := qv.(*k.Table)
	if !ok || !ok1 || !ok2 || len(names) == 0 {
		return nil, k.ErrType
	}
	keys := make([]k.V, len(names))
	for i, n := range names {
		col, ok := columnOf(t, n)
		if !ok {
			return nil, k.Err(n)
		}
		keys[i] = col
	}
	idx, err := asofIndex(names, keys, qt)
	if err != nil {
		return nil, err
	}
	cols, data := plainColumns(t)
	for j, name := range qt.Cols {
		qcol := k.Plain(qt.Data[j])
		picked, err := pickRows(qcol, idx)
		if err != nil {
			return nil, err
		}
		pos := -1
		for i, c := range cols {
			if c == name {
				pos = i
			}
		}
		isTime := name == names[len(names)-1]
		isKey := false
		for _, kn := range names[:len(names)-1] {
			isKey = isKey || kn == name
		}
		switch {
		case pos < 0:
			cols = append(cols, name)
			data = append(data, picked)
		case isKey:
		case isTime && mode != '0':
		case mode == 'f':
			// q's values, where q's are null the table's own
			f, err := prim.Dyads["^"](data[pos], picked)
			if err != nil {
				return nil, err
			}
			data[pos] = f
		default:
			if isTime && mode == '0' {
				// aj0: q's time where a row matched
				f, err := prim.Dyads["^"](data[pos], picked)
				if err != nil {
					return nil, err
				}
				data[pos] = f
				continue
			}
			data[pos] = picked
		}
	}
	return &k.Table{Cols: cols, Data: data}, nil
}

// plainColumns is a copy of t's column names and its columns, without
// their attributes: the start of a joined table.
func plainColumns(t *k.Table) (k.Syms, k.List) {
	data := make(k.List, len(t.Data))
	for j := range t.Data {
		data[j] = k.Plain(t.Data[j])
	}
	return append(k.Syms{}, t.Cols...), data
}

// pickRows is the items of col at rows idx, the null of its type for -1.
func pickRows(col k.V, idx []int64) (k.V, error) {
	l := make(k.Longs, len(idx))
	n := int64(k.Count(col))
	for i, e := range idx {
		if e < 0 {
			l[i] = n // past the end: the prototype, a null
		} else {
			l[i] = e
		}
	}
	return prim.Index(col, l)
}

// symList reads a symbol atom or vector.
func symList(v k.V) ([]string, bool) {
	switch x := v.(type) {
	case k.Sym:
		return []string{string(x)}, true
	case k.Syms:
		return x, true
	}
	return nil, false
}

// asof is t asof d: the values of t's other columns in the row aj would
// join to d (a dictionary), or to each row of d (a table).
func asof(tv, dv k.V) (k.V, error) {
	t, ok := tv.(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	var rows *k.Table
	single := false
	switch d := dv.(type) {
	case *k.Dict:
		r, err := prim.Monads["enlist"](d)
		if err != nil {
			return nil, err
		}
		if rows, ok = r.(*k.Table); !ok {
			return nil, k.ErrType
		}
		single = true
	case *k.Table:
		rows = d
	default:
		return nil, k.ErrType
	}
	names := []string(rows.Cols)
	keys := make([]k.V, len(names))
	for i := range names {
		keys[i] = k.Plain(rows.Data[i])
	}
	idx, err := asofIndex(names, keys, t)
	if err != nil {
		return nil, err
	}
	var cols k.Syms
	var data k.List
	for j, name := range t.Cols {
		skip := false
		for _, n := range names {
			skip = skip || n == name
		}
		if skip {
			continue
		}
		picked, err := pickRows(k.Plain(t.Data[j]), idx)
		if err != nil {
			return nil, err
		}
		cols = append(cols, name)
		data = append(data, picked)
	}
	r := &k.Table{Cols: cols, Data: data}
	if single {
		return k.At(r, 0), nil
	}
	return r, nil
}

// plusJoin is x pj y: x with y's value columns added where x's key
// columns match y's keys (0 where none does).
func plusJoin(xv, yv k.V) (k.V, error) {
	x, ok := xv.(*k.Table)
	y, ok2 := yv.(*k.Dict)
	if !ok || !ok2 {
		return nil, k.ErrType
	}
	kt, ok1 := y.Keys.(*k.Table)
	vt, ok2 := y.Vals.(*k.Table)
	if !ok1 || !ok2 {
		return nil, k.ErrType
	}
	// the rows of y for x's keys
	xkeys := make(k.List, len(kt.Cols))
	for i, c := range kt.Cols {
		col, ok := columnOf(x, c)
		if !ok {
			return nil, k.Err(c)
		}
		xkeys[i] = col
	}
	keyT := &k.Table{Cols: kt.Cols, Data: xkeys}
	pos, err := prim.Find(kt, keyT)
	if err != nil {
		return nil, err
	}
	idx, ok := pos.(k.Longs)
	if !ok {
		return nil, k.ErrType
	}
	data := append(k.List{}, x.Data...)
	cols := append(k.Syms{}, x.Cols...)
	for j, name := range vt.Cols {
		v, err := prim.Index(k.Plain(vt.Data[j]), idx)
		if err != nil {
			return nil, err
		}
		if v, err = prim.Dyads["^"](k.Long(0), v); err != nil {
			return nil, err
		}
		found := false
		for i, c := range cols {
			if c == name {
				if data[i], err = prim.Add(k.Plain(data[i]), v); err != nil {
					return nil, err
				}
				found = true
			}
		}
		if !found {
			cols = append(cols, name)
			data = append(data, v)
		}
	}
	return &k.Table{Cols: cols, Data: data}, nil
}
