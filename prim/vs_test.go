package prim

import (
	"testing"

	"kt/k"
)

func TestSvVs(t *testing.T) {
	run(t, []tc{
		d("vs", k.Sym(""), C("abc\r\ndef\nghi\n"), Li(C("abc"), C("def"), C("ghi"))),
		d("vs", k.Sym(""), X('a', '\n', 'b'), Li(C("a"), C("b"))),
		d("vs", k.Sym(""), k.Sym(":/home/kdb/x.dat"), S(":/home/kdb", "x.dat")),
		d("vs", k.Sym(""), k.Sym("a.b"), S("a", "b")),
		d("vs", k.Char(' '), X('a', ' ', 'b'), Li(C("a"), C("b"))),
		d("vs", k.Byte(2), X(1, 2, 1, 2, 1), Li(X(1), X(1), X(1))),
		d("vs", X(2, 3), X(0, 1, 2, 3, 4, 5), Li(X(0, 1), X(4, 5))),
		d("vs", k.Byte(0), k.Short(2413), X(0x09, 0x6d)),
		d("vs", k.Byte(0), k.Int(2413), X(0, 0, 0x09, 0x6d)),
		d("vs", k.Byte(0), k.Real(2413), X(0x45, 0x16, 0xd0, 0)),
		d("vs", k.Byte(0), k.Float(2413), X(0x40, 0xa2, 0xda, 0, 0, 0, 0, 0)),
		d("vs", k.Bool(false), k.Short(23173), B("0101101010000101")),
		d("vs", k.Long(10), k.Long(1995), J(1, 9, 9, 5)),
		d("vs", k.Long(10), k.Long(0), J(0)),
		d("vs", J(24, 60, 60), k.Long(3805), J(1, 3, 25)),
		d("vs", J(0, 24, 60, 60), k.Long(183907), J(2, 3, 5, 7)),
		d("vs", k.Long(10), J(1995, 1996, 1997), Li(J(1, 1, 1), J(9, 9, 9), J(9, 9, 9), J(5, 6, 7))),
		d("vs", k.Long(10), J(5, 123), Li(J(0, 1), J(0, 2), J(5, 3))),
		d("vs", k.Long(10), Li(k.Long(1995), J(1996, 1997)),
			Li(Li(k.Long(1), J(1, 1)), Li(k.Long(9), J(9, 9)), Li(k.Long(9), J(9, 9)), Li(k.Long(5), J(6, 7)))),
		de("vs", k.Long(1), k.Long(5), "'domain"),
		de("vs", k.Sym("a"), k.Sym("b.c"), "'type"),

		d("sv", k.Sym(""), Li(C("one"), C("two")), C("one\ntwo\n")),
		d("sv", k.Sym(""), S(":/home/kdb", "x.dat"), k.Sym(":/home/kdb/x.dat")),
		d("sv", k.Sym(""), S("a", "b"), k.Sym("a.b")),
		d("sv", k.Byte(3), Li(X(1), X(1), X(1)), X(1, 3, 1, 3, 1)),
		d("sv", X(2, 3), Li(X(0, 1), X(4, 5)), X(0, 1, 2, 3, 4, 5)),
		d("sv", k.Byte(0), X(0, 255), k.Short(255)),
		d("sv", k.Byte(0), X(128, 255), k.Short(-32513)),
		d("sv", k.Byte(0), X(0, 64, 128, 255), k.Int(4227327)),
		d("sv", k.Byte(0), X(0, 1, 2, 3, 4, 5, 6, 7), k.Long(283686952306183)),
		de("sv", k.Byte(0), X(1, 2, 3), "'length"),
		d("sv", k.Bool(false), B("11111111"), k.Byte(255)),
		d("sv", k.Bool(false), B("1111111111111111"), k.Short(-1)),
		d("sv", k.Long(10), J(2, 3, 5, 7), k.Long(2357)),
		d("sv", J(0, 24, 60, 60), J(2, 3, 5, 7), k.Long(183907)),
		d("sv", k.Long(10), Li(J(1, 2), J(3, 4)), J(13, 24)),
		de("sv", J(10, 10), J(1, 2, 3), "'length"),
	})
}

func TestGuids(t *testing.T) {
	g := k.Guid{0x20, 0x01, 0x0d, 0xb8, 0x85, 0xa3, 0, 0, 0, 0, 0x8a, 0x2e, 0x03, 0x70, 0x73, 0x34}
	v4 := k.Guid{10: 0xff, 11: 0xff, 12: 192, 13: 0, 14: 2, 15: 1}
	run(t, []tc{
		d("$", k.Char('G'), C("2001:0DB8:85A3::8A2E:0370:7334"), g),
		d("$", k.Char('G'), C("192.0.2.1"), v4),
		d("$", k.Char('G'), C("20010db8-85a3-0000-0000-8a2e03707334"), g),
		d("$", k.Char('G'), Li(C("x"), C("::FFFF:c000:201")), k.Guids{{}, v4}),
		de("$", k.Char('g'), C("x"), "'nyi: cast to \"g\""),
		m("$", g, C("20010db8-85a3-0000-0000-8a2e03707334")),
		m("null", k.Guids{g, {}}, B("01")),
		d(",", k.Guids{g}, v4, k.Guids{g, v4}),
		d("sv", k.Bool(false), append(make(k.Bools, 120), B("00000001")...), k.Guid{15: 1}),
	})
}
