package ktorch

import (
	"fmt"

	"kt/k"
)

// A pair is one name-value option. t is the k type the value counts as:
// short, int and long atoms count as long (-7), a real stays real (-8);
// a list or other value keeps its own type with v holding it.
type pair struct {
	name string
	t    int
	v    k.V
}

// pairs walks the name-value options given as the last argument: a
// dictionary, a symbol list `a`b`c`d, a flat list (`a;1;`b;2) or a list of
// pairs ((`a;1);(`b;2)).
type pairs struct {
	x    k.V
	form int // 1 dictionary, 2 list of pairs, 3 flat list, 4 symbol list
	n, i int
}

// newPairs recognises a group of name-value options in x. It returns false
// when x is not such a group, and an error when x looks like one but is
// malformed.
func newPairs(x k.V) (*pairs, bool, error) {
	switch v := x.(type) {
	case *k.Dict:
		switch kv := v.Keys.(type) {
		case k.Syms:
			return &pairs{x: x, form: 1, n: len(kv)}, true, nil
		case k.List:
			if len(kv) == 0 {
				return &pairs{x: x, form: 1}, true, nil
			}
		}
		return nil, false, fmt.Errorf("unexpected name,value dictionary with %s as keys: %s", kname(v.Keys.Type()), str1(x))
	case k.Syms:
		if len(v)%2 != 0 {
			return nil, false, fmt.Errorf("uneven no. of symbols for name,value pairs: %s", str1(x))
		}
		return &pairs{x: x, form: 4, n: len(v) / 2}, true, nil
	case k.List:
		if isPointer(v) {
			return nil, false, nil
		}
		if len(v) == 0 {
			return &pairs{x: x, form: 2}, true, nil
		}
		if _, ok := v[0].(k.Sym); ok {
			if len(v)%2 != 0 {
				return nil, false, fmt.Errorf("uneven no. of elements for name,value pairs in list: %s", str1(x))
			}
			return &pairs{x: x, form: 3, n: len(v) / 2}, true, nil
		}
		if k.Count(v[0]) == 2 {
			switch y := v[0].(type) {
			case k.Syms:
				return &pairs{x: x, form: 2, n: len(v)}, true, nil
			case k.List:
				if _, ok := y[0].(k.Sym); ok {
					return &pairs{x: x, form: 2, n: len(v)}, true, nil
				}
			}
		}
	}
	return nil, false, nil
}

// next returns the next pair, or false when there are no more.
func (p *pairs) next() (pair, bool, error) {
	if p == nil || p.i >= p.n {
		return pair{}, false, nil
	}
	i := p.i
	p.i++
	var r pair
	var err error
	switch p.form {
	case 1:
		d := p.x.(*k.Dict)
		if keys, ok := d.Keys.(k.Syms); ok {
			r.name = keys[i]
		}
		err = pairValueAt(&r, d.Vals, i)
	case 2:
		y := p.x.(k.List)[i]
		if n := k.Count(y); n != 2 {
			return r, false, fmt.Errorf("name,value pair[%d] has %d elements (expected 2)", i, n)
		}
		switch yv := y.(type) {
		case k.Syms:
			r.name = yv[0]
			err = pairValueAt(&r, yv, 1)
		case k.List:
			s, ok := yv[0].(k.Sym)
			if !ok {
				return r, false, fmt.Errorf("name,value pair[%d] has no name symbol", i)
			}
			r.name = string(s)
			err = pairValue(&r, yv[1])
		default:
			return r, false, fmt.Errorf("name,value pair[%d] has no name symbol", i)
		}
	case 3:
		l := p.x.(k.List)
		j := 2 * i
		s, ok := l[j].(k.Sym)
		if !ok {
			return r, false, fmt.Errorf("unrecognized name for pair, element[%d], expected symbol, received: %s", j, kname(l[j].Type()))
		}
		r.name = string(s)
		err = pairValue(&r, l[j+1])
	case 4:
		s := p.x.(k.Syms)
		r.name = s[2*i]
		r.t, r.v = -k.TSym, k.Sym(s[2*i+1])
	}
	if err != nil {
		return r, false, err
	}
	return r, true, nil
}

// pairValue sets the value of a pair from a k value given whole.
func pairValue(r *pair, x k.V) error {
	switch v := x.(type) {
	case k.Sym, k.Bool, k.Real, k.Float:
		r.t, r.v = v.Type(), v
	case k.Short:
		r.t, r.v = -k.TLong, k.Long(v)
	case k.Int:
		r.t, r.v = -k.TLong, k.Long(v)
	case k.Long:
		r.t, r.v = -k.TLong, v
	default:
		if x.Type() < 0 {
			return fmt.Errorf("name-value pairs not implemented for %s value", kname(x.Type()))
		}
		r.t, r.v = x.Type(), x
	}
	return nil
}

// pairValueAt sets the value of a pair from item i of a list.
func pairValueAt(r *pair, x k.V, i int) error {
	if n := k.Count(x); i >= n {
		return fmt.Errorf("name,value index[%d] invalid for %s with %d elements", i, kname(x.Type()), n)
	}
	switch v := x.(type) {
	case k.List:
		return pairValue(r, v[i])
	case k.Syms:
		r.t, r.v = -k.TSym, k.Sym(v[i])
	case k.Bools:
		r.t, r.v = -k.TBool, k.Bool(v[i])
	case k.Shorts:
		r.t, r.v = -k.TLong, k.Long(v[i])
	case k.Ints:
		r.t, r.v = -k.TLong, k.Long(v[i])
	case k.Longs:
		r.t, r.v = -k.TLong, k.Long(v[i])
	case k.Reals:
		r.t, r.v = -k.TReal, k.Real(v[i])
	case k.Floats:
		r.t, r.v = -k.TFloat, k.Float(v[i])
	default:
		return fmt.Errorf("name-value pairs not implemented for %s value", kname(x.Type()))
	}
	return nil
}

// empty reports whether a pair's value means "none": :: or an empty list.
func (r pair) empty() bool {
	if r.t == k.TUnary {
		return true
	}
	return r.t >= 0 && r.v != nil && k.Count(r.v) == 0
}

// argc counts the positional arguments of x from offset i and finds the
// name-value group that may end it (the reference's xargc).
func argc(x k.V, i int) (int, *pairs, error) {
	if x == nil {
		return 0, nil, nil
	}
	if _, ok := x.(*k.Dict); ok {
		p, _, err := newPairs(x)
		return 0, p, err
	}
	if t := x.Type(); t < 0 || t > 97 {
		switch {
		case i > 1:
			return 0, nil, nil
		case i < 0:
			return 1, nil, nil
		}
		return 1 - i, nil, nil
	}
	n := k.Count(x)
	if n == 0 {
		return 0, nil, nil
	}
	if !(-1 < i && i <= n) {
		return 0, nil, fmt.Errorf("invalid offset: %d, for %s of length %d", i, kname(x.Type()), n)
	}
	if n > i {
		if l, ok := x.(k.List); ok && !isPointer(l) {
			p, ok, err := newPairs(l[n-1])
			if err != nil {
				return 0, nil, err
			}
			if ok {
				return n - i - 1, p, nil
			}
		}
	}
	return n - i, nil, nil
}
