package prim

import (
	"slices"

	"kt/k"
)

// Tables and dictionaries as data: ! (dict), flip, key, value, keys, cols,
// meta, xkey, xcol, xcols.

// colIndex is the position of column name in t, or -1.
func colIndex(t *k.Table, name string) int {
	for i, c := range t.Cols {
		if c == name {
			return i
		}
	}
	return -1
}

// joinCols puts the columns of a beside those of b.
func joinCols(a, b *k.Table) *k.Table {
	cols := append(append(k.Syms{}, a.Cols...), b.Cols...)
	data := append(append(k.List{}, a.Data...), b.Data...)
	return &k.Table{Cols: cols, Data: data}
}

// keyBy makes the first n columns of t its key: a keyed table.
func keyBy(n int, t *k.Table) k.V {
	return &k.Dict{
		Keys: &k.Table{Cols: append(k.Syms{}, t.Cols[:n]...), Data: append(k.List{}, t.Data[:n]...)},
		Vals: &k.Table{Cols: append(k.Syms{}, t.Cols[n:]...), Data: append(k.List{}, t.Data[n:]...)},
	}
}

// unkey returns the plain table of a keyed table, or t itself.
func unkey(x k.V) k.V {
	if d, ok := x.(*k.Dict); ok {
		if kt, ok := d.Keys.(*k.Table); ok {
			if vt, ok := d.Vals.(*k.Table); ok {
				return joinCols(kt, vt)
			}
		}
	}
	return x
}

// Dict is q's dyadic !: a dictionary from keys x and values y; with an
// integer x and a table y, y keyed by its first x columns.
func Dict(x, y k.V) (k.V, error) {
	if n, ok := asInt(x); ok && isAtom(x) {
		switch t := unkey(y).(type) {
		case *k.Table:
			if n < 0 || int(n) > len(t.Cols) {
				return nil, k.ErrLength
			}
			if n == 0 {
				return t, nil
			}
			return keyBy(int(n), t), nil
		}
	}
	if k.Count(x) != k.Count(y) && !(isAtom(x) && isAtom(y)) {
		return nil, k.ErrLength
	}
	if isAtom(x) {
		x, y = enlist(x), enlist(y)
	} else if isAtom(y) {
		return nil, k.ErrLength
	}
	return &k.Dict{Keys: x, Vals: y}, nil
}

// Flip is q's flip (monadic +): dictionary of columns to table, table to
// dictionary, or the transpose of a list of lists.
func Flip(x k.V) (k.V, error) {
	switch v := x.(type) {
	case *k.Table:
		return &k.Dict{Keys: v.Cols, Vals: v.Data}, nil
	case *k.Dict:
		ks, ok := v.Keys.(k.Syms)
		if !ok {
			return nil, k.ErrType
		}
		vals := items(v.Vals)
		n := -1
		for _, c := range vals {
			if !isAtom(c) {
				if n >= 0 && k.Count(c) != n {
					return nil, k.ErrLength
				}
				n = k.Count(c)
			}
		}
		if n < 0 {
			n = 1
		}
		data := make(k.List, len(vals))
		for i, c := range vals {
			if isAtom(c) {
				c, _ = takeN(int64(n), c)
			}
			data[i] = c
		}
		return &k.Table{Cols: ks, Data: data}, nil
	case k.List:
		n := -1
		for _, c := range v {
			if !isAtom(c) {
				if n >= 0 && k.Count(c) != n {
					return nil, k.ErrLength
				}
				n = k.Count(c)
			}
		}
		if n < 0 {
			return nil, k.ErrRank
		}
		r := make(k.List, n)
		for i := range r {
			row := make([]k.V, len(v))
			for j, c := range v {
				if isAtom(c) {
					row[j] = c
				} else {
					row[j] = k.At(c, i)
				}
			}
			r[i] = k.Uniform(row)
		}
		return r, nil
	}
	if isAtom(x) {
		return x, nil
	}
	return nil, k.ErrRank
}

// Key is q's key (monadic !): the keys of a dictionary, the key table of a
// keyed table, til of an integer.
func Key(x k.V) (k.V, error) {
	switch v := x.(type) {
	case *k.Dict:
		return v.Keys, nil
	case *k.Table:
		return nil, k.ErrType
	}
	if _, ok := asInt(x); ok && isAtom(x) {
		return Til(x)
	}
	if t := x.Type(); t > 0 && t < k.TTable && k.TypeName(t) != "" {
		// a vector's key is the name of its type
		return k.Sym(k.TypeName(t)), nil
	}
	return nil, k.ErrType
}

// Value is q's value on data: the values of a dictionary (the value table
// of a keyed table); other data is returned as is.
func Value(x k.V) (k.V, error) {
	if d, ok := x.(*k.Dict); ok {
		return d.Vals, nil
	}
	return x, nil
}

// Keys is q's keys: the key column names of a keyed table (empty for a
// plain table).
func Keys(x k.V) (k.V, error) {
	if d, ok := x.(*k.Dict); ok {
		if kt, ok := d.Keys.(*k.Table); ok {
			return append(k.Syms{}, kt.Cols...), nil
		}
	}
	if _, ok := x.(*k.Table); ok {
		return k.Syms{}, nil
	}
	return nil, k.ErrType
}

// Cols is q's cols: the column names of a table or keyed table.
func Cols(x k.V) (k.V, error) {
	if t, ok := unkey(x).(*k.Table); ok {
		return append(k.Syms{}, t.Cols...), nil
	}
	if d, ok := x.(*k.Dict); ok {
		return d.Keys, nil
	}
	return nil, k.ErrType
}

// typeChar is the letter of q's type t (positive), " " for a general list.
func typeChar(t int) byte {
	const letters = " bg xhijefcspmdznuvt"
	if t >= 0 && t < len(letters) {
		return letters[t]
	}
	return ' '
}

// Meta is q's meta: a keyed table of column name c to type t, foreign key
// f and attribute a.
func Meta(x k.V) (k.V, error) {
	if a, ok := x.(*k.Attr); ok {
		x = a.V
	}
	t, ok := unkey(x).(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	ts := make(k.Chars, len(t.Cols))
	fs := make(k.Syms, len(t.Cols))
	as := make(k.Syms, len(t.Cols))
	for i, c := range t.Data {
		if a := k.AttrOf(c); a != k.AttrNone {
			as[i] = string([]byte{a})
		}
		c = k.Plain(c)
		ct := c.Type()
		if l, ok := c.(k.List); ok && len(l) > 0 {
			// A column of same-typed vectors shows as the upper-case letter.
			et := l[0].Type()
			same := et > 0 && et < 20
			for _, e := range l[1:] {
				if e.Type() != et {
					same = false
				}
			}
			if same {
				ts[i] = typeChar(et) - 'a' + 'A'
				continue
			}
		}
		ts[i] = typeChar(ct)
	}
	keyT := &k.Table{Cols: k.Syms{"c"}, Data: k.List{append(k.Syms{}, t.Cols...)}}
	valT := &k.Table{Cols: k.Syms{"t", "f", "a"}, Data: k.List{ts, fs, as}}
	return &k.Dict{Keys: keyT, Vals: valT}, nil
}

// Xkey is q's xkey: table y keyed by the columns named in x.
func Xkey(x, y k.V) (k.V, error) {
	if t := x.Type(); t != k.TSym && t != -k.TSym {
		return nil, k.ErrType
	}
	names := symsOf(x)
	t, ok := unkey(y).(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	if len(names) == 0 {
		return t, nil
	}
	var cols k.Syms
	var data k.List
	for _, nm := range names {
		c := colIndex(t, nm)
		if c < 0 {
			return nil, k.Err(nm)
		}
		cols = append(cols, nm)
		data = append(data, t.Data[c])
	}
	for i, c := range t.Cols {
		if findT(names, []string{c}, int64(len(names)))[0] == int64(len(names)) {
			cols = append(cols, c)
			data = append(data, t.Data[i])
		}
	}
	return keyBy(len(names), &k.Table{Cols: cols, Data: data}), nil
}

// Xcols is q's xcols: table y with the columns x first, the others after
// them in their order.
func Xcols(x, y k.V) (k.V, error) {
	names := symsOf(x)
	t, ok := y.(*k.Table)
	if names == nil || !ok {
		return nil, k.ErrType
	}
	order := append(k.Syms{}, names...)
	for _, c := range t.Cols {
		if !slices.Contains(names, c) {
			order = append(order, c)
		}
	}
	return Take(order, t)
}

// Xcol is q's xcol: table y with its leading columns renamed to x (or a
// dictionary x from old to new names).
func Xcol(x, y k.V) (k.V, error) {
	d, keyed := y.(*k.Dict)
	nk := 0
	if keyed {
		if kt, ok := d.Keys.(*k.Table); ok {
			nk = len(kt.Cols)
		}
	}
	t, ok := unkey(y).(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	cols := append(k.Syms{}, t.Cols...)
	if m, ok := x.(*k.Dict); ok {
		from, to := symsOf(m.Keys), symsOf(m.Vals)
		if from == nil || to == nil {
			return nil, k.ErrType
		}
		if len(from) != len(to) {
			return nil, k.ErrLength
		}
		for i, f := range from {
			c := colIndex(t, f)
			if c < 0 {
				// q amends the column list at the key's index, which is
				// past its end for a name the table lacks
				return nil, k.ErrLength
			}
			cols[c] = to[i]
		}
	} else {
		names := symsOf(x)
		if names == nil {
			return nil, k.ErrType
		}
		if len(names) > len(cols) {
			return nil, k.ErrLength
		}
		copy(cols, names)
	}
	r := &k.Table{Cols: cols, Data: t.Data}
	if nk > 0 {
		return keyBy(nk, r), nil
	}
	return r, nil
}
