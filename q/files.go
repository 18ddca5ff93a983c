package q

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"kt/codec"
	"kt/k"
	"kt/textio"
)

// Files: set and get of values in kdb+'s file layout (package codec),
// the file keywords (hcount hdel hsym read0 read1 hopen hclose save load),
// key of a folder, and the serialization functions -8! -9! -18!.

// fileKeywords are the keywords that read and write files. They wrap the
// keywords of the same name that work on globals (set, get, value, key).
func (in *Interp) fileKeywords() map[string]*Keyword {
	setVar := in.keywords["set"].(*Keyword)
	valueOf := in.keywords["value"].(*Keyword)
	getVar := in.keywords["get"].(*Keyword)
	keyOf := in.keywords["key"].(*Keyword)
	upsert := in.keywords["upsert"].(*Keyword)
	unaryFile := func(name string, f func(in *Interp, path string, x k.V) (k.V, error), or *Keyword) *Keyword {
		return unary(name, func(in *Interp, x k.V) (k.V, error) {
			if err := in.fileAccess(x); err != nil {
				return nil, err
			}
			if p, ok := filePath(x); ok {
				return f(in, p, x)
			}
			if or == nil {
				return nil, k.ErrType
			}
			return in.applyKeyword(or, []k.V{x})
		})
	}
	kw := map[string]*Keyword{
		"set": {Name: "set", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			if err := in.fileAccess(a[0]); err != nil {
				return nil, err
			}
			if p, ok := filePath(a[0]); ok {
				return a[0], in.setFile(p, a[1])
			}
			if l, ok := a[0].(k.List); ok && len(l) == 4 {
				// (`:file;lbs;alg;lvl) set x: a compressed file
				p, ok := filePath(l[0])
				z, ok2 := intList(k.Uniform(append(k.List{}, l[1:]...)))
				if !ok || !ok2 {
					return nil, k.ErrType
				}
				return l[0], in.setZipped(p, a[1], z)
			}
			return in.applyKeyword(setVar, a)
		}},
		"upsert": {Name: "upsert", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			if p, ok := filePath(a[0]); ok {
				// .[`:f;();,;x]: rows for a splayed table, items for a file
				return a[0], in.amendFile(p, nil, &Verb{Glyph: ","}, a[1], true)
			}
			return in.applyKeyword(upsert, a)
		}},
		"get":    unaryFile("get", (*Interp).getFile, getVar),
		"value":  unaryFile("value", (*Interp).getFile, valueOf),
		"key":    unaryFile("key", keyFile, keyOf),
		"hcount": unaryFile("hcount", hcount, nil),
		"hdel":   unaryFile("hdel", hdel, nil),
		"read1":  unary("read1", func(in *Interp, x k.V) (k.V, error) { return in.readChecked(x, false) }),
		"read0":  unary("read0", func(in *Interp, x k.V) (k.V, error) { return in.readChecked(x, true) }),
		"hsym":   unary("hsym", func(in *Interp, x k.V) (k.V, error) { return hsym(x) }),
		"hopen": unary("hopen", func(in *Interp, x k.V) (k.V, error) {
			if addr, user, pass, timeout, ok := netAddress(x); ok {
				return in.dial(addr, user, pass, timeout)
			}
			if s, ok := x.(k.Chars); ok && len(s) > 0 && s[0] == ':' {
				x = k.Sym(s)
			}
			if in.restricted() {
				return nil, k.Err("access")
			}
			if p, ok := filePath(x); ok {
				return in.hopen(p, x)
			}
			return nil, k.Err("type: hopen takes a port, `:host:port[:user:password], (address;timeout) or a file symbol")
		}),
		"hclose": unary("hclose", (*Interp).hclose),
		"save":   unary("save", (*Interp).save),
		".Q.dpft": {Name: ".Q.dpft", Rank: 4, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 4 {
				return nil, k.ErrRank
			}
			return in.dpft(a)
		}},
		".Q.fs": {Name: ".Q.fs", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return in.chunks(a[0], a[1], 131000)
		}},
		".Q.fsn": {Name: ".Q.fsn", Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 3 {
				return nil, k.ErrRank
			}
			n, ok := toInt(a[2])
			if !ok || n <= 0 {
				return nil, k.ErrType
			}
			return in.chunks(a[0], a[1], n)
		}},
		"dsave": {Name: "dsave", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return in.dsave(a[0], a[1])
		}},
		".Q.chk": unary(".Q.chk", (*Interp).chk),
		".Q.par": {Name: ".Q.par", Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 3 {
				return nil, k.ErrRank
			}
			return in.par(a[0], a[1], a[2])
		}},
		".Q.en": {Name: ".Q.en", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return in.enumerateDB(a[0], a[1])
		}},
		"load": unary("load", (*Interp).load),
	}
	return kw
}

// unary is a keyword of one argument.
func unary(name string, f func(in *Interp, x k.V) (k.V, error)) *Keyword {
	return &Keyword{Name: name, Rank: 1, N: func(in *Interp, a []k.V) (k.V, error) {
		if len(a) != 1 {
			return nil, k.ErrRank
		}
		return f(in, a[0])
	}}
}

// readChecked is read0 and read1 under -u's rule for files.
func (in *Interp) readChecked(x k.V, text bool) (k.V, error) {
	if err := in.fileAccess(x); err != nil {
		return nil, err
	}
	return readRange(x, text)
}

// filePath is the path a file symbol `:path names.
func filePath(x k.V) (string, bool) {
	s, ok := x.(k.Sym)
	if !ok || len(s) == 0 || s[0] != ':' {
		return "", false
	}
	return string(s[1:]), true
}

// osError is q's form of an operating-system error on path:
// 'path. OS reports: No such file or directory.
func osError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	msg := err.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return k.Err(path + ". OS reports: " + msg)
}

// readFile is os.ReadFile for a file whose bytes become a value: the
// workspace must hold them ('wsfull, as q, for a file larger than what is
// left of it), and an error is the OS's as osError gives it.
func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, osError(path, err)
	}
	if err := k.Need(int(min(st.Size(), 1<<62)), 1); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, osError(path, err)
	}
	return b, nil
}

// codecOptions are the interpreter's hooks for the codec: its functions,
// and its enumeration domains for IPC.
func (in *Interp) codecOptions(resolve bool) *codec.Options {
	o := &codec.Options{Funcs: qfuncs{in}}
	if resolve {
		o.Resolve = in.domainOf
	}
	return o
}

// domainOf is the list an enumeration's domain names.
func (in *Interp) domainOf(name string) (k.Syms, error) {
	v, err := in.lookup(name, nil)
	if err != nil {
		return nil, err
	}
	s, ok := k.Plain(v).(k.Syms)
	if !ok {
		return nil, k.Err("type: enumeration domain " + name + " is not a symbol list")
	}
	return s, nil
}

// writeAtomic writes b to path through a temporary file beside it, renamed
// over path once complete, so a failed write never leaves a half file
// where a good one was. Missing folders are made, as q makes them.
func writeAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return osError(path, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return osError(path, err)
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return osError(path, err)
	}
	return nil
}

// setFile writes v to path in kdb+'s layout; a path ending in / writes a
// splayed table.
func (in *Interp) setFile(path string, v k.V) error {
	if strings.HasSuffix(path, "/") {
		return in.setSplayed(strings.TrimSuffix(path, "/"), v)
	}
	if zd, ok := in.globals[".z.zd"]; ok {
		if z, ok := intList(zd); ok && len(z) == 3 && z[1] != 0 {
			return in.setZipped(path, v, z) // .z.zd: set compresses every file
		}
	}
	b, err := codec.EncodeFile(v, in.codecOptions(false))
	if err != nil {
		return err
	}
	return writeAtomic(path, b)
}

// setZipped writes v compressed with z: logical block size (a power of
// 2), algorithm and level.
func (in *Interp) setZipped(path string, v k.V, z []int) error {
	if len(z) != 3 {
		return k.ErrLength
	}
	b, err := codec.EncodeFile(v, in.codecOptions(false))
	if err != nil {
		return err
	}
	if b, err = codec.Zip(b, z[0], z[1], z[2]); err != nil {
		return err
	}
	return writeAtomic(path, b)
}

// getFile reads the value in a file, or the splayed table in a folder.
func (in *Interp) getFile(path string, _ k.V) (k.V, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, osError(path, err)
	}
	if st.IsDir() {
		return in.getSplayed(path)
	}
	if st.Size() >= mapMin && isVectorFile(path) {
		b, err := mapFile(path)
		if err != nil {
			return nil, err
		}
		v, err := codec.FileInPlace(b)
		if err != nil {
			return nil, k.Err(path + ". " + err.Error())
		}
		return v, nil
	}
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	if codec.IsZipped(b) {
		if b, err = codec.Unzip(b); err != nil {
			return nil, k.Err(path + ". " + err.Error())
		}
	}
	v, err := codec.DecodeFile(b, in.codecOptions(false))
	if err != nil {
		return nil, k.Err(path + ". " + err.Error())
	}
	return v, nil
}

// mapMin is the size from which get maps a vector or enumeration file
// rather than
// reading it.
const mapMin = 1 << 16

// isVectorFile reports whether path starts as a simple vector or an
// enumeration file does.
func isVectorFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var m [2]byte
	_, err = io.ReadFull(f, m[:])
	return err == nil && (m[0] == 0xfe || m[0] == 0xfd) && m[1] == 0x20
}

// keyFile is key of a file symbol: the sorted names in a folder, the
// symbol itself for a file, () for a missing path.
func keyFile(_ *Interp, path string, x k.V) (k.V, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return k.List{}, nil
		}
		return nil, osError(path, err)
	}
	if !st.IsDir() {
		return x, nil
	}
	ents, err := os.ReadDir(path)
	if err != nil {
		return nil, osError(path, err)
	}
	names := make(k.Syms, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

func hcount(_ *Interp, path string, _ k.V) (k.V, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, osError(path, err)
	}
	return k.Long(st.Size()), nil
}

func hdel(_ *Interp, path string, x k.V) (k.V, error) {
	if err := os.Remove(path); err != nil {
		return nil, osError(path, err)
	}
	return x, nil
}

// hsym prefixes a colon to a symbol (or each of a list) that lacks one.
func hsym(x k.V) (k.V, error) {
	one := func(s string) string {
		if strings.HasPrefix(s, ":") {
			return s
		}
		return ":" + s
	}
	switch x := x.(type) {
	case k.Sym:
		return k.Sym(one(string(x))), nil
	case k.Syms:
		r := make(k.Syms, len(x))
		for i, s := range x {
			r[i] = one(s)
		}
		return r, nil
	}
	return nil, k.ErrType
}

// readRange is read1 (bytes) or read0 (lines) of `:f or (`:f;offset;length).
func readRange(x k.V, lines bool) (k.V, error) {
	var b []byte
	switch a := x.(type) {
	case k.Sym:
		p, ok := filePath(a)
		if !ok {
			return nil, k.ErrType
		}
		var err error
		if b, err = readFile(p); err != nil {
			return nil, err
		}
	case k.List:
		if len(a) < 2 || len(a) > 3 {
			return nil, k.ErrLength
		}
		p, ok := filePath(a[0])
		off, ok1 := toInt(a[1])
		n := int64(-1)
		if len(a) == 3 {
			var ok2 bool
			n, ok2 = toInt(a[2])
			ok1 = ok1 && ok2 && n >= 0
		}
		if !ok || !ok1 || off < 0 {
			return nil, k.ErrType
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, osError(p, err)
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, osError(p, err)
		}
		size := st.Size()
		off = min(off, size)
		if n < 0 || off+n > size {
			n = size - off
		}
		b = make([]byte, n)
		if _, err := f.ReadAt(b, off); err != nil && err != io.EOF {
			return nil, osError(p, err)
		}
	case k.Bytes:
		if !lines {
			return nil, k.ErrType
		}
		b = a
	default:
		return nil, k.ErrType
	}
	if !lines {
		return k.Bytes(b), nil
	}
	ls := textio.Lines(b)
	r := make(k.List, len(ls))
	for i, l := range ls {
		r[i] = k.Chars(append([]byte{}, l...))
	}
	return r, nil
}

// save writes the global a symbol names to a file of that name: `t to
// t, `:dir/t to dir/t, `t.csv as CSV and `t.txt as tab-separated text
// (a table), `:dir/t/ splayed. It returns the file symbol.
func (in *Interp) save(x k.V) (k.V, error) {
	name, ext, path, err := namePath(x)
	if err != nil {
		return nil, err
	}
	v, err := in.lookup(name, nil)
	if err != nil {
		return nil, err
	}
	switch ext {
	case "":
		if strings.HasSuffix(path, "/") {
			if v, err = in.enumerateDB(k.Sym(":"+filepath.Dir(strings.TrimSuffix(path, "/"))), v); err != nil {
				return nil, err
			}
		}
		return k.Sym(":" + path), in.setFile(path, v)
	case ".csv", ".txt":
		t, ok := k.Plain(v).(*k.Table)
		if !ok {
			return nil, k.ErrType
		}
		d := byte(',')
		if ext == ".txt" {
			d = '\t'
		}
		return in.fileText(k.Sym(":"+path), textio.Prepare(t, d, in.Printer.Precision))
	}
	return nil, k.Err("nyi: save as " + ext)
}

// load reads a file written by save into the global of its name.
func (in *Interp) load(x k.V) (k.V, error) {
	name, ext, path, err := namePath(x)
	if err != nil {
		return nil, err
	}
	if ext != "" {
		return nil, k.Err("nyi: load of " + ext + " text: use 0:")
	}
	v, err := in.getFile(strings.TrimSuffix(path, "/"), nil)
	if err != nil {
		return nil, err
	}
	in.globals[name] = v
	return k.Sym(name), nil
}

// namePath is the variable name, extension and file path of save's and
// load's argument: `t, `:t, `:dir/t, `t.csv, `:dir/t/.
func namePath(x k.V) (name, ext, path string, err error) {
	s, ok := x.(k.Sym)
	if !ok || s == "" {
		return "", "", "", k.ErrType
	}
	path = strings.TrimPrefix(string(s), ":")
	name = filepath.Base(strings.TrimSuffix(path, "/"))
	if i := strings.IndexByte(name, '.'); i > 0 {
		name, ext = name[:i], name[i:]
	}
	return name, ext, path, nil
}

// chunks is .Q.fs[f;file] and .Q.fsn[f;file;n]: f applied to the lines of
// each chunk of about n bytes of a file, cut after a line break. It
// returns the bytes read.
func (in *Interp) chunks(f, file k.V, n int64) (k.V, error) {
	p, ok := filePath(file)
	if !ok {
		return nil, k.ErrType
	}
	h, err := os.Open(p)
	if err != nil {
		return nil, osError(p, err)
	}
	defer h.Close()
	var carry []byte
	total := int64(0)
	buf := make([]byte, n)
	for {
		m, rerr := io.ReadFull(h, buf)
		total += int64(m)
		data := append(carry, buf[:m]...)
		end := len(data)
		if rerr == nil {
			end = bytes.LastIndexByte(data, '\n') + 1
		}
		chunk, rest := data[:end], data[end:]
		carry = append([]byte{}, rest...)
		if len(chunk) > 0 {
			lines := textio.Lines(chunk)
			l := make(k.List, len(lines))
			for i, s := range lines {
				l[i] = k.Chars(append([]byte{}, s...))
			}
			if _, err := in.apply(f, []k.V{l}); err != nil {
				return nil, err
			}
		}
		if rerr != nil {
			return k.Long(total), nil
		}
	}
}

// dsave is `:dir dsave `t`u: each global table saved splayed in dir, its
// symbols enumerated against dir/sym. It returns the names.
func (in *Interp) dsave(d, names k.V) (k.V, error) {
	dir, ok := filePath(d)
	if !ok {
		return nil, k.ErrType
	}
	list := listItems(names)
	for _, n := range list {
		s, ok := n.(k.Sym)
		if !ok {
			return nil, k.ErrType
		}
		v, err := in.lookup(string(s), nil)
		if err != nil {
			return nil, err
		}
		e, err := in.enumerateDB(d, v)
		if err != nil {
			return nil, err
		}
		if err := in.setSplayed(filepath.Join(dir, string(s)), e); err != nil {
			return nil, err
		}
	}
	return names, nil
}

// compressFile is -19!(src;tgt;lbs;alg;lvl): src's bytes written to tgt
// compressed. It returns tgt.
func (in *Interp) compressFile(x k.V) (k.V, error) {
	l, ok := x.(k.List)
	if !ok || len(l) != 5 {
		return nil, k.ErrType
	}
	src, ok1 := filePath(l[0])
	tgt, ok2 := filePath(l[1])
	z, ok3 := intList(k.Uniform(append(k.List{}, l[2:]...)))
	if !ok1 || !ok2 || !ok3 {
		return nil, k.ErrType
	}
	b, err := readFile(src)
	if err != nil {
		return nil, err
	}
	if codec.IsZipped(b) {
		return nil, k.Err(src + ". already compressed")
	}
	if b, err = codec.Zip(b, z[0], z[1], z[2]); err != nil {
		return nil, err
	}
	return l[1], writeAtomic(tgt, b)
}
