package prim

import "kt/k"

// Table joins: lj, ij, uj, ej, and the upsert of keyed tables that , and
// ^ share.

// rowKeys returns a lookup key for each row of the given columns.
func rowKeys(cols []k.V, n int) []string {
	r := make([]string, n)
	var b []byte
	for i := range r {
		b = b[:0]
		for _, c := range cols {
			b = appendKey(b, k.At(c, i))
		}
		r[i] = string(b)
	}
	return r
}

// firstRow maps each row key to the first row that has it.
func firstRow(keys []string) map[string]int {
	m := make(map[string]int, len(keys))
	for i, s := range keys {
		if _, ok := m[s]; !ok {
			m[s] = i
		}
	}
	return m
}

// columnsOf returns the columns of t named by names; ok is false when
// one is missing.
func columnsOf(t *k.Table, names []string) ([]k.V, bool) {
	r := make([]k.V, len(names))
	for i, n := range names {
		j := colIndex(t, n)
		if j < 0 {
			return nil, false
		}
		r[i] = t.Data[j]
	}
	return r, true
}

// keyedParts splits a keyed table into its key and value tables.
func keyedParts(x k.V) (*k.Table, *k.Table, bool) {
	d, ok := x.(*k.Dict)
	if !ok {
		return nil, nil, false
	}
	kt, ok1 := d.Keys.(*k.Table)
	vt, ok2 := d.Vals.(*k.Table)
	return kt, vt, ok1 && ok2
}

// cellsColumn builds a column from cells, typed like proto when empty.
func cellsColumn(cells []k.V, proto k.V) k.V {
	if len(cells) == 0 {
		return emptyOf(proto.Type())
	}
	return k.Uniform(cells)
}

// unionCols is the column names of x followed by those of y not in x.
func unionCols(x, y k.Syms) k.Syms {
	r := append(k.Syms{}, x...)
	for _, c := range y {
		if !containsSym(x, c) {
			r = append(r, c)
		}
	}
	return r
}

func containsSym(s k.Syms, c string) bool {
	for _, e := range s {
		if e == c {
			return true
		}
	}
	return false
}

// column returns t's column named c, or nil.
func column(t *k.Table, c string) k.V {
	if j := colIndex(t, c); j >= 0 {
		return t.Data[j]
	}
	return nil
}

// cell is row i of column c, or the null shaped like other's items when
// the column is absent.
func cell(c, other k.V, i int) k.V {
	if c == nil {
		return prototype(other)
	}
	return k.At(c, i)
}

// Lj is q's lj: each row of table x joined with the row of keyed table y
// that has its key; y's columns replace x's where a row matches, new
// columns are null where none does.
func Lj(x, y k.V) (k.V, error) { return leftJoin(x, y, false) }

// Ij is q's ij: the rows of x that match a key of keyed table y, joined
// with it.
func Ij(x, y k.V) (k.V, error) { return leftJoin(x, y, true) }

func leftJoin(x, y k.V, inner bool) (k.V, error) {
	if l, ok := y.(k.List); ok && len(l) == 0 {
		return x, nil
	}
	yk, yv, ok := keyedParts(y)
	if !ok {
		return nil, k.ErrType
	}
	if xk, _, ok := keyedParts(x); ok {
		r, err := leftJoin(unkey(x), y, inner)
		if err != nil {
			return nil, err
		}
		return keyBy(len(xk.Cols), r.(*k.Table)), nil
	}
	xt, ok := x.(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	xkc, ok := columnsOf(xt, yk.Cols)
	if !ok {
		return nil, k.Err("mismatch")
	}
	idx := firstRow(rowKeys(yk.Data, k.Count(yk)))
	n := k.Count(xt)
	match := make([]int, n)
	var rows []int64
	for i, s := range rowKeys(xkc, n) {
		j, ok := idx[s]
		if !ok {
			j = -1
		}
		match[i] = j
		if ok || !inner {
			rows = append(rows, int64(i))
		}
	}
	cols := unionCols(xt.Cols, yv.Cols)
	data := make(k.List, len(cols))
	for c, name := range cols {
		xc, yc := column(xt, name), column(yv, name)
		if yc == nil {
			data[c] = pick(xc, rows)
			continue
		}
		cells := make([]k.V, len(rows))
		for r, i := range rows {
			if j := match[i]; j >= 0 {
				cells[r] = k.At(yc, j)
			} else {
				cells[r] = cell(xc, yc, int(i))
			}
		}
		data[c] = cellsColumn(cells, yc)
	}
	return &k.Table{Cols: cols, Data: data}, nil
}

// Uj is q's uj: the union join of two tables (rows of x then of y, under
// the columns of both) or of two keyed tables (y's rows upserted into x).
func Uj(x, y k.V) (k.V, error) {
	if _, _, ok := keyedParts(x); ok {
		if _, _, ok := keyedParts(y); !ok {
			return nil, k.ErrType
		}
		return keyedMerge(x.(*k.Dict), y.(*k.Dict), func(a, b k.V) (k.V, error) { return b, nil })
	}
	xt, ok1 := x.(*k.Table)
	yt, ok2 := y.(*k.Table)
	if !ok1 || !ok2 {
		return nil, k.ErrType
	}
	cols := unionCols(xt.Cols, yt.Cols)
	nx, ny := k.Count(xt), k.Count(yt)
	data := make(k.List, len(cols))
	for c, name := range cols {
		xc, yc := column(xt, name), column(yt, name)
		if xc != nil && yc != nil && xc.Type() == yc.Type() && xc.Type() != k.TList {
			v, err := Join(xc, yc)
			if err != nil {
				return nil, err
			}
			data[c] = v
			continue
		}
		cells := make([]k.V, 0, nx+ny)
		for i := 0; i < nx; i++ {
			cells = append(cells, cell(xc, yc, i))
		}
		for i := 0; i < ny; i++ {
			cells = append(cells, cell(yc, xc, i))
		}
		proto := xc
		if proto == nil {
			proto = yc
		}
		data[c] = cellsColumn(cells, proto)
	}
	return &k.Table{Cols: cols, Data: data}, nil
}

// keyedMerge upserts keyed table y into keyed table x: rows of x whose
// key y has combine with y's row through f, cell by cell; y's other rows
// are appended; columns of y that x lacks are added.
func keyedMerge(x, y *k.Dict, f kern) (k.V, error) {
	xk, xv, _ := keyedParts(x)
	yk, yv, _ := keyedParts(y)
	if !matchV(xk.Cols, yk.Cols) {
		return nil, k.Err("mismatch")
	}
	nx, ny := k.Count(xk), k.Count(yk)
	idx := firstRow(rowKeys(xk.Data, nx))
	pos := make([]int, ny)
	var fresh []int64
	for j, s := range rowKeys(yk.Data, ny) {
		if i, ok := idx[s]; ok {
			pos[j] = i
		} else {
			pos[j] = -1
			fresh = append(fresh, int64(j))
		}
	}
	keys, err := joinTables(xk, pick(yk, fresh).(*k.Table))
	if err != nil {
		return nil, err
	}
	cols := unionCols(xv.Cols, yv.Cols)
	data := make(k.List, len(cols))
	for c, name := range cols {
		xc, yc := column(xv, name), column(yv, name)
		cells := make([]k.V, nx, nx+len(fresh))
		for i := range cells {
			cells[i] = cell(xc, yc, i)
		}
		if yc != nil {
			for j, i := range pos {
				if i < 0 {
					continue
				}
				v, err := atomic2(cells[i], k.At(yc, j), f)
				if err != nil {
					return nil, err
				}
				cells[i] = v
			}
		}
		for _, j := range fresh {
			cells = append(cells, cell(yc, xc, int(j)))
		}
		proto := xc
		if proto == nil {
			proto = yc
		}
		data[c] = cellsColumn(cells, proto)
	}
	return &k.Dict{Keys: keys, Vals: &k.Table{Cols: cols, Data: data}}, nil
}

// Ej is q's ej: the equi join of tables x and y on the columns named by
// c: each row of x with each row of y that agrees with it on c, in
// order; common columns take y's values.
func Ej(c, x, y k.V) (k.V, error) {
	names := symsOf(c)
	xt, ok1 := unkey(x).(*k.Table)
	yt, ok2 := unkey(y).(*k.Table)
	if names == nil || !ok1 || !ok2 {
		return nil, k.ErrType
	}
	xkc, ok1 := columnsOf(xt, names)
	ykc, ok2 := columnsOf(yt, names)
	if !ok1 || !ok2 {
		return nil, k.Err("mismatch")
	}
	byKey := map[string][]int64{}
	for j, s := range rowKeys(ykc, k.Count(yt)) {
		byKey[s] = append(byKey[s], int64(j))
	}
	var ix, iy []int64
	for i, s := range rowKeys(xkc, k.Count(xt)) {
		for _, j := range byKey[s] {
			ix = append(ix, int64(i))
			iy = append(iy, j)
		}
	}
	cols := unionCols(xt.Cols, yt.Cols)
	data := make(k.List, len(cols))
	for n, name := range cols {
		if yc := column(yt, name); yc != nil {
			data[n] = pick(yc, iy)
		} else {
			data[n] = pick(column(xt, name), ix)
		}
	}
	return &k.Table{Cols: cols, Data: data}, nil
}
