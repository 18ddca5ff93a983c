package prim

import (
	"testing"

	"kt/k"
)

func TestPadCast(t *testing.T) {
	run(t, []tc{
		d("$", k.Long(5), C("foo"), C("foo  ")),
		d("$", k.Long(-5), C("foo"), C("  foo")),
		d("$", k.Long(2), C("foo"), C("fo")),
		d("$", k.Long(-2), C("foo"), C("oo")),
		d("$", k.Int(4), Li(C("a"), Li(C("bc"))), Li(C("a   "), Li(C("bc  ")))),
		d("$", k.Long(-3), D(S("a"), Li(C("x"))), D(S("a"), Li(C("  x")))),
		d("$", k.Long(2), T(S("a"), Li(C("x"), C("yzw"))), T(S("a"), Li(C("x "), C("yz")))),
		d("$", k.Short(9), J(1, 2), F(1, 2)),
		d("$", Li(k.Sym("int"), k.Char('i'), k.Short(6)), k.Long(10), I(10, 10, 10)),
		d("$", Li(k.Char('*'), k.Short(0)), k.Long(1), J(1, 1)),
		d("$", k.Char('x'), J(2147483645, 2147483647, 2147483648, 2147483649), X(0xfd, 0xff, 0xff, 0xff)),
		d("$", k.Short(-8), C("3.14"), k.Real(3.14)),
		d("$", k.Short(-7), C("42"), k.Long(42)),
		d("$", k.Sym(""), C("  IBM  "), k.Sym("IBM")),
		d("$", k.Char('I'), C("192.168.1.34"), k.Int(-1062731486)),
		d("$", k.Char('I'), C("1.2.3"), k.Int(k.NullInt)),
	})
}

func TestIn(t *testing.T) {
	run(t, []tc{
		d("in", Li(C("ab"), C("cd")), Li(Li(C("ab"), C("cd")), J(0, 1, 2)), k.Bool(true)),
		d("in", J(1, 2), Li(k.Long(9), Li(J(1, 2), J(3, 4))), B("00")),
		d("in", J(1, 2), Li(J(1, 2), k.Long(9)), k.Bool(true)),
		d("in", J(1, 2), Li(Li(J(1, 2), J(3, 4)), k.Long(9)), k.Bool(false)),
		d("in", k.Long(3), Li(J(1, 2), k.Long(3)), k.Bool(false)),
		d("in", k.Long(3), Li(k.Long(3), J(1, 2)), k.Bool(true)),
		d("in", J(1, 2), Li(), B("00")),
		d("in", F(1, 2), k.Long(2), B("01")),
		d("in", F(1, 2), J(2), B("01")),
		de("in", F(1, 2), J(2, 2), "'type"),
		de("in", F(1, 2), J(), "'type"),
		d("in", Li(C("abc"), Li(C("def"), C("ghi"))), C("bed"), Li(B("010"), Li(B("110"), B("000")))),
	})
}
