package q

import (
	"strings"

	"kt/k"
)

// query is a qSQL statement: select, exec, update or delete.
type query struct {
	kind  string
	cols  []column
	by    []column
	from  k.V
	where []k.V

	// The functional forms' options (funsql.go).
	distinct bool // select distinct: ?[t;c;1b;a]
	execDict bool // exec of a dictionary of columns, even one
	execBare bool // exec by one column name: ?[t;c;`b;a]
	execLast bool // exec of no columns: the last of each
	limit    k.V  // select[n]: ?[t;c;b;a;n]
	order    k.V  // ?[t;c;b;a;n;(idesc;`c)]
}

// isColumnName reports whether c is a column by its own name (by s).
func isColumnName(c column) bool {
	s, ok := c.tree.(k.Sym)
	return ok && string(s) == c.name
}

// column is a named expression of a query: name:expr, or an expression
// named after the first column it mentions.
type column struct {
	name string
	tree k.V
	// named is set for name:expr, and for the entries of a functional
	// form's dictionary: exec gives a dictionary, or a table, where a
	// named column stands alone (exec.md).
	named bool
}

// Type is 101: a query is an internal function in q's parse trees.
func (*query) Type() int { return k.TUnary }

// String is the query's keyword.
func (q *query) String() string { return q.kind }

// sql parses a query after its keyword, up to the end of the expression.
func (p *parser) sql(kw string) (k.V, error) {
	var limit, sortBy k.V
	if kw == "select" && p.peek().kind == tLBrack && !p.peek().space {
		// select[n], select[>c], select[n;<c]
		p.pos++
		var err error
		if limit, sortBy, err = p.selectBracket(); err != nil {
			return nil, err
		}
	}
	start := p.pos
	end := start
	depth := 0
scan:
	for ; end < len(p.toks); end++ {
		switch p.toks[end].kind {
		case tLParen, tLBrack, tLBrace:
			depth++
		case tRParen, tRBrack, tRBrace:
			if depth == 0 {
				break scan
			}
			depth--
		case tSemi:
			if depth == 0 {
				break scan
			}
		case tEOF:
			break scan
		}
	}
	p.pos = end
	sections := map[string][]token{}
	order := []string{kw}
	cur := kw
	depth = 0
	for _, t := range p.toks[start:end] {
		switch t.kind {
		case tLParen, tLBrack, tLBrace:
			depth++
		case tRParen, tRBrack, tRBrace:
			depth--
		case tName:
			if depth == 0 && (t.text == "by" || t.text == "from" || t.text == "where") {
				cur = t.text
				order = append(order, cur)
				if _, dup := sections[cur]; dup {
					return nil, errParse(cur)
				}
				sections[cur] = []token{}
				continue
			}
		}
		sections[cur] = append(sections[cur], t)
	}
	if _, ok := sections["from"]; !ok {
		return nil, errParse(kw)
	}
	q := &query{kind: kw, limit: limit, order: sortBy}
	var err error
	if q.cols, err = p.columnsOf(sections[kw]); err != nil {
		return nil, err
	}
	if q.by, err = p.columnsOf(sections["by"]); err != nil {
		return nil, err
	}
	if q.from, err = p.sub(sections["from"]); err != nil {
		return nil, err
	}
	for _, part := range splitCommas(sections["where"]) {
		w, err := p.sub(part)
		if err != nil {
			return nil, err
		}
		q.where = append(q.where, w)
	}
	return q, nil
}

// selectBracket reads the brackets of select[n;>c] after the [: a count
// (an expression) and an order (<c or >c), either or both.
func (p *parser) selectBracket() (limit, order k.V, err error) {
	for {
		if t := p.peek(); t.kind == tVerb && (t.text == "<" || t.text == ">") {
			p.pos++
			c := p.next()
			if c.kind != tName {
				return nil, nil, errParse(p.tokText(c))
			}
			grade := "iasc"
			if t.text == ">" {
				grade = "idesc"
			}
			order = k.List{k.Sym(grade), k.Sym(c.text)}
		} else {
			it, err := p.expr()
			if err != nil {
				return nil, nil, err
			}
			if it.node == nil {
				return nil, nil, errParse("[")
			}
			limit = it.node
		}
		switch t := p.next(); t.kind {
		case tSemi:
			continue
		case tRBrack:
			return limit, order, nil
		default:
			return nil, nil, errParse(p.tokText(t))
		}
	}
}

// splitCommas splits tokens at commas outside brackets.
func splitCommas(toks []token) [][]token {
	if len(toks) == 0 {
		return nil
	}
	var out [][]token
	depth, last := 0, 0
	for i, t := range toks {
		switch t.kind {
		case tLParen, tLBrack, tLBrace:
			depth++
		case tRParen, tRBrack, tRBrace:
			depth--
		case tVerb:
			if depth == 0 && t.text == "," {
				out = append(out, toks[last:i])
				last = i + 1
			}
		}
	}
	return append(out, toks[last:])
}

// sub parses a slice of tokens as one expression.
func (p *parser) sub(toks []token) (k.V, error) {
	if len(toks) == 0 {
		return nil, errParse("from")
	}
	sp := &parser{src: p.src, toks: append(append([]token(nil), toks...), token{kind: tEOF, pos: len(p.src)}), lams: p.lams}
	it, err := sp.expr()
	if err != nil {
		return nil, err
	}
	if sp.peek().kind != tEOF || it.node == nil {
		return nil, errParse(sp.tokText(sp.peek()))
	}
	return it.node, nil
}

// columnsOf parses the comma-separated column phrases of a query.
func (p *parser) columnsOf(toks []token) ([]column, error) {
	var cols []column
	for i, part := range splitCommas(toks) {
		name, explicit := "", false
		if len(part) > 2 && part[0].kind == tName && part[1].kind == tVerb && part[1].text == ":" {
			name, explicit = part[0].text, true
			part = part[2:]
		}
		tree, err := p.sub(part)
		if err != nil {
			return nil, err
		}
		if name == "" {
			name = firstName(tree)
			if name == "" {
				name = colName(k.Null, i)
			}
		}
		cols = append(cols, column{name: name, tree: tree, named: explicit})
	}
	return cols, nil
}

// firstName is the first name an expression's arguments mention (the
// name q gives an unnamed column: select max a → a).
func firstName(n k.V) string {
	switch n := n.(type) {
	case k.Sym:
		s := string(n)
		if i := strings.LastIndexByte(s, '.'); i >= 0 && i < len(s)-1 {
			s = s[i+1:]
		}
		return s
	case k.List:
		if len(n) < 2 {
			return ""
		}
		for _, a := range n[1:] {
			if s := firstName(a); s != "" {
				return s
			}
		}
		return firstName(n[0])
	}
	return ""
}

// query evaluates a qSQL statement.
func (in *Interp) query(q *query, fr *frame) (k.V, error) {
	var src k.V
	var err error
	if p := in.partitioned(q); p != nil {
		// a partitioned table: only the partitions the query needs
		if src, err = in.prune(p, q.where, fr); err != nil {
			return nil, err
		}
	} else if src, err = in.eval(q.from, fr); err != nil {
		return nil, err
	}
	name, byName := src.(k.Sym)
	if byName {
		if src, err = in.lookup(string(name), fr); err != nil {
			return nil, err
		}
	}
	if d, ok := src.(*k.Dict); ok && q.kind == "delete" && len(q.where) == 0 && len(q.by) == 0 {
		if _, isTable := d.Keys.(*k.Table); !isTable {
			r, err := in.deleteKeys(d, q.cols)
			if err != nil {
				return nil, err
			}
			if byName {
				in.globals[string(name)] = r
				return name, nil
			}
			return r, nil
		}
	}
	var keyCols k.Syms
	if d, ok := src.(*k.Dict); ok {
		kt, ok1 := d.Keys.(*k.Table)
		vt, ok2 := d.Vals.(*k.Table)
		if !ok1 || !ok2 {
			return nil, k.ErrType
		}
		keyCols = kt.Cols
		src = &k.Table{Cols: append(append(k.Syms{}, kt.Cols...), vt.Cols...), Data: append(append(k.List{}, kt.Data...), vt.Data...)}
	}
	t, ok := src.(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	rows, err := in.whereRows(q, t, fr)
	if err != nil {
		return nil, err
	}
	if q.order != nil && q.kind == "select" {
		// select[>c]: the rows in the order of c, before the columns
		if rows, err = in.orderedRows(t, rows, q.order, fr); err != nil {
			return nil, err
		}
	}
	var r k.V
	switch q.kind {
	case "select":
		r, err = in.selectRows(q, t, rows, keyCols, fr)
		if err == nil && q.distinct {
			r, err = prim1("distinct", r)
		}
		if err == nil && q.limit != nil {
			var n k.V
			if n, err = in.eval(q.limit, fr); err == nil {
				r, err = limitRows(r, n)
			}
		}
	case "exec":
		r, err = in.execRows(q, t, rows, fr)
	case "update":
		r, err = in.updateRows(q, t, rows, fr)
		if err == nil && keyCols != nil {
			r, err = rekey(r.(*k.Table), keyCols)
		}
	case "delete":
		r, err = in.deleteRows(q, t, rows)
		if err == nil && keyCols != nil {
			r, err = rekey(r.(*k.Table), keyCols)
		}
	}
	if err != nil {
		return nil, err
	}
	if byName && (q.kind == "update" || q.kind == "delete") {
		in.globals[string(name)] = r
		return name, nil
	}
	return r, nil
}

// rekey splits a table into a keyed table on its first columns.
func rekey(t *k.Table, keys k.Syms) (k.V, error) {
	n := len(keys)
	if n > len(t.Cols) {
		return nil, k.ErrType
	}
	return &k.Dict{
		Keys: &k.Table{Cols: t.Cols[:n], Data: t.Data[:n]},
		Vals: &k.Table{Cols: t.Cols[n:], Data: t.Data[n:]},
	}, nil
}

// rowFrame binds a table's columns (restricted to rows, nil for all) as
// local variables, with i the row numbers.
func rowFrame(t *k.Table, rows k.Longs, parent *frame) (*frame, error) {
	names := make([]string, 0, len(t.Cols)+1)
	vals := make([]k.V, 0, len(t.Cols)+1)
	for j, c := range t.Cols {
		col := t.Data[j]
		if rows != nil {
			v, err := index(col, rows)
			if err != nil {
				return nil, err
			}
			col = v
		}
		names = append(names, c)
		vals = append(vals, col)
	}
	if rows == nil {
		n := k.Count(t)
		rows = make(k.Longs, n)
		for i := range rows {
			rows[i] = int64(i)
		}
	}
	names = append(names, "i")
	vals = append(vals, rows)
	if parent != nil {
		names = append(names, parent.lam.Names...)
		vals = append(vals, parent.vals...)
	}
	return &frame{lam: &Lambda{Names: names}, vals: vals}, nil
}

// whereRows applies the where phrases in turn and returns the rows that
// pass (nil when there is no where phrase).
func (in *Interp) whereRows(q *query, t *k.Table, fr *frame) (k.Longs, error) {
	if len(q.where) == 0 {
		return nil, nil
	}
	n := k.Count(t)
	rows := make(k.Longs, n)
	for i := range rows {
		rows[i] = int64(i)
	}
	for _, w := range q.where {
		f, err := rowFrame(t, rows, fr)
		if err != nil {
			return nil, err
		}
		b, err := in.eval(w, f)
		if err != nil {
			return nil, err
		}
		var keep k.Longs
		switch b := b.(type) {
		case k.Bools:
			if len(b) != len(rows) {
				return nil, k.ErrLength
			}
			for i, ok := range b {
				if ok {
					keep = append(keep, rows[i])
				}
			}
		case k.Bool:
			if b {
				keep = rows
			}
		default:
			return nil, k.ErrType
		}
		if keep == nil {
			keep = k.Longs{}
		}
		rows = keep
	}
	return rows, nil
}

// evalCols evaluates column phrases in a frame.
func (in *Interp) evalCols(cols []column, f *frame) ([]k.V, error) {
	out := make([]k.V, len(cols))
	for i, c := range cols {
		v, err := in.eval(c.tree, f)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// tableOf builds a table from columns, extending atoms to the common count.
func tableOf(names []string, vals []k.V) (*k.Table, error) {
	n := -1
	for _, v := range vals {
		if isList(v) && v.Type() < k.TTable {
			c := k.Count(v)
			if n >= 0 && c != n {
				return nil, k.ErrLength
			}
			n = c
		}
	}
	if n < 0 {
		n = 1
	}
	data := make(k.List, len(vals))
	for i, v := range vals {
		if !isList(v) || v.Type() >= k.TTable {
			v = k.Uniform(repeat(v, n))
		}
		data[i] = v
	}
	return &k.Table{Cols: k.Syms(names), Data: data}, nil
}

func repeat(v k.V, n int) []k.V {
	out := make([]k.V, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func colNames(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

func (in *Interp) selectRows(q *query, t *k.Table, rows k.Longs, keyCols k.Syms, fr *frame) (k.V, error) {
	if len(q.by) > 0 {
		return in.groupBy(q, t, rows, fr)
	}
	if len(q.cols) == 0 {
		if rows == nil {
			if keyCols != nil {
				return rekey(t, keyCols)
			}
			return t, nil
		}
		r, err := index(t, rows)
		if err != nil || keyCols == nil {
			return r, err
		}
		if rt, ok := r.(*k.Table); ok {
			return rekey(rt, keyCols)
		}
		return r, nil
	}
	f, err := rowFrame(t, rows, fr)
	if err != nil {
		return nil, err
	}
	vals, err := in.evalCols(q.cols, f)
	if err != nil {
		return nil, err
	}
	return tableOf(colNames(q.cols), vals)
}

func (in *Interp) execRows(q *query, t *k.Table, rows k.Longs, fr *frame) (k.V, error) {
	if len(q.by) > 0 {
		return in.execBy(q, t, rows, fr)
	}
	f, err := rowFrame(t, rows, fr)
	if err != nil {
		return nil, err
	}
	if len(q.cols) == 0 {
		if !q.execLast {
			return nil, k.Err("nyi: a query of no columns here")
		}
		// exec of no columns: the last of each
		vals := make(k.List, len(t.Cols))
		for j := range t.Cols {
			c, err := index(f.vals[j], k.Long(max(int64(k.Count(f.vals[j]))-1, 0)))
			if err != nil {
				return nil, err
			}
			vals[j] = c
		}
		return &k.Dict{Keys: append(k.Syms{}, t.Cols...), Vals: k.Uniform(vals)}, nil
	}
	vals, err := in.evalCols(q.cols, f)
	if err != nil {
		return nil, err
	}
	if len(q.cols) == 1 && !q.execDict && !q.cols[0].named {
		return vals[0], nil
	}
	return &k.Dict{Keys: k.Syms(colNames(q.cols)), Vals: k.List(vals)}, nil
}

// groupBy is select ... by ...: a keyed table with one row per distinct
// group, sorted by the group keys.
func (in *Interp) groupBy(q *query, t *k.Table, rows k.Longs, fr *frame) (k.V, error) {
	groups, keyData, err := in.groupRows(q, t, rows, fr)
	if err != nil {
		return nil, err
	}
	cols := q.cols
	if len(cols) == 0 {
		// select by k from t: the last row of each group
		inBy := map[string]bool{}
		for _, c := range q.by {
			inBy[c.name] = true
		}
		for _, c := range t.Cols {
			if !inBy[c] {
				cols = append(cols, column{name: c, tree: k.List{k.Sym("last"), k.Sym(c)}})
			}
		}
	}
	vals, err := in.groupColumns(cols, t, groups, fr)
	if err != nil {
		return nil, err
	}
	valData := make([]k.V, len(cols))
	for j := range cols {
		valData[j] = k.Uniform(vals[j])
		if len(vals[j]) == 0 {
			valData[j] = k.List{}
		}
	}
	kt, err := tableOf(colNames(q.by), keyData)
	if err != nil {
		return nil, err
	}
	vt, err := tableOf(colNames(cols), valData)
	if err != nil {
		return nil, err
	}
	return &k.Dict{Keys: kt, Vals: vt}, nil
}

// sortGroups orders the groups by their keys (each group's first row of
// the key columns), ascending as q's select by does. Keys that cannot be
// sorted leave the groups in order of first appearance.
func (in *Interp) sortGroups(keys []k.V, groups []k.Longs, first []int) ([]k.Longs, []int) {
	if len(keys) == 0 || len(first) < 2 {
		return groups, first
	}
	idx := make(k.Longs, len(first))
	for g, i := range first {
		idx[g] = int64(i)
	}
	data := make(k.List, len(keys))
	names := make(k.Syms, len(keys))
	for j, kv := range keys {
		v, err := index(kv, idx)
		if err != nil {
			return groups, first
		}
		data[j] = v
		names[j] = "k" + itoa(j)
	}
	o, err := prim1("iasc", &k.Table{Cols: names, Data: data})
	order, ok := o.(k.Longs)
	if err != nil || !ok || len(order) != len(first) {
		return groups, first
	}
	sg := make([]k.Longs, len(order))
	sf := make([]int, len(order))
	for i, g := range order {
		sg[i], sf[i] = groups[g], first[g]
	}
	return sg, sf
}

// evalGroups evaluates the columns on each group's rows: one result per
// group, each a value per column.
func (in *Interp) evalGroups(cols []column, t *k.Table, groups []k.Longs, fr *frame) ([][]k.V, error) {
	out := make([][]k.V, len(groups))
	for i, g := range groups {
		gf, err := rowFrame(t, g, fr)
		if err != nil {
			return nil, err
		}
		if out[i], err = in.evalCols(cols, gf); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// groupColumns is evalGroups by column: for each column, its value in
// every group, in group order.
func (in *Interp) groupColumns(cols []column, t *k.Table, groups []k.Longs, fr *frame) ([][]k.V, error) {
	perGroup, err := in.evalGroups(cols, t, groups, fr)
	if err != nil {
		return nil, err
	}
	vals := make([][]k.V, len(cols))
	for _, vs := range perGroup {
		for j, v := range vs {
			vals[j] = append(vals[j], v)
		}
	}
	return vals, nil
}

// groupRows groups the rows (nil for all) by the by phrases: the groups'
// row numbers, sorted by key, and each key column's value for each group.
func (in *Interp) groupRows(q *query, t *k.Table, rows k.Longs, fr *frame) ([]k.Longs, []k.V, error) {
	f, err := rowFrame(t, rows, fr)
	if err != nil {
		return nil, nil, err
	}
	keys, err := in.evalCols(q.by, f)
	if err != nil {
		return nil, nil, err
	}
	n := k.Count(f.vals[len(t.Cols)])
	for _, kv := range keys {
		if !isList(kv) || k.Count(kv) != n {
			return nil, nil, k.ErrLength
		}
	}
	all := f.vals[len(t.Cols)].(k.Longs)
	var groups []k.Longs
	var first []int
	seen := map[string]int{}
	for i := range n {
		var b strings.Builder
		for _, kv := range keys {
			b.WriteString(in.Printer.String1(k.At(kv, i)))
			b.WriteByte(0)
		}
		g, ok := seen[b.String()]
		if !ok {
			g = len(groups)
			seen[b.String()] = g
			groups = append(groups, nil)
			first = append(first, i)
		}
		groups[g] = append(groups[g], all[i])
	}
	groups, first = in.sortGroups(keys, groups, first)
	keyData := make([]k.V, len(keys))
	for j, kv := range keys {
		items := make([]k.V, len(first))
		for g, i := range first {
			items[g] = k.At(kv, i)
		}
		keyData[j] = k.Uniform(items)
		if len(items) == 0 {
			keyData[j] = k.List{}
		}
	}
	return groups, keyData, nil
}

// execBy is exec ... by ...: a dictionary from the group keys to each
// group's value (one column) or a table of them (several).
func (in *Interp) execBy(q *query, t *k.Table, rows k.Longs, fr *frame) (k.V, error) {
	groups, keyData, err := in.groupRows(q, t, rows, fr)
	if err != nil {
		return nil, err
	}
	if len(q.cols) == 0 {
		return nil, k.Err("nyi: exec by with no columns")
	}
	vals, err := in.groupColumns(q.cols, t, groups, fr)
	if err != nil {
		return nil, err
	}
	// one key column, or one value column, stands alone unless it is
	// named: exec q:sum qty by s is a list of keys to a table, exec sum
	// qty by s:s a table of keys to a list (exec.md)
	var keys k.V
	if len(keyData) == 1 && !q.by[0].named {
		keys = keyData[0]
	} else {
		kt, err := tableOf(colNames(q.by), keyData)
		if err != nil {
			return nil, err
		}
		keys = kt
	}
	if len(q.cols) == 1 && !q.cols[0].named && !q.execDict {
		return &k.Dict{Keys: keys, Vals: k.Uniform(vals[0])}, nil
	}
	data := make([]k.V, len(vals))
	for j := range vals {
		data[j] = k.Uniform(vals[j])
	}
	vt, err := tableOf(colNames(q.cols), data)
	if err != nil {
		return nil, err
	}
	return &k.Dict{Keys: keys, Vals: vt}, nil
}

// updateBy is update ... by ...: each group's columns computed on the
// group's rows (an atom spreads over the group), other rows kept.
func (in *Interp) updateBy(q *query, t *k.Table, rows k.Longs, fr *frame) (k.V, error) {
	groups, _, err := in.groupRows(q, t, rows, fr)
	if err != nil {
		return nil, err
	}
	n := k.Count(t)
	cols := append(k.Syms{}, t.Cols...)
	data := append(k.List{}, t.Data...)
	items := make([][]k.V, len(q.cols))
	pos := make([]int, len(q.cols))
	for j, c := range q.cols {
		pos[j] = -1
		for i, name := range cols {
			if name == c.name {
				pos[j] = i
			}
		}
		items[j] = make([]k.V, n)
		if pos[j] >= 0 {
			for i := range n {
				items[j][i] = k.At(data[pos[j]], i)
			}
		}
	}
	perGroup, err := in.evalGroups(q.cols, t, groups, fr)
	if err != nil {
		return nil, err
	}
	for gi, g := range groups {
		for j, v := range perGroup[gi] {
			spread := !isList(v) || v.Type() >= k.TTable
			if !spread && k.Count(v) != len(g) {
				return nil, k.ErrLength
			}
			for gi, r := range g {
				if spread {
					items[j][r] = v
				} else {
					items[j][r] = k.At(v, gi)
				}
			}
		}
	}
	for j, c := range q.cols {
		if pos[j] < 0 {
			// rows outside the groups get the column's null
			var like k.V
			for _, x := range items[j] {
				if x != nil {
					like = x
					break
				}
			}
			if like == nil {
				like = k.Long(0)
			}
			null, err := nullOf(enlist(like))
			if err != nil {
				return nil, err
			}
			for i, x := range items[j] {
				if x == nil {
					items[j][i] = null
				}
			}
		}
		col := k.Uniform(items[j])
		if n == 0 {
			col = k.List{}
		}
		if pos[j] < 0 {
			cols = append(cols, c.name)
			data = append(data, col)
		} else {
			data[pos[j]] = col
		}
	}
	return &k.Table{Cols: cols, Data: data}, nil
}

func (in *Interp) updateRows(q *query, t *k.Table, rows k.Longs, fr *frame) (k.V, error) {
	if len(q.by) > 0 {
		return in.updateBy(q, t, rows, fr)
	}
	f, err := rowFrame(t, rows, fr)
	if err != nil {
		return nil, err
	}
	vals, err := in.evalCols(q.cols, f)
	if err != nil {
		return nil, err
	}
	n := k.Count(t)
	cols := append(k.Syms{}, t.Cols...)
	data := append(k.List{}, t.Data...)
	for j, c := range q.cols {
		v := vals[j]
		pos := -1
		for i, name := range cols {
			if name == c.name {
				pos = i
			}
		}
		if rows == nil {
			if !isList(v) || v.Type() >= k.TTable {
				v = k.Uniform(repeat(v, n))
			} else if k.Count(v) != n {
				return nil, k.ErrLength
			}
			if pos < 0 {
				cols = append(cols, c.name)
				data = append(data, v)
			} else {
				data[pos] = v
			}
			continue
		}
		var old k.V
		if pos >= 0 {
			old = data[pos]
		} else {
			null, err := nullOf(k.Uniform([]k.V{firstItem(v)}))
			if err != nil {
				return nil, err
			}
			old = k.Uniform(repeat(null, n))
		}
		nv, err := in.amend(old, []k.V{rows}, nil, v, true)
		if err != nil {
			return nil, err
		}
		if pos < 0 {
			cols = append(cols, c.name)
			data = append(data, nv)
		} else {
			data[pos] = nv
		}
	}
	return &k.Table{Cols: cols, Data: data}, nil
}

// firstItem is an atom's self or a list's first item (for its type).
func firstItem(v k.V) k.V {
	if isList(v) && k.Count(v) > 0 {
		return k.At(v, 0)
	}
	return v
}

func (in *Interp) deleteRows(q *query, t *k.Table, rows k.Longs) (k.V, error) {
	if len(q.cols) > 0 {
		if len(q.where) > 0 {
			return nil, k.Err("nyi: delete of columns with a where clause")
		}
		drop := map[string]bool{}
		for _, c := range q.cols {
			if _, ok := c.tree.(k.Sym); !ok {
				return nil, k.ErrType
			}
			drop[c.name] = true
		}
		var cols k.Syms
		var data k.List
		for j, c := range t.Cols {
			if !drop[c] {
				cols = append(cols, c)
				data = append(data, t.Data[j])
			}
		}
		return &k.Table{Cols: cols, Data: data}, nil
	}
	if rows == nil {
		return index(t, k.Longs{})
	}
	gone := map[int64]bool{}
	for _, r := range rows {
		gone[r] = true
	}
	var keep k.Longs = k.Longs{}
	for i := range int64(k.Count(t)) {
		if !gone[i] {
			keep = append(keep, i)
		}
	}
	return index(t, keep)
}

// deleteKeys is delete k1,k2 from d on a dictionary.
func (in *Interp) deleteKeys(d *k.Dict, cols []column) (k.V, error) {
	drop := map[string]bool{}
	for _, c := range cols {
		if _, ok := c.tree.(k.Sym); !ok {
			return nil, k.ErrType
		}
		drop[c.name] = true
	}
	n := k.Count(d.Keys)
	var keys, vals []k.V
	for i := range n {
		key := k.At(d.Keys, i)
		if s, ok := key.(k.Sym); ok && drop[string(s)] {
			continue
		}
		keys = append(keys, key)
		vals = append(vals, k.At(d.Vals, i))
	}
	return &k.Dict{Keys: k.Uniform(keys), Vals: k.Uniform(vals)}, nil
}

// orderedRows is rows (nil: all) of t in the order the tree o gives when
// evaluated on them, as (idesc;`c) does.
func (in *Interp) orderedRows(t *k.Table, rows k.Longs, o k.V, fr *frame) (k.Longs, error) {
	f, err := rowFrame(t, rows, fr)
	if err != nil {
		return nil, err
	}
	idx, err := in.eval(o, f)
	if err != nil {
		return nil, err
	}
	all := rows
	if all == nil {
		all = iotaFrom(0, int64(k.Count(t)))
	}
	r, err := index(all, idx)
	if err != nil {
		return nil, err
	}
	l, ok := r.(k.Longs)
	if !ok {
		return nil, k.ErrType
	}
	return l, nil
}

// functionalTree is a query as q's parse gives it: (?;t;c;b;a) for select
// and exec, (!;t;c;b;a) for update and delete, with c, b and a quoted so
// that evaluating the tree runs the query.
func (q *query) functionalTree() k.V {
	glyph := "?"
	if q.kind == "update" || q.kind == "delete" {
		glyph = "!"
	}
	var where k.V = k.List{}
	if len(q.where) > 0 {
		where = k.List{k.List(append([]k.V(nil), q.where...))}
	}
	dictOf := func(cols []column) k.V {
		names := make(k.Syms, len(cols))
		trees := make(k.List, len(cols))
		for i, c := range cols {
			names[i], trees[i] = c.name, c.tree
		}
		return &k.Dict{Keys: names, Vals: k.Uniform(trees)}
	}
	var b k.V = k.Bool(false)
	switch {
	case q.kind == "exec" && len(q.by) == 1 && !q.by[0].named && isColumnName(q.by[0]):
		b = quote(k.Sym(q.by[0].name)) // exec ... by c: a list of keys
	case len(q.by) > 0:
		b = dictOf(q.by)
	case q.kind == "exec":
		b = k.List{}
	}
	var a k.V = k.List{}
	switch {
	case q.kind == "delete" && len(q.cols) == 0:
		a = k.Syms{}
	case q.kind == "delete":
		names := make(k.Syms, len(q.cols))
		for i, c := range q.cols {
			names[i] = c.name
		}
		a = k.List{names}
	case q.kind == "exec" && len(q.cols) == 1 && !q.cols[0].named:
		a = k.List{q.cols[0].tree}
	case len(q.cols) > 0:
		a = dictOf(q.cols)
	}
	tree := k.List{&Verb{Glyph: glyph}, q.from, where, b, a}
	if q.limit != nil || q.order != nil {
		var n k.V = k.Long(k.InfLong)
		if q.limit != nil {
			n = q.limit
		}
		tree = append(tree, n)
		if q.order != nil {
			tree = append(tree, k.List{q.order})
		}
	}
	return tree
}
