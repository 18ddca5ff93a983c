package prim

import (
	"kt/k"
)

// Indexing data: @ (index at) and . (index at depth), type and value.

// Index is q's x@i on data: items of a list (nulls out of range), values
// of a dictionary by key, rows or columns of a table. The index :: selects
// everything; a general-list index maps.
func Index(x, i k.V) (k.V, error) {
	if _, ok := i.(k.Nil); ok {
		return x, nil
	}
	switch v := x.(type) {
	case *k.Dict:
		return indexDict(v, i)
	case *k.Table:
		if s, ok := i.(k.Sym); ok {
			c := colIndex(v, string(s))
			if c < 0 {
				return nil, k.Err(string(s))
			}
			return v.Data[c], nil
		}
		if ss, ok := i.(k.Syms); ok {
			r := make(k.List, len(ss))
			for j, s := range ss {
				c, err := Index(v, k.Sym(s))
				if err != nil {
					return nil, err
				}
				r[j] = c
			}
			return r, nil
		}
	}
	if isAtom(x) || !isVec(x) && x.Type() != k.TTable {
		return nil, k.ErrType
	}
	if l, ok := i.(k.List); ok {
		r := make([]k.V, len(l))
		for j, e := range l {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			v, err := Index(x, e)
			if err != nil {
				return nil, err
			}
			r[j] = v
		}
		return k.Uniform(r), nil
	}
	if d, ok := i.(*k.Dict); ok {
		v, err := Index(x, d.Vals)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: d.Keys, Vals: v}, nil
	}
	idx, ok := asInts(i)
	if !ok {
		return nil, k.ErrType
	}
	n := int64(k.Count(x))
	if isAtom(i) {
		if idx[0] < 0 || idx[0] >= n {
			return prototype(x), nil
		}
		return k.At(x, int(idx[0])), nil
	}
	if r, ok := pickInRange(x, idx); ok {
		return r, nil
	}
	r := make([]k.V, len(idx))
	for j, p := range idx {
		if p < 0 || p >= n {
			r[j] = prototype(x)
		} else {
			r[j] = k.At(x, int(p))
		}
	}
	if t := x.Type(); t > 0 && t < 20 {
		return fromAtoms(t, r), nil
	}
	return k.Uniform(r), nil
}

// indexDict looks keys up in a dictionary (or keyed table).
func indexDict(d *k.Dict, i k.V) (k.V, error) {
	if kt, ok := d.Keys.(*k.Table); ok {
		// A keyed table indexed by a key value, a key row or key rows.
		var p []int64
		switch iv := i.(type) {
		case *k.Dict:
			row := make(k.List, len(kt.Cols))
			for j, c := range kt.Cols {
				v, err := Index(iv, k.Sym(c))
				if err != nil {
					return nil, err
				}
				row[j] = v
			}
			p = findIn(unrows(kt), k.List{k.Uniform(row)})
		case *k.Table:
			// rows of the value table by key rows; nulls where absent
			kc, ok := columnsOf(iv, kt.Cols)
			if !ok {
				return nil, k.Err("mismatch")
			}
			vt, ok := d.Vals.(*k.Table)
			if !ok {
				return nil, k.ErrType
			}
			at := firstRow(rowKeys(kt.Data, k.Count(kt)))
			rows := rowKeys(kc, k.Count(iv))
			idx := make([]int64, len(rows))
			for j, s := range rows {
				if r, ok := at[s]; ok {
					idx[j] = int64(r)
				} else {
					idx[j] = int64(k.Count(kt))
				}
			}
			data := make(k.List, len(vt.Data))
			for j, c := range vt.Data {
				v, err := Index(c, k.Longs(idx))
				if err != nil {
					return nil, err
				}
				data[j] = v
			}
			return &k.Table{Cols: vt.Cols, Data: data}, nil
		default:
			if len(kt.Cols) == 1 {
				p = findIn(kt.Data[0], k.List{i})
				if !isAtom(i) {
					p = findIn(kt.Data[0], i)
					r := make([]k.V, len(p))
					for j, e := range p {
						r[j] = rowOr(d.Vals, e)
					}
					return k.Uniform(r), nil
				}
			} else {
				p = findIn(unrows(kt), k.List{i})
			}
		}
		return rowOr(d.Vals, p[0]), nil
	}
	if isAtom(i) || isGenList(d.Keys) && !isGenList(i) {
		p := findIn(d.Keys, k.List{i})[0]
		if p >= int64(k.Count(d.Keys)) {
			return prototype(d.Vals), nil
		}
		return k.At(d.Vals, int(p)), nil
	}
	return Index(d.Vals, k.Longs(findIn(d.Keys, i)))
}

// unrows returns the rows of a table as a general list of its row tuples.
func unrows(t *k.Table) k.V {
	n := k.Count(t)
	r := make(k.List, n)
	for i := range r {
		row := make([]k.V, len(t.Data))
		for j, c := range t.Data {
			row[j] = k.At(c, i)
		}
		r[i] = k.Uniform(row)
	}
	return r
}

// rowOr is row p of table or list v, or its prototype when out of range.
func rowOr(v k.V, p int64) k.V {
	if p < 0 || p >= int64(k.Count(v)) {
		return prototype(v)
	}
	return k.At(v, int(p))
}

// IndexDepth is q's x . i on data: index at depth, one level per item of
// i; :: at a level selects all items of that level.
func IndexDepth(x, i k.V) (k.V, error) {
	if isAtom(i) {
		return Index(x, i)
	}
	return dot(x, items(i))
}

func dot(x k.V, idx []k.V) (k.V, error) {
	if len(idx) == 0 {
		return x, nil
	}
	first := idx[0]
	if len(idx) == 1 {
		return Index(x, first)
	}
	if _, ok := first.(k.Nil); ok {
		if d, ok := x.(*k.Dict); ok {
			v, err := dot(d.Vals, idx)
			if err != nil {
				return nil, err
			}
			return &k.Dict{Keys: d.Keys, Vals: v}, nil
		}
		if t, ok := x.(*k.Table); ok && isAtom(idx[1]) {
			// t . (::;`c) is column c.
			return dot(t, append([]k.V{idx[1]}, idx[2:]...))
		}
		n := k.Count(x)
		r := make([]k.V, n)
		for j := range r {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			v, err := dot(k.At(x, j), idx[1:])
			if err != nil {
				return nil, err
			}
			r[j] = v
		}
		return k.Uniform(r), nil
	}
	sel, err := Index(x, first)
	if err != nil {
		return nil, err
	}
	if isAtom(first) {
		return dot(sel, idx[1:])
	}
	n := k.Count(sel)
	r := make([]k.V, n)
	for j := range r {
		if err := k.Tick(); err != nil {
			return nil, err
		}
		v, err := dot(k.At(sel, j), idx[1:])
		if err != nil {
			return nil, err
		}
		r[j] = v
	}
	return k.Uniform(r), nil
}

// Type is q's type (monadic @): the type code as a short atom.
func Type(x k.V) (k.V, error) { return k.Short(x.Type()), nil }
