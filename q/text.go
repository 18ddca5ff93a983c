package q

import (
	"bytes"

	"kt/k"
	"kt/textio"
)

// The file text and file binary operators 0: and 1: (package textio does
// the parsing and formatting).

// fileText is x 0: y: prepare (delim 0: table), save (`:f 0: strings),
// load CSV ((types;enlist delim) with a header, (types;delim) without),
// load fixed-width ((types;widths)) and key-value ("S=;" 0: text).
func (in *Interp) fileText(x, y k.V) (k.V, error) {
	if p, ok := filePath(x); ok {
		var b []byte
		for _, s := range listItems(y) {
			t, ok := text(s)
			if !ok {
				return nil, k.ErrType
			}
			b = append(append(b, t...), '\n')
		}
		return x, writeAtomic(p, b)
	}
	if d, ok := x.(k.Char); ok {
		t, ok := k.Plain(y).(*k.Table)
		if !ok {
			return nil, k.ErrType
		}
		return textio.Prepare(t, byte(d), in.Printer.Precision), nil
	}
	if kv, ok := x.(k.Chars); ok && len(kv) == 3 {
		b, err := textOf(y, false)
		if err != nil {
			return nil, err
		}
		keys, vals, err := textio.KeyValues(kv[0], kv[1], kv[2], b)
		if err != nil {
			return nil, err
		}
		return k.List{keys, vals}, nil
	}
	spec, ok := x.(k.List)
	if !ok || len(spec) != 2 {
		return nil, k.ErrType
	}
	types, ok := text(spec[0])
	if !ok {
		return nil, k.ErrType
	}
	b, err := textOf(y, true)
	if err != nil {
		return nil, err
	}
	lines := textio.Lines(b)
	switch f := spec[1].(type) {
	case k.Char:
		cols, err := textio.Columns(types, lines, byte(f))
		return k.List(cols), err
	case k.Chars:
		if len(f) != 1 {
			return nil, k.ErrLength
		}
		if len(lines) == 0 {
			return nil, k.ErrLength
		}
		names := textio.SplitCSV(lines[0], f[0])
		cols, err := textio.Columns(types, lines[1:], f[0])
		if err != nil {
			return nil, err
		}
		t := &k.Table{Data: cols}
		for j := range types {
			if types[j] == ' ' {
				continue
			}
			name := ""
			if j < len(names) {
				name = string(bytes.TrimSpace(names[j]))
			}
			t.Cols = append(t.Cols, name)
		}
		return t, nil
	}
	widths, ok := intList(spec[1])
	if !ok {
		return nil, k.ErrType
	}
	cols, err := textio.FixedColumns(types, widths, lines)
	return k.List(cols), err
}

// textOf is the text 0: and 1: read: a file's contents, a string, bytes,
// or (with lines) a list of strings joined by line breaks.
func textOf(y k.V, lines bool) ([]byte, error) {
	if p, ok := filePath(y); ok {
		return readFile(p)
	}
	switch v := y.(type) {
	case k.Chars:
		return v, nil
	case k.Bytes:
		return v, nil
	case k.List:
		if lines {
			var b []byte
			for _, s := range v {
				t, ok := text(s)
				if !ok {
					return nil, k.ErrType
				}
				b = append(append(b, t...), '\n')
			}
			return b, nil
		}
	}
	return nil, k.ErrType
}

// intList reads a list of widths.
func intList(v k.V) ([]int, bool) {
	switch x := v.(type) {
	case k.Ints:
		r := make([]int, len(x))
		for i, n := range x {
			r[i] = int(n)
		}
		return r, true
	case k.Longs:
		r := make([]int, len(x))
		for i, n := range x {
			r[i] = int(n)
		}
		return r, true
	case k.Int, k.Long:
		n, _ := toInt(v)
		return []int{int(n)}, true
	}
	return nil, false
}

// fileBinary is x 1: y: `:f 1: bytes writes a file; (types;widths) 1: y
// reads little-endian records, (widths;types) 1: y big-endian ones, from
// bytes, a string, a file or (file;offset;length).
func (in *Interp) fileBinary(x, y k.V) (k.V, error) {
	if p, ok := filePath(x); ok {
		b, ok := y.(k.Bytes)
		if !ok {
			if c, isC := y.(k.Chars); isC {
				b, ok = k.Bytes(c), true
			}
		}
		if !ok {
			return nil, k.ErrType
		}
		return x, writeAtomic(p, b)
	}
	spec, ok := x.(k.List)
	if !ok || len(spec) != 2 {
		return nil, k.ErrType
	}
	little := true
	types, ok := text(spec[0])
	widthsV := spec[1]
	if !ok {
		types, ok = text(spec[1])
		widthsV, little = spec[0], false
	}
	widths, ok2 := intList(widthsV)
	if !ok || !ok2 {
		return nil, k.ErrType
	}
	var b []byte
	if l, ok := y.(k.List); ok && len(l) == 3 {
		r, err := readRange(y, false)
		if err != nil {
			return nil, err
		}
		b = r.(k.Bytes)
	} else {
		var err error
		if b, err = textOf(y, false); err != nil {
			return nil, err
		}
	}
	cols, err := textio.Records(types, widths, b, little)
	return k.List(cols), err
}
