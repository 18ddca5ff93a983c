package q

import (
	"encoding/binary"
	"os"
	"path/filepath"

	"kt/codec"
	"kt/k"
)

// File handles: hopen`:f gives a handle; h x appends to the file (text as
// it is, neg[h] x text with line breaks, bytes as they are, and data
// items appended to a list file that set wrote); hclose h closes it.

// firstFileHandle is the first handle hopen gives: 0 1 2 are the standard
// streams, 3 and up are q's.
const firstFileHandle = 3

func (in *Interp) hopen(path string, _ k.V) (k.V, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return nil, osError(path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, osError(path, err)
	}
	f.Close()
	if in.handles == nil {
		in.handles = map[int64]string{}
	}
	h := int64(firstFileHandle)
	for in.handles[h] != "" {
		h++
	}
	in.handles[h] = path
	return k.Int(h), nil
}

func (in *Interp) hclose(x k.V) (k.V, error) {
	h, ok := toInt(x)
	if !ok {
		return nil, k.ErrType
	}
	if in.closeConn(h) {
		return k.Null, nil
	}
	if in.handles[h] == "" {
		return nil, k.Err("domain: no open handle " + k.DefaultPrinter().String1(x))
	}
	delete(in.handles, h)
	return k.Null, nil
}

// isFileHandle reports whether h (or neg h) is a handle hopen gave.
func (in *Interp) isFileHandle(h int64) bool {
	return in.handles[h] != "" || in.handles[-h] != ""
}

// writeFile is h x for a file handle: see above.
func (in *Interp) writeFile(h int64, x k.V) (k.V, error) {
	path := in.handles[max(h, -h)]
	lines := h < 0
	var add []byte
	switch v := x.(type) {
	case k.Chars:
		add = append(add, v...)
		if lines {
			add = append(add, '\n')
		}
	case k.Bytes:
		add = v
	default:
		if isText(x) {
			for _, s := range x.(k.List) {
				s, _ := text(s)
				add = append(add, s...)
				if lines {
					add = append(add, '\n')
				}
			}
			break
		}
		return k.Int(h), in.appendItems(path, x)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, osError(path, err)
	}
	_, err = f.Write(add)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, osError(path, err)
	}
	return k.Int(h), nil
}

// appendItems appends data to a list file, as x joins it: a general list
// file that set wrote (`:f set ()) gains x's items (x itself if an atom,
// so h enlist v appends v); a vector file gains x's items, of its type.
// The count in the header is updated with the items.
func (in *Interp) appendItems(path string, x k.V) error {
	b, err := readFile(path)
	if err != nil {
		return err
	}
	at := 4 // where the list's count is
	if len(b) >= 14 && b[0] == 0xff && b[1] == 1 && string(b[2:9]) == "\x00\x00\x00\x00\x00\x00\x00" {
		at = 10 // kdb+'s form with six zero bytes before the list
	}
	switch {
	case len(b) >= 8 && b[0] == 0xff && b[1] == 1 && b[at-2] == k.TList:
		items := k.List{x}
		if !k.IsAtom(x) {
			items = listItems(x)
		}
		for _, v := range items {
			item, err := codec.Encode(v, in.codecOptions(false))
			if err != nil {
				return err
			}
			b = append(b, item...)
		}
		n := binary.LittleEndian.Uint32(b[at:])
		binary.LittleEndian.PutUint32(b[at:], n+uint32(len(items)))
		return writeAtomic(path, b)
	case len(b) >= codec.VectorHeader && b[0] == 0xfe:
		t, _, n, err := codec.VectorFileHeader(b)
		if err != nil {
			return err
		}
		if k.Plain(x).Type() != t {
			return k.ErrType
		}
		b = codec.AppendVector(b[:codec.VectorHeader+n*codec.Width(t)], k.Plain(x))
		binary.LittleEndian.PutUint64(b[8:], uint64(k.Count(x)+n))
		return writeAtomic(path, b)
	}
	return k.Err("type: " + path + " is not a list file")
}
