package prim

import (
	"slices"
	"sort"

	"kt/k"
)

// bin and binr: binary search in sorted lists, dictionaries and tables.

// Bin is q's bin: for sorted x, the index of the last item of x not
// greater than y (-1 if y is below all). Binr is the first index not
// less than y.
func Bin(x, y k.V) (k.V, error) { return binSearch(x, y, false) }

// Binr is q's binr: the first index of sorted x whose item is at least y.
func Binr(x, y k.V) (k.V, error) { return binSearch(x, y, true) }

func binSearch(x, y k.V, right bool) (k.V, error) {
	switch v := x.(type) {
	case *k.Dict:
		if kt, vt, ok := keyedParts(v); ok {
			p, err := tableBin(vt, y)
			if err != nil {
				return nil, err
			}
			return Index(kt, p)
		}
		p, err := binSearch(v.Vals, y, right)
		if err != nil {
			return nil, err
		}
		return Index(v.Keys, p)
	case *k.Table:
		return tableBin(v, y)
	}
	if isAtom(x) {
		return nil, k.ErrType
	}
	n := k.Count(x)
	one := func(e k.V) (int64, error) {
		var err error
		i := sort.Search(n, func(i int) bool {
			c, e2 := cmpV(k.At(x, i), e)
			if e2 != nil {
				err = e2
			}
			if right {
				return c >= 0
			}
			return c > 0
		})
		if right {
			return int64(i), err
		}
		return int64(i - 1), err
	}
	if isAtom(y) || (isGenList(x) && !isGenList(y)) {
		p, err := one(y)
		return k.Long(p), err
	}
	ys := items(y)
	r := make(k.Longs, len(ys))
	for i, e := range ys {
		p, err := one(e)
		if err != nil {
			return nil, err
		}
		r[i] = p
	}
	return r, nil
}

// tableBin is t bin y for a table t sorted within groups: y is a row (a
// dictionary) or a table of rows; each row's place is the last row of t
// that has the same values in all but the last column and a last value
// not greater than its own, or 0N where there is none.
func tableBin(t *k.Table, y k.V) (k.V, error) {
	if len(t.Cols) == 0 {
		return nil, k.ErrType
	}
	var rows []k.List
	one := false
	switch v := y.(type) {
	case *k.Dict:
		r, err := rowOf(t.Cols, v)
		if err != nil {
			return nil, err
		}
		rows, one = []k.List{r}, true
	case *k.Table:
		cols := make(k.List, len(t.Cols))
		for i, c := range t.Cols {
			j := colIndex(v, c)
			if j < 0 {
				return nil, k.Err(c)
			}
			cols[i] = v.Data[j]
		}
		n := k.Count(v)
		rows = make([]k.List, n)
		for r := range rows {
			rows[r] = make(k.List, len(cols))
			for i, c := range cols {
				rows[r][i] = k.At(c, r)
			}
		}
	default:
		return nil, k.ErrType
	}
	r := make(k.Longs, len(rows))
	for i, row := range rows {
		p, err := binRow(t, row)
		if err != nil {
			return nil, err
		}
		r[i] = p
	}
	if one {
		return k.Long(r[0]), nil
	}
	return r, nil
}

// rowOf is the values of dictionary d in the order of the names cols.
func rowOf(cols k.Syms, d *k.Dict) (k.List, error) {
	keys := symsOf(d.Keys)
	if keys == nil {
		return nil, k.ErrType
	}
	r := make(k.List, len(cols))
	for i, c := range cols {
		j := slices.Index(keys, c)
		if j < 0 {
			return nil, k.Err(c)
		}
		r[i] = k.At(d.Vals, j)
	}
	return r, nil
}

// binRow is the place of one row in t (see tableBin).
func binRow(t *k.Table, row k.List) (int64, error) {
	last := len(t.Cols) - 1
	best := int64(k.NullLong)
	for i := range k.Count(t) {
		same := true
		for c := 0; c < last && same; c++ {
			d, err := cmpV(k.At(t.Data[c], i), row[c])
			if err != nil {
				return 0, err
			}
			same = d == 0
		}
		if !same {
			continue
		}
		d, err := cmpV(k.At(t.Data[last], i), row[last])
		if err != nil {
			return 0, err
		}
		if d <= 0 {
			best = int64(i)
		}
	}
	return best, nil
}
