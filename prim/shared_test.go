package prim

import (
	"testing"

	"kt/k"
)

// sharedDict is {x!x}/[n;enlist 1]: n dictionaries whose keys are their values,
// 2^n paths through the value.
func sharedDict(n int) k.V {
	var v k.V = J(1)
	for range n {
		v = D(v, v)
	}
	return v
}

// TestSharedDict runs the primitives that recurse into a dictionary's keys
// and values on one whose keys are its values, 60 levels deep: each does
// the work once a level (2^60 steps otherwise, which no test would see
// end) and keeps the parts shared.
func TestSharedDict(t *testing.T) {
	x := sharedDict(60)
	small := sharedDict(3)
	run(t, []tc{
		m("reverse", small, small),
		d("#", k.Long(1), small, small),
		d("_", k.Long(0), small, small),
		d("sublist", k.Long(1), small, small),
		me("group", D(J(1), D(J(1), J(1))), "'nyi: group of a dictionary whose values are a dictionary"),
	})
	for _, c := range []struct {
		f string
		r func() (k.V, error)
	}{
		{"reverse", func() (k.V, error) { return Reverse(x) }},
		{"take", func() (k.V, error) { return takeN(1, x) }},
		{"drop", func() (k.V, error) { return dropN(0, x) }},
		{"sublist", func() (k.V, error) { return Sublist(k.Long(1), x) }},
		{"pick", func() (k.V, error) { return pick(x, []int64{0}), nil }},
	} {
		r, err := c.r()
		if err != nil {
			t.Fatalf("%s: %v", c.f, err)
		}
		for level := 0; level < 59; level++ { // the last level is 1!1
			d, ok := r.(*k.Dict)
			if !ok || !k.Same(d.Keys, d.Vals) {
				t.Fatalf("%s: level %d is %T, not a dictionary whose keys are its values", c.f, level, r)
			}
			r = d.Keys
		}
	}
}
