package prim

import (
	"testing"

	"kt/k"
)

func TestMatrix(t *testing.T) {
	a := Li(F(2, 4, 8, 3), F(5, 6, 0, 7))
	b := Li(F(0, 1, 2), F(3, 4, 5), F(6, 7, 8), F(9, 10, 11))
	run(t, []tc{
		d("mmu", a, b, Li(F(87, 104, 121), F(81, 99, 117))),
		d("mmu", F(1, 2, 3), F(4, 5, 6), k.Float(32)),
		d("mmu", F(2, 4, 8, 3), b, F(87, 104, 121)),
		d("mmu", a, F(1, 0, 0, 0), F(2, 5)),
		d("mmu", Li(F(0, 1), F(1, 1)), F(1, 1), F(1, 2)),
		d("$", Li(F(1, 2, 3), F(4, 5, 6)), Li(F(7, 8), F(9, 10), F(11, 12)), Li(F(58, 64), F(139, 154))),
		de("mmu", F(1, 2), F(1, 2, 3), "'length"),
		de("mmu", a, a, "'length"),
		de("mmu", J(1, 2), J(1, 2), "'type"),
		m("inv", Li(F(2, 0), F(0, 4)), Li(F(0.5, 0), F(0, 0.25))),
		m("inv", Li(F(0, 1), F(1, 0)), Li(F(0, 1), F(1, 0))),
		m("inv", Li(F(1, 2), F(2, 4)), Li(F(nan, nan), F(nan, nan))),
		me("inv", Li(F(1, 2)), "'length"),
		d("lsq", Li(F(2, 4)), Li(F(1, 0), F(0, 2)), Li(F(2, 2))),
		d("lsq", F(1, 2, 3), Li(F(1, 1, 1)), F(2)),
		d("lsq", Li(F(0, 1, 2)), Li(F(1, 1, 1), F(0, 1, 2)), Li(F(0, 1))),
	})
}

func TestRank(t *testing.T) {
	run(t, []tc{
		m("rank", J(2, 7, 3, 2, 5), J(0, 4, 2, 1, 3)),
		m("rank", S("b", "a"), J(1, 0)),
		me("rank", k.Long(1), "'rank"),
		d("xrank", k.Long(4), J(0, 1, 2, 3, 4, 5, 6, 7), J(0, 0, 1, 1, 2, 2, 3, 3)),
		d("xrank", k.Long(4), J(0, 1, 2, 3, 4, 5, 6, 7, 8), J(0, 0, 0, 1, 1, 2, 2, 3, 3)),
		d("xrank", k.Long(3), J(1, 37, 5, 4, 0, 3), J(0, 2, 2, 1, 0, 1)),
		de("xrank", k.Float(3), J(1), "'type"),
	})
}
