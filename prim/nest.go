package prim

import "kt/k"

// Most primitives walk general lists, dictionaries and tables by
// recursion, one Go frame or more per level of nesting. So that a value
// nested millions deep ({enlist x}/[2000000;1]) is q's 'stack and not the
// end of the process, the entries of Monads and Dyads check their
// arguments' nesting against k.MaxNest before they run: once, at the top,
// which costs a walk over the containers, no more than the primitive's own
// work. The primitives that never recurse into items and may run in
// constant time (count, first, take, join, ...) are left unchecked, and
// indexing checks its index only.
func init() {
	flat := map[string]bool{
		"#": true, "count": true, "*": true, "first": true, "last": true, "@": true, "type": true,
		"til": true, ",": true, "enlist": true, "!": true, "key": true, ".": true, "value": true,
		"where": true, "&": true, "cols": true, "keys": true, "meta": true,
	}
	for name, f := range Monads {
		if !flat[name] {
			Monads[name] = nestChecked1(f)
		}
	}
	flat2 := map[string]bool{"#": true, "_": true, ",": true, "!": true, "sublist": true, "cut": true}
	for name, f := range Dyads {
		switch {
		case name == "@" || name == ".":
			Dyads[name] = nestCheckedIndex(f)
		case !flat2[name]:
			Dyads[name] = nestChecked2(f)
		}
	}
}

func nestChecked1(f Monad) Monad {
	return func(x k.V) (k.V, error) {
		if err := k.CheckNest(x); err != nil {
			return nil, err
		}
		return f(x)
	}
}

func nestChecked2(f Dyad) Dyad {
	return func(x, y k.V) (k.V, error) {
		if err := k.CheckNest(x); err != nil {
			return nil, err
		}
		if err := k.CheckNest(y); err != nil {
			return nil, err
		}
		return f(x, y)
	}
}

// nestCheckedIndex checks the index y of x@y and x . y: indexing walks it,
// not x.
func nestCheckedIndex(f Dyad) Dyad {
	return func(x, y k.V) (k.V, error) {
		if err := k.CheckNest(y); err != nil {
			return nil, err
		}
		return f(x, y)
	}
}
