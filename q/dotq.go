package q

import (
	_ "embed"
	"io"
	"strconv"

	"crypto/sha1"
	"encoding/base64"
	"kt/prim"
	"runtime"
	"strings"
	"sync"

	"kt/k"
)

// The .Q namespace: what scripts use of q's utilities. Those that are
// plainly q are written in q (prelude), as q's own .Q is; the rest are Go.

// prelude defines the .Q functions that are q code (prelude.q). It is
// parsed once per process and evaluated into each new session.
//
//go:embed prelude.q
var prelude string

// preludeTrees is the parsed prelude, shared by every session (it is
// never changed).
var preludeTrees = sync.OnceValues(func() ([]Statement, error) {
	var all []Statement
	for _, chunk := range ScriptChunks(prelude) {
		st, err := Parse(chunk)
		if err != nil {
			return nil, err
		}
		all = append(all, st...)
	}
	return all, nil
})

// loadPrelude evaluates the prelude into the session.
func (in *Interp) loadPrelude() {
	sts, err := preludeTrees()
	if err != nil {
		panic("q: the prelude does not parse: " + err.Error())
	}
	in.globals[".Q.res"] = reservedList()
	for _, st := range sts {
		if _, err := in.EvalTree(st.Tree); err != nil {
			panic("q: the prelude does not run: " + err.Error())
		}
	}
}

// dotQKeywords are the .Q functions written in Go.
func dotQKeywords() map[string]*Keyword {
	return map[string]*Keyword{
		".Q.btoa": unary(".Q.btoa", func(in *Interp, x k.V) (k.V, error) {
			b, ok := bytesOf(x)
			if !ok {
				return nil, k.ErrType
			}
			return k.Chars(base64.StdEncoding.EncodeToString(b)), nil
		}),
		".Q.atob": unary(".Q.atob", func(in *Interp, x k.V) (k.V, error) {
			b, ok := bytesOf(x)
			if !ok {
				return nil, k.ErrType
			}
			r, err := base64.StdEncoding.DecodeString(string(b))
			if err != nil {
				return nil, k.ErrDomain
			}
			return k.Bytes(r), nil
		}),
		".Q.sha1": unary(".Q.sha1", func(in *Interp, x k.V) (k.V, error) {
			b, ok := bytesOf(x)
			if !ok {
				return nil, k.ErrType
			}
			h := sha1.Sum(b)
			return k.Bytes(h[:]), nil
		}),
		".Q.gc": unary(".Q.gc", func(in *Interp, x k.V) (k.V, error) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			runtime.GC()
			runtime.ReadMemStats(&after)
			return k.Long(max(int64(before.HeapAlloc)-int64(after.HeapAlloc), 0)), nil
		}),
		".Q.id":  unary(".Q.id", func(in *Interp, x k.V) (k.V, error) { return qid(x) }),
		".Q.ty":  unary(".Q.ty", func(in *Interp, x k.V) (k.V, error) { return qty(x) }),
		".Q.opt": unary(".Q.opt", func(in *Interp, x k.V) (k.V, error) { return qopt(x) }),
		".Q.f": {Name: ".Q.f", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return qf(a[0], a[1])
		}},
		".Q.fmt": {Name: ".Q.fmt", Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 3 {
				return nil, k.ErrRank
			}
			w, ok := toInt(a[0])
			if !ok || w < 0 || w > 1<<20 {
				return nil, k.ErrType
			}
			s, err := qf(a[1], a[2])
			if err != nil {
				return nil, err
			}
			r := string(s.(k.Chars))
			if int64(len(r)) > w {
				return k.Chars(strings.Repeat("*", int(w))), nil
			}
			return k.Chars(strings.Repeat(" ", int(w)-len(r)) + r), nil
		}},
		"ema": {Name: "ema", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return ema(a[0], a[1])
		}},
		".Q.trp": {Name: ".Q.trp", Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 3 {
				return nil, k.ErrRank
			}
			return in.trap(a[0], []k.V{a[1]}, a[2])
		}},
		".Q.trpd": {Name: ".Q.trpd", Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 3 {
				return nil, k.ErrRank
			}
			return in.trap(a[0], listItems(a[1]), a[2])
		}},
		".Q.bt": unary(".Q.bt", func(in *Interp, x k.V) (k.V, error) {
			io.WriteString(in.Stdout, in.backtraceNow())
			return k.Null, nil
		}),
		".Q.sbt": unary(".Q.sbt", func(in *Interp, x k.V) (k.V, error) {
			lines, ok := stringsOf(x)
			if !ok {
				if l, isList := x.(k.List); isList && len(l) == 0 {
					return k.Chars(""), nil
				}
				return nil, k.ErrType
			}
			return k.Chars(strings.Join(lines, "")), nil
		}),
		".Q.def": {Name: ".Q.def", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return qdef(a[0], a[1])
		}},
	}
}

// qf is .Q.f[x;y]: y with x decimal places ("" for a null).
func qf(x, y k.V) (k.V, error) {
	d, ok := toInt(x)
	if !ok || d < 0 || d > 100 {
		return nil, k.ErrType
	}
	if n, ok := toInt(y); ok && n == k.NullLong {
		return k.Chars(""), nil
	}
	fs, ok := floatsOf(y)
	if !ok || len(fs) != 1 || y.Type() >= 0 {
		return nil, k.ErrType
	}
	f := fs[0]
	if f != f {
		return k.Chars(""), nil
	}
	return k.Chars(strconv.FormatFloat(f, 'f', int(d), 64)), nil
}

// qty is .Q.ty: the type letter of a list, lower case for a vector, upper
// case for a list of vectors of one type, a blank for any other list.
func qty(x k.V) (k.V, error) {
	const letters = " bg xhijefcspmdznuvt"
	t := x.Type()
	switch {
	case t > 0 && t < len(letters):
		return k.Char(letters[t]), nil
	case t == k.TList:
		l := x.(k.List)
		if len(l) == 0 {
			return k.Char(' '), nil
		}
		t0 := l[0].Type()
		for _, e := range l {
			if e.Type() != t0 {
				return k.Char(' '), nil
			}
		}
		if t0 > 0 && t0 < len(letters) {
			return k.Char(letters[t0] - 'a' + 'A'), nil
		}
		return k.Char(' '), nil
	}
	return nil, k.ErrType
}

// qopt is .Q.opt: command-line strings as a dictionary from each -name to
// the strings that follow it.
func qopt(x k.V) (k.V, error) {
	args, ok := stringsOf(x)
	if !ok {
		return nil, k.ErrType
	}
	var keys k.Syms
	var vals k.List
	for _, a := range args {
		if len(a) > 1 && a[0] == '-' && !isDigit(a[1]) {
			keys = append(keys, a[1:])
			vals = append(vals, k.List{})
			continue
		}
		if len(keys) > 0 {
			vals[len(vals)-1] = append(vals[len(vals)-1].(k.List), k.Chars(a))
		}
	}
	if keys == nil {
		keys, vals = k.Syms{}, k.List{}
	}
	return &k.Dict{Keys: keys, Vals: vals}, nil
}

// stringsOf reads a list of strings (one string is one argument).
func stringsOf(x k.V) ([]string, bool) {
	switch v := x.(type) {
	case k.Chars:
		return []string{string(v)}, true
	case k.List:
		r := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(k.Chars)
			if !ok {
				if c, ok := e.(k.Char); ok {
					s = k.Chars{byte(c)}
				} else {
					return nil, false
				}
			}
			r[i] = string(s)
		}
		return r, true
	}
	return nil, false
}

// qdef is .Q.def[x;y]: the defaults x, with the values y (from .Q.opt)
// gives for their names parsed to the type of each default.
func qdef(x, y k.V) (k.V, error) {
	d, ok1 := x.(*k.Dict)
	o, ok2 := y.(*k.Dict)
	if !ok1 || !ok2 {
		return nil, k.ErrType
	}
	keys, ok1 := d.Keys.(k.Syms)
	okeys, ok2 := o.Keys.(k.Syms)
	if !ok1 || !ok2 {
		return nil, k.ErrType
	}
	vals := make([]k.V, len(keys))
	for i, name := range keys {
		def := k.At(d.Vals, i)
		vals[i] = def
		for j, on := range okeys {
			if on != name {
				continue
			}
			strs, _ := stringsOf(k.At(o.Vals, j))
			if len(strs) == 0 {
				break
			}
			t := -def.Type()
			if t <= 0 || t > 19 {
				return nil, k.ErrType
			}
			v, err := prim.Cast(k.Char(" BG XHIJEFCSPMDZNUVT"[t]), k.Chars(strs[0]))
			if err != nil {
				return nil, err
			}
			vals[i] = v
		}
	}
	return &k.Dict{Keys: keys, Vals: k.Uniform(vals)}, nil
}

// bytesOf reads a string or byte vector (or one char).
func bytesOf(x k.V) ([]byte, bool) {
	switch v := x.(type) {
	case k.Chars:
		return v, true
	case k.Bytes:
		return v, true
	case k.Char:
		return []byte{byte(v)}, true
	}
	return nil, false
}

// qid is .Q.id: a symbol made a valid name (characters outside .Q.an
// removed, a leading digit prefixed with a), or a table's or dictionary's
// names so made, with 1 added to names that q reserves.
func qid(x k.V) (k.V, error) {
	switch v := x.(type) {
	case k.Sym:
		return k.Sym(validName(string(v))), nil
	case k.Syms:
		r := make(k.Syms, len(v))
		for i, s := range v {
			r[i] = validName(s)
		}
		return r, nil
	case *k.Table:
		cols := make(k.Syms, len(v.Cols))
		for i, c := range v.Cols {
			cols[i] = unreserved(validName(c))
		}
		return &k.Table{Cols: cols, Data: v.Data}, nil
	case *k.Dict:
		if keys, ok := v.Keys.(k.Syms); ok {
			r := make(k.Syms, len(keys))
			for i, c := range keys {
				r[i] = unreserved(validName(c))
			}
			return &k.Dict{Keys: r, Vals: v.Vals}, nil
		}
	}
	return nil, k.ErrType
}

func validName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAlpha(c) || isDigit(c) || c == '_' {
			b.WriteByte(c)
		}
	}
	r := b.String()
	if r == "" && s != "" {
		return "a"
	}
	if r != "" && isDigit(r[0]) {
		r = "a" + r
	}
	return r
}

// unreserved adds 1 to a name q reserves (a keyword).
func unreserved(s string) string {
	if _, ok := reservedWords[s]; ok {
		return s + "1"
	}
	return s
}

// reserved are the names .Q.id keeps off column names (.Q.res).
const reserved = `abs acos asin atan avg bin binr cor cos cov delete dev div do enlist exec exit exp
getenv hopen if in insert last like log max min prd select setenv sin sqrt ss sum tan update var
wavg while within wsum xexp`

// reservedWords is reserved as a set.
var reservedWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(reserved) {
		m[w] = true
	}
	return m
}()

// reservedList is .Q.res.
func reservedList() k.V { return k.Syms(strings.Fields(reserved)) }

// ema is ema[a;x], the exponential moving average: the first item of x,
// then a*x[i]+(1-a)*r[i-1]; a is an atom or one weight an item.
func ema(a, x k.V) (k.V, error) {
	xf, ok := floatsOf(x)
	af, ok2 := floatsOf(a)
	if !ok || !ok2 || len(af) != 1 && len(af) != len(xf) {
		if ok && ok2 {
			return nil, k.ErrLength
		}
		return nil, k.ErrType
	}
	r := make(k.Floats, len(xf))
	for i, e := range xf {
		w := af[0]
		if len(af) > 1 {
			w = af[i]
		}
		if i == 0 {
			r[i] = e
		} else {
			r[i] = w*e + (1-w)*r[i-1]
		}
	}
	return r, nil
}

// floatsOf reads a numeric atom or vector as floats.
func floatsOf(x k.V) ([]float64, bool) {
	v, err := prim.Cast(k.Char('f'), x)
	if err != nil {
		return nil, false
	}
	switch f := v.(type) {
	case k.Floats:
		return f, true
	case k.Float:
		return []float64{float64(f)}, true
	}
	return nil, false
}

// trap is .Q.trp[f;x;g] and .Q.trpd[f;args;g]: f applied to its
// arguments; on an error, g of the error's text and the backtrace (a list
// of strings, each a frame as the console shows it, innermost first, for
// .Q.sbt).
func (in *Interp) trap(f k.V, args []k.V, g k.V) (k.V, error) {
	in.trace = nil
	in.trapping++
	r, err := in.apply(f, args)
	in.trapping--
	e, ok := err.(*k.Error)
	if !ok {
		return r, err
	}
	bt := k.List{}
	for _, f := range in.Backtrace() {
		bt = append(bt, k.Chars(f))
	}
	in.clearError()
	return in.apply(g, []k.V{k.Chars(e.Msg), bt})
}
