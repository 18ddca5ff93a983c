package prim

import (
	"testing"

	"kt/k"
)

func TestMoving(t *testing.T) {
	dv := D(S("a", "b"), Li(J(10, 21, 3), J(4, 5, 6)))
	tb := T(S("a", "b"), J(10, 21, 3), J(4, 5, 6))
	run(t, []tc{
		d("msum", k.Long(3), J(1, 2, 3, 5, 7, 11), J(1, 3, 6, 10, 15, 23)),
		d("msum", k.Long(3), J(k.NullLong, 2, 3, 5, k.NullLong, 11), J(0, 2, 5, 10, 8, 16)),
		d("msum", k.Long(2), F(1.5, 2.5, nan), F(1.5, 4, 2.5)),
		d("msum", k.Long(2), tb, T(S("a", "b"), J(10, 31, 24), J(4, 9, 11))),
		d("msum", k.Long(0), J(1, 2), J(0, 0)),
		d("mcount", k.Long(3), J(k.NullLong, 1, 2, 3, k.NullLong, 5), J(0, 1, 2, 3, 2, 2)),
		d("mcount", k.Long(2), dv, D(S("a", "b"), Li(J(1, 1, 1), J(2, 2, 2)))),
		d("mavg", k.Long(2), J(1, 2, 3, 5, 7, 10), F(1, 1.5, 2.5, 4, 6, 8.5)),
		d("mavg", k.Long(0), J(2, 3), F(nan, nan)),
		d("mavg", k.Long(5), J(k.NullLong, 2), F(nan, 2)),
		d("mdev", k.Long(2), J(1, 2, 3, 5, 7, 10), F(0, 0.5, 0.5, 1, 1, 1.5)),
		d("mdev", k.Long(2), tb, T(S("a", "b"), F(0, 5.5, 9), F(0, 0.5, 0.5))),
		d("mmax", k.Long(3), J(2, 7, 1, 3, 5, 2, 8), J(2, 7, 7, 7, 5, 5, 8)),
		d("mmax", k.Long(2), dv, D(S("a", "b"), Li(J(10, 21, 3), J(10, 21, 6)))),
		d("mmin", k.Long(3), J(k.NullLong, -3, -2, 1, -k.InfLong, 0), J(k.NullLong, k.NullLong, k.NullLong, -3, -k.InfLong, -k.InfLong)),
		d("mmin", k.Long(2), D(T(S("k"), S("x", "y", "z")), tb), D(T(S("k"), S("x", "y", "z")), T(S("a", "b"), J(10, 10, 3), J(4, 4, 5)))),
		de("msum", k.Float(2), J(1), "'type"),
		de("msum", k.Long(-1), J(1), "'domain"),
	})
}

func TestRunningNulls(t *testing.T) {
	run(t, []tc{
		m("maxs", J(k.NullLong, 5, k.NullLong, 1, 3), J(-k.InfLong, 5, 5, 5, 5)),
		m("mins", J(k.NullLong, 5, k.NullLong, 1, 3), J(k.InfLong, 5, 5, 1, 1)),
		m("mins", I(k.NullInt, 2), I(k.InfInt, 2)),
		m("maxs", F(nan, 2, 1), F(-inf, 2, 2)),
		m("prds", J(2, 3, k.NullLong, 7), J(2, 6, 6, 42)),
		m("avg", Li(k.Long(1), nf, k.Long(2), k.Long(3)), k.Float(1.5)),
		m("med", D(S("a", "b"), Li(J(10, -21, 3), J(4, 5, -6))), F(7, -8, -1.5)),
		m("med", T(S("b"), J(4, 5, -6)), D(S("b"), F(4))),
		m("all", Li(), k.Bool(true)),
		m("any", Li(), k.Bool(false)),
		d("wavg", J(1, 2), D(S("a", "b"), Li(J(10, 21, 3), J(4, 5, 6))), F(6, 31.0/3, 5)),
	})
}
