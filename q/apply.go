package q

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"kt/internal/stop"
	"kt/k"
	"kt/prim"
)

// Apply applies a function (or indexes data) with arguments, as f . args
// does in q. A nil argument is a hole: the result is then a projection.
// It is an entry point for a host, as Eval is: a fault is a q error, and
// a stop request (Ctrl-C, the end of Ctx) ends it with 'stop.
func (in *Interp) Apply(f k.V, args ...k.V) (v k.V, err error) {
	defer guard(&err)
	defer settle(&v, &err)
	defer stop.Watch(in.Ctx)()
	return in.apply(f, args)
}

func hasHole(args []k.V) bool {
	for _, a := range args {
		if a == nil {
			return true
		}
	}
	return false
}

// apply is the heart of evaluation: f[args].
func (in *Interp) apply(f k.V, args []k.V) (k.V, error) {
	r, err := in.apply1(f, args)
	if in.MaxItems > 0 && err == nil && k.Count(r) > in.MaxItems {
		return nil, k.Err("limit")
	}
	return r, err
}

func (in *Interp) apply1(f k.V, args []k.V) (k.V, error) {
	if hasHole(args) {
		if isFunc(f) {
			return project(f, args), nil
		}
		a := make([]k.V, len(args))
		for i, x := range args {
			if x == nil {
				x = k.Null
			}
			a[i] = x
		}
		args = a
	}
	switch f := f.(type) {
	case *Lambda:
		if len(f.Params) == 0 && len(args) == 1 {
			return in.call(f, nil)
		}
		if len(args) < len(f.Params) {
			return project(f, args), nil
		}
		if len(args) > len(f.Params) {
			return nil, k.ErrRank
		}
		return in.call(f, args)
	case *Verb:
		return in.applyVerb(f, args)
	case *Keyword:
		return in.applyKeyword(f, args)
	case *k.Builtin:
		if len(args) < f.Rank {
			return project(f, args), nil
		}
		if len(args) > f.Rank {
			return nil, k.ErrRank
		}
		if f.Fn == nil {
			return nil, k.Err("nyi: " + f.Name + " with " + strconv.Itoa(len(args)) + " arguments")
		}
		return f.Fn(args)
	case *Proj:
		full := make([]k.V, 0, len(f.Args)+len(args))
		i := 0
		for _, a := range f.Args {
			if a == nil && i < len(args) {
				a = args[i]
				i++
			}
			full = append(full, a)
		}
		full = append(full, args[i:]...)
		return in.apply(f.F, full)
	case *Comp:
		r, err := in.apply(f.G, args)
		if err != nil {
			return nil, err
		}
		return in.apply(f.F, []k.V{r})
	case *Derived:
		return in.applyDerived(f, args)
	case *Iter:
		switch len(args) {
		case 1:
			return &Derived{Glyph: f.Glyph, F: args[0]}, nil
		case 2:
			if f.Glyph == "'" {
				return &Comp{F: monadic(args[0]), G: args[1]}, nil
			}
		}
		return nil, k.ErrRank
	case k.Nil:
		if len(args) != 1 {
			return nil, k.ErrRank
		}
		return args[0], nil
	case k.Long, k.Int, k.Short:
		h, _ := toInt(f)
		if len(args) == 1 && in.isFileHandle(h) {
			return in.writeFile(h, args[0])
		}
		if len(args) == 1 && in.isConnHandle(h) {
			return in.remote(h, args[0])
		}
		if len(args) == 1 && isText(args[0]) {
			return in.write(h, args[0])
		}
	case k.Sym:
		if addr, user, pass, timeout, ok := netAddress(f); ok && len(args) == 1 {
			return in.oneShot(addr, user, pass, timeout, args[0])
		}
	case *control, *assign, seq, hole:
		return nil, k.Err("nyi: applying a control word or an assignment as a value")
	}
	if isFunc(f) {
		return nil, k.Err("nyi: applying a function of type " + strconv.Itoa(f.Type()) + "h to " + strconv.Itoa(len(args)) + " arguments")
	}
	// data: index
	if len(args) == 1 {
		if _, ok := args[0].(k.Nil); ok {
			if k.IsAtom(f) {
				return nil, k.ErrType // an atom has no items to index
			}
			return f, nil
		}
		return index(f, args[0])
	}
	if l, ok := f.(k.List); ok {
		// an item that is a function takes the remaining indices as
		// its arguments: (sum;dev;var)[1;til 5]
		if i, ok := toInt(args[0]); ok && i >= 0 && i < int64(len(l)) && isFunc(l[i]) {
			return in.apply(l[i], args[1:])
		}
	}
	return prim2(".", f, k.List(args))
}

// project fixes some arguments of f; trailing holes are implied by f's
// rank and dropped.
func project(f k.V, args []k.V) *Proj {
	// the projection keeps a copy: a caller may fill its argument slice
	// again (an iterator does, each step), and the projection may be the
	// next step's argument, which would make it hold itself
	args = append([]k.V(nil), args...)
	if kw, ok := f.(*Keyword); ok && kw.N != nil && kw.Rank == 0 {
		return &Proj{F: f, Args: args} // variadic: holes are not implied
	}
	for len(args) > 0 && args[len(args)-1] == nil {
		args = args[:len(args)-1]
	}
	return &Proj{F: f, Args: args}
}

// call runs a lambda with a full set of arguments.
func (in *Interp) call(l *Lambda, args []k.V) (k.V, error) {
	if in.MaxDepth > 0 && in.depth >= in.MaxDepth {
		return nil, k.Err("stack")
	}
	in.depth++
	ns := in.ns
	in.ns = l.NS
	site, siteFr := in.site, in.siteFr
	fr := &frame{lam: l, vals: make([]k.V, len(l.Names))}
	in.calls = append(in.calls, callSite{node: site, fr: siteFr, top: in.top})
	defer func() {
		in.depth--
		in.ns = ns
		in.calls = in.calls[:len(in.calls)-1]
		in.site, in.siteFr = site, siteFr // an iterator calls again from the same place
	}()
	copy(fr.vals, args)
	var r k.V = k.Null
	for _, st := range l.Body {
		v, err := in.eval(st, fr)
		if err != nil {
			if ret, ok := err.(*returnSig); ok {
				return ret.v, nil
			}
			return nil, err
		}
		r = v
	}
	return r, nil
}

// applyVerb applies an operator: its monadic form to one argument, the
// operator to two (one makes a projection), @ and . to three or four
// (trap and amend).
func (in *Interp) applyVerb(v *Verb, args []k.V) (k.V, error) {
	if v.Monadic {
		if len(args) != 1 {
			return nil, k.ErrRank
		}
		return in.monad(v.Glyph, args[0])
	}
	switch len(args) {
	case 1:
		return project(v, args), nil
	case 2:
		return in.dyad(v.Glyph, args[0], args[1])
	case 3, 4:
		switch v.Glyph {
		case "@", ".":
			return in.atDot(v.Glyph, args)
		case "$":
			t, err := truth(args[0])
			if err != nil {
				return nil, err
			}
			if t {
				return args[1], nil
			}
			return args[2], nil
		case "?":
			if len(args) == 3 && !isTableArg(in, args[0]) {
				return prim.Cond(args[0], args[1], args[2])
			}
			return in.functional(true, args)
		case "!":
			if len(args) == 4 {
				return in.functional(false, args)
			}
		}
	case 5, 6:
		if v.Glyph == "?" {
			return in.functional(true, args)
		}
	}
	return nil, k.ErrRank
}

// monad applies a glyph's monadic meaning.
func (in *Interp) monad(g string, x k.V) (k.V, error) {
	switch g {
	case ".":
		if s, ok := x.(k.Chars); ok {
			return in.value(s)
		}
		if s, ok := x.(k.Char); ok {
			return in.value(k.Chars{byte(s)})
		}
		if s, ok := x.(k.Sym); ok {
			return in.lookup(string(s), nil)
		}
	case "@":
		if isFunc(x) || x.Type() == k.TEnum || x.Type() == -k.TEnum {
			return k.Short(x.Type()), nil
		}
	case "#":
		if isFunc(x) {
			return k.Long(1), nil
		}
	case "$":
		if isFunc(x) {
			return k.Chars(str(x)), nil
		}
	case "!":
		switch e := x.(type) {
		case k.Enum:
			return k.Sym(e.Domain), nil
		case *k.Enums:
			return k.Sym(e.Domain), nil
		}
	case "*", "|":
		if e, ok := x.(*k.Enums); ok {
			return onIndices(func(v k.V) (k.V, error) { return prim1(g, v) }, e)
		}
	}
	return prim1(g, in.resolve(x))
}

// dyad applies a glyph's dyadic meaning.
func (in *Interp) dyad(g string, x, y k.V) (k.V, error) {
	switch g {
	case "2:":
		return in.dynLoad(x, y)
	case "0:", "1:":
		for _, f := range []k.V{x, y} {
			if err := in.fileAccess(f); err != nil {
				return nil, err
			}
		}
		if g == "0:" {
			return in.fileText(x, y)
		}
		return in.fileBinary(x, y)
	case "@":
		if isFunc(x) || in.isHandleAtom(x) || in.writesTo(x, y) {
			return in.apply(x, []k.V{y})
		}
		return index(x, y)
	case ".":
		if isFunc(x) {
			return in.apply(x, listItems(y))
		}
	case "!":
		if h, ok := toInt(x); ok && h < 0 || isNullLong(x) {
			return in.bang(x, y)
		}
		if d, ok := x.(k.Sym); ok {
			if idx, ok := y.(k.Longs); ok {
				// `d!indices: an enumeration from its indices
				return in.enumFromIndices(string(d), idx)
			}
		}
		if name, ok := y.(k.Sym); ok && x.Type() < 0 && x.Type() != -k.TSym {
			// n!`t keys (or unkeys) the global table t in place
			t, err := in.lookup(string(name), nil)
			if err != nil {
				return nil, err
			}
			r, err := prim2("!", x, t)
			if err != nil {
				return nil, err
			}
			in.globals[string(name)] = r
			return name, nil
		}
	case ":":
		return y, nil
	case "?":
		switch v := x.(type) {
		case k.Sym:
			return in.enumerate(string(v), in.resolve(y), true)
		case k.Long, k.Int, k.Short:
			return in.roll(x, y)
		case *k.Attr:
			if r, ok, err := prim.FindAttr(v, y); ok || err != nil {
				return r, err
			}
		}
	case "$":
		if s, ok := x.(k.Sym); ok && !prim.IsCastName(string(s)) {
			return in.enumerate(string(s), in.resolve(y), false)
		}
		if r, ok, err := enumIndices(x, y); ok {
			return r, err
		}
	case "#":
		if s, ok := x.(k.Sym); ok {
			switch s {
			case "", "s", "u", "p", "g":
				return prim.ApplyAttr(string(s), y)
			}
		}
	case "'":
		return nil, k.Err("nyi: ' of two values (x'y)")
	case "~":
		if isFunc(x) || isFunc(y) {
			return k.Bool(x.Type() == y.Type() && str(x) == str(y)), nil
		}
	}
	return prim2(g, in.resolve(x), in.resolve(y))
}

func isNullLong(x k.V) bool { l, ok := x.(k.Long); return ok && l == k.NullLong }

// bang handles the internal functions n!x that need the session: 0N!x
// prints x in one-line form and returns it; -3!x is that form as a string.
func (in *Interp) bang(x, y k.V) (k.V, error) {
	if isNullLong(x) {
		s, err := in.string1(y)
		if err != nil {
			return nil, err
		}
		io.WriteString(in.Stdout, s+"\n")
		return y, nil
	}
	h, _ := toInt(x)
	switch h {
	case -3:
		s, err := in.string1(y)
		return k.Chars(s), err
	case -7:
		if p, ok := filePath(y); ok {
			return hcount(in, p, y)
		}
		return nil, k.ErrType
	case -8:
		return in.serialize(y, false)
	case -9:
		return in.deserialize(y)
	case -18:
		return in.serialize(y, true)
	case -22:
		// the length of -8!x
		b, err := in.serialize(y, false)
		if err != nil {
			return nil, err
		}
		return k.Long(k.Count(b)), nil
	case -19:
		return in.compressFile(y)
	case -30:
		return in.deferResponse(y)
	case -1, -2, -5, -6:
		// the internal functions that keywords now name
		name := map[int64]string{-1: "hsym", -2: "attr", -5: "parse", -6: "eval"}[h]
		return in.apply(in.keywords[name], []k.V{y})
	}
	if h < 0 {
		if _, ok := x.(k.Long); ok {
			return nil, k.Err(fmt.Sprintf("nyi: the internal function %d!", h))
		}
	}
	return prim2("!", x, y)
}

// applyKeyword applies a named keyword.
func (in *Interp) applyKeyword(f *Keyword, args []k.V) (k.V, error) {
	if f.N != nil {
		if f.Rank > 0 && len(args) < f.Rank {
			return project(f, args), nil
		}
		return f.N(in, args)
	}
	switch len(args) {
	case 1:
		if f.Rank == 1 && f.M != nil {
			if f.Name == "key" || f.Name == "value" {
				if r, ok := in.keyValueEnum(f.Name, args[0]); ok {
					return r, nil
				}
			}
			if e, ok := args[0].(*k.Enums); ok && (f.Name == "first" || f.Name == "last" || f.Name == "reverse") {
				return onIndices(f.M, e)
			}
			return f.M(in.resolve(args[0]))
		}
		if f.Rank == 2 {
			return project(f, args), nil
		}
	case 2:
		if name, ok := args[1].(k.Sym); ok && inPlace[f.Name] && f.D != nil {
			// `c xasc `t sorts the global t in place
			t, err := in.lookup(string(name), nil)
			if err != nil {
				return nil, err
			}
			r, err := f.D(in.resolve(args[0]), t)
			if err != nil {
				return nil, err
			}
			in.globals[in.qualify(string(name))] = r
			return name, nil
		}
		if f.D != nil {
			return f.D(in.resolve(args[0]), in.resolve(args[1]))
		}
	}
	return nil, k.ErrRank
}

// writesTo reports whether x@y writes y to a handle: text to standard
// output or error (1 2 -1 -2), anything to a file hopen opened.
func (in *Interp) writesTo(x, y k.V) bool {
	h, ok := toInt(x)
	if !ok || !k.IsAtom(x) {
		return false
	}
	switch {
	case in.isFileHandle(h):
		return true
	case h == 1 || h == 2 || h == -1 || h == -2:
		return isText(y)
	}
	return false
}

// write sends text to a handle: -1 and 1 standard output (with and
// without a line break), -2 and 2 standard error.
func (in *Interp) write(h int64, x k.V) (k.V, error) {
	var w io.Writer
	switch h {
	case 1, -1:
		w = in.Stdout
	case 2, -2:
		w = in.Stderr
	default:
		return nil, k.ErrType
	}
	var lines []string
	switch x := x.(type) {
	case k.Chars:
		lines = []string{string(x)}
	case k.Char:
		lines = []string{string(rune(x))}
	case k.List:
		for _, s := range x {
			switch s := s.(type) {
			case k.Chars:
				lines = append(lines, string(s))
			case k.Char:
				lines = append(lines, string(rune(s)))
			default:
				return nil, k.ErrType
			}
		}
	default:
		return nil, k.ErrType
	}
	for _, s := range lines {
		if h < 0 {
			s += "\n"
		}
		io.WriteString(w, s)
	}
	return k.Long(h), nil
}

// dynLoad is x 2:(name;rank): a function of a host library, as q loads a
// C function from a shared library. The libraries are the host's
// (Interp.Libraries); any other name cannot be opened.
func (in *Interp) dynLoad(x, y k.V) (k.V, error) {
	lib, ok := x.(k.Sym)
	if !ok {
		return nil, k.ErrType
	}
	l, ok := y.(k.List)
	if !ok || len(l) != 2 {
		return nil, k.ErrType
	}
	fn, ok1 := l[0].(k.Sym)
	rank, ok2 := l[1].(k.Long)
	if !ok1 || !ok2 {
		return nil, k.ErrType
	}
	name := strings.TrimPrefix(string(lib), ":")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	load, ok := in.Libraries[name]
	if !ok {
		return nil, k.Err(string(lib) + ": cannot open shared object file: No such file or directory")
	}
	return load(string(fn), int(rank))
}

// isText reports whether x is a string or a list of strings.
func isText(x k.V) bool {
	switch x := x.(type) {
	case k.Chars, k.Char:
		return true
	case k.List:
		for _, s := range x {
			if !isText(s) {
				return false
			}
		}
		return len(x) > 0
	}
	return false
}

// prim1 and prim2 call the primitive tables.
func prim1(g string, x k.V) (k.V, error) {
	f, ok := prim.Monads[g]
	if !ok {
		return nil, k.Err("nyi: the monadic primitive " + g)
	}
	return f(x)
}

func prim2(g string, x, y k.V) (k.V, error) {
	f, ok := prim.Dyads[g]
	if !ok {
		return nil, k.Err("nyi: the dyadic primitive " + g)
	}
	return f(x, y)
}

// index is x@i on data; a sorted dictionary is a step function.
func index(x, i k.V) (k.V, error) {
	if e, ok := x.(*k.Enums); ok {
		r, err := prim2("@", k.Longs(e.Idx), i)
		if err != nil {
			return nil, err
		}
		return enumOf(e.Domain, r), nil
	}
	if a, ok := x.(*k.Attr); ok && a.A == k.AttrSorted {
		if d, ok := a.V.(*k.Dict); ok {
			return prim.StepIndex(d, i)
		}
	}
	return prim2("@", x, i)
}

// listItems is the items of a list as arguments (an atom is one).
func listItems(v k.V) []k.V {
	if v.Type() < 0 || v.Type() >= k.TTable {
		return []k.V{v}
	}
	n := k.Count(v)
	out := make([]k.V, n)
	for i := range n {
		out[i] = k.At(v, i)
	}
	return out
}

// inPlace are the keywords that, given a global's name for their right
// argument, change the global and return its name.
var inPlace = map[string]bool{"xasc": true, "xdesc": true, "xkey": true, "xcol": true, "xcols": true}

// isTableArg reports whether x is a table or names a global one: the
// first argument of ?[t;i;p] rather than ?[c;a;b].
func isTableArg(in *Interp, x k.V) bool {
	if s, ok := x.(k.Sym); ok {
		v, found := in.globals[in.qualify(string(s))]
		if !found {
			v, found = in.globals[string(s)]
		}
		x = v
		if !found {
			return false
		}
	}
	_, ok := x.(*k.Table)
	return ok || k.IsKeyedTable(x)
}
