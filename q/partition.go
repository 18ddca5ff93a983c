package q

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"kt/codec"
	"kt/k"
)

// Partitioned databases: a folder of partitions named by their value
// (2024.01.15 dates, 2024.01 months, 2024 years or plain ints), each
// holding splayed tables. .Q.dpft writes a table into one; \l of the
// database makes each table the join of its partitions, with the virtual
// partition column first (date, month, year or int). kt reads every
// partition when it loads (a mapped column costs little until touched);
// a query does not yet skip the partitions its where clause rules out.

// partition is one partition folder: its name, the folder (database or
// segment) it is in, and its value.
type partition struct {
	name, dir string
	val       k.V
}

// partitionsOf lists the partition folders of dir, in order of value, and
// the name of the virtual column; none when dir is not partitioned.
func partitionsOf(dir string) ([]partition, string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, "", osError(dir, err)
	}
	var parts []partition
	field := ""
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		v, f, ok := partitionValue(e.Name())
		if !ok {
			continue
		}
		if field != "" && f != field {
			return nil, "", k.Err("part: partitions of different kinds in " + dir)
		}
		field = f
		parts = append(parts, partition{e.Name(), dir, v})
	}
	sort.Slice(parts, func(i, j int) bool { return partitionKey(parts[i].val) < partitionKey(parts[j].val) })
	return parts, field, nil
}

// segmentsOf lists the partitions of a database whose par.txt names the
// folders (segments) that hold them, one a line; none without par.txt.
func segmentsOf(dir string) ([]partition, string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "par.txt"))
	if err != nil {
		return nil, "", nil
	}
	var all []partition
	field := ""
	for _, line := range strings.Split(string(b), "\n") {
		seg := strings.TrimSpace(line)
		if seg == "" {
			continue
		}
		if !filepath.IsAbs(seg) {
			seg = filepath.Join(dir, seg)
		}
		parts, f, err := partitionsOf(seg)
		if err != nil {
			return nil, "", err
		}
		if field != "" && f != "" && f != field {
			return nil, "", k.Err("part: segments of different kinds in " + dir)
		}
		if f != "" {
			field = f
		}
		all = append(all, parts...)
	}
	sort.SliceStable(all, func(i, j int) bool { return partitionKey(all[i].val) < partitionKey(all[j].val) })
	return all, field, nil
}

// partitionValue reads a partition folder's name.
func partitionValue(name string) (k.V, string, bool) {
	switch {
	case len(name) == 10:
		if v, ok := k.ParseTemporal(k.TDate, name); ok && name[4] == '.' {
			return v, "date", true
		}
	case len(name) == 7:
		if v, ok := k.ParseTemporal(k.TMonth, name); ok && name[4] == '.' {
			return v, "month", true
		}
	case len(name) == 4:
		if n, err := strconv.Atoi(name); err == nil {
			return k.Int(n), "year", true
		}
	}
	if n, err := strconv.ParseInt(name, 10, 64); err == nil && n >= 0 {
		return k.Long(n), "int", true
	}
	return nil, "", false
}

func partitionKey(v k.V) int64 {
	switch x := k.Under(v).(type) {
	case k.Int:
		return int64(x)
	case k.Long:
		return int64(x)
	}
	return 0
}

// partedTable is a table of a partitioned database as \l leaves it: its
// partitions' splayed tables (mapped, not read) and their values. The
// global of its name holds it; a reference to the name joins them (once,
// then cached), and a select or exec whose first where phrase tests the
// partition column joins only the partitions that pass it.
type partedTable struct {
	field  string
	vals   []k.V      // the partition values of the tables below
	tables []*k.Table // each partition's table, the partition column first
	full   *k.Table   // the join of all, once made
}

// Type is 98: the name of a partitioned table is a table.
func (*partedTable) Type() int { return k.TTable }

// join is the table of the partitions picked (all when pick is nil).
func (p *partedTable) join(pick []int) (*k.Table, error) {
	if pick == nil {
		if p.full != nil {
			return p.full, nil
		}
		pick = make([]int, len(p.tables))
		for i := range pick {
			pick[i] = i
		}
	}
	var out *k.Table
	for _, i := range pick {
		part := p.tables[i]
		if out == nil {
			out = part
			continue
		}
		if len(part.Cols) != len(out.Cols) {
			return nil, k.Err("part: a partition's table has other columns")
		}
		joined := &k.Table{Cols: out.Cols, Data: make(k.List, len(out.Cols))}
		for j := range out.Cols {
			c, err := joinColumn(k.Plain(out.Data[j]), k.Plain(part.Data[j]))
			if err != nil {
				return nil, k.Err("part: column " + out.Cols[j] + " differs between partitions")
			}
			joined.Data[j] = c
		}
		out = joined
	}
	if out == nil {
		out = &k.Table{Cols: k.Syms{p.field}, Data: k.List{emptyLike(k.Int(0))}}
		if len(p.tables) > 0 {
			out = &k.Table{Cols: p.tables[0].Cols, Data: make(k.List, len(p.tables[0].Data))}
			for j, c := range p.tables[0].Data {
				out.Data[j] = emptyColumn(k.Plain(c))
			}
		}
	}
	if len(pick) == len(p.tables) {
		p.full = out
	}
	return out, nil
}

// prune is the table a query on a partitioned table reads: the join of
// the partitions that pass its first where phrase when that phrase names
// the partition column and no other column, else of all.
func (in *Interp) prune(p *partedTable, where []k.V, fr *frame) (*k.Table, error) {
	if len(where) == 0 || len(p.tables) == 0 {
		return p.join(nil)
	}
	names := map[string]bool{}
	treeNames(where[0], names)
	if !names[p.field] {
		return p.join(nil)
	}
	for _, c := range p.tables[0].Cols[1:] {
		if names[c] {
			return p.join(nil)
		}
	}
	vt := &k.Table{Cols: k.Syms{p.field}, Data: k.List{k.Uniform(append(k.List{}, p.vals...))}}
	rows, err := in.whereRows(&query{where: where[:1]}, vt, fr)
	if err != nil {
		return p.join(nil)
	}
	pick := make([]int, len(rows))
	for i, r := range rows {
		pick[i] = int(r)
	}
	return p.join(pick)
}

// treeNames collects the names a parse tree refers to.
func treeNames(t k.V, into map[string]bool) {
	switch x := t.(type) {
	case k.Sym:
		into[string(x)] = true
	case k.List:
		if len(x) == 1 {
			return // an enlisted constant
		}
		for _, e := range x {
			treeNames(e, into)
		}
	}
}

// loadPartitioned makes each table of a partitioned database a
// partedTable of its partitions, the partition column first. It sets
// .Q.pf, .Q.pv, .Q.pt and .Q.pn (each table's count in each partition) as
// q does.
func (in *Interp) loadPartitioned(dir string, parts []partition, field string) error {
	tables := map[string]*partedTable{}
	counts := map[string]k.Longs{}
	var names []string
	vals := make(k.List, len(parts))
	for pi, p := range parts {
		vals[pi] = p.val
		ents, err := os.ReadDir(filepath.Join(p.dir, p.name))
		if err != nil {
			return osError(p.name, err)
		}
		for _, e := range ents {
			if !e.IsDir() {
				continue
			}
			v, err := in.getSplayed(filepath.Join(p.dir, p.name, e.Name()))
			if err != nil {
				return err
			}
			t := v.(*k.Table)
			n := k.Count(t)
			if counts[e.Name()] == nil {
				counts[e.Name()] = make(k.Longs, len(parts))
			}
			counts[e.Name()][pi] = int64(n)
			pc := make(k.List, n)
			for i := range pc {
				pc[i] = p.val
			}
			part := &k.Table{Cols: append(k.Syms{field}, t.Cols...), Data: append(k.List{k.Uniform(pc)}, t.Data...)}
			if n == 0 {
				part.Data[0] = emptyLike(p.val)
			}
			pt, ok := tables[e.Name()]
			if !ok {
				pt = &partedTable{field: field}
				tables[e.Name()] = pt
				names = append(names, e.Name())
			}
			pt.vals = append(pt.vals, p.val)
			pt.tables = append(pt.tables, part)
		}
	}
	sort.Strings(names)
	pn := make(k.List, len(names))
	for i, n := range names {
		in.globals[n] = tables[n]
		pn[i] = counts[n]
	}
	in.globals[".Q.pn"] = &k.Dict{Keys: k.Syms(names), Vals: pn}
	in.globals[".Q.pf"] = k.Sym(field)
	in.globals[".Q.pv"] = k.Uniform(vals)
	in.globals[".Q.pt"] = k.Syms(names)
	return nil
}

// emptyLike is an empty vector of v's type.
func emptyLike(v k.V) k.V {
	switch v.(type) {
	case k.Int:
		return k.Ints{}
	case k.Long:
		return k.Longs{}
	}
	return k.Retag(k.Ints{}, v.Type())
}

// dpft is .Q.dpft[d;p;f;t]: the global table t saved splayed as d/p/t/,
// sorted by f with the parted attribute on f, f its first column, its
// symbols enumerated against d/sym. It returns t.
func (in *Interp) dpft(a []k.V) (k.V, error) {
	d, p, f, name := a[0], a[1], a[2], a[3]
	dir, ok := filePath(d)
	fs, ok2 := f.(k.Sym)
	tn, ok3 := name.(k.Sym)
	if !ok || !ok2 || !ok3 {
		return nil, k.ErrType
	}
	pname, ok := partitionName(p)
	if !ok {
		return nil, k.ErrType
	}
	tv, err := in.lookup(string(tn), nil)
	if err != nil {
		return nil, err
	}
	xasc, ok := in.keywords["xasc"].(*Keyword)
	if !ok {
		return nil, k.Err("nyi: xasc")
	}
	sorted, err := in.apply(xasc, []k.V{k.Syms{string(fs)}, tv})
	if err != nil {
		return nil, err
	}
	t, ok := k.Plain(sorted).(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	fi := -1
	for j, c := range t.Cols {
		if c == string(fs) {
			fi = j
		}
	}
	if fi < 0 {
		return nil, k.Err(string(fs))
	}
	cols := k.Syms{t.Cols[fi]}
	data := k.List{t.Data[fi]}
	for j := range t.Cols {
		if j != fi {
			cols = append(cols, t.Cols[j])
			data = append(data, t.Data[j])
		}
	}
	en, err := in.enumerateDB(d, &k.Table{Cols: cols, Data: data})
	if err != nil {
		return nil, err
	}
	et := en.(*k.Table)
	et.Data[0] = &k.Attr{A: k.AttrParted, V: k.Plain(et.Data[0])}
	if err := in.setSplayed(filepath.Join(dir, pname, string(tn)), et); err != nil {
		return nil, err
	}
	return tn, nil
}

// chk is .Q.chk[`:db]: every partition gains, as an empty splayed table,
// each table another partition has and it lacks (the columns and types of
// the last partition that has it), so \l finds every table in every
// partition. It returns the tables written.
func (in *Interp) chk(d k.V) (k.V, error) {
	dir, ok := filePath(d)
	if !ok {
		return nil, k.ErrType
	}
	parts, _, err := partitionsOf(dir)
	if err != nil {
		return nil, err
	}
	templates := map[string]*k.Table{}
	for _, p := range parts {
		ents, err := os.ReadDir(filepath.Join(p.dir, p.name))
		if err != nil {
			return nil, osError(p.name, err)
		}
		for _, e := range ents {
			if !e.IsDir() {
				continue
			}
			v, err := in.getSplayed(filepath.Join(p.dir, p.name, e.Name()))
			if err != nil {
				return nil, err
			}
			templates[e.Name()] = v.(*k.Table)
		}
	}
	written := k.Syms{}
	for _, p := range parts {
		for name, t := range templates {
			path := filepath.Join(p.dir, p.name, name)
			if _, err := os.Stat(path); err == nil {
				continue
			}
			empty := &k.Table{Cols: t.Cols, Data: make(k.List, len(t.Data))}
			for j, c := range t.Data {
				empty.Data[j] = emptyColumn(k.Plain(c))
			}
			if err := in.setSplayed(path, empty); err != nil {
				return nil, err
			}
			written = append(written, ":"+path)
		}
	}
	sort.Strings(written)
	return written, nil
}

// emptyColumn is an empty column of c's type.
func emptyColumn(c k.V) k.V {
	switch x := c.(type) {
	case *k.Enums:
		return &k.Enums{Domain: x.Domain, Idx: []int64{}}
	case k.List:
		return k.List{}
	}
	b, err := codec.EncodeFile(c, nil)
	if err != nil || len(b) < codec.VectorHeader || b[0] != 0xfe {
		return k.List{}
	}
	b = b[:codec.VectorHeader]
	binary.LittleEndian.PutUint64(b[8:], 0)
	v, err := codec.DecodeFile(b, nil)
	if err != nil {
		return k.List{}
	}
	return v
}

// partitioned is the partitioned table a select or exec reads by name,
// or nil.
func (in *Interp) partitioned(q *query) *partedTable {
	name, ok := q.from.(k.Sym)
	if !ok || (q.kind != "select" && q.kind != "exec") {
		return nil
	}
	p, _ := in.globals[string(name)].(*partedTable)
	return p
}

// par is .Q.par[dir;p;t]: the path of table t in partition p, in the
// segment par.txt names for it when there is one.
func (in *Interp) par(d, p, t k.V) (k.V, error) {
	dir, ok := filePath(d)
	tn, ok2 := t.(k.Sym)
	if !ok || !ok2 {
		return nil, k.ErrType
	}
	name, ok := partitionName(p)
	if !ok {
		return nil, k.ErrType
	}
	base := dir
	if segs, _, err := segmentsOf(dir); err == nil {
		for _, s := range segs {
			if s.name == name {
				base = s.dir
			}
		}
	}
	return k.Sym(":" + filepath.Join(base, name, string(tn))), nil
}

// partitionName is the folder name of partition value p.
func partitionName(p k.V) (string, bool) {
	switch x := p.(type) {
	case k.Date, k.Month:
		return k.TemporalString(x), true
	case k.Int, k.Long:
		n, _ := toInt(x)
		return strconv.FormatInt(n, 10), true
	}
	return "", false
}
