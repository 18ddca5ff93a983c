package prim

import (
	"sort"

	"kt/k"
)

// Attributes: `s#x `u#x `p#x `g#x apply one (after checking that x has
// the property), `#x removes it, attr reads it. Every other primitive
// works on the plain value (k.Plain); asc gives `s#, and find and the
// lookup of a sorted dictionary make use of the attribute.

func init() {
	wrapTemporal()
	wrapAttr()
}

// keepsAttr are the primitives that see attributes: meta and attr read
// them, and flip and ! only arrange columns into tables and dictionaries,
// which keep their columns' attributes as q's do.
var keepsAttr = map[string]bool{"meta": true, "attr": true, "flip": true, "+": true}

// wrapAttr makes every other primitive see plain values, and gives the
// results of asc and xasc their `s#.
func wrapAttr() {
	for name, f := range Monads {
		if !keepsAttr[name] {
			Monads[name] = func(x k.V) (k.V, error) { return f(k.Plain(x)) }
		}
	}
	for name, f := range Dyads {
		if name != "!" {
			Dyads[name] = func(x, y k.V) (k.V, error) { return f(k.Plain(x), k.Plain(y)) }
		}
	}
	xasc := Dyads["xasc"]
	Dyads["xasc"] = func(x, y k.V) (k.V, error) {
		r, err := xasc(x, y)
		if err != nil {
			return nil, err
		}
		// the first sort column is sorted
		if t, ok := r.(*k.Table); ok && k.Count(t) > 0 {
			first := symsOf(x)
			for j, c := range t.Cols {
				if len(first) > 0 && c == first[0] {
					data := append(k.List{}, t.Data...)
					data[j] = WithAttr(k.AttrSorted, data[j])
					return &k.Table{Cols: t.Cols, Data: data}, nil
				}
			}
		}
		return r, nil
	}
	group := Monads["group"]
	grouped := func(x k.V) (k.V, error) {
		// `g# keeps its groups once made, as q's grouped lists do
		a, ok := x.(*k.Attr)
		if !ok || a.A != k.AttrGroup {
			return group(x)
		}
		if a.Groups == nil {
			g, err := group(x)
			if err != nil {
				return nil, err
			}
			a.Groups = g
		}
		return a.Groups, nil
	}
	Monads["group"], Monads["="] = grouped, grouped
	asc := Monads["asc"]
	Monads["asc"] = func(x k.V) (k.V, error) {
		r, err := asc(x)
		if err != nil {
			return nil, err
		}
		return WithAttr(k.AttrSorted, r), nil
	}
}

// isSortedTable reports whether the rows of t are in ascending order.
func isSortedTable(t *k.Table) bool {
	idx, err := Iasc(t)
	if err != nil {
		return false
	}
	l, ok := idx.(k.Longs)
	if !ok {
		return false
	}
	for i, e := range l {
		if e != int64(i) {
			return false
		}
	}
	return true
}

// ApplyAttr is `a#y: y with attribute a ("s", "u", "p", "g", or "" to
// remove it). A table takes it on its first column, a dictionary on its
// keys. y without the property is the error q gives ('s-fail, 'u-fail,
// 'p-fail).
func ApplyAttr(a string, y k.V) (k.V, error) {
	y = k.Plain(y)
	switch v := y.(type) {
	case *k.Table:
		if len(v.Data) == 0 {
			return nil, k.ErrLength
		}
		if a == "s" {
			// a sorted table is parted on its first column
			a = "p"
			if !isSortedTable(v) {
				return nil, k.Err("s-fail")
			}
		}
		c, err := ApplyAttr(a, v.Data[0])
		if err != nil {
			return nil, err
		}
		data := append(k.List{c}, v.Data[1:]...)
		return &k.Table{Cols: v.Cols, Data: data}, nil
	case *k.Dict:
		if a == "" {
			return y, nil
		}
		if a != "s" {
			return nil, k.Err(a + "-fail")
		}
		if !isSorted(v.Keys) {
			return nil, k.Err("s-fail")
		}
		return &k.Attr{A: k.AttrSorted, V: y}, nil
	}
	if a == "" {
		return y, nil
	}
	t := y.Type()
	if t < 0 || t >= k.TTable {
		return nil, k.ErrType
	}
	switch a {
	case "s":
		if !isSorted(y) {
			return nil, k.Err("s-fail")
		}
	case "u":
		if !isUnique(y) {
			return nil, k.Err("u-fail")
		}
	case "p":
		if !isParted(y) {
			return nil, k.Err("p-fail")
		}
	case "g":
	default:
		return nil, k.ErrDomain
	}
	return &k.Attr{A: a[0], V: y}, nil
}

// AttrName is q's attr: the attribute of x as a symbol, ` for none.
func AttrName(x k.V) (k.V, error) {
	a := k.AttrOf(x)
	if a == k.AttrNone {
		return k.Sym(""), nil
	}
	return k.Sym(string([]byte{a})), nil
}

// isSorted reports whether list x is in ascending order (nulls first).
func isSorted(x k.V) bool {
	n := k.Count(x)
	for i := 1; i < n; i++ {
		if c, err := cmpV(k.At(x, i-1), k.At(x, i)); err != nil || c > 0 {
			return false
		}
	}
	return true
}

// isUnique reports whether the items of list x are distinct.
func isUnique(x k.V) bool {
	d, err := Distinct(x)
	return err == nil && k.Count(d) == k.Count(x)
}

// isParted reports whether equal items of list x stand together.
func isParted(x k.V) bool {
	seen := map[string]bool{}
	prev := ""
	for i := 0; i < k.Count(x); i++ {
		key := keyOf(k.At(x, i))
		if i > 0 && key == prev {
			continue
		}
		if seen[key] {
			return false
		}
		seen[key] = true
		prev = key
	}
	return true
}

// WithAttr gives the result of asc its `s#.
func WithAttr(a byte, r k.V) k.V {
	if t := r.Type(); t > 0 && t < k.TTable && k.Count(r) > 0 {
		return &k.Attr{A: a, V: r}
	}
	return r
}

// FindAttr is x?y for x with an attribute: a binary search of a sorted
// list, a hash of a unique or grouped one built once and kept with x. ok
// is false where the attribute does not help (the caller finds as usual).
func FindAttr(x *k.Attr, y k.V) (r k.V, ok bool, err error) {
	if t := x.V.Type(); t <= 0 || t >= 20 || y.Type() != -t {
		return nil, false, nil
	}
	n := k.Count(x.V)
	switch x.A {
	case k.AttrSorted:
		i := sort.Search(n, func(i int) bool {
			c, _ := cmpV(k.At(x.V, i), y)
			return c >= 0
		})
		if i < n && matchV(k.At(x.V, i), y) {
			return k.Long(i), true, nil
		}
		return k.Long(n), true, nil
	case k.AttrUnique, k.AttrGroup:
		idx, ok := x.Index.(map[string]int64)
		if !ok {
			idx = make(map[string]int64, n)
			for i := n - 1; i >= 0; i-- {
				idx[keyOf(k.At(x.V, i))] = int64(i)
			}
			x.Index = idx
		}
		if p, ok := idx[keyOf(y)]; ok {
			return k.Long(p), true, nil
		}
		return k.Long(n), true, nil
	}
	return nil, false, nil
}

// StepIndex is d[y] for a sorted dictionary d: the value of the greatest
// key not above y (a step function), the null where y is below every key.
func StepIndex(d *k.Dict, y k.V) (k.V, error) {
	pos, err := Bin(d.Keys, y)
	if err != nil {
		return nil, err
	}
	return Index(d.Vals, pos)
}
