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
	deeper, done := walk(v, n, false)
	if !done {
		deeper, _ = walk(v, n, true)
	}
	return deeper
}

// walk is Deeper's search; without memo it gives up (done false) after
// walkBudget containers, with memo it visits a container again only at a
// greater depth than before.
func walk(v V, n int, memo bool) (deeper, done bool) {
	type at struct {
		v V
		d int
	}
	var seen map[any]int
	if memo {
		seen = map[any]int{}
	}
	stack := []at{{v, 0}}
	for visits := 0; len(stack) > 0; visits++ {
		if !memo && visits > walkBudget {
			return false, false
		}
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var kids []V
		var id any
		switch x := top.v.(type) {
		case List:
			kids = x
			id = [2]uintptr{uintptr(unsafe.Pointer(unsafe.SliceData(x))), uintptr(len(x))}
		case *Dict:
			kids, id = []V{x.Keys, x.Vals}, x
		case *Table:
			kids, id = []V{x.Data}, x
		case *Attr: // an attribute adds no level
			stack = append(stack, at{x.V, top.d})
			continue
		default:
			continue
		}
		if top.d >= n {
			return true, true
		}
		if memo {
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
	return false, true
}

// CheckNest is ErrStack if v nests deeper than MaxNest, else nil.
func CheckNest(v V) error {
	if Deeper(v, MaxNest) {
		return ErrStack
	}
	return nil
}
