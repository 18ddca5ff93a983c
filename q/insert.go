package q

import (
	"kt/k"
)

// insertKeywords are insert and upsert: they append rows to a table,
// in place when the table is named by a symbol.
func insertKeywords() map[string]*Keyword {
	mk := func(name string, upsert bool) *Keyword {
		return &Keyword{Name: name, Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return in.insert(a[0], a[1], upsert)
		}}
	}
	return map[string]*Keyword{"insert": mk("insert", false), "upsert": mk("upsert", true)}
}

// insert appends rows y to the table x (a value, or a global named by a
// symbol). insert returns the new rows' indices and refuses keys already
// present; upsert returns the table and replaces rows with those keys.
func (in *Interp) insert(x, y k.V, upsert bool) (k.V, error) {
	name, byName := x.(k.Sym)
	if byName {
		v, err := in.lookup(string(name), nil)
		if err != nil {
			if !upsert {
				if t, ok := y.(*k.Table); ok {
					in.globals[string(name)] = t
					return til(k.Count(t)), nil
				}
				if d, ok := y.(*k.Dict); ok {
					in.globals[string(name)] = d
					return til(k.Count(d)), nil
				}
			}
			return nil, err
		}
		x = v
	}
	var keyCols k.Syms
	t, ok := x.(*k.Table)
	if d, isDict := x.(*k.Dict); isDict {
		kt, ok1 := d.Keys.(*k.Table)
		vt, ok2 := d.Vals.(*k.Table)
		if !ok1 || !ok2 {
			return nil, k.ErrType
		}
		keyCols = kt.Cols
		t, ok = &k.Table{Cols: append(append(k.Syms{}, kt.Cols...), vt.Cols...), Data: append(append(k.List{}, kt.Data...), vt.Data...)}, true
	}
	if !ok {
		return nil, k.ErrType
	}
	rows, err := rowsOf(t.Cols, t.Data, y)
	if err != nil {
		return nil, err
	}
	n0 := k.Count(t)
	data := append(k.List{}, t.Data...)
	var fresh []int64
	for _, row := range rows {
		pos := -1
		if keyCols != nil {
			pos = findKey(data[:len(keyCols)], row[:len(keyCols)], k.Count(data[0]))
			if pos >= 0 && !upsert {
				return nil, k.Err("insert")
			}
		}
		for j := range data {
			if pos >= 0 {
				v, err := in.amend(data[j], []k.V{k.Long(pos)}, nil, row[j], true)
				if err != nil {
					return nil, err
				}
				data[j] = v
				continue
			}
			v, err := prim2(",", data[j], enlist(row[j]))
			if err != nil {
				return nil, err
			}
			if t := data[j].Type(); t > 0 && v.Type() != t && k.Count(data[j]) > 0 {
				return nil, k.ErrType
			}
			data[j] = v
		}
		if pos < 0 {
			fresh = append(fresh, int64(n0+len(fresh)))
		}
	}
	var r k.V = &k.Table{Cols: t.Cols, Data: data}
	if keyCols != nil {
		if r, err = rekey(r.(*k.Table), keyCols); err != nil {
			return nil, err
		}
	}
	if byName {
		in.globals[string(name)] = r
	}
	switch {
	case !upsert:
		return k.Longs(fresh), nil
	case byName:
		return name, nil
	}
	return r, nil
}

// enlist is a one-item list of v, typed when v is an atom.
func enlist(v k.V) k.V { return k.Uniform([]k.V{v}) }

func til(n int) k.Longs {
	v := make(k.Longs, n)
	for i := range v {
		v[i] = int64(i)
	}
	return v
}

// rowsOf reads rows for the columns (like holds them, for their nulls):
// a table, a dictionary (one row), a list of atoms (one row), a list of
// columns or a list of rows.
func rowsOf(cols k.Syms, like k.List, y k.V) ([][]k.V, error) {
	var colVals []k.V
	switch y := y.(type) {
	case *k.Table:
		colVals = make([]k.V, len(cols))
		for j, c := range cols {
			found := false
			for i, yc := range y.Cols {
				if yc == c {
					colVals[j], found = y.Data[i], true
				}
			}
			if !found {
				colVals[j] = nil
			}
		}
		for j := range colVals {
			if colVals[j] == nil {
				// a column the rows lack is filled with nulls
				null, err := nullOf(like[j])
				if err != nil {
					return nil, err
				}
				colVals[j] = k.Uniform(repeat(null, k.Count(y)))
			}
		}
	case *k.Dict:
		if kt, ok := y.Keys.(*k.Table); ok {
			vt, ok := y.Vals.(*k.Table)
			if !ok {
				return nil, k.ErrType
			}
			return rowsOf(cols, like, &k.Table{Cols: append(append(k.Syms{}, kt.Cols...), vt.Cols...), Data: append(append(k.List{}, kt.Data...), vt.Data...)})
		}
		row := make([]k.V, len(cols))
		for j, c := range cols {
			for i := range k.Count(y.Keys) {
				if s, ok := k.At(y.Keys, i).(k.Sym); ok && string(s) == c {
					row[j] = k.At(y.Vals, i)
				}
			}
			if row[j] == nil {
				return nil, k.ErrType
			}
		}
		return [][]k.V{row}, nil
	default:
		if isList(y) && k.Count(y) != len(cols) && y.Type() == 0 {
			// a list of rows
			var rows [][]k.V
			for i := range k.Count(y) {
				r, err := rowsOf(cols, like, k.At(y, i))
				if err != nil {
					return nil, err
				}
				rows = append(rows, r...)
			}
			return rows, nil
		}
		if !isList(y) || k.Count(y) != len(cols) {
			return nil, k.ErrLength
		}
		colVals = make([]k.V, len(cols))
		for j := range cols {
			colVals[j] = k.At(y, j)
		}
	}
	n := -1
	for _, c := range colVals {
		if isList(c) {
			if n >= 0 && k.Count(c) != n {
				return nil, k.ErrLength
			}
			n = k.Count(c)
		}
	}
	if n < 0 {
		return [][]k.V{colVals}, nil
	}
	rows := make([][]k.V, n)
	for i := range rows {
		rows[i] = make([]k.V, len(cols))
		for j, c := range colVals {
			if isList(c) {
				rows[i][j] = k.At(c, i)
			} else {
				rows[i][j] = c
			}
		}
	}
	return rows, nil
}

// findKey is the row whose key columns match key, or -1.
func findKey(keyCols k.List, key []k.V, n int) int {
rows:
	for i := range n {
		for j, c := range keyCols {
			if same, _ := match(k.At(c, i), key[j]); !same {
				continue rows
			}
		}
		return i
	}
	return -1
}
