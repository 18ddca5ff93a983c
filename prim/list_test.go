package prim

import (
	"testing"

	"kt/k"
)

func TestList(t *testing.T) {
	names := S("Arthur", "Steve", "Dennis")
	run(t, []tc{
		m("til", k.Long(5), J(0, 1, 2, 3, 4)),
		m("!", k.Long(3), J(0, 1, 2)),
		m("til", k.Long(0), J()),
		m("til", k.Int(2), J(0, 1)),
		me("til", k.Long(-1), "'domain"),
		me("til", k.Float(2), "'type"),
		m("count", J(1, 2, 3), k.Long(3)),
		m("#", k.Long(5), k.Long(1)),
		m("count", D(S("a", "b"), J(1, 2)), k.Long(2)),
		m("count", T(S("a"), J(1, 2, 3)), k.Long(3)),
		m("count", Li(J(1, 2), C("abc")), k.Long(2)),
		m("first", J(1, 2, 3), k.Long(1)),
		m("*", Li(J(1, 2), C("abc")), J(1, 2)),
		m("first", J(), nj),
		m("first", k.Sym("a"), k.Sym("a")),
		m("first", D(S("a", "b"), J(7, 8)), k.Long(7)),
		m("first", T(S("a", "b"), J(1, 2), S("x", "y")), D(S("a", "b"), Li(k.Long(1), k.Sym("x")))),
		m("last", J(1, 2, 3), k.Long(3)),
		m("last", C(""), k.Char(' ')),
		m("last", D(S("a", "b"), J(7, 8)), k.Long(8)),
		m("reverse", J(1, 2, 3), J(3, 2, 1)),
		m("|", C("abc"), C("cba")),
		m("reverse", D(S("a", "b"), J(1, 2)), D(S("b", "a"), J(2, 1))),
		m("reverse", k.Long(1), k.Long(1)),
		m("reverse", T(S("a"), J(1, 2)), T(S("a"), J(2, 1))),
		m("where", B("10110"), J(0, 2, 3)),
		m("&", J(2, 0, 1), J(0, 0, 2)),
		m("where", D(S("a", "b", "c"), B("101")), S("a", "c")),
		me("where", J(-1), "'domain"),
		m("enlist", k.Long(1), J(1)),
		m(",", J(1, 2), Li(J(1, 2))),
		m("enlist", D(S("a", "b"), Li(k.Long(1), k.Sym("x"))), T(S("a", "b"), J(1), S("x"))),
		m("raze", Li(J(1, 2), J(3), k.Long(4)), J(1, 2, 3, 4)),
		m("raze", Li(J(1), C("a")), Li(k.Long(1), k.Char('a'))),
		m("raze", k.Long(1), J(1)),
		m("raze", D(S("a", "b"), Li(J(1), J(2, 3))), J(1, 2, 3)),
		me("raze", Li(k.Long(10), D(S("a", "b"), J(1, 2))), "'type"),
		de(",", k.Long(10), D(S("a", "b"), J(1, 2)), "'type"),
		de(",", D(S("a", "b"), J(1, 2)), J(3, 4), "'type"),
		d("inter", D(S("a", "b"), Li(J(1, 2), S("x"))), D(S("a", "c"), Li(S("x"), J(1, 2))), Li(J(1, 2), S("x"))),
		d("inter", D(S("a", "b"), J(1, 2)), J(2, 3), J(2)),
		// Join.
		d(",", J(1, 2), k.Long(3), J(1, 2, 3)),
		d(",", k.Long(1), k.Long(2), J(1, 2)),
		d(",", J(1, 2), F(3), Li(k.Long(1), k.Long(2), k.Float(3))),
		d(",", C("ab"), C("cd"), C("abcd")),
		d(",", S("a"), k.Sym("b"), S("a", "b")),
		d(",", k.List{}, J(1), J(1)),
		d(",", Li(J(1)), J(2, 3), Li(J(1), k.Long(2), k.Long(3))),
		d(",", D(S("a", "b"), J(1, 2)), D(S("b", "c"), J(3, 4)), D(S("a", "b", "c"), J(1, 3, 4))),
		d(",", T(S("a"), J(1)), T(S("a"), J(2)), T(S("a"), J(1, 2))),
		d(",", T(S("a", "b"), J(1), S("x")), D(S("a", "b"), Li(k.Long(2), k.Sym("y"))), T(S("a", "b"), J(1, 2), S("x", "y"))),
		de(",", T(S("a"), J(1)), T(S("b"), J(2)), "'mismatch"),
		// Take.
		d("#", k.Long(5), J(0, 1, 2, 3, 4, 5, 6, 7, 8), J(0, 1, 2, 3, 4)),
		d("#", k.Long(-5), J(0, 1, 2, 3, 4, 5, 6, 7, 8), J(4, 5, 6, 7, 8)),
		d("#", k.Long(5), names, S("Arthur", "Steve", "Dennis", "Arthur", "Steve")),
		d("#", k.Long(-5), names, S("Steve", "Dennis", "Arthur", "Steve", "Dennis")),
		d("#", k.Long(3), k.Long(9), J(9, 9, 9)),
		d("#", k.Long(2), k.Sym("a"), S("a", "a")),
		d("#", k.Long(0), J(1, 2), J()),
		d("#", k.Long(2), J(), J(k.NullLong, k.NullLong)),
		d("#", J(2, 5), k.Char('!'), Li(C("!!!!!"), C("!!!!!"))),
		d("#", J(2, 3), J(0, 1, 2, 3, 4, 5), Li(J(0, 1, 2), J(3, 4, 5))),
		d("#", J(2, 4), names, Li(S("Arthur", "Steve", "Dennis", "Arthur"), S("Steve", "Dennis", "Arthur", "Steve"))),
		d("#", J(2, 3, 4), k.Char('a'), Li(Li(C("aaaa"), C("aaaa"), C("aaaa")), Li(C("aaaa"), C("aaaa"), C("aaaa")))),
		d("#", J(2, 2, 3), J(0, 1, 2, 3, 4), Li(Li(J(0, 1, 2), J(3, 4, 0)), Li(J(1, 2, 3), J(4, 0, 1)))),
		de("#", J(1, 0, 2), J(1, 2), "'domain"),
		d("#", J(1, 2, 0), k.Char('a'), Li(Li(C(""), C("")))),
		d("#", J(3, k.NullLong), J(10), Li(J(), J(), J(10))),
		d(",", Li(), k.Long(10), J(10)),
		d(",", k.Sym("a"), Li(), S("a")),
		d("#", J(k.NullLong, 3), J(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), Li(J(0, 1, 2), J(3, 4, 5), J(6, 7, 8), J(9))),
		d("#", J(3, k.NullLong), J(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), Li(J(0, 1, 2), J(3, 4, 5), J(6, 7, 8, 9))),
		d("#", J(2), J(0, 1, 2, 3), J(0, 1)),
		d("#", J(1, 2, 0), k.Char('a'), Li(Li(C(""), C("")))),
		de("#", J(1, 0, 2, -1), J(1), "'domain"),
		d("#", k.Long(2), D(S("a", "b", "c"), J(1, 2, 3)), D(S("a", "b"), J(1, 2))),
		d("#", k.Long(-1), T(S("a"), J(1, 2, 3)), T(S("a"), J(3))),
		d("#", S("a", "c"), T(S("a", "b", "c"), J(1), J(2), J(3)), T(S("a", "c"), J(1), J(3))),
		d("#", S("a", "c"), D(S("a", "b", "c"), J(1, 2, 3)), D(S("a", "c"), J(1, 3))),
		d("#", S("a", "z"), D(S("a", "b"), J(1, 2)), D(S("a", "z"), J(1, k.NullLong))),
		// Drop and cut.
		d("_", k.Long(5), J(0, 1, 2, 3, 4, 5, 6, 7, 8), J(5, 6, 7, 8)),
		d("_", k.Long(-5), J(0, 1, 2, 3, 4, 5, 6, 7, 8), J(0, 1, 2, 3)),
		d("_", k.Long(1), D(S("a", "b", "c"), J(1, 2, 3)), D(S("b", "c"), J(2, 3))),
		d("_", k.Long(5), C("apple: banana"), C(": banana")),
		d("_", k.Long(10), J(1, 2), J()),
		d("_", J(0, 1, 2, 3, 4, 5, 6, 7, 8), k.Long(5), J(0, 1, 2, 3, 4, 6, 7, 8)),
		d("_", D(S("a", "b", "c"), J(1, 2, 3)), k.Sym("a"), D(S("b", "c"), J(2, 3))),
		d("_", k.Sym("a"), D(S("a", "b", "c"), J(1, 2, 3)), D(S("b", "c"), J(2, 3))),
		d("_", S("a", "b"), D(S("a", "b", "c"), J(1, 2, 3)), D(S("c"), J(3))),
		de("_", D(S("a", "b", "c"), J(1, 2, 3)), S("a", "b"), "'type"),
		d("_", D(J(100, 200), S("a", "b")), k.Long(1), D(J(100, 200), S("a", "b"))),
		d("_", D(J(100, 200), S("a", "b")), k.Long(100), D(J(200), S("b"))),
		d("_", J(1), D(J(100, 200), S("a", "b")), D(J(100, 200), S("a", "b"))),
		d("_", J(100), D(J(100, 200), S("a", "b")), D(J(200), S("b"))),
		d("_", k.Long(100), D(J(100, 200), S("a", "b")), D(J(), S())),
		d("_", S("a", "b"), T(S("a", "b", "c"), J(1), J(2), S("d")), T(S("c"), S("d"))),
		de("_", k.Sym("a"), T(S("a", "b"), J(1), J(2)), "'type"),
		de("_", T(S("a", "b"), J(1), J(2)), S("a"), "'type"),
		d("_", J(2, 4), J(0, 1, 2, 3, 4, 5), Li(J(2, 3), J(4, 5))),
		d("cut", J(0, 2), C("abcd"), Li(C("ab"), C("cd"))),
		d("cut", k.Long(3), J(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), Li(J(0, 1, 2), J(3, 4, 5), J(6, 7, 8), J(9))),
		// Rotate, sublist.
		d("rotate", k.Long(2), J(1, 2, 3, 4, 5), J(3, 4, 5, 1, 2)),
		d("rotate", k.Long(-1), J(1, 2, 3, 4, 5), J(5, 1, 2, 3, 4)),
		d("rotate", k.Long(7), C("abc"), C("bca")),
		d("sublist", k.Long(3), J(1, 2, 3, 4, 5), J(1, 2, 3)),
		d("sublist", k.Long(-2), J(1, 2, 3, 4, 5), J(4, 5)),
		d("sublist", k.Long(9), J(1, 2), J(1, 2)),
		d("sublist", J(1, 2), J(1, 2, 3, 4, 5), J(2, 3)),
		d("sublist", J(4, 9), J(1, 2, 3, 4, 5), J(5)),
		d("sublist", k.Long(1), D(S("a", "b"), J(1, 2)), D(S("a"), J(1))),
		// Dict.
		d("!", S("a", "b"), J(1, 2), D(S("a", "b"), J(1, 2))),
		d("!", k.Sym("a"), k.Long(1), D(S("a"), J(1))),
		de("!", S("a", "b"), J(1, 2, 3), "'length"),
		d("!", k.Long(1), T(S("k", "v"), S("a", "b"), J(1, 2)), D(T(S("k"), S("a", "b")), T(S("v"), J(1, 2)))),
		d("!", k.Long(0), D(T(S("k"), S("a")), T(S("v"), J(1))), T(S("k", "v"), S("a"), J(1))),
		// Cross.
		d("cross", J(1, 2), J(3, 4), Li(J(1, 3), J(1, 4), J(2, 3), J(2, 4))),
		d("cross", T(S("a"), J(1, 2)), T(S("b"), S("x")), T(S("a", "b"), J(1, 2), S("x", "x"))),
	})
}

func TestCond(t *testing.T) {
	got, err := Cond(B("1010"), J(1, 2, 3, 4), k.Long(0))
	if err != nil || !same(got, J(1, 0, 3, 0)) {
		t.Fatalf("?[1010b;1 2 3 4;0] = %s, %v", show(got), err)
	}
	if _, err := Cond(B("10"), J(1, 2, 3), k.Long(0)); err != k.ErrLength {
		t.Fatalf("length: %v", err)
	}
	if _, err := Cond(J(1), J(1), J(1)); err != k.ErrType {
		t.Fatalf("type: %v", err)
	}
	got, _ = Ssr(C("toronto"), C("to"), C("TO"))
	if !same(got, C("TOronTO")) {
		t.Fatalf("ssr: %s", show(got))
	}
	got, _ = Ssr(C("toronto ontario"), C("[ir]o"), C("_"))
	if !same(got, C("to_nto ontar_")) {
		t.Fatalf("ssr with a class: %s", show(got))
	}
	got, _ = Ss(C("toronto ontario"), C("[^t]o"))
	if !same(got, J(2, 7, 13)) {
		t.Fatalf("ss with a negated class: %s", show(got))
	}
	got, _ = SsrWith(C("abcabc"), C("b?"), func(m k.V) (k.V, error) { return Upper(m) })
	if !same(got, C("aBCaBC")) {
		t.Fatalf("ssr with a function: %s", show(got))
	}
	if _, err := SsrWith(C("ab"), C("b"), func(k.V) (k.V, error) { return k.Long(1), nil }); err != k.ErrType {
		t.Fatalf("ssr with a function giving a number: %v", err)
	}
}
