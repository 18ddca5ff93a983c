package q

import (
	"kt/k"
	"kt/prim"
)

// Functional qSQL (docs/basics/funsql.md): ?[t;c;b;a] selects or execs,
// ![t;c;b;a] updates or deletes, ?[t;i;p] is a simple exec, and
// ?[t;c;b;a;n] takes the first n rows (or rows n[0] to n[0]+n[1]). c is a
// list of parse trees, each a where phrase; b is 0b, 1b (distinct), a
// dictionary of by columns, or for exec () or column names; a is (), a
// dictionary of name to parse tree, or for exec one tree. The trees are
// evaluated as the query forms' own: a symbol names a column, an
// enlisted symbol is a symbol.

// functional runs ?[...] (sel) or ![...] with 3 to 6 arguments.
func (in *Interp) functional(sel bool, args []k.V) (k.V, error) {
	if sel && len(args) == 3 {
		return in.simpleExec(args[0], args[1], args[2])
	}
	if len(args) < 4 || len(args) > 6 || !sel && len(args) != 4 {
		return nil, k.ErrRank
	}
	q := &query{from: quoteFrom(args[0])}
	where, err := treeList(args[1])
	if err != nil {
		return nil, err
	}
	q.where = where
	b, a := args[2], args[3]
	if !sel {
		return in.functionalUpdate(q, b, a)
	}
	switch bv := b.(type) {
	case k.Bool:
		q.kind = "select"
		q.distinct = bool(bv)
	case *k.Dict:
		q.kind = "select"
		if q.by, err = columnsFrom(bv); err != nil {
			return nil, err
		}
	case k.Sym:
		q.kind = "exec"
		q.by = []column{{name: string(bv), tree: bv}}
		q.execBare = true
	case k.Syms:
		q.kind = "exec"
		for _, s := range bv {
			q.by = append(q.by, column{name: s, tree: k.Sym(s)})
		}
	case k.List:
		if len(bv) != 0 {
			return nil, k.ErrType
		}
		q.kind = "exec"
	default:
		return nil, k.ErrType
	}
	switch av := a.(type) {
	case *k.Dict:
		if q.cols, err = columnsFrom(av); err != nil {
			return nil, err
		}
		q.execDict = true
	case k.List:
		if len(av) != 0 {
			if err := execByDict(q); err != nil {
				return nil, err
			}
			q.cols = []column{{name: firstName(av), tree: av}}
		}
	default:
		if err := execByDict(q); err != nil {
			return nil, err
		}
		q.cols = []column{{name: firstName(av), tree: av}}
	}
	if q.kind == "exec" && len(q.cols) == 0 {
		q.execLast = true
	}
	if len(args) >= 5 {
		q.limit = quote(args[4])
	}
	if len(args) == 6 {
		q.order = args[5]
	}
	return in.query(q, nil)
}

// execByDict makes ?[t;c;b;a] with one column a an exec: where b is a
// dictionary, of a table of keys to a list of values (funsql.md's "group
// by a dictionary"); a select takes a dictionary a.
func execByDict(q *query) error {
	switch {
	case q.kind == "exec":
	case q.kind == "select" && len(q.by) > 0 && !q.distinct:
		q.kind = "exec"
	default:
		return k.ErrType
	}
	return nil
}

// functionalUpdate is ![t;c;b;a]: an update where a is a dictionary, a
// delete of columns where a names them, of rows where it is empty.
func (in *Interp) functionalUpdate(q *query, b, a k.V) (k.V, error) {
	var err error
	switch av := a.(type) {
	case *k.Dict:
		q.kind = "update"
		if q.cols, err = columnsFrom(av); err != nil {
			return nil, err
		}
		if d, ok := b.(*k.Dict); ok {
			if q.by, err = columnsFrom(d); err != nil {
				return nil, err
			}
		} else if _, ok := b.(k.Bool); !ok {
			return nil, k.ErrType
		}
	case k.Syms:
		q.kind = "delete"
		for _, s := range av {
			q.cols = append(q.cols, column{name: s, tree: k.Sym(s)})
		}
		if len(av) > 0 && len(q.where) > 0 {
			return nil, k.Err("nyi: delete of columns with a where clause")
		}
	case k.List:
		if len(av) != 0 {
			return nil, k.ErrType
		}
		q.kind = "delete"
	default:
		return nil, k.ErrType
	}
	return in.query(q, nil)
}

// simpleExec is ?[t;i;p]: p evaluated on rows i of table t.
func (in *Interp) simpleExec(t, i, p k.V) (k.V, error) {
	tv, err := in.eval(quoteFrom(t), nil)
	if err != nil {
		return nil, err
	}
	if s, ok := tv.(k.Sym); ok {
		if tv, err = in.lookup(string(s), nil); err != nil {
			return nil, err
		}
	}
	tab, ok := tv.(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	rows, ok := i.(k.Longs)
	if !ok {
		return nil, k.ErrType
	}
	f, err := rowFrame(tab, rows, nil)
	if err != nil {
		return nil, err
	}
	return in.eval(p, f)
}

// quoteFrom makes the table argument a tree: a name as a constant symbol,
// so that the query updates the global in place, as the query forms do.
func quoteFrom(t k.V) k.V {
	if s, ok := t.(k.Sym); ok {
		return k.Syms{string(s)}
	}
	return t
}

// treeList reads c: a list of parse trees (() for none).
func treeList(c k.V) ([]k.V, error) {
	switch v := c.(type) {
	case k.List:
		return append([]k.V(nil), v...), nil
	case k.Syms:
		if len(v) == 0 {
			return nil, nil
		}
	}
	if k.Count(c) == 0 {
		return nil, nil
	}
	return nil, k.ErrType
}

// columnsFrom reads a dictionary of names to parse trees.
func columnsFrom(d *k.Dict) ([]column, error) {
	names, ok := d.Keys.(k.Syms)
	if !ok {
		return nil, k.ErrType
	}
	cols := make([]column, len(names))
	for i, n := range names {
		cols[i] = column{name: n, tree: k.At(d.Vals, i), named: true}
	}
	return cols, nil
}

// limitRows applies select[n] (n rows from the start, -n from the end, or
// (i;j) j rows from row i) to a result.
func limitRows(r k.V, n k.V) (k.V, error) {
	c := int64(k.Count(r))
	var idx k.Longs
	switch v := n.(type) {
	case k.Long, k.Int:
		m, _ := toInt(v)
		switch {
		case m == k.InfLong || m >= c:
			return r, nil
		case m >= 0:
			idx = iotaFrom(0, m)
		case -m >= c:
			return r, nil
		default:
			idx = iotaFrom(c+m, -m)
		}
	case k.Longs:
		if len(v) != 2 {
			return nil, k.ErrLength
		}
		from, cnt := min(max(v[0], 0), c), max(v[1], 0)
		idx = iotaFrom(from, min(cnt, c-from))
	default:
		return nil, k.ErrType
	}
	return prim.Index(r, idx)
}

func iotaFrom(from, n int64) k.Longs {
	r := make(k.Longs, n)
	for i := range r {
		r[i] = from + int64(i)
	}
	return r
}

// functionalize is a parse tree with its queries in functional form, as
// q's parse shows them.
func functionalize(t k.V) k.V {
	r, _ := functional1(t)
	return r
}

// functional1 is functionalize, reporting whether anything changed.
func functional1(t k.V) (k.V, bool) {
	switch v := t.(type) {
	case *query:
		return v.functionalTree(), true
	case k.List:
		var r k.List
		for i, e := range v {
			if f, changed := functional1(e); changed {
				if r == nil {
					r = append(k.List{}, v...)
				}
				r[i] = f
			}
		}
		if r != nil {
			return r, true
		}
	}
	return t, false
}
