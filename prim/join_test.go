package prim

import (
	"testing"

	"kt/k"
)

func TestJoins(t *testing.T) {
	x := T(S("a", "b", "c"), J(1, 2, 3), S("I", "J", "K"), J(10, 20, 30))
	y := D(T(S("a", "b"), J(1, 3), S("I", "K")), T(S("c", "d"), J(1, 2), J(10, 20)))
	kt1 := D(T(S("k"), J(1, 2, 3)), T(S("c1", "c2"), J(10, 20, 30), S("a", "b", "c")))
	kt3 := D(T(S("k"), J(2, 3)), T(S("c1", "c2"), J(k.NullLong, 3000), S("bbb", "")))
	s := T(S("a", "b"), J(1, 2), J(2, 3))
	u := T(S("a", "c"), J(3), C("A"))
	run(t, []tc{
		d("lj", x, y, T(S("a", "b", "c", "d"), J(1, 2, 3), S("I", "J", "K"), J(1, 20, 2), J(10, k.NullLong, 20))),
		d("ij", x, y, T(S("a", "b", "c", "d"), J(1, 3), S("I", "K"), J(1, 2), J(10, 20))),
		d("lj", x, Li(), x),
		de("lj", x, x, "'type"),
		de("lj", T(S("z"), J(1)), y, "'mismatch"),
		d("uj", s, u, T(S("a", "b", "c"), J(1, 2, 3), J(2, 3, k.NullLong), C("  A"))),
		d(",", kt1, kt3, D(T(S("k"), J(1, 2, 3)), T(S("c1", "c2"), J(10, k.NullLong, 3000), S("a", "bbb", "")))),
		d("^", kt1, kt3, D(T(S("k"), J(1, 2, 3)), T(S("c1", "c2"), J(10, 20, 3000), S("a", "bbb", "c")))),
		d("uj", kt3, kt1, D(T(S("k"), J(2, 3, 1)), T(S("c1", "c2"), J(20, 30, 10), S("b", "c", "a")))),
		d("@", y, T(S("a", "b"), J(3, 2), S("K", "J")), T(S("c", "d"), J(2, k.NullLong), J(20, k.NullLong))),
	})
	t1 := T(S("k", "c"), J(1, 2, 3, 4), J(10, 20, 30, 40))
	t2 := T(S("k", "c", "v"), J(2, 2, 3, 5), J(200, 222, 300, 500), F(2.2, 22.22, 3.3, 5.5))
	got, err := Ej(k.Sym("k"), t1, t2)
	want := T(S("k", "c", "v"), J(2, 2, 3), J(200, 222, 300), F(2.2, 22.22, 3.3))
	if err != nil || !same(got, want) {
		t.Errorf("ej: got %s, %v; want %s", show(got), err, show(want))
	}
	if _, err := Ej(k.Sym("z"), t1, t2); err == nil {
		t.Errorf("ej on a missing column: no error")
	}
}
