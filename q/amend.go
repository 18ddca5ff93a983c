package q

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"kt/k"
	"kt/prim"
)

// atDot applies @ or . with three or four arguments: trap @[f;x;h],
// .[f;args;h], and amend @[x;i;f], @[x;i;f;y], .[x;i;f], .[x;i;f;y]. A
// symbol x names a global to amend in place.
func (in *Interp) atDot(g string, args []k.V) (k.V, error) {
	if len(args) == 3 && isFunc(args[0]) {
		var r k.V
		var err error
		in.trapping++
		if g == "@" {
			r, err = in.apply(args[0], []k.V{args[1]})
		} else {
			r, err = in.apply(args[0], listItems(args[1]))
		}
		in.trapping--
		if e, ok := err.(*k.Error); ok {
			in.clearError()
			h := args[2]
			if isFunc(h) {
				return in.apply(h, []k.V{k.Chars(e.Msg)})
			}
			return h, nil
		}
		return r, err
	}
	x, i, f := args[0], args[1], args[2]
	var y k.V
	if len(args) == 4 {
		y = args[3]
	}
	var path []k.V
	if g == "@" {
		path = []k.V{i}
	} else {
		path = listItems(i)
		if k.Count(i) == 0 && isList(i) {
			path = nil
		}
	}
	name, byName := x.(k.Sym)
	if p, ok := filePath(x); ok {
		return name, in.amendFile(p, path, f, y, len(args) == 4)
	}
	if byName {
		v, err := in.lookup(string(name), nil)
		if err != nil {
			return nil, err
		}
		x = v
	}
	r, err := in.amend(x, path, f, y, len(args) == 4)
	if err != nil {
		return nil, err
	}
	if byName {
		in.globals[string(name)] = r
		return name, nil
	}
	return r, nil
}

// amendFile is Amend of a handle to a file, .[`:f;i;f;y] and the like:
// the file's value amended and written back whole, atomically, as set
// writes it. Appending (an empty index, f ,) to a file that is not there
// makes it, and to a splayed table (`:dir/t/) appends its rows, as
// upsert does; a splayed table takes no other amend.
func (in *Interp) amendFile(p string, path []k.V, f, y k.V, hasY bool) error {
	if err := in.fileAccess(k.Sym(":" + p)); err != nil {
		return err
	}
	v, ok := f.(*Verb)
	appending := path == nil && hasY && ok && v.Glyph == "," && !v.Monadic
	if st, err := os.Stat(p); strings.HasSuffix(p, "/") || err == nil && st.IsDir() {
		if !appending {
			return k.Err("nyi: amending a splayed table on disk other than appending rows (.[`:t/;();,;rows])")
		}
		return in.upsertSplayed(strings.TrimSuffix(p, "/"), y)
	} else if errors.Is(err, fs.ErrNotExist) && appending {
		return in.setFile(p, y)
	}
	x, err := in.getFile(p, nil)
	if err != nil {
		return err
	}
	r, err := in.amend(x, path, f, y, hasY)
	if err != nil {
		return err
	}
	if t := k.Plain(x).Type(); t > 0 && t <= k.TTime && k.Plain(r).Type() != t {
		// a vector on disk keeps its type, as kdb+ amends it in place
		return k.Err("type: " + p + " holds a vector of " + k.TypeName(t) + "s")
	}
	return in.setFile(p, r)
}

// amend replaces the items of x at the index path by f applied to them
// (with y as a second argument when hasY); a nil f assigns y.
func (in *Interp) amend(x k.V, path []k.V, f, y k.V, hasY bool) (k.V, error) {
	if err := in.step(); err != nil {
		return nil, err
	}
	if len(path) == 0 {
		return in.amendOne(x, f, y, hasY)
	}
	i, rest := path[0], path[1:]
	if d, ok := x.(*k.Dict); ok {
		return in.amendDict(d, i, rest, f, y, hasY)
	}
	if t, ok := x.(*k.Table); ok {
		switch i.(type) {
		case k.Sym, k.Syms: // columns by name
			d := &k.Dict{Keys: t.Cols, Vals: t.Data}
			nd, err := in.amendDict(d, i, rest, f, y, hasY)
			if err != nil {
				return nil, err
			}
			nd2 := nd.(*k.Dict)
			cols, ok1 := nd2.Keys.(k.Syms)
			data, ok2 := nd2.Vals.(k.List)
			if !ok1 || !ok2 {
				return nil, k.ErrType
			}
			return &k.Table{Cols: cols, Data: data}, nil
		}
		return in.amendRows(t, i, rest, f, y, hasY)
	}
	if !isList(x) {
		if _, ok := i.(k.Nil); ok {
			return in.amend(x, rest, f, y, hasY)
		}
		return nil, k.ErrType
	}
	n := k.Count(x)
	idx, ys, err := spread(i, y, hasY, n)
	if err != nil {
		return nil, err
	}
	if r, ok, err := in.amendListFast(x, idx, rest, f, ys, hasY); ok {
		return r, err
	}
	items := make([]k.V, n)
	for j := range n {
		items[j] = k.At(x, j)
	}
	for j, ix := range idx {
		if ix < 0 || ix >= n {
			return nil, k.ErrIndex
		}
		v, err := in.amend(items[ix], rest, f, ys[j], hasY)
		if err != nil {
			return nil, err
		}
		items[ix] = v
	}
	if _, ok := x.(k.List); ok {
		// a general list whose items become atoms of one type is squeezed
		return k.Uniform(items), nil
	}
	for _, it := range items {
		if it.Type() != -x.Type() {
			return nil, k.ErrType
		}
	}
	return k.Uniform(items), nil
}

// amendRows amends table t at row index i: .[t;(i;`c);f;y] is the column
// c amended at i, and @[t;i;f;y] replaces the rows t i by f[t i;y] (a
// dictionary for one row, a table for several, with t's columns), column
// by column.
func (in *Interp) amendRows(t *k.Table, i k.V, rest []k.V, f, y k.V, hasY bool) (k.V, error) {
	if _, ok := intList(i); !ok {
		return nil, k.Err("nyi: amending a table at " + k.TypeName(i.Type()) + " (a row index or a column name)")
	}
	if len(rest) > 0 {
		c, ok := rest[0].(k.Sym)
		if !ok {
			return nil, k.Err("nyi: amending a table at a row and more than one column")
		}
		return in.amend(t, append([]k.V{c, i}, rest[1:]...), f, y, hasY)
	}
	cur, err := prim.Index(t, i)
	if err != nil {
		return nil, err
	}
	v, err := in.amendOne(cur, f, y, hasY)
	if err != nil {
		return nil, err
	}
	var cols k.Syms
	var data k.List
	switch r := v.(type) {
	case *k.Dict:
		cols, _ = r.Keys.(k.Syms)
		data, _ = r.Vals.(k.List)
		if data == nil && k.IsAtom(i) {
			data = make(k.List, k.Count(r.Vals))
			for j := range data {
				data[j] = k.At(r.Vals, j)
			}
		}
	case *k.Table:
		cols, data = r.Cols, r.Data
	}
	if cols == nil || !k.IsAtom(i) && v.Type() != k.TTable || len(cols) != len(t.Cols) || len(data) != len(cols) {
		return nil, k.Err("type: the rows amended are not rows of the table")
	}
	out := &k.Table{Cols: t.Cols, Data: make(k.List, len(t.Cols))}
	for j, c := range t.Cols {
		if cols[j] != c {
			return nil, k.Err("mismatch: column " + cols[j] + " is not " + c)
		}
		col, err := in.amend(t.Data[j], []k.V{i}, nil, data[j], true)
		if err != nil {
			return nil, err
		}
		out.Data[j] = col
	}
	return out, nil
}

// spread turns an index (atom, vector or ::) into positions, pairing each
// with its part of y.
func spread(i, y k.V, hasY bool, n int) ([]int, []k.V, error) {
	var idx []int
	switch iv := i.(type) {
	case k.Nil:
		idx = make([]int, n)
		for j := range idx {
			idx[j] = j
		}
	default:
		if isList(i) {
			for j := range k.Count(i) {
				sub, _, err := spread(k.At(i, j), nil, false, n)
				if err != nil {
					return nil, nil, err
				}
				idx = append(idx, sub...)
			}
		} else {
			p, ok := toInt(iv)
			if !ok {
				return nil, nil, k.ErrType
			}
			idx = []int{int(p)}
		}
	}
	ys := make([]k.V, len(idx))
	listIdx := isList(i) || i.Type() == k.TUnary
	for j := range ys {
		switch {
		case !hasY:
		case listIdx && isList(y):
			if k.Count(y) != len(idx) {
				return nil, nil, k.ErrLength
			}
			ys[j] = k.At(y, j)
		default:
			ys[j] = y
		}
	}
	return idx, ys, nil
}

// amendDict amends a dictionary at keys, adding keys it lacks.
func (in *Interp) amendDict(d *k.Dict, i k.V, rest []k.V, f, y k.V, hasY bool) (k.V, error) {
	n := k.Count(d.Keys)
	var targets []k.V
	var ys []k.V
	switch {
	case i.Type() == k.TUnary:
		targets = make([]k.V, n)
		for j := range n {
			targets[j] = k.At(d.Keys, j)
		}
	case isList(i) && (d.Keys.Type() == 0 || i.Type() == d.Keys.Type()):
		for j := range k.Count(i) {
			targets = append(targets, k.At(i, j))
		}
	default:
		targets = []k.V{i}
	}
	if hasY && len(targets) > 1 && isList(y) {
		if k.Count(y) != len(targets) {
			return nil, k.ErrLength
		}
		for j := range targets {
			ys = append(ys, k.At(y, j))
		}
	} else {
		for range targets {
			ys = append(ys, y)
		}
	}
	if r, ok, err := in.amendDictFast(d, targets, rest, f, ys, hasY); ok {
		return r, err
	}
	keys := make([]k.V, n)
	vals := make([]k.V, n)
	for j := range n {
		keys[j] = k.At(d.Keys, j)
		vals[j] = k.At(d.Vals, j)
	}
	at := keyPositions(d.Keys, targets)
	for j, t := range targets {
		pos := at[j]
		if pos < 0 {
			for p, kk := range keys[n:] { // a key this amend added
				if same, _ := match(kk, t); same {
					pos = n + p
					break
				}
			}
		}
		if pos < 0 {
			keys = append(keys, t)
			null, err := nullOf(d.Vals)
			if err != nil {
				return nil, err
			}
			vals = append(vals, null)
			pos = len(keys) - 1
		}
		v, err := in.amend(vals[pos], rest, f, ys[j], hasY)
		if err != nil {
			return nil, err
		}
		vals[pos] = v
	}
	if t := d.Vals.Type(); t > 0 && t < 20 {
		// simple values stay of their type, as a simple list's items do
		for _, v := range vals {
			if v.Type() != -t {
				return nil, k.ErrType
			}
		}
	}
	vs := k.Uniform(vals)
	if _, ok := d.Vals.(k.List); ok && len(vals) > 0 {
		vs = k.List(vals)
	}
	return &k.Dict{Keys: k.Uniform(keys), Vals: vs}, nil
}

// keyPositions is where each target is among keys, -1 where it is not:
// through find for a simple vector of keys (one atom of the keys' type by
// a scan, several targets by find's hash), else by matching each in turn.
func keyPositions(keys k.V, targets []k.V) []int {
	at := make([]int, len(targets))
	n := k.Count(keys)
	var y k.V // the targets as find takes them
	if t := keys.Type(); t > 0 && t < 20 {
		switch {
		case len(targets) == 1 && targets[0].Type() == -t:
			y = targets[0]
		case len(targets) > 1:
			y = k.Uniform(append([]k.V(nil), targets...))
		}
	}
	if y != nil {
		f, err := prim.Find(keys, y)
		if l, ok := f.(k.Long); ok {
			f = k.Longs{int64(l)}
		}
		if l, ok := f.(k.Longs); err == nil && ok && len(l) == len(targets) {
			for j, p := range l {
				at[j] = int(p)
				if at[j] >= n {
					at[j] = -1
				}
			}
			return at
		}
	}
	for j, t := range targets {
		at[j] = -1
		for p := range n {
			if same, _ := match(k.At(keys, p), t); same {
				at[j] = p
				break
			}
		}
	}
	return at
}

// nullOf is the null item of a list's type (first 0#x), :: for a
// general list.
func nullOf(x k.V) (k.V, error) {
	if x.Type() == 0 {
		return k.Null, nil
	}
	e, err := prim2("#", k.Long(0), x)
	if err != nil {
		return nil, err
	}
	return prim1("*", e)
}

// amendOne applies the amendment to a single item.
func (in *Interp) amendOne(x, f, y k.V, hasY bool) (k.V, error) {
	if f == nil {
		return y, nil
	}
	if v, ok := f.(*Verb); ok && v.Glyph == ":" {
		return y, nil
	}
	if hasY {
		return in.apply(f, []k.V{x, y})
	}
	return in.apply(f, []k.V{x})
}
