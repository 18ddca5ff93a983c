package prim

import (
	"testing"

	"kt/k"
)

func TestGroupTrimShift(t *testing.T) {
	tb := T(S("s", "p", "r"), S("a", "b"), Li(J(2), J(5, 7)), Li(C("A"), C("CD")))
	run(t, []tc{
		m("ungroup", tb, T(S("s", "p", "r"), S("a", "b", "b"), J(2, 5, 7), C("ACD"))),
		m("ungroup", D(T(S("s"), S("a")), T(S("p"), Li(J(1, 2)))), T(S("s", "p"), S("a", "a"), J(1, 2))),
		me("ungroup", T(S("s", "p"), S("a"), Li(J(1, 2))).Data[0], "'type"),
		d("xgroup", S("a"), T(S("a", "c"), J(0, 1, 0), J(5, 6, 7)),
			D(T(S("a"), J(0, 1)), T(S("c"), Li(J(5, 7), J(6))))),
		de("xgroup", S("z"), T(S("a"), J(0)), "'mismatch"),
		m("trim", J(k.NullLong, 1, k.NullLong, 2, k.NullLong), J(1, k.NullLong, 2)),
		m("ltrim", F(nan, 1, nan), F(1, nan)),
		m("trim", k.Long(42), k.Long(42)),
		m("rtrim", T(S("a"), Li(C("x "), Li(C("y "), C("z")))), T(S("a"), Li(C("x"), Li(C("y"), C("z"))))),
		me("trim", S("a"), "'type"),
		m("next", Li(J(1, 2), C("abc"), k.Sym("ibm")), Li(C("abc"), k.Sym("ibm"), J())),
		m("prev", Li(J(1, 2), C("abc")), Li(J(), J(1, 2))),
		m("next", J(2, 3), J(3, k.NullLong)),
	})
}
