package k

import "unsafe"

// MaxNest bounds the nesting of values that the recursive operations
// (display, match, atomic primitives) walk, and of parse trees: past it
// they answer 'stack, long before the Go stack runs out.
const MaxNest = 2000

// ErrStack is q's signal for nesting past MaxNest.
var ErrStack = &Error{"stack"}

// walkBudget is how many containers Deeper visits before it remembers
// which it has seen: values share their parts, so {x!x}/[60;1] is 60
// dictionaries but 2^60 paths.
const walkBudget = 1 << 20

// Deeper reports whether v nests general lists, dictionaries or tables
// (with or without an attribute) more than n deep. It walks v without
// recursion, visiting only those containers, and stops as soon as it
// finds the answer.
func Deeper(v V, n int) bool {
	deeper, _ := deeperTicked(v, n, func() error { return nil })
	return deeper
}

// deeperTicked is Deeper, calling tick for each container it visits and
// giving up with tick's error.
func deeperTicked(v V, n int, tick func() error) (bool, error) {
	deeper, done, err := walk(v, n, false, tick)
	if err == nil && !done {
		deeper, _, err = walk(v, n, true, tick)
	}
	return deeper, err
}

// walk is Deeper's search; without memo it gives up (done false) after
// walkBudget containers, with memo it visits a container again only at a
// greater depth than before (a container is known by its identity).
func walk(v V, n int, memo bool, tick func() error) (deeper, done bool, err error) {
	type at struct {
		v V
		d int
	}
	var seen map[[2]uintptr]int
	if memo {
		seen = map[[2]uintptr]int{}
	}
	stack := []at{{v, 0}}
	for visits := 0; len(stack) > 0; visits++ {
		if !memo && visits > walkBudget {
			return false, false, nil
		}
		if err := tick(); err != nil {
			return false, false, err
		}
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var kids []V
		switch x := top.v.(type) {
		case List:
			kids = x
		case *Dict:
			kids = []V{x.Keys, x.Vals}
		case *Table:
			kids = []V{x.Data}
		case *Attr: // an attribute adds no level
			stack = append(stack, at{x.V, top.d})
			continue
		default:
			continue
		}
		if top.d >= n {
			return true, true, nil
		}
		if id, _ := identity(top.v); memo {
			if d, ok := seen[id]; ok && d >= top.d {
				continue
			}
			seen[id] = top.d
		}
		for _, c := range kids {
			switch c.(type) {
			case List, *Dict, *Table, *Attr:
				stack = append(stack, at{c, top.d + 1})
			}
		}
	}
	return false, true, nil
}

// CheckNest is ErrStack if v nests deeper than MaxNest, else nil; or
// Tick's error, if v has so many containers that the walk is stopped.
func CheckNest(v V) error {
	deeper, err := deeperTicked(v, MaxNest, Tick)
	if err != nil {
		return err
	}
	if deeper {
		return ErrStack
	}
	return nil
}

// identity is how a container is known in a walk that remembers what it
// has seen: where its items are, and for a list how many (a list's first
// n items are another container). Two words, not an interface, so that
// remembering a million containers does not allocate a million times.
// ok is false for anything but a non-empty list, a dictionary or a table.
func identity(v V) (id [2]uintptr, ok bool) {
	switch x := v.(type) {
	case List:
		return [2]uintptr{uintptr(unsafe.Pointer(unsafe.SliceData(x))), uintptr(len(x))}, len(x) > 0
	case *Dict:
		return [2]uintptr{uintptr(unsafe.Pointer(x)), ^uintptr(0)}, x != nil
	case *Table:
		return [2]uintptr{uintptr(unsafe.Pointer(x)), ^uintptr(1)}, x != nil
	}
	return id, false
}

// Same reports whether a and b are one container (see identity): a
// recursion into a dictionary's keys and values, which share their parts
// in {x!x}/[40;1], does the work once where they are.
func Same(a, b V) bool {
	ia, oka := identity(a)
	ib, okb := identity(b)
	return oka && okb && ia == ib
}
