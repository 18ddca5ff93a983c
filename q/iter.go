package q

import (
	"kt/k"
	"kt/prim"
)

// applyDerived applies a function derived by an iterator.
func (in *Interp) applyDerived(d *Derived, args []k.V) (k.V, error) {
	if !isFunc(d.F) {
		return in.applyDataDerived(d, args)
	}
	switch d.Glyph {
	case "'":
		return in.each(d.F, args)
	case "/:", "\\:":
		if len(args) != 2 {
			if len(args) == 1 {
				return project(d, args), nil
			}
			return nil, k.ErrRank
		}
		return in.eachSide(d.F, args[0], args[1], d.Glyph == "/:")
	case "':":
		switch len(args) {
		case 1:
			return in.prior(d.F, nil, args[0])
		case 2:
			return in.prior(d.F, args[0], args[1])
		}
		return nil, k.ErrRank
	}
	scan := d.Glyph == "\\"
	if rank(d.F) == 1 && isFunc(d.F) {
		switch len(args) {
		case 1:
			return in.converge(d.F, args[0], scan)
		case 2:
			if n, ok := toInt(args[0]); ok {
				return in.repeat(d.F, n, args[1], scan)
			}
			if isFunc(args[0]) {
				return in.whileIter(args[0], d.F, args[1], scan)
			}
			return nil, k.ErrType
		}
		return nil, k.ErrRank
	}
	switch len(args) {
	case 1:
		return in.reduce(d.F, args[0], scan)
	case 2:
		return in.fold(d.F, args[0], args[1:], scan)
	}
	return in.fold(d.F, args[0], args[1:], scan)
}

// each applies f to corresponding items of its arguments (atoms extend).
func (in *Interp) each(f k.V, args []k.V) (k.V, error) {
	n := -1
	for _, a := range args {
		if a != nil && isList(a) {
			c := k.Count(a)
			if n >= 0 && c != n {
				return nil, k.ErrLength
			}
			n = c
		}
	}
	if n < 0 {
		return in.apply(f, args)
	}
	out := make([]k.V, n)
	call := make([]k.V, len(args))
	for i := range n {
		for j, a := range args {
			if a != nil && isList(a) {
				call[j] = k.At(a, i)
			} else {
				call[j] = a
			}
		}
		r, err := in.apply(f, call)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	res := k.Uniform(out)
	if len(args) == 1 {
		if d, ok := args[0].(*k.Dict); ok {
			return &k.Dict{Keys: d.Keys, Vals: res}, nil
		}
	}
	return res, nil
}

// eachSide is x f/: y (each right) and x f\: y (each left).
func (in *Interp) eachSide(f, x, y k.V, right bool) (k.V, error) {
	l := x
	if right {
		l = y
	}
	if !isList(l) {
		return in.apply(f, []k.V{x, y})
	}
	n := k.Count(l)
	out := make([]k.V, n)
	for i := range n {
		var r k.V
		var err error
		if right {
			r, err = in.apply(f, []k.V{x, k.At(y, i)})
		} else {
			r, err = in.apply(f, []k.V{k.At(x, i), y})
		}
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	res := k.Uniform(out)
	if d, ok := l.(*k.Dict); ok {
		return &k.Dict{Keys: d.Keys, Vals: res}, nil
	}
	return res, nil
}

// identity is the seed each-prior uses for an operator with a known
// identity element.
func identity(f k.V) (k.V, bool) {
	v, ok := f.(*Verb)
	if !ok || v.Monadic {
		return nil, false
	}
	switch v.Glyph {
	case "+", "-":
		return k.Long(0), true
	case "*", "%":
		return k.Long(1), true
	case ",":
		return k.List{}, true
	}
	return nil, false
}

// prior is f': between each item and the one before it; the first item
// is paired with the seed x (or the identity of f, or a typed null).
func (in *Interp) prior(f, seed, y k.V) (k.V, error) {
	if !isList(y) {
		if seed == nil {
			return in.apply(f, []k.V{y, y})
		}
		return in.apply(f, []k.V{y, seed})
	}
	n := k.Count(y)
	start := 0
	out := make([]k.V, n)
	if seed == nil && n > 0 {
		if _, ok := identity(f); ok {
			// the identity seed leaves the first item as it is
			out[0] = k.At(y, 0)
			start = 1
			seed = out[0]
		} else {
			e, err := prim2("#", k.Long(0), y)
			if err != nil {
				return nil, err
			}
			if seed, err = prim1("*", e); err != nil {
				return nil, err
			}
		}
	}
	prev := seed
	for i := start; i < n; i++ {
		cur := k.At(y, i)
		r, err := in.apply(f, []k.V{cur, prev})
		if err != nil {
			return nil, err
		}
		out[i] = r
		prev = cur
	}
	res := k.Uniform(out)
	if d, ok := y.(*k.Dict); ok {
		return &k.Dict{Keys: d.Keys, Vals: res}, nil
	}
	return res, nil
}

// match is x~y through the primitive.
func match(x, y k.V) (bool, error) {
	m, err := prim2("~", x, y)
	if err != nil {
		return false, err
	}
	b, ok := m.(k.Bool)
	return bool(b) && ok, nil
}

// converge applies f until the result stops changing or returns to x.
func (in *Interp) converge(f, x k.V, scan bool) (k.V, error) {
	out := []k.V{x}
	prev := x
	for {
		if err := in.step(); err != nil {
			return nil, err
		}
		r, err := in.apply(f, []k.V{prev})
		if err != nil {
			return nil, err
		}
		same, err := match(r, prev)
		if err != nil {
			return nil, err
		}
		if !same {
			if same, err = match(r, x); err != nil {
				return nil, err
			}
		}
		if same {
			if scan {
				return k.Uniform(out), nil
			}
			return prev, nil
		}
		if scan {
			out = append(out, r)
		}
		prev = r
	}
}

// repeat applies f n times (n f/ x), with the results if scanning.
func (in *Interp) repeat(f k.V, n int64, x k.V, scan bool) (k.V, error) {
	out := []k.V{x}
	for i := int64(0); i < n; i++ {
		if err := in.step(); err != nil {
			return nil, err
		}
		r, err := in.apply(f, []k.V{x})
		if err != nil {
			return nil, err
		}
		x = r
		if scan {
			out = append(out, r)
		}
	}
	if scan {
		return k.Uniform(out), nil
	}
	return x, nil
}

// whileIter applies f while c is true of the current value (c f/ x).
func (in *Interp) whileIter(c, f, x k.V, scan bool) (k.V, error) {
	out := []k.V{x}
	for {
		if err := in.step(); err != nil {
			return nil, err
		}
		t, err := in.apply(c, []k.V{x})
		if err != nil {
			return nil, err
		}
		ok, err := truth(t)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if x, err = in.apply(f, []k.V{x}); err != nil {
			return nil, err
		}
		if scan {
			out = append(out, x)
		}
	}
	if scan {
		return k.Uniform(out), nil
	}
	return x, nil
}

// fastReduce names the keyword that computes f/ or f\ for an operator
// in one typed loop.
func fastReduce(f k.V, scan bool) string {
	v, ok := f.(*Verb)
	if !ok || v.Monadic {
		return ""
	}
	over := map[string][2]string{
		"+": {"sum", "sums"}, "*": {"prd", "prds"}, "|": {"max", "maxs"},
		"&": {"min", "mins"}, ",": {"raze", ""},
	}
	names := over[v.Glyph]
	if scan {
		return names[1]
	}
	return names[0]
}

// reduce is f/ x and f\ x for a function of two or more arguments.
func (in *Interp) reduce(f, x k.V, scan bool) (k.V, error) {
	if name := fastReduce(f, scan); name != "" && isList(x) {
		if _, isDict := x.(*k.Dict); !isDict {
			if m, ok := prim.Monads[name]; ok {
				return m(x)
			}
		}
	}
	if !isList(x) {
		return x, nil
	}
	n := k.Count(x)
	if n == 0 {
		if v, ok := identity(f); ok && !scan {
			return v, nil
		}
		return k.List{}, nil
	}
	acc := k.At(x, 0)
	if v, ok := f.(*Verb); ok && v.Glyph == "," && !v.Monadic {
		// the identity () is the first left argument: (,\)2 3 4 starts ,2
		if k.IsAtom(acc) {
			acc = enlist(acc)
		}
	}
	out := make([]k.V, 0, n)
	if scan {
		out = append(out, acc)
	}
	for i := 1; i < n; i++ {
		r, err := in.apply(f, []k.V{acc, k.At(x, i)})
		if err != nil {
			return nil, err
		}
		acc = r
		if scan {
			out = append(out, acc)
		}
	}
	if scan {
		res := k.Uniform(out)
		if d, ok := x.(*k.Dict); ok {
			return &k.Dict{Keys: d.Keys, Vals: res}, nil
		}
		return res, nil
	}
	return acc, nil
}

// fold is x f/ y (and f/[x;y;z...]): f applied from the seed x through the
// items of y (and z ...), atoms extending.
func (in *Interp) fold(f, x k.V, ys []k.V, scan bool) (k.V, error) {
	n := -1
	for _, y := range ys {
		if isList(y) {
			c := k.Count(y)
			if n >= 0 && c != n {
				return nil, k.ErrLength
			}
			n = c
		}
	}
	if n < 0 {
		r, err := in.apply(f, append([]k.V{x}, ys...))
		if err != nil || !scan {
			return r, err
		}
		return r, nil
	}
	acc := x
	out := make([]k.V, 0, n)
	call := make([]k.V, len(ys)+1)
	for i := range n {
		call[0] = acc
		for j, y := range ys {
			if isList(y) {
				call[j+1] = k.At(y, i)
			} else {
				call[j+1] = y
			}
		}
		r, err := in.apply(f, call)
		if err != nil {
			return nil, err
		}
		acc = r
		if scan {
			out = append(out, acc)
		}
	}
	if scan {
		return k.Uniform(out), nil
	}
	return acc, nil
}

// machine is m/ and m\ for a list or dictionary m, a finite-state
// machine: a list of lists is a binary value m[x;y] (reduced or folded
// over the right argument), any other list or dictionary a unary value
// m[x] (converged, repeated or iterated while a condition holds). A float
// vector b scans a b\c as {z+x*y}\[a;b;c].
func (in *Interp) machine(m k.V, args []k.V, scan bool) (k.V, error) {
	if f, ok := m.(k.Floats); ok && len(args) == 2 {
		lin := &Keyword{Name: "linear", Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			p, err := prim2("*", a[0], a[1])
			if err != nil {
				return nil, err
			}
			return prim2("+", a[2], p)
		}}
		return in.fold(lin, args[0], []k.V{f, args[1]}, scan)
	}
	if binaryData(m) {
		switch len(args) {
		case 1:
			if k.Count(args[0]) == 0 && isList(args[0]) && !scan {
				return prim2("#", k.Long(0), m)
			}
			return in.reduce(m, args[0], scan)
		case 2:
			return in.fold(m, args[0], args[1:], scan)
		}
		return nil, k.ErrRank
	}
	switch len(args) {
	case 1:
		return in.converge(m, args[0], scan)
	case 2:
		if n, ok := toInt(args[0]); ok {
			return in.repeat(m, n, args[1], scan)
		}
		if isFunc(args[0]) {
			return in.whileIter(args[0], m, args[1], scan)
		}
		return nil, k.ErrType
	}
	return nil, k.ErrRank
}

// binaryData reports whether a list used as a function takes two
// indices: a general list whose items are all lists.
func binaryData(m k.V) bool {
	l, ok := m.(k.List)
	if !ok || len(l) == 0 {
		return false
	}
	for _, x := range l {
		if !isList(x) {
			return false
		}
	}
	return true
}

// sameKeys refuses dictionary arguments of case whose keys differ ('domain).
func sameKeys(args []k.V) error {
	var keys k.V
	for _, a := range args {
		d, ok := a.(*k.Dict)
		if !ok {
			continue
		}
		if keys == nil {
			keys = d.Keys
			continue
		}
		if k.Count(d.Keys) != k.Count(keys) {
			return k.ErrLength
		}
		if same, err := match(keys, d.Keys); err != nil || !same {
			return k.ErrDomain
		}
	}
	return nil
}

// applyDataDerived applies an iterator derived from data: x/: and x/
// join with a separator (sv), x\: and x\ split (vs), and x' picks items
// of its arguments (case).
func (in *Interp) applyDataDerived(d *Derived, args []k.V) (k.V, error) {
	switch d.Glyph {
	case "/", "\\":
		if !k.IsAtom(d.F) {
			return in.machine(d.F, args, d.Glyph == "\\")
		}
	}
	switch d.Glyph {
	case "/:", "/":
		if len(args) == 1 {
			return prim2("sv", d.F, args[0])
		}
	case "\\:", "\\":
		if len(args) == 1 {
			return prim2("vs", d.F, args[0])
		}
	case "'":
		sel := func(x k.V) (k.V, error) {
			return &Keyword{Name: "case", N: func(in *Interp, a []k.V) (k.V, error) {
				i, ok := toInt(x)
				if !ok {
					return nil, k.ErrType
				}
				if i < 0 || int(i) >= len(a) {
					return nil, k.ErrIndex
				}
				return a[i], nil
			}}, nil
		}
		if !isList(d.F) {
			f, err := sel(d.F)
			if err != nil {
				return nil, err
			}
			return in.apply(f, args)
		}
		n := k.Count(d.F)
		if err := sameKeys(args); err != nil {
			return nil, err
		}
		out := make([]k.V, n)
		call := make([]k.V, len(args))
		for i := range n {
			for j, a := range args {
				if isList(a) {
					if k.Count(a) != n {
						return nil, k.ErrLength
					}
					call[j] = k.At(a, i)
				} else {
					call[j] = a
				}
			}
			f, err := sel(k.At(d.F, i))
			if err != nil {
				return nil, err
			}
			if out[i], err = in.apply(f, call); err != nil {
				return nil, err
			}
		}
		return k.Uniform(out), nil
	}
	return nil, k.ErrType
}
