package k

// MaxNest bounds the nesting of values that the recursive operations
// (display, match, atomic primitives) walk, and of parse trees: past it
// they answer 'stack, long before the Go stack runs out.
const MaxNest = 2000

// ErrStack is q's signal for nesting past MaxNest.
var ErrStack = &Error{"stack"}

// Deeper reports whether v nests general lists, dictionaries or tables
// (with or without an attribute) more than n deep. It walks v without recursion, visiting only those
// containers, and stops as soon as it finds the answer.
func Deeper(v V, n int) bool {
	type at struct {
		v V
		d int
	}
	stack := []at{{v, 0}}
	for len(stack) > 0 {
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
			return true
		}
		for _, c := range kids {
			switch c.(type) {
			case List, *Dict, *Table, *Attr:
				stack = append(stack, at{c, top.d + 1})
			}
		}
	}
	return false
}

// CheckNest is ErrStack if v nests deeper than MaxNest, else nil.
func CheckNest(v V) error {
	if Deeper(v, MaxNest) {
		return ErrStack
	}
	return nil
}
