package q

import (
	"kt/k"
)

// appendTo is x,:y, q's Append. It differs from x:x,y: a simple list
// takes only items of its own type; a dictionary whose values are simple
// takes only values of their type; a table takes tables (missing columns
// filled with nulls, present ones of matching types), records given as
// dictionaries or lists, and lists of records, a keyed table upserting by
// key; a general list one deeper than y takes y as one item.
func (in *Interp) appendTo(x, y k.V) (k.V, error) {
	switch x := x.(type) {
	case k.List:
		if len(x) == 0 {
			if isList(y) {
				return prim2(",", x, y)
			}
			return enlist(y), nil
		}
		if depth(x) == depth(y)+1 {
			out := make([]k.V, len(x)+1)
			copy(out, x)
			out[len(x)] = y
			return k.List(out), nil
		}
		return prim2(",", x, y)
	case *k.Table:
		return in.appendRecords(x, nil, y)
	case *k.Dict:
		if kt, ok := x.Keys.(*k.Table); ok {
			vt, ok := x.Vals.(*k.Table)
			if !ok {
				return nil, k.ErrType
			}
			return in.appendRecords(vt, kt, y)
		}
		d, ok := y.(*k.Dict)
		if !ok {
			return nil, k.ErrType
		}
		if t := x.Vals.Type(); t > 0 && t < k.TTable && k.Count(x.Vals) > 0 {
			if yt := d.Vals.Type(); yt != t && yt != -t {
				return nil, k.ErrType
			}
		}
		return prim2(",", x, y)
	}
	r, err := prim2(",", x, y)
	if err != nil {
		return nil, err
	}
	if t := x.Type(); t > 0 && t < k.TTable && r.Type() != t {
		return nil, k.ErrType
	}
	return r, nil
}

// depth is the recursive depth of the first items of v: 0 for an atom, one
// more for each level of list.
func depth(v k.V) int {
	d := 0
	for isList(v) {
		if _, ok := v.(*k.Dict); ok {
			break
		}
		if _, ok := v.(*k.Table); ok {
			break
		}
		d++
		if k.Count(v) == 0 {
			break
		}
		v = k.At(v, 0)
	}
	return d
}

// record is one row to append: a value for each column given.
type record map[string]k.V

// appendRecords appends y's records to the table vals, keyed by the table
// keys when keys is not nil (then a record with a key already present
// replaces the columns it gives in that row).
func (in *Interp) appendRecords(vals, keys *k.Table, y k.V) (k.V, error) {
	var cols k.Syms
	var data k.List
	nkey := 0
	if keys != nil {
		nkey = len(keys.Cols)
		cols = append(append(cols, keys.Cols...), vals.Cols...)
		data = append(append(data, keys.Data...), vals.Data...)
	} else {
		cols = append(cols, vals.Cols...)
		data = append(data, vals.Data...)
	}
	recs, err := recordsOf(cols, y)
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		pos := -1
		if nkey > 0 {
			key := make([]k.V, nkey)
			for j := range nkey {
				v, ok := rec[cols[j]]
				if !ok {
					return nil, k.ErrType
				}
				key[j] = v
			}
			if len(data) > 0 {
				pos = findKey(data[:nkey], key, k.Count(data[0]))
			}
		}
		for j, c := range cols {
			v, given := rec[c]
			if err := checkItemType(data[j], v, given); err != nil {
				return nil, err
			}
			if pos >= 0 {
				if !given {
					continue
				}
				nv, err := in.amend(data[j], []k.V{k.Long(pos)}, nil, v, true)
				if err != nil {
					return nil, err
				}
				data[j] = nv
				continue
			}
			if !given {
				if v, err = nullOf(data[j]); err != nil {
					return nil, err
				}
			}
			nv, err := prim2(",", data[j], enlist(v))
			if err != nil {
				return nil, err
			}
			data[j] = nv
		}
	}
	t := &k.Table{Cols: cols, Data: data}
	if nkey > 0 {
		return rekey(t, cols[:nkey])
	}
	return t, nil
}

// checkItemType refuses an item whose type is not that of a simple,
// non-empty column.
func checkItemType(col, v k.V, given bool) error {
	if !given {
		return nil
	}
	if t := col.Type(); t > 0 && t < k.TTable && k.Count(col) > 0 && v.Type() != -t {
		return k.ErrType
	}
	return nil
}

// recordsOf reads the records of y for a table of the given columns: a
// table or keyed table (each row), a dictionary (one record), a list of
// atoms by position (one record) or a list of such lists.
func recordsOf(cols k.Syms, y k.V) ([]record, error) {
	switch y := y.(type) {
	case *k.Table:
		n := k.Count(y)
		recs := make([]record, n)
		for i := range recs {
			recs[i] = record{}
			for j, c := range y.Cols {
				recs[i][c] = k.At(y.Data[j], i)
			}
		}
		return recs, nil
	case *k.Dict:
		if kt, ok := y.Keys.(*k.Table); ok {
			vt, ok := y.Vals.(*k.Table)
			if !ok {
				return nil, k.ErrType
			}
			return recordsOf(cols, &k.Table{
				Cols: append(append(k.Syms{}, kt.Cols...), vt.Cols...),
				Data: append(append(k.List{}, kt.Data...), vt.Data...),
			})
		}
		rec := record{}
		for i := range k.Count(y.Keys) {
			s, ok := k.At(y.Keys, i).(k.Sym)
			if !ok {
				return nil, k.ErrType
			}
			rec[string(s)] = k.At(y.Vals, i)
		}
		return []record{rec}, nil
	}
	if !isList(y) {
		return nil, k.ErrType
	}
	if y.Type() == 0 && k.Count(y) > 0 && isList(k.At(y, 0)) {
		var recs []record
		for i := range k.Count(y) {
			r, err := recordsOf(cols, k.At(y, i))
			if err != nil {
				return nil, err
			}
			recs = append(recs, r...)
		}
		return recs, nil
	}
	if k.Count(y) != len(cols) {
		return nil, k.ErrLength
	}
	rec := record{}
	for j, c := range cols {
		rec[c] = k.At(y, j)
	}
	return []record{rec}, nil
}
