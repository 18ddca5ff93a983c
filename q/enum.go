package q

import (
	"kt/k"
	"kt/prim"
)

// Enumerations: `d$y enumerates symbols y over the global list d, `d?y
// does so after appending to d those it lacks, key e is the domain's
// name and value e its symbols. Primitives see an enumeration as the
// symbols it stands for (resolve), as q compares enumerations with
// symbols by value.

// domain is the symbol list named d.
func (in *Interp) domain(d string) (k.Syms, bool) {
	v, ok := in.globals[d]
	if !ok {
		return nil, false
	}
	s, ok := k.Plain(v).(k.Syms)
	return s, ok
}

// enumerate is `d$y: 'cast where an item of y is not in d.
func (in *Interp) enumerate(d string, y k.V, extend bool) (k.V, error) {
	dom, ok := in.domain(d)
	if !ok {
		if _, exists := in.globals[d]; exists || !extend {
			return nil, k.ErrType
		}
	}
	var ys k.Syms
	switch v := y.(type) {
	case k.Sym:
		ys = k.Syms{string(v)}
	case k.Syms:
		ys = v
	default:
		return nil, k.ErrType
	}
	pos := make(map[string]int64, len(dom))
	for i, s := range dom {
		if _, seen := pos[s]; !seen {
			pos[s] = int64(i)
		}
	}
	idx := make([]int64, len(ys))
	grown := false
	for i, s := range ys {
		p, ok := pos[s]
		if !ok {
			if !extend {
				return nil, k.Err("cast")
			}
			p = int64(len(dom))
			dom = append(dom, s)
			pos[s] = p
			grown = true
		}
		idx[i] = p
	}
	if grown || extend && !ok {
		in.globals[d] = append(k.Syms{}, dom...)
	}
	if _, atom := y.(k.Sym); atom {
		return k.Enum{Domain: d, Idx: idx[0]}, nil
	}
	return &k.Enums{Domain: d, Idx: idx}, nil
}

// enumSyms is the symbols an enumeration stands for; an index past its
// domain is the null symbol.
func (in *Interp) enumSyms(e *k.Enums) k.Syms {
	dom, _ := in.domain(e.Domain)
	r := make(k.Syms, len(e.Idx))
	for i, j := range e.Idx {
		if j >= 0 && j < int64(len(dom)) {
			r[i] = dom[j]
		}
	}
	return r
}

// resolve is v with enumerations replaced by their symbols, at its top
// and in the columns of a table and the keys and values of a dictionary.
func (in *Interp) resolve(v k.V) k.V {
	r, _ := in.resolved(v)
	return r
}

// resolved is resolve, reporting whether anything was replaced. It looks
// one level in (a table's columns, a dictionary's keys and values, a keyed
// table's two tables), so its cost never grows with nesting.
func (in *Interp) resolved(v k.V) (k.V, bool) {
	switch x := v.(type) {
	case k.Enum:
		return k.At(in.enumSyms(&k.Enums{Domain: x.Domain, Idx: []int64{x.Idx}}), 0), true
	case *k.Enums:
		return in.enumSyms(x), true
	case *k.Attr:
		if e, ok := x.V.(*k.Enums); ok {
			return in.enumSyms(e), true
		}
	case *k.Table:
		return in.resolvedTable(x)
	case *k.Dict:
		keys, ck := in.resolvedPart(x.Keys)
		vals, cv := in.resolvedPart(x.Vals)
		if ck || cv {
			return &k.Dict{Keys: keys, Vals: vals}, true
		}
	}
	return v, false
}

// resolvedPart resolves a dictionary's keys or values: an enumeration, or
// the columns of a table.
func (in *Interp) resolvedPart(v k.V) (k.V, bool) {
	switch x := v.(type) {
	case k.Enum, *k.Enums, *k.Attr:
		return in.resolved(x)
	case *k.Table:
		return in.resolvedTable(x)
	}
	return v, false
}

// resolvedTable resolves a table's enumerated columns.
func (in *Interp) resolvedTable(x *k.Table) (k.V, bool) {
	var data k.List
	for j, c := range x.Data {
		var r k.V
		switch c.(type) {
		case *k.Enums, *k.Attr:
			var ok bool
			if r, ok = in.resolved(c); !ok {
				continue
			}
		default:
			continue
		}
		if data == nil {
			data = append(k.List{}, x.Data...)
		}
		data[j] = r
	}
	if data != nil {
		return &k.Table{Cols: x.Cols, Data: data}, true
	}
	return x, false
}

// enumIndices is "i"$e and `long$e: the indices of an enumeration.
func enumIndices(x, y k.V) (k.V, bool, error) {
	var idx k.Longs
	atom := false
	switch e := y.(type) {
	case k.Enum:
		idx, atom = k.Longs{e.Idx}, true
	case *k.Enums:
		idx = e.Idx
	default:
		return nil, false, nil
	}
	r, err := prim.Cast(x, idx)
	if err != nil {
		return nil, true, err
	}
	if atom {
		return k.At(r, 0), true, nil
	}
	return r, true, nil
}

// keyValueEnum is key e (the domain's name) and value e (its symbols).
func (in *Interp) keyValueEnum(name string, x k.V) (k.V, bool) {
	var dom string
	switch e := x.(type) {
	case k.Enum:
		dom = e.Domain
	case *k.Enums:
		dom = e.Domain
	default:
		return nil, false
	}
	if name == "key" {
		return k.Sym(dom), true
	}
	return in.resolve(x), true
}

// enumOf makes indices (an atom, a vector or a list of them, as indexing
// returns) an enumeration over domain d.
func enumOf(d string, r k.V) k.V {
	switch v := r.(type) {
	case k.Long:
		return k.Enum{Domain: d, Idx: int64(v)}
	case k.Longs:
		return &k.Enums{Domain: d, Idx: v}
	case k.List:
		out := make(k.List, len(v))
		for i, e := range v {
			out[i] = enumOf(d, e)
		}
		return out
	}
	return r
}

// enumFromIndices is `d!i: the enumeration over d with indices i, each
// within d ('cast where one is not).
func (in *Interp) enumFromIndices(d string, idx k.Longs) (k.V, error) {
	dom, ok := in.domain(d)
	if !ok {
		return nil, k.ErrType
	}
	for _, i := range idx {
		if i < 0 || i >= int64(len(dom)) {
			return nil, k.Err("cast")
		}
	}
	return &k.Enums{Domain: d, Idx: append([]int64(nil), idx...)}, nil
}

// onIndices runs f (first, last, reverse: what only moves items) on the
// indices of e, so that the result is an enumeration of e's domain still.
func onIndices(f func(k.V) (k.V, error), e *k.Enums) (k.V, error) {
	r, err := f(k.Longs(e.Idx))
	if err != nil {
		return nil, err
	}
	return enumOf(e.Domain, r), nil
}
