package q

import (
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
		col := t.Data[i]
		if k.Plain(col).Type() == k.TSym {
			return k.Err("type: column " + name + " is symbols: enumerate it first (.Q.en)")
		}
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
		c, ok := s.(k.Chars)
		if !ok {
			return k.Err("type: a splayed column must be a vector or a list of strings")
		}
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
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, osError(p, err)
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
