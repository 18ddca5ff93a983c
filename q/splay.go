package q

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"

	"kt/codec"
	"kt/k"
)

// Splayed tables: a folder holding one file per column, in kdb+'s file
// layout, and .d, the column names in order. Symbol columns must be
// enumerated first (.Q.en), as q requires. A column of strings is two
// files: col#, the characters of every string, and col, the offset where
// each string ends (kt's layout for nested columns; kdb+'s own is not
// documented).

func (in *Interp) setSplayed(dir string, v k.V) error {
	t, ok := k.Plain(v).(*k.Table)
	if !ok {
		return k.Err("type: only a table can be splayed")
	}
	for i, name := range t.Cols {
		switch c := k.Plain(t.Data[i]).(type) {
		case k.Syms:
			return k.Err("type: column " + name + " is symbols: enumerate it first (.Q.en)")
		case k.List:
			for _, s := range c {
				if _, ok := s.(k.Chars); !ok {
					return k.Err("type: column " + name + " is neither a vector nor a list of strings")
				}
			}
		}
	}
	for i, name := range t.Cols {
		col := t.Data[i]
		path := filepath.Join(dir, name)
		if l, ok := col.(k.List); ok {
			if err := setNested(path, l); err != nil {
				return err
			}
			continue
		}
		if err := in.setFile(path, col); err != nil {
			return err
		}
	}
	return in.setFile(filepath.Join(dir, ".d"), t.Cols)
}

// setNested writes a column of strings as col# and col.
func setNested(path string, l k.List) error {
	var chars k.Chars
	ends := make(k.Longs, len(l))
	for i, s := range l {
		c := s.(k.Chars)
		chars = append(chars, c...)
		ends[i] = int64(len(chars))
	}
	for _, w := range []struct {
		p string
		v k.V
	}{{path + "#", chars}, {path, ends}} {
		b, err := codec.EncodeFile(w.v, nil)
		if err != nil {
			return err
		}
		if err := writeAtomic(w.p, b); err != nil {
			return err
		}
	}
	return nil
}

func (in *Interp) getSplayed(dir string) (k.V, error) {
	d, err := in.getFile(filepath.Join(dir, ".d"), nil)
	if err != nil {
		return nil, err
	}
	cols, ok := k.Plain(d).(k.Syms)
	if !ok {
		return nil, k.Err(dir + "/.d. not a list of column names")
	}
	t := &k.Table{Cols: cols}
	for _, name := range cols {
		path := filepath.Join(dir, name)
		var col k.V
		if _, err := os.Stat(path + "#"); err == nil {
			col, err = getNested(path)
			if err != nil {
				return nil, err
			}
		} else if col, err = in.getFile(path, nil); err != nil {
			return nil, err
		}
		if len(t.Data) > 0 && k.Count(col) != k.Count(t.Data[0]) {
			return nil, k.Err("length: column " + name + " of " + dir)
		}
		t.Data = append(t.Data, col)
	}
	return t, nil
}

func getNested(path string) (k.V, error) {
	read := func(p string) (k.V, error) {
		b, err := readFile(p)
		if err != nil {
			return nil, err
		}
		return codec.DecodeFile(b, nil)
	}
	cv, err := read(path + "#")
	if err != nil {
		return nil, err
	}
	ev, err := read(path)
	if err != nil {
		return nil, err
	}
	chars, ok1 := cv.(k.Chars)
	ends, ok2 := ev.(k.Longs)
	if !ok1 || !ok2 || !sort.SliceIsSorted(ends, func(i, j int) bool { return ends[i] < ends[j] }) ||
		len(ends) > 0 && (ends[0] < 0 || ends[len(ends)-1] > int64(len(chars))) {
		return nil, k.Err(path + ". not a nested column")
	}
	r := make(k.List, len(ends))
	start := int64(0)
	for i, e := range ends {
		if e < start {
			return nil, k.Err(path + ". not a nested column")
		}
		r[i] = append(k.Chars{}, chars[start:e]...)
		start = e
	}
	return r, nil
}

// enumerateDB is .Q.en[`:db] t: the table with its symbol columns (and
// columns of symbol lists are not supported) enumerated against the
// domain sym, which is read from db/sym when there, extended with the
// table's new symbols, written back, and made the global sym.
func (in *Interp) enumerateDB(dbv, tv k.V) (k.V, error) {
	db, ok := filePath(dbv)
	if !ok {
		return nil, k.ErrType
	}
	t, ok := k.Plain(tv).(*k.Table)
	if !ok {
		return nil, k.ErrType
	}
	symPath := filepath.Join(db, "sym")
	var dom k.Syms
	if v, err := in.getFile(symPath, nil); err == nil {
		if dom, ok = k.Plain(v).(k.Syms); !ok {
			return nil, k.Err("type: " + symPath + " is not a symbol list")
		}
	} else if v, ok := in.globals["sym"]; ok {
		if dom, ok = k.Plain(v).(k.Syms); !ok {
			return nil, k.Err("type: sym is not a symbol list")
		}
	}
	dom = append(k.Syms{}, dom...)
	index := make(map[string]int64, len(dom))
	for i, s := range dom {
		if _, dup := index[s]; !dup {
			index[s] = int64(i)
		}
	}
	r := &k.Table{Cols: t.Cols, Data: make(k.List, len(t.Data))}
	for j, col := range t.Data {
		syms, ok := k.Plain(col).(k.Syms)
		if !ok {
			r.Data[j] = col
			continue
		}
		idx := make([]int64, len(syms))
		for i, s := range syms {
			n, ok := index[s]
			if !ok {
				n = int64(len(dom))
				dom = append(dom, s)
				index[s] = n
			}
			idx[i] = n
		}
		var e k.V = &k.Enums{Domain: "sym", Idx: idx}
		if a := k.AttrOf(col); a != k.AttrNone {
			e = &k.Attr{A: a, V: e}
		}
		r.Data[j] = e
	}
	if err := in.setFile(symPath, dom); err != nil {
		return nil, err
	}
	in.globals["sym"] = dom
	return r, nil
}

// loadDir is \l of a folder: a splayed table becomes the global of its
// folder's name; in a kdb+ database, the sym file (and any other file)
// becomes the global of its name, each splayed table in it the global of
// its folder's name, and partitions are loaded as loadPartitioned says.
func (in *Interp) loadDir(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, ".d")); err == nil {
		// a splayed table: the global of its folder's name
		v, err := in.getSplayed(dir)
		if err != nil {
			return err
		}
		in.globals[filepath.Base(filepath.Clean(dir))] = v
		return nil
	}
	parts, field, err := partitionsOf(dir)
	if err != nil {
		return err
	}
	if segs, sf, err := segmentsOf(dir); err != nil {
		return err
	} else if len(segs) > 0 {
		parts, field = append(parts, segs...), sf
		sort.SliceStable(parts, func(i, j int) bool { return partitionKey(parts[i].val) < partitionKey(parts[j].val) })
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return osError(dir, err)
	}
	for _, e := range ents {
		name := e.Name()
		if _, _, ok := partitionValue(name); ok && e.IsDir() {
			continue
		}
		if name[0] == '.' || filepath.Ext(name) != "" {
			continue
		}
		path := filepath.Join(dir, name)
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(path, ".d")); err != nil {
				continue // a partition or another folder: not read
			}
		}
		v, err := in.getFile(path, nil)
		if err != nil {
			return err
		}
		in.globals[name] = v
	}
	if len(parts) > 0 {
		return in.loadPartitioned(dir, parts, field)
	}
	return nil
}

// upsertSplayed is `:dir/t upsert x: the rows of table x appended to the
// splayed table in dir, column by column (x's symbol columns enumerated
// first, as q requires). A column that cannot take the rows leaves every
// file as it was.
func (in *Interp) upsertSplayed(dir string, x k.V) error {
	cur, err := in.getSplayed(dir)
	if err != nil {
		return err
	}
	old := cur.(*k.Table)
	add, ok := k.Plain(x).(*k.Table)
	if !ok {
		return k.ErrType
	}
	if len(add.Cols) != len(old.Cols) {
		return k.Err("mismatch: the rows' columns are not the table's")
	}
	joined := &k.Table{Cols: old.Cols, Data: make(k.List, len(old.Cols))}
	for j, name := range old.Cols {
		if add.Cols[j] != name {
			return k.Err("mismatch: column " + add.Cols[j] + " is not " + name)
		}
		c, err := joinColumn(k.Plain(old.Data[j]), k.Plain(add.Data[j]))
		if err != nil {
			return k.Err("type: column " + name + ": " + err.Error())
		}
		joined.Data[j] = c
	}
	return in.setSplayed(dir, joined)
}

// joinColumn is a column with more items of its own type after it.
func joinColumn(a, b k.V) (k.V, error) {
	if a.Type() != b.Type() && k.Count(b) > 0 && k.Count(a) > 0 {
		return nil, k.ErrType
	}
	switch x := a.(type) {
	case *k.Enums:
		y, ok := b.(*k.Enums)
		if !ok || y.Domain != x.Domain {
			return nil, k.ErrType
		}
		return &k.Enums{Domain: x.Domain, Idx: append(append([]int64{}, x.Idx...), y.Idx...)}, nil
	case k.List:
		y, ok := b.(k.List)
		if !ok {
			return nil, k.ErrType
		}
		return append(append(k.List{}, x...), y...), nil
	}
	if k.Count(a) == 0 {
		return b, nil
	}
	if k.Count(b) == 0 {
		return a, nil
	}
	// simple vectors of one type: join their serialized items
	ab := codec.AppendVector(codec.AppendVector(nil, a), b)
	hdr, err := codec.EncodeFile(a, nil)
	if err != nil {
		return nil, err
	}
	hdr = append(hdr[:codec.VectorHeader], ab...)
	binary.LittleEndian.PutUint64(hdr[8:], uint64(k.Count(a)+k.Count(b)))
	return codec.DecodeFile(hdr, nil)
}
