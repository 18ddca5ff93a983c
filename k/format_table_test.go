package k

import (
	"math"
	"strings"
	"testing"
)

// Options dictionaries of the loss document.
func ceOptions(weight V, smoothing float64, reduce string) *Dict {
	return dict(syms("weight ignore smoothing reduce"), List{weight, Long(-100), Float(smoothing), Sym(reduce)})
}

func TestDisplayDictionaries(t *testing.T) {
	helpCE := dict(syms("module pytorch forward result n args options"), List{
		Sym("ce"), Chars("torch.nn.CrossEntropyLoss"), Bool(true), Sym("tensor"), Long(2),
		syms("tensor tensor"), ceOptions(Null, 0, "mean")})
	checkDisplay(t, []displayCase{
		{name: "options`ce", v: ceOptions(Null, 0, "mean"),
			show: lines("weight   | ::", "ignore   | -100", "smoothing| 0f", "reduce   | `mean"),
			one:  "`weight`ignore`smoothing`reduce!(::;-100;0f;`mean)"},
		{name: "help`ce", v: helpCE, show: lines(
			"module | `ce",
			`pytorch| "torch.nn.CrossEntropyLoss"`,
			"forward| 1b",
			"result | `tensor",
			"n      | 2",
			"args   | `tensor`tensor",
			"options| `weight`ignore`smoothing`reduce!(::;-100;0f;`mean)"),
			one: "`module`pytorch`forward`result`n`args`options!(`ce;\"torch.nn.CrossEntropyLoss\";1b;`tensor;2;`tensor`tensor;`weight`ignore`smoothing`reduce!(::;-100;0f;`mean))"},
		{name: "positional options", v: ceOptions(Floats{0.25, 0.25, 0.12, 0.38}, 0.1, "mean"),
			show: lines("weight   | 0.25 0.25 0.12 0.38", "ignore   | -100", "smoothing| 0.1", "reduce   | `mean")},
		{name: "named options", v: ceOptions(Null, 0.1, "mean"),
			show: lines("weight   | ::", "ignore   | -100", "smoothing| 0.1", "reduce   | `mean")},
		{name: "mixed options", v: ceOptions(Floats{0, 1.25, 1.25, 1.25, 1.25}, 0, "none"),
			show: lines("weight   | 0 1.25 1.25 1.25 1.25", "ignore   | -100", "smoothing| 0f", "reduce   | `none")},
		{name: "loss l", v: dict(syms("module options"), List{Sym("ce"), ceOptions(Null, 0.1, "none")}),
			show: lines("module | `ce", "options| `weight`ignore`smoothing`reduce!(::;-100;0.1;`none)")},
		{name: "loss(l;0b)", v: dict(syms("module options"), List{Sym("ce"), dict(syms("smoothing reduce"), List{Float(0.1), Sym("none")})}),
			show: lines("module | `ce", "options| `smoothing`reduce!(0.1;`none)"),
			one:  "`module`options!(`ce;`smoothing`reduce!(0.1;`none))"},
		{name: "options`bcelogits", v: dict(syms("weight reduce"), List{Null, Sym("mean")}),
			show: lines("weight| ::", "reduce| `mean")},
		{name: "bcelogits weights", v: dict(syms("weight reduce"), List{Floats{1, 1, 1, 1, 1}, Sym("none")}),
			show: lines("weight| 1 1 1 1 1f", "reduce| `none")},
		{name: "one key", v: dict(Syms{"reduce"}, Syms{"mean"}), show: lines("reduce| mean"), one: "(,`reduce)!,`mean"},
		{name: "one key general", v: dict(Syms{"reduce"}, List{Sym("mean")}), show: lines("reduce| `mean"), one: "(,`reduce)!,`mean"},
		{name: "empty dictionary", v: dict(List{}, List{}), show: "", one: "()!()"},
		{name: "empty typed keys", v: dict(Syms{}, Longs{}), show: "", one: "(`symbol$())!`long$()"},
		{name: "5>=dict", v: dict(syms("a b"), Bools{true, false}), show: lines("a| 1", "b| 0"), one: "`a`b!10b"},
		{name: "avg table", v: dict(syms("a b"), Floats{4, 7}), show: lines("a| 4", "b| 7"), one: "`a`b!4 7f"},
		{name: "all table", v: dict(syms("c1 c2 c3"), Bools{true, true, false}), show: lines("c1| 1", "c2| 1", "c3| 0")},
		{name: "simple values are not padded", v: dict(syms("a bb"), Longs{1, 22}), show: lines("a | 1", "bb| 22")},
		{name: "value nulls are blank", v: dict(syms("a b"), Longs{NullLong, 2}), show: lines("a| ", "b| 2")},
		{name: "trade row", v: dict(syms("stock price amt"), List{Sym(""), Float(nan), Long(NullLong)}),
			show: lines("stock| `", "price| 0n", "amt  | 0N"), one: "`stock`price`amt!(`;0n;0N)"},
		{name: "sin of matrix", v: dict(syms("x y z"), List{sinRow(0), sinRow(4), sinRow(8)}), show: lines(
			"x| 0         0.09983342 0.1986693 0.2955202",
			"y| 0.3894183 0.4794255  0.5646425 0.6442177",
			"z| 0.7173561 0.7833269  0.841471  0.8912074")},
		{name: "group at \\P 0", p: prec(0), v: dict(Floats{96.10000000000001, 96.09999999999999}, List{Longs{0}, Longs{1}}),
			show: lines("96.100000000000009| 0", "96.099999999999994| 1")},
		{name: "long keys", v: dict(Longs{1, 2}, Longs{3, 4}), show: lines("1| 3", "2| 4"), one: "1 2!3 4"},
		{name: "general keys", v: dict(List{Long(1), Sym("a")}, Longs{2, 3}), show: lines("1 | 2", "`a| 3"), one: "(1;`a)!2 3"},
		{name: "string keys", v: dict(List{Chars("ab"), Chars("c")}, Longs{1, 2}), show: lines(`"ab"| 1`, `,"c"| 2`)},
		{name: "parameters", p: prec(4), v: dict(syms("weight bias"), List{
			List{reals(0.5732, -0.2588), reals(0.4686, 0.398)}, reals(0.4718, -0.6752)}),
			show: lines("weight| 0.5732 -0.2588 0.4686 0.398  ", "bias  | 0.4718         -0.6752       ")},
		{name: "normal parameters", p: prec(4), v: dict(syms("weight bias"), List{
			List{reals(-0.01368, 0.007652), reals(-0.01319, -0.0006103)}, reals(0.4718, -0.6752)}),
			show: lines("weight| -0.01368 0.007652   -0.01319 -0.0006103", "bias  | 0.4718              -0.6752            ")},
		{name: "zeroed bias", p: prec(4), v: dict(syms("weight bias"), List{
			List{reals(-0.01368, 0.007652), reals(-0.01319, -0.0006103)}, reals(0, 0)}),
			show: lines("weight| -0.01368 0.007652   -0.01319 -0.0006103", "bias  | 0                   0                  ")},
		{name: "dotted keys", p: prec(4), v: dict(syms("fc.weight fc.bias"), List{
			List{reals(1.063, 0.9703), reals(-0.1206, 1.102)}, reals(0.08189, -0.04078)}),
			show: lines("fc.weight| 1.063   0.9703 -0.1206 1.102 ", "fc.bias  | 0.08189        -0.04078      ")},
		{name: "batch", v: dict(syms("x y"), List{Floats{0.1, 1.1, 2.1, 3.1}, Longs{0, 1, 2, 3}}),
			show: lines("x| 0.1 1.1 2.1 3.1", "y| 0   1   2   3  ")},
		{name: "short batch", v: dict(syms("x y"), List{Floats{8.1, 9.1}, Longs{8, 9}}), show: lines("x| 8.1 9.1", "y| 8   9  ")},
		{name: "gradient flags", v: dict(syms("x y z"), List{
			List{Bool(true), Sym("")}, List{Bool(true), Sym("MulBackward0")}, List{Bool(true), Sym("MeanBackward0")}}),
			show: lines("x| 1b `             ", "y| 1b `MulBackward0 ", "z| 1b `MeanBackward0")},
		{name: "shuffled dictionary", v: dict(syms("a b"), List{
			List{Longs{0, 1, 2, 3}, Longs{4, 5, 6, 7}, Longs{8, 9, 10, 11}}, Longs{1, 2, 3}}),
			show: lines("a| 0 1 2  3  4 5 6  7  8 9 10 11", "b| 1         2         3        ")},
		{name: "object sizes", v: dict(syms("tensor module optimizer"), List{
			Longs{1, 8192, 32768}, Longs{2, 1290, 5160}, Longs{6, 3872, 15496}}),
			show: lines("tensor   | 1 8192 32768", "module   | 2 1290 5160 ", "optimizer| 6 3872 15496")},
		{name: "children", v: dict(syms("self_attn linear1 dropout linear2"), List{
			List{Long(146865024)}, List{Long(146739072)}, List{Long(62198416)}, List{Long(146840784)}}),
			show: lines("self_attn| 146865024", "linear1  | 146739072", "dropout  | 62198416 ", "linear2  | 146840784"),
			one:  "`self_attn`linear1`dropout`linear2!(,146865024;,146739072;,62198416;,146840784)"},
		{name: "linear parameters", v: dict(syms("weight bias"), List{List{reals(0.0002031326)}, reals(-0.5911677)}),
			show: lines("weight| 0.0002031326", "bias  | -0.5911677  ")},
		{name: "trained parameters", v: dict(syms("weight bias"), List{List{reals(1.990668)}, reals(0.02121399)}),
			show: lines("weight| 1.990668  ", "bias  | 0.02121399")},
		{name: "table values", v: dict(syms("a b"), table(syms("x"), Longs{1, 2})),
			show: lines(" | x", "-| -", "a| 1", "b| 2"), one: "`a`b!+(,`x)!,1 2"},
		{name: "dictionary of tables", v: dict(syms("a b"), List{table(syms("x"), Longs{1}), table(syms("y"), Longs{2})}),
			show: lines("a| +(,`x)!,,1", "b| +(,`y)!,,2")},
		{name: "nested dictionary value", v: dict(syms("a b"), List{dict(syms("c"), Longs{1}), Long(2)}),
			show: lines("a| (,`c)!,1", "b| 2"), one: "`a`b!((,`c)!,1;2)"},
	})
}

// sinRow is sin of four tenths from i%10.
func sinRow(i int) Floats {
	r := make(Floats, 4)
	for j := range r {
		r[j] = math.Sin(float64(i+j) / 10)
	}
	return r
}

// helpTable is the loss modules' help table: module, PyTorch class, forward
// flag, result, arity, argument types and options.
func helpTable() *Table {
	type row struct {
		module, pytorch string
		n, args         int64
	}
	rows := []row{
		{"bce", "BCELoss", 2, 3}, {"bcelogits", "BCEWithLogitsLoss", 2, 3}, {"ce", "CrossEntropyLoss", 2, 2},
		{"cosineloss", "CosineEmbeddingLoss", 3, 3}, {"ctc", "CTCLoss", 4, 4}, {"hinge", "HingeEmbeddingLoss", 2, 2},
		{"huber", "HuberLoss", 2, 2}, {"kl", "KLDivLoss", 2, 2}, {"l1", "L1Loss", 2, 2}, {"margin", "MarginRankingLoss", 3, 3},
		{"mse", "MSELoss", 2, 2}, {"multilabel", "MultiLabelMarginLoss", 2, 2}, {"multimargin", "MultiMarginLoss", 2, 2},
		{"multisoft", "MultiLabelSoftMarginLoss", 2, 2}, {"nll", "NLLLoss", 2, 2}, {"pairwise", "PairwiseDistance", 2, 2},
		{"poissonloss", "PoissonNLLLoss", 2, 2}, {"similar", "CosineSimilarity", 2, 2}, {"smoothl1", "SmoothL1Loss", 2, 2},
		{"softmargin", "SoftMarginLoss", 2, 2}, {"triplet", "TripletMarginLoss", 3, 3},
	}
	var module, result Syms
	var pytorch, args, options List
	var forward Bools
	var n Longs
	for _, r := range rows {
		module = append(module, r.module)
		pytorch = append(pytorch, Chars("torch.nn."+r.pytorch))
		forward = append(forward, true)
		result = append(result, "tensor")
		a := make(Syms, r.args)
		for i := range a {
			a[i] = "tensor"
		}
		n = append(n, r.n)
		args = append(args, a)
		options = append(options, dict(Syms{"reduce"}, List{Sym("mean")}))
	}
	return table(syms("module pytorch forward result n args options"), module, pytorch, forward, result, n, args, options)
}

func TestDisplayTables(t *testing.T) {
	optionsEach := table(syms("weight ignore smoothing reduce"),
		List{Null, Null, Null}, Longs{-100, -100, -100}, Floats{0.1, 0.1, 0.1}, syms("none none none"))
	distance := table(syms("module options"), syms("pairwise similar"), List{
		dict(syms("p eps keepdim"), List{Float(2), Float(1e-06), Bool(false)}),
		dict(syms("dim eps"), List{Long(1), Float(1e-08)})})
	steps := table(syms("loss x"),
		reals(inf, 0.4166667, 0.362963, 0.3161811, 0.1048393, 0.09132666),
		List{reals(0.5, 2, 4), reals(0.5333334, 2, 3.933333), reals(0.5644445, 2, 3.871111),
			reals(0.5934815, 2, 3.813037), reals(0.7659145, 2, 3.468171), reals(0.7815202, 2, 3.43696)})
	last3 := table(syms("loss x"),
		reals(1.278361e-06, 1.113556e-06, 9.70067e-07),
		List{reals(0.9991827, 2, 3.001635), reals(0.9992372, 2, 3.001526), reals(0.999288, 2, 3.001424)})
	args := table(syms("module pytorch args"),
		syms("bce bcelogits cosineloss ctc margin triplet"),
		List{Chars("torch.nn.BCELoss"), Chars("torch.nn.BCEWithLogitsLoss"), Chars("torch.nn.CosineEmbeddingLoss"),
			Chars("torch.nn.CTCLoss"), Chars("torch.nn.MarginRankingLoss"), Chars("torch.nn.TripletMarginLoss")},
		List{syms("tensor tensor tensor"), syms("tensor tensor tensor"), syms("tensor tensor tensor"),
			syms("tensor tensor tensor tensor"), syms("tensor tensor tensor"), syms("tensor tensor tensor")})
	checkDisplay(t, []displayCase{
		{name: "options each", v: optionsEach, show: lines(
			"weight ignore smoothing reduce",
			"------------------------------",
			"::     -100   0.1       none  ",
			"::     -100   0.1       none  ",
			"::     -100   0.1       none  "),
			one: "+`weight`ignore`smoothing`reduce!((::;::;::);-100 -100 -100;0.1 0.1 0.1;`none`none`none)"},
		{name: "distance options", v: distance, show: lines(
			"module   options                     ",
			"-------------------------------------",
			"pairwise `p`eps`keepdim!(2f;1e-06;0b)",
			"similar  `dim`eps!(1;1e-08)          ")},
		{name: "loss steps", v: steps, show: lines(
			"loss       x                   ",
			"-------------------------------",
			"0w         0.5       2 4       ",
			"0.4166667  0.5333334 2 3.933333",
			"0.362963   0.5644445 2 3.871111",
			"0.3161811  0.5934815 2 3.813037",
			"0.1048393  0.7659145 2 3.468171",
			"0.09132666 0.7815202 2 3.43696 ")},
		{name: "last three steps", v: last3, show: lines(
			"loss         x                   ",
			"---------------------------------",
			"1.278361e-06 0.9991827 2 3.001635",
			"1.113556e-06 0.9992372 2 3.001526",
			"9.70067e-07  0.999288  2 3.001424")},
		{name: "module args", v: args, show: lines(
			"module     pytorch                        args                        ",
			"----------------------------------------------------------------------",
			`bce        "torch.nn.BCELoss"             `+"`tensor`tensor`tensor       ",
			`bcelogits  "torch.nn.BCEWithLogitsLoss"   `+"`tensor`tensor`tensor       ",
			`cosineloss "torch.nn.CosineEmbeddingLoss" `+"`tensor`tensor`tensor       ",
			`ctc        "torch.nn.CTCLoss"             `+"`tensor`tensor`tensor`tensor",
			`margin     "torch.nn.MarginRankingLoss"   `+"`tensor`tensor`tensor       ",
			`triplet    "torch.nn.TripletMarginLoss"   `+"`tensor`tensor`tensor       ")},
		{name: "help`loss at \\c 10 80", p: consoleSize(10, 80), v: helpTable(), show: lines(
			"module     pytorch                        forward result n args              ..",
			"-----------------------------------------------------------------------------..",
			`bce        "torch.nn.BCELoss"             1       tensor 2 `+"`tensor`tensor`ten..",
			`bcelogits  "torch.nn.BCEWithLogitsLoss"   1       tensor 2 `+"`tensor`tensor`ten..",
			`ce         "torch.nn.CrossEntropyLoss"    1       tensor 2 `+"`tensor`tensor    ..",
			`cosineloss "torch.nn.CosineEmbeddingLoss" 1       tensor 3 `+"`tensor`tensor`ten..",
			`ctc        "torch.nn.CTCLoss"             1       tensor 4 `+"`tensor`tensor`ten..",
			"..")},
		{name: "uj s", v: table(syms("a b c"), Longs{1, 2}, Longs{2, 3}, Longs{5, 7}),
			show: lines("a b c", "-----", "1 2 5", "2 3 7"), one: "+`a`b`c!(1 2;2 3;5 7)"},
		{name: "uj t", v: table(syms("a b c d"), Longs{1, 2, 3}, Longs{2, 3, 7}, Longs{10, 20, 30}, Chars("ABC")),
			show: lines("a b c  d", "--------", "1 2 10 A", "2 3 20 B", "3 7 30 C"), one: "+`a`b`c`d!(1 2 3;2 3 7;10 20 30;\"ABC\")"},
		{name: "uj with null chars", v: table(syms("a b c d"), Longs{1, 2, 1}, Longs{2, 3, 2}, Longs{5, 7, 10}, Chars("  A")),
			show: lines("a b c  d", "--------", "1 2 5   ", "2 3 7   ", "1 2 10 A")},
		{name: "lj", v: table(syms("a b c d"), Longs{1, 2, 3}, syms("I J K"), Longs{1, 20, 2}, Longs{10, NullLong, 20}),
			show: lines("a b c  d ", "---------", "1 I 1  10", "2 J 20   ", "3 K 2  20")},
		{name: "fills", v: table(syms("x c2"), syms("a b c d e f"), Longs{1, 1, 3, 3, 3, 5}),
			show: lines("x c2", "----", "a 1 ", "b 1 ", "c 3 ", "d 3 ", "e 3 ", "f 5 ")},
		{name: "funsql", v: table(syms("c1 c2"), syms("c b a"), Longs{30, 20, 10}),
			show: lines("c1 c2", "-----", "c  30", "b  20", "a  10")},
		{name: "index by table", v: table(syms("c d"), Longs{1, 2}, Longs{10, 20}), show: lines("c d ", "----", "1 10", "2 20")},
		{name: "one column", v: table(syms("a"), Longs{1, 2}), show: lines("a", "-", "1", "2"), one: "+(,`a)!,1 2"},
		{name: "empty table", v: table(syms("a b"), Longs{}, Syms{}), show: lines("a b", "---"), one: "+`a`b!(`long$();`symbol$())"},
		{name: "boolean, byte and real columns", v: table(syms("b x r"), Bools{true, false}, Bytes{1, 255}, reals(1.5, nan)),
			show: lines("b x  r  ", "--------", "1 01 1.5", "0 ff    ")},
		{name: "float column nulls and infinities", v: table(syms("f"), Floats{nan, inf, ninf, 0.5}),
			show: lines("f  ", "---", "   ", "0w ", "-0w", "0.5")},
		{name: "int and short columns", v: table(syms("i h"), Ints{NullInt, InfInt}, Shorts{NullShort, InfShort}),
			show: lines("i  h    ", "--------", "        ", "0W 32767")},
		{name: "general column of atoms", v: table(syms("a"), List{Long(1), Sym("b"), Float(2)}),
			show: lines("a ", "--", "1 ", "`b", "2f")},
		{name: "string column", v: table(syms("b c"), List{Chars("abc"), Chars("abc")}, List{Longs{1, 2, 3}, Longs{1, 2, 3}}),
			show: lines(`b     c    `, "-----------", `"abc" 1 2 3`, `"abc" 1 2 3`)},
	})
}

func TestDisplayKeyedTables(t *testing.T) {
	checkDisplay(t, []displayCase{
		{name: "show y", v: keyed(table(syms("a b"), Longs{1, 3}, syms("I K")), table(syms("c d"), Longs{1, 2}, Longs{10, 20})),
			show: lines("a b| c d ", "---| ----", "1 I| 1 10", "3 K| 2 20"),
			one:  "(+`a`b!(1 3;`I`K))!+`c`d!(1 2;10 20)"},
		{name: "keyed uj", v: keyed(table(syms("a b"), Longs{1, 2, 3}, Longs{2, 3, 7}), table(syms("c d"), Longs{10, 20, 30}, Chars("ABC"))),
			show: lines("a b| c  d", "---| ----", "1 2| 10 A", "2 3| 20 B", "3 7| 30 C")},
		{name: "coalesce", v: keyed(table(syms("k"), Longs{1, 2, 3, 4, 5}), table(syms("c1 c2"), Longs{10, 20, 300, 400, 500}, syms("a b cc dd ee"))),
			show: lines("k| c1  c2", "-| ------", "1| 10  a ", "2| 20  b ", "3| 300 cc", "4| 400 dd", "5| 500 ee"),
			one:  "(+(,`k)!,1 2 3 4 5)!+`c1`c2!(10 20 300 400 500;`a`b`cc`dd`ee)"},
		{name: "nulls in keyed", v: keyed(table(syms("k"), Longs{2, 3}), table(syms("c1 c2"), Longs{NullLong, 3000}, Syms{"bbb", ""})),
			show: lines("k| c1   c2 ", "-| --------", "2|      bbb", "3| 3000    ")},
		{name: "keyed strings and matrix", v: keyed(table(syms("a"), Longs{0, 1, 2}), table(syms("b c"),
			List{Chars("abc"), Chars("abc"), Chars("abc")}, List{Longs{1, 2, 3}, Longs{1, 2, 3}, Longs{1, 2, 3}})),
			show: lines("a| b     c    ", "-| -----------", `0| "abc" 1 2 3`, `1| "abc" 1 2 3`, `2| "abc" 1 2 3`)},
	})
}

// til is 0 1 ... n-1 as longs.
func til(n int) Longs {
	r := make(Longs, n)
	for i := range r {
		r[i] = int64(i)
	}
	return r
}

func TestDisplayConsoleSize(t *testing.T) {
	tilEach := make(List, 10)
	for i := range tilEach {
		tilEach[i] = til(20 + i)
	}
	row := "0 1 2 3.."
	var items, rows List
	for i := range 30 {
		items = append(items, Long(i))
		rows = append(rows, Longs{int64(i), int64(i)})
	}
	longSyms := make(Syms, 40)
	for i := range longSyms {
		longSyms[i] = "abc"
	}
	exact := Chars(strings.Repeat("x", 77)) // 79 characters with the quotes
	over := Chars(strings.Repeat("x", 78))  // 80
	big := make(Floats, 1000000)
	checkDisplay(t, []displayCase{
		{name: "\\c 5 5 is 10 10", p: consoleSize(5, 5), v: tilEach,
			show: lines(row, row, row, row, row, row, row, "..")},
		{name: "til 100 cut at 79", v: til(100),
			show: lines("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 .."),
			one:  strings.TrimSpace(strings.Repeat(" ", 0) + joinLongs(til(100)))},
		{name: "line of 79 is whole", v: exact, show: `"` + string(exact) + "\"\n"},
		{name: "line of 80 is cut", v: over, show: `"` + strings.Repeat("x", 76) + "..\n"},
		{name: "symbols cut", v: longSyms, show: lines(strings.Repeat("`abc", 19) + "`..")},
		{name: "list of 30 shows 22", v: items, show: lines(
			"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "..")},
		{name: "list of 23 shows all", v: items[:23], show: lines(
			"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22")},
		{name: "list of 24 shows 22", v: items[:24], show: lines(
			"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "..")},
		{name: "matrix of 12 at \\c 10 20", p: consoleSize(10, 20), v: rows[:12], show: lines(
			"0 0", "1 1", "2 2", "3 3", "4 4", "5 5", "6 6", "..")},
		{name: "table of 30 shows 20", v: table(syms("a"), til(30)), show: lines("a ", "--",
			"0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "6 ", "7 ", "8 ", "9 ", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "..")},
		{name: "table of 21 shows all", p: consoleSize(10, 80), v: table(syms("a"), til(6)), show: lines("a", "-",
			"0", "1", "2", "3", "4", "5")},
		{name: "table of 7 at \\c 10", p: consoleSize(10, 80), v: table(syms("a"), til(7)), show: lines("a", "-",
			"0", "1", "2", "3", "4", "..")},
		{name: "keyed table at \\c 10", p: consoleSize(10, 80), v: keyed(table(syms("k"), til(9)), table(syms("v"), til(9))),
			show: lines("k| v", "-| -", "0| 0", "1| 1", "2| 2", "3| 3", "4| 4", "..")},
		{name: "dictionary at \\c 10", p: consoleSize(10, 80), v: dict(til(9), til(9)),
			show: lines("0| 0", "1| 1", "2| 2", "3| 3", "4| 4", "5| 5", "6| 6", "..")},
		{name: "dictionary line cut", p: consoleSize(10, 20), v: dict(syms("a"), List{til(20)}),
			show: lines("a| 0 1 2 3 4 5 6 ..")},
		{name: "wide console", p: consoleSize(25, 4000), v: til(10), show: lines("0 1 2 3 4 5 6 7 8 9")},
		{name: "zero printer uses defaults", p: &Printer{}, v: til(100),
			show: lines("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 ..")},
		{name: "million floats", v: big, show: lines(strings.Repeat("0 ", 38) + "0..")},
	})
	if got := len(DefaultPrinter().String1(big)); got != 2*len(big) {
		t.Errorf("String1 of a million floats: %d bytes, want %d", got, 2*len(big))
	}
}

func joinLongs(x Longs) string { return DefaultPrinter().String1(x) }

// Malformed values display without panicking.
func TestDisplayMalformed(t *testing.T) {
	p := DefaultPrinter()
	for _, v := range []V{
		&Dict{Keys: Syms{"a", "b"}, Vals: Longs{1}},
		&Dict{},
		(*Dict)(nil),
		(*Table)(nil),
		&Table{Cols: Syms{"a", "b"}, Data: List{Longs{1}}},
		&Table{Cols: Syms{"a", "b"}, Data: List{Longs{1}, Longs{1, 2}}},
		&Table{},
		List{nil, Longs{1}},
		&Dict{Keys: &Table{Cols: Syms{"a"}, Data: List{Longs{1, 2}}}, Vals: Longs{1}},
		List{List{nil}, List{Longs{}}},
	} {
		_ = p.Show(v)
		_ = p.String1(v)
	}
	if got := p.Show(&Dict{Keys: Syms{"a", "b"}, Vals: Longs{1}}); got != "`a`b!,1\n" {
		t.Errorf("mismatched dictionary falls back to one line: got %q", got)
	}
}
