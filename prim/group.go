package prim

import "kt/k"

// Ungroup is q's ungroup: a table (or keyed table) whose nested columns
// hold one list per row becomes one row per item of those lists, the
// other columns repeated.
func Ungroup(x k.V) (k.V, error) {
	t, ok := unkey(x).(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	nested := make([]bool, len(t.Data))
	first := -1
	for i, c := range t.Data {
		if l, ok := c.(k.List); ok && (len(l) == 0 || !isAtom(l[0])) {
			nested[i] = true
			if first < 0 {
				first = i
			}
		}
	}
	if first < 0 {
		return t, nil
	}
	rows := t.Data[first].(k.List)
	var idx []int64
	for r, e := range rows {
		for range k.Count(e) {
			idx = append(idx, int64(r))
		}
	}
	data := make(k.List, len(t.Data))
	for i, c := range t.Data {
		if !nested[i] {
			data[i] = pick(c, idx)
			continue
		}
		l := c.(k.List)
		if len(l) != len(rows) {
			return nil, k.ErrLength
		}
		var cells []k.V
		for r, e := range l {
			if k.Count(e) != k.Count(rows[r]) {
				return nil, k.ErrLength
			}
			cells = append(cells, items(listOf(e))...)
		}
		if len(cells) == 0 {
			data[i] = k.List{}
		} else {
			data[i] = k.Uniform(cells)
		}
	}
	return &k.Table{Cols: t.Cols, Data: data}, nil
}

// Xgroup is q's xgroup: table y grouped by the columns named by x, a
// keyed table of the distinct keys (in order of first appearance) and,
// in each other column, the list of that group's values.
func Xgroup(x, y k.V) (k.V, error) {
	names := symsOf(x)
	t, ok := unkey(y).(*k.Table)
	if names == nil || !ok {
		return nil, k.ErrType
	}
	kc, ok := columnsOf(t, names)
	if !ok {
		return nil, k.Err("mismatch")
	}
	at := map[string]int{}
	var firsts []int64
	var groups [][]int64
	for i, s := range rowKeys(kc, k.Count(t)) {
		g, ok := at[s]
		if !ok {
			g = len(groups)
			at[s] = g
			groups = append(groups, nil)
			firsts = append(firsts, int64(i))
		}
		groups[g] = append(groups[g], int64(i))
	}
	keys := &k.Table{Cols: append(k.Syms{}, names...), Data: make(k.List, len(names))}
	for i, c := range kc {
		keys.Data[i] = pick(c, firsts)
	}
	vals := &k.Table{Cols: k.Syms{}, Data: k.List{}}
	for i, c := range t.Data {
		if containsSym(k.Syms(names), t.Cols[i]) {
			continue
		}
		col := make(k.List, len(groups))
		for g, idx := range groups {
			col[g] = pick(c, idx)
		}
		vals.Cols = append(vals.Cols, t.Cols[i])
		vals.Data = append(vals.Data, col)
	}
	return &k.Dict{Keys: keys, Vals: vals}, nil
}
