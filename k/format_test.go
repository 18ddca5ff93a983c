package k

import (
	"math"
	"strings"
	"testing"
)

// A display case: the value, what the console shows (Show) and, when one is
// given, its one-line form (String1). Expected text is q's, from the q
// reference and the loss document, with q's real spacing.
type displayCase struct {
	name string
	p    *Printer // nil: the default printer
	v    V
	show string // console display; every line ends in a newline
	one  string // one-line form; "" is not checked
}

func checkDisplay(t *testing.T, cases []displayCase) {
	t.Helper()
	for _, c := range cases {
		p := c.p
		if p == nil {
			p = DefaultPrinter()
		}
		if got := p.Show(c.v); got != c.show {
			t.Errorf("%s: Show\n got %q\nwant %q", c.name, got, c.show)
		}
		if c.one != "" {
			if got := p.String1(c.v); got != c.one {
				t.Errorf("%s: String1\n got %q\nwant %q", c.name, got, c.one)
			}
		}
	}
}

// lines joins console lines, each ending in a newline.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// Value builders for the tables of cases.
func dict(keys, vals V) *Dict           { return &Dict{Keys: keys, Vals: vals} }
func table(cols Syms, data ...V) *Table { return &Table{Cols: cols, Data: List(data)} }
func keyed(keys, vals *Table) *Dict     { return &Dict{Keys: keys, Vals: vals} }
func syms(names string) Syms            { return Syms(strings.Fields(names)) }
func reals(xs ...float64) Reals {
	r := make(Reals, len(xs))
	for i, x := range xs {
		r[i] = float32(x)
	}
	return r
}
func prec(n int) *Printer                 { return &Printer{Precision: n, Rows: 25, Cols: 80} }
func consoleSize(rows, cols int) *Printer { return &Printer{Precision: 7, Rows: rows, Cols: cols} }

var (
	nan  = math.NaN()
	inf  = math.Inf(1)
	ninf = math.Inf(-1)
)

// atom is the display of an atom: the same text in both forms.
func atom(name string, v V, text string) displayCase {
	return displayCase{name: name, v: v, show: text + "\n", one: text}
}

func TestDisplayAtoms(t *testing.T) {
	checkDisplay(t, []displayCase{
		atom("long", Long(1), "1"),
		atom("negative long", Long(-100), "-100"),
		atom("int", Int(1), "1i"),
		atom("short", Short(1), "1h"),
		atom("byte", Byte(1), "0x01"),
		atom("byte ff", Byte(255), "0xff"),
		atom("true", Bool(true), "1b"),
		atom("false", Bool(false), "0b"),
		atom("real whole", Real(2), "2e"),
		atom("real one", Real(1), "1e"),
		atom("real 1.5", Real(1.5), "1.5e"),
		atom("real two thirds", Real(float32(2.0/3)), "0.6666667e"),
		atom("mse mean", Real(float32(1.416667)), "1.416667e"),
		atom("float whole", Float(1), "1f"),
		atom("float zero", Float(0), "0f"),
		atom("float 1.5", Float(1.5), "1.5"),
		atom("avg 1 2 3", Float(2), "2f"),
		atom("avg 101b", Float(2.0/3), "0.6666667"),
		atom("reciprocal 7", Float(1.0/7), "0.1428571"),
		atom("float hundred", Float(100), "100f"),
		atom("float million", Float(1e6), "1000000f"),
		atom("float 1e-06", Float(1e-06), "1e-06"),
		atom("float 123456789f", Float(123456789), "1.234568e+08"),
		atom("float$0Wj", Float(float64(InfLong)), "9.223372e+18"),
		atom("float$0Wi", Float(float64(InfInt)), "2.147484e+09"),
		atom("tolerance times 1e12", Float(math.Pow(2, -43)*1e12), "0.1136868"),
		atom("small float", Float(-0.0001597845), "-0.0001597845"),
		atom("symbol", Sym("a"), "`a"),
		atom("symbol mean", Sym("mean"), "`mean"),
		atom("null symbol", Sym(""), "`"),
		atom("char", Char('a'), `"a"`),
		atom("char quote", Char('"'), `"\""`),
		atom("char backslash", Char('\\'), `"\\"`),
		atom("char newline", Char('\n'), `"\n"`),
		atom("char tab", Char('\t'), `"\t"`),
		atom("char control", Char(1), `"\001"`),
		atom("long null", Long(NullLong), "0N"),
		atom("int null", Int(NullInt), "0Ni"),
		atom("short null", Short(NullShort), "0Nh"),
		atom("float null", Float(nan), "0n"),
		atom("real null", Real(NaN32), "0Ne"),
		atom("long inf", Long(InfLong), "0W"),
		atom("long -inf", Long(-InfLong), "-0W"),
		atom("int inf", Int(InfInt), "0Wi"),
		atom("int -inf", Int(-InfInt), "-0Wi"),
		atom("short inf has no display", Short(InfShort), "32767h"),
		atom("short -inf has no display", Short(-InfShort), "-32767h"),
		atom("float inf", Float(inf), "0w"),
		atom("float -inf", Float(ninf), "-0w"),
		atom("real inf", Real(float32(inf)), "0we"),
		atom("real -inf", Real(float32(ninf)), "-0we"),
		atom("0Wi+5", Long(2147483652), "2147483652"),
		atom("0Wi+5i", Int(-2147483644), "-2147483644i"),
		atom("integers in full", Long(123456789), "123456789"),
	})
}

func TestDisplayVectors(t *testing.T) {
	vec := func(name string, v V, text string) displayCase { return atom(name, v, text) }
	checkDisplay(t, []displayCase{
		vec("longs", Longs{1, 2, 3}, "1 2 3"),
		vec("til 5", Longs{0, 1, 2, 3, 4}, "0 1 2 3 4"),
		vec("empty longs", Longs{}, "`long$()"),
		vec("one long", Longs{1}, ",1"),
		vec("fills", Longs{NullLong, 2, 3, 3, 3, 7, 7}, "0N 2 3 3 3 7 7"),
		vec("long nulls", Longs{NullLong, 2, 3, NullLong, NullLong, 7, NullLong}, "0N 2 3 0N 0N 7 0N"),
		vec("long infinities", Longs{InfLong, NullLong, -InfLong}, "0W 0N -0W"),
		vec("10+0W+til 3", Longs{-9223372036854775799, NullLong, -9223372036854775797},
			"-9223372036854775799 0N -9223372036854775797"),
		vec("abs", Longs{10, 43, NullLong}, "10 43 0N"),
		vec("ints", Ints{1, 2, 3}, "1 2 3i"),
		vec("int nulls", Ints{NullInt, 1, InfInt, -InfInt}, "0N 1 0W -0Wi"),
		vec("empty ints", Ints{}, "`int$()"),
		vec("one int", Ints{7}, ",7i"),
		vec("shorts", Shorts{1, 2}, "1 2h"),
		vec("short null", Shorts{NullShort, 5}, "0N 5h"),
		vec("empty shorts", Shorts{}, "`short$()"),
		vec("type each pointer", Shorts{-7}, ",-7h"),
		vec("bytes", Bytes{10, 11}, "0x0a0b"),
		vec("empty bytes", Bytes{}, "`byte$()"),
		vec("one byte", Bytes{0}, ",0x00"),
		vec("booleans", Bools{true, false, true}, "101b"),
		vec("x<5", Bools{true, true, false, false, true}, "11001b"),
		vec("empty booleans", Bools{}, "`boolean$()"),
		vec("one boolean", Bools{true}, ",1b"),
		vec("reals", reals(1, 0, 1), "1 0 1e"),
		vec("mse none", reals(0.25, 0, 4), "0.25 0 4e"),
		vec("bce none", reals(0.1053605, 0.1053605, 0.6931472), "0.1053605 0.1053605 0.6931472e"),
		vec("bce weighted", reals(0.1053605, 0.1158966, 0.3465736), "0.1053605 0.1158966 0.3465736e"),
		vec("real null and inf", reals(nan, inf, 1), "0N 0w 1e"),
		vec("empty reals", Reals{}, "`real$()"),
		vec("one real", reals(2), ",2e"),
		vec("floats whole", Floats{0, 1, 4, 1}, "0 1 4 1f"),
		vec("5#1.0", Floats{1, 1, 1, 1, 1}, "1 1 1 1 1f"),
		vec("floats", Floats{0.5, 2, 4}, "0.5 2 4"),
		vec("class weights", Floats{0.25, 0.25, 0.12, 0.38}, "0.25 0.25 0.12 0.38"),
		vec("0.0,4#5%4", Floats{0, 1.25, 1.25, 1.25, 1.25}, "0 1.25 1.25 1.25 1.25"),
		vec("avg nested", Floats{nan, 3}, "0n 3"),
		vec("float infinities", Floats{inf, 1}, "0w 1"),
		vec("mdev", Floats{nan, 0, 0, 1.5, 2.0548046676563256, 2.0548046676563256}, "0n 0 0 1.5 2.054805 2.054805"),
		vec("float exponent", Floats{1e-06, 1}, "1e-06 1"),
		vec("empty floats", Floats{}, "`float$()"),
		vec("one float whole", Floats{1}, ",1f"),
		vec("one float", Floats{1.5}, ",1.5"),
		vec("string", Chars("abc"), `"abc"`),
		vec("empty string", Chars(""), `""`),
		vec("one char", Chars("a"), `,"a"`),
		vec("string quote", Chars(`a"b`), `"a\"b"`),
		vec("string newline", Chars("a\nb"), `"a\nb"`),
		vec("string tab and backslash", Chars("a\tb\\"), `"a\tb\\"`),
		vec("pytorch", Chars("torch.nn.CrossEntropyLoss"), `"torch.nn.CrossEntropyLoss"`),
		vec("symbols", Syms{"a", "b"}, "`a`b"),
		vec("args", syms("tensor tensor"), "`tensor`tensor"),
		vec("null symbols", Syms{"x", "", "y"}, "`x``y"),
		vec("empty symbols", Syms{}, "`symbol$()"),
		vec("one symbol", Syms{"a"}, ",`a"),
	})
}

func TestDisplayLists(t *testing.T) {
	checkDisplay(t, []displayCase{
		{name: "mixed", v: List{Long(1), Sym("a")}, show: lines("1", "`a"), one: "(1;`a)"},
		{name: "mixed with char", v: List{Long(1), Sym("a"), Char('x')}, show: lines("1", "`a", `"x"`), one: "(1;`a;\"x\")"},
		{name: "empty list shows nothing", v: List{}, show: "", one: "()"},
		{name: "pointer", v: List{Long(68610912)}, show: lines(",68610912"), one: ",68610912"},
		{name: "one atom of a general list", v: List{Sym("a")}, show: lines(",`a"), one: ",`a"},
		{name: "pointers", v: List{List{Long(48128768)}, List{Long(48129232)}},
			show: lines("48128768", "48129232"), one: "(,48128768;,48129232)"},
		{name: "generic null inside", v: List{Null, Long(-100), Float(0.1), Sym("none")},
			show: lines("::", "-100", "0.1", "`none"), one: "(::;-100;0.1;`none)"},
		{name: "atoms keep suffixes", v: List{Float(2), Float(1e-06), Bool(false)},
			show: lines("2f", "1e-06", "0b"), one: "(2f;1e-06;0b)"},
		{name: "2 3#til 6", v: List{Longs{0, 1, 2}, Longs{3, 4, 5}}, show: lines("0 1 2", "3 4 5"), one: "(0 1 2;3 4 5)"},
		{name: "enlist 1 2", v: List{Longs{1, 2}}, show: lines("1 2"), one: ",1 2"},
		{name: "enlist mixed", v: List{List{Long(1), Sym("a")}}, show: lines("1 `a"), one: ",(1;`a)"},
		{name: "cut", v: List{Longs{2, 3}, Longs{4, 5, 6, 7, 8}, Longs{9}},
			show: lines("2 3", "4 5 6 7 8", ",9"), one: "(2 3;4 5 6 7 8;,9)"},
		{name: "cut with empty", v: List{Longs{2, 3}, Longs{}, Longs{4, 5, 6, 7, 8}, Longs{9}},
			show: lines("2 3", "`long$()", "4 5 6 7 8", ",9"), one: "(2 3;`long$();4 5 6 7 8;,9)"},
		{name: "0 4 5 _ til 7", v: List{Longs{0, 1, 2, 3}, Longs{4}, Longs{5, 6}}, show: lines("0 1 2 3", ",4", "5 6")},
		{name: "4 cut til 10", v: List{Longs{0, 1, 2, 3}, Longs{4, 5, 6, 7}, Longs{8, 9}}, show: lines("0 1 2 3", "4 5 6 7", "8 9")},
		{name: "rotate each", v: List{Longs{0, 1, 2, 3}, Longs{5, 6, 7, 4}, Longs{11, 8, 9, 10}},
			show: lines("0  1 2 3 ", "5  6 7 4 ", "11 8 9 10"), one: "(0 1 2 3;5 6 7 4;11 8 9 10)"},
		{name: "symbol matrix", v: List{syms("Arthur Steve Dennis Arthur"), syms("Steve Dennis Arthur Steve")},
			show: lines("Arthur Steve  Dennis Arthur", "Steve  Dennis Arthur Steve "),
			one:  "(`Arthur`Steve`Dennis`Arthur;`Steve`Dennis`Arthur`Steve)"},
		{name: "2 3 4#\"a\"", v: List{
			List{Chars("aaaa"), Chars("aaaa"), Chars("aaaa")},
			List{Chars("aaaa"), Chars("aaaa"), Chars("aaaa")}},
			show: lines(`"aaaa" "aaaa" "aaaa"`, `"aaaa" "aaaa" "aaaa"`)},
		{name: "2 3 4#til 5", v: List{
			List{Longs{0, 1, 2, 3}, Longs{4, 0, 1, 2}, Longs{3, 4, 0, 1}},
			List{Longs{2, 3, 4, 0}, Longs{1, 2, 3, 4}, Longs{0, 1, 2, 3}}},
			show: lines("0 1 2 3 4 0 1 2 3 4 0 1", "2 3 4 0 1 2 3 4 0 1 2 3"),
			one:  "((0 1 2 3;4 0 1 2;3 4 0 1);(2 3 4 0;1 2 3 4;0 1 2 3))"},
		{name: "count each", v: List{Longs{3, 3}}, show: lines("3 3")},
		{name: "boolean matrix", v: List{Bools{true, false, false}, Bools{false, true, false}, Bools{false, false, true}},
			show: lines("100b", "010b", "001b"), one: "(100b;010b;001b)"},
		{name: "byte rows", v: List{Bytes{1, 2}, Bytes{3, 4}}, show: lines("0x0102", "0x0304")},
		{name: "strings", v: List{Chars("abc"), Chars("de")}, show: lines(`"abc"`, `"de"`), one: `("abc";"de")`},
		{name: "strings of one length", v: List{Chars("abc"), Chars("def")}, show: lines(`"abc"`, `"def"`)},
		{name: "mixed types of one count", v: List{Bools{true, false}, Longs{10, 2}}, show: lines("1  0", "10 2")},
		{name: "matrix nulls are blank", v: List{Longs{1, NullLong}, Longs{2, 3}}, show: lines("1  ", "2 3")},
		{name: "mmu", v: List{Floats{87, 104, 121}, Floats{81, 99, 117}},
			show: lines("87 104 121", "81 99  117"), one: "(87 104 121f;81 99 117f)"},
		{name: "inv", v: List{
			Floats{-0.4512195, 0.6341463, -0.195122},
			Floats{-0.03658537, 0.02439024, 0.1463415},
			Floats{0.2560976, -0.1707317, -0.02439024}},
			show: lines("-0.4512195  0.6341463  -0.195122  ", "-0.03658537 0.02439024 0.1463415  ", "0.2560976   -0.1707317 -0.02439024")},
		{name: "lsq", v: List{
			Floats{-0.1233333, 0.16, 0.4766667, 0.28},
			Floats{0.07666667, 0.6933333, 0.6766667, 0.5466667},
			Floats{0.2766667, 1.226667, 0.8766667, 0.8133333}},
			show: lines("-0.1233333 0.16      0.4766667 0.28     ", "0.07666667 0.6933333 0.6766667 0.5466667", "0.2766667  1.226667  0.8766667 0.8133333")},
		{name: "til each singletons", v: List{Longs{1}, Longs{2}}, show: lines("1", "2"), one: "(,1;,2)"},
		{name: "nested mixed", v: List{Long(1), List{Long(2), Longs{3, 4}}}, show: lines("1", "(2;3 4)"), one: "(1;(2;3 4))"},
		{name: "dictionary item", v: List{Long(1), dict(syms("a b"), Longs{1, 2})}, show: lines("1", "`a`b!1 2"), one: "(1;`a`b!1 2)"},
		{name: "table item", v: List{table(syms("a"), Longs{1, 2})}, show: lines("+(,`a)!,1 2"), one: ",+(,`a)!,1 2"},
		{name: "empty items", v: List{List{}, List{}}, show: lines("", ""), one: "(();())"},
		{name: "empty typed items", v: List{Longs{}, Syms{}}, show: lines("", ""), one: "(`long$();`symbol$())"},
		{name: "real rows", v: List{reals(0.1, 0.1, 0.1, 0.1, 0.1), reals(1, 1, 1, 1, 1), reals(2, 2, 2, 2, 2)},
			show: lines("0.1 0.1 0.1 0.1 0.1", "1   1   1   1   1  ", "2   2   2   2   2  "),
			one:  "(0.1 0.1 0.1 0.1 0.1e;1 1 1 1 1e;2 2 2 2 2e)"},
	})
}

func TestDisplayFunctions(t *testing.T) {
	code := &Builtin{Name: "mse", Rank: 2}
	lam := testLambda("{[x;y]\n  x+y}")
	checkDisplay(t, []displayCase{
		{name: "builtin", v: code, show: lines("code"), one: "code"},
		{name: "lambda", v: testLambda("{x+1}"), show: lines("{x+1}"), one: "{x+1}"},
		{name: "multi-line lambda", v: lam, show: lines("{[x;y]", "  x+y}"), one: "{[x;y]\n  x+y}"},
		{name: "functions in a list", v: List{code, testLambda("{x}"), Long(1)},
			show: lines("code", "{x}", "1"), one: "(code;{x};1)"},
		{name: "generic null shows nothing", v: Null, show: "", one: "::"},
		{name: "nil value as generic null", v: nil, show: "", one: "::"},
	})
}

// testLambda stands in for a lambda: type 100, shown as its source.
type testLambda string

func (testLambda) Type() int        { return TLambda }
func (l testLambda) String() string { return string(l) }

func TestFormatFloat(t *testing.T) {
	cases := []struct {
		prec int
		f    float64
		want string
	}{
		{7, 1.5, "1.5"},
		{7, 2.0 / 3, "0.6666667"},
		{7, 1e-06, "1e-06"},
		{7, 9.70067e-07, "9.70067e-07"},
		{7, 1.278361e-06, "1.278361e-06"},
		{7, 0.02014133, "0.02014133"},
		{7, 100, "100"},
		{7, 1e7, "1e+07"},
		{7, 1234567, "1234567"},
		{7, 12345678, "1.234568e+07"},
		{7, 1e10, "1e+10"},
		{7, -0.0001597845, "-0.0001597845"},
		{7, 0.00001, "1e-05"},
		{7, 0.0001, "0.0001"},
		{7, inf, "0w"},
		{7, ninf, "-0w"},
		{7, nan, "0n"},
		{7, 0, "0"},
		{7, 2.220446049250313e-16, "2.220446e-16"},
		{7, -2.7755575615628914e-17, "-2.775558e-17"},
		{3, 1.0 / 3, "0.333"},
		{10, 1.0 / 3, "0.3333333333"},
		{0, 1.0 / 3, "0.33333333333333331"},
		{17, 1.0 / 3, "0.33333333333333331"},
		{0, 96.099999999999994, "96.099999999999994"},
		{0, 96.10000000001, "96.100000000009999"},
		{0, 96.10000000002, "96.100000000020003"},
		{0, 4999.9995000000017, "4999.9995000000017"},
		{4, 0.2014133, "0.2014"},
		{4, 0.05035333, "0.05035"},
		{4, 1.611306, "1.611"},
		{4, 0.005035, "0.005035"},
	}
	for _, c := range cases {
		p := &Printer{Precision: c.prec}
		if got := p.FormatFloat(c.f); got != c.want {
			t.Errorf("\\P %d: FormatFloat(%v) = %q, want %q", c.prec, c.f, got, c.want)
		}
	}
	// sum 7#1%7 under \P 0
	s := 0.0
	for range 7 {
		s += 1.0 / 7
	}
	if got := prec(0).Show(Float(s)); got != "0.99999999999999978\n" {
		t.Errorf("sum 7#r7: got %q", got)
	}
}

func TestDisplayPrecision(t *testing.T) {
	row := func(xs ...float64) Reals { return reals(xs...) }
	w := []float64{0.25, 0.5, 1, 2, 4}
	scaled := func(k float64) Reals {
		r := make(Reals, len(w))
		for i, x := range w {
			r[i] = float32(0.2014133 * x * k)
		}
		return r
	}
	p4 := prec(4)
	checkDisplay(t, []displayCase{
		{name: "bcelogit1 at \\P 4", p: p4, v: List{row(0.2014133, 0.2014133, 0.2014133, 0.2014133, 0.2014133),
			row(0.2014133, 0.2014133, 0.2014133, 0.2014133, 0.2014133), row(0.2014133, 0.2014133, 0.2014133, 0.2014133, 0.2014133)},
			show: lines("0.2014 0.2014 0.2014 0.2014 0.2014", "0.2014 0.2014 0.2014 0.2014 0.2014", "0.2014 0.2014 0.2014 0.2014 0.2014")},
		{name: "class weights at \\P 4", p: p4, v: List{scaled(1), scaled(1), scaled(1)},
			show: lines("0.05035 0.1007 0.2014 0.4028 0.8057", "0.05035 0.1007 0.2014 0.4028 0.8057", "0.05035 0.1007 0.2014 0.4028 0.8057")},
		{name: "batch weights at \\P 4", p: p4, v: List{scaled(0.1), scaled(1), scaled(2)},
			show: lines("0.005035 0.01007 0.02014 0.04028 0.08057", "0.05035  0.1007  0.2014  0.4028  0.8057 ", "0.1007   0.2014  0.4028  0.8057  1.611  ")},
		{name: "1%3 at \\P 3", p: prec(3), v: Float(1.0 / 3), show: lines("0.333"), one: "0.333"},
		{name: "1%3 at \\P 10", p: prec(10), v: Float(1.0 / 3), show: lines("0.3333333333")},
		{name: "1%3 at \\P 0", p: prec(0), v: Float(1.0 / 3), show: lines("0.33333333333333331")},
		{name: "tolerant values at \\P 0", p: prec(0), v: Floats{96.10000000000001, 96.09999999999999},
			show: lines("96.100000000000009 96.099999999999994")},
		{name: "simd sum at \\P 0", p: prec(0), v: Float(4999.9995000000017), show: lines("4999.9995000000017")},
		{name: "real at \\P 4", p: p4, v: Real(float32(2.0 / 3)), show: lines("0.6667e"), one: "0.6667e"},
		{name: "whole floats at \\P 2", p: prec(2), v: Floats{1, 100}, show: lines("1 1e+02")},
	})
}

// TestDisplayShared shows values whose parts are shared many times over:
// {x!x}/[60;enlist 1], 2^60 paths, and a list of itself 40 times over.
// The console renders each part once and keeps each line to the width, so
// these show at once, as the lines q's console cuts them to.
func TestDisplayShared(t *testing.T) {
	var d V = Longs{1}
	var l V = Longs{1, 2}
	for range 60 {
		d = &Dict{Keys: d, Vals: d}
	}
	for range 40 {
		l = List{l, l}
	}
	dline := strings.Repeat("1| ", 26)[:77] + ".."
	lline := strings.Repeat("1 2 ", 20)[:77] + ".."
	checkDisplay(t, []displayCase{
		{name: "dictionary of itself", v: d, show: lines(dline)},
		{name: "list of itself", v: l, show: lines(lline, lline)},
	})
}
