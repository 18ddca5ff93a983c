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

// loadPartitioned makes each table of a partitioned database the join of
// its partitions, the partition column first. It sets .Q.pf, .Q.pv and
// .Q.pt and .Q.pn (each table's count in each partition) as q does.
func (in *Interp) loadPartitioned(dir string, parts []partition, field string) error {
	tables := map[string]*k.Table{}
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
			prev, ok := tables[e.Name()]
			if !ok {
				tables[e.Name()] = part
				names = append(names, e.Name())
				continue
			}
			joined := &k.Table{Cols: prev.Cols, Data: make(k.List, len(prev.Cols))}
			if len(part.Cols) != len(prev.Cols) {
				return k.Err("part: table " + e.Name() + " has other columns in " + p.name)
			}
			for j := range prev.Cols {
				c, err := joinColumn(k.Plain(prev.Data[j]), k.Plain(part.Data[j]))
				if err != nil {
					return k.Err("part: column " + prev.Cols[j] + " of " + e.Name() + " in " + p.name)
				}
				joined.Data[j] = c
			}
			tables[e.Name()] = joined
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
	var pname string
	switch x := p.(type) {
	case k.Date, k.Month:
		pname = k.TemporalString(x)
	case k.Int, k.Long:
		n, _ := toInt(x)
		pname = strconv.FormatInt(n, 10)
	default:
		return nil, k.ErrType
	}
	tv, err := in.lookup(string(tn), nil)
	if err != nil {
		return nil, err
	}
	xasc, ok := in.keywords["xasc"].(*Keyword)
	if !ok {
		return nil, k.ErrNYI
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
