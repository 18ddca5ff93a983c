package q

import (
	"kt/k"
)

// isList reports whether v has items to iterate over: lists, vectors,
// dictionaries and tables.
func isList(v k.V) bool {
	t := v.Type()
	return t >= 0 && t < k.TLambda
}
