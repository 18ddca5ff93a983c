package prim

import (
	"testing"

	"kt/k"
)

// TestAttrPaths checks that the paths attributes take give what the
// plain ones give: find on `s# `u# `g#, group on `g# (made once, then
// kept), and a sorted dictionary's lookup as a step function.
func TestAttrPaths(t *testing.T) {
	v := k.Longs{5, 1, 5, 3, 1, 9}
	sorted := k.Longs{1, 1, 3, 5, 5, 9}
	for _, c := range []struct {
		a    string
		list k.Longs
	}{{"s", sorted}, {"u", k.Longs{4, 2, 7}}, {"g", v}} {
		x, err := ApplyAttr(c.a, c.list)
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range []int64{1, 3, 5, 9, 7, 2, 4, 0, 100} {
			want, _ := Find(c.list, k.Long(y))
			got, ok, err := FindAttr(x.(*k.Attr), k.Long(y))
			if err != nil || !ok || !matchV(got, want) {
				t.Errorf("`%s# find %d: %v %v %v, want %v", c.a, y, got, ok, err, want)
			}
		}
	}
	g, _ := ApplyAttr("g", v)
	want, _ := Group(v)
	for range 2 {
		got, err := Monads["group"](g)
		if err != nil || !matchV(got, want) {
			t.Errorf("group of `g#: %v %v, want %v", got, err, want)
		}
	}
	if g.(*k.Attr).Groups == nil {
		t.Error("the groups of `g# are not kept")
	}
	d, err := ApplyAttr("s", &k.Dict{Keys: k.Longs{1, 3, 5}, Vals: k.Syms{"a", "b", "c"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := StepIndex(d.(*k.Attr).V.(*k.Dict), k.Longs{0, 1, 2, 3, 4, 5, 6})
	if w := (k.Syms{"", "a", "a", "b", "b", "c", "c"}); err != nil || !matchV(got, w) {
		t.Errorf("step: %v %v, want %v", got, err, w)
	}
	for _, bad := range []struct {
		a string
		v k.V
	}{{"s", k.Longs{2, 1}}, {"u", k.Longs{1, 1}}, {"p", k.Longs{1, 2, 1}}} {
		if _, err := ApplyAttr(bad.a, bad.v); err == nil {
			t.Errorf("`%s#%v: no error", bad.a, bad.v)
		}
	}
}
