package q

import (
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kt/k"
)

// The interpreter's primitives on large vectors, each beside a plain Go
// loop doing the same typed work with its result allocated, in the same
// run: BenchmarkPrims/<expr>/<n>/kt and .../go. bench/prims.sh prints
// the ratio of each pair.

// primData is the data both sides of a row work on, made by the
// interpreter (random longs below n, floats below 1, 4-letter symbols,
// and x mod 7, x mod 1000) and read back for the Go side.
type primData struct {
	x, y, m7, m1000 []int64
	f               []float64
	s               []string
}

const (
	primSetup    = "x:n?n; y:n?n; f:n?1.0; s:n?`4; m7:x mod 7; m1000:x mod 1000"
	primSetupBig = "x:n?n; y:n?n" // the 1e7 rows use x and y only
)

// primCase is one row: a q expression and the plain Go loop that does
// its work.
type primCase struct {
	expr string
	big  bool // also measured at 1e7
	loop func(d *primData) any
}

var primCases = []primCase{
	{"til n", true, func(d *primData) any {
		r := make([]int64, len(d.x))
		for i := range r {
			r[i] = int64(i)
		}
		return r
	}},
	{"x+y", true, func(d *primData) any {
		r := make([]int64, len(d.x))
		for i := range r {
			r[i] = d.x[i] + d.y[i]
		}
		return r
	}},
	{"x*2", true, func(d *primData) any {
		r := make([]int64, len(d.x))
		for i, e := range d.x {
			r[i] = e * 2
		}
		return r
	}},
	{"2.5*x", true, func(d *primData) any {
		r := make([]float64, len(d.x))
		for i, e := range d.x {
			r[i] = 2.5 * float64(e)
		}
		return r
	}},
	{"f*f", false, func(d *primData) any {
		r := make([]float64, len(d.f))
		for i, e := range d.f {
			r[i] = e * e
		}
		return r
	}},
	{"sum x", true, func(d *primData) any {
		var s int64
		for _, e := range d.x {
			s += e
		}
		return s
	}},
	{"sum f", false, func(d *primData) any {
		var s float64
		for _, e := range d.f {
			s += e
		}
		return s
	}},
	{"x>500000", true, func(d *primData) any {
		r := make([]bool, len(d.x))
		for i, e := range d.x {
			r[i] = e > 500000
		}
		return r
	}},
	{"x=y", false, func(d *primData) any {
		r := make([]bool, len(d.x))
		for i, e := range d.x {
			r[i] = e == d.y[i]
		}
		return r
	}},
	{"f<0.5", false, func(d *primData) any {
		r := make([]bool, len(d.f))
		for i, e := range d.f {
			r[i] = e < 0.5
		}
		return r
	}},
	{"x,y", true, func(d *primData) any {
		r := make([]int64, len(d.x)+len(d.y))
		copy(r[copy(r, d.x):], d.y)
		return r
	}},
	{"x where x>500000", true, func(d *primData) any {
		r := make([]int64, 0, len(d.x))
		for _, e := range d.x {
			if e > 500000 {
				r = append(r, e)
			}
		}
		return r
	}},
	{"sums x", true, func(d *primData) any {
		r := make([]int64, len(d.x))
		var s int64
		for i, e := range d.x {
			s += e
			r[i] = s
		}
		return r
	}},
	{"x mod 7", true, func(d *primData) any {
		r := make([]int64, len(d.x))
		for i, e := range d.x {
			r[i] = e % 7
		}
		return r
	}},
	{"asc x", true, func(d *primData) any {
		r := slices.Clone(d.x)
		slices.Sort(r)
		return r
	}},
	{"iasc x", false, func(d *primData) any {
		r := make([]int64, len(d.x))
		for i := range r {
			r[i] = int64(i)
		}
		slices.SortStableFunc(r, func(i, j int64) int { return int(d.x[i] - d.x[j]) })
		return r
	}},
	{"desc x", true, func(d *primData) any {
		r := slices.Clone(d.x)
		slices.Sort(r)
		slices.Reverse(r)
		return r
	}},
	{"asc f", false, func(d *primData) any {
		r := slices.Clone(d.f)
		slices.Sort(r)
		return r
	}},
	{"asc s", false, func(d *primData) any {
		r := slices.Clone(d.s)
		slices.Sort(r)
		return r
	}},
	{"group x mod 7", true, func(d *primData) any { return goGroup(d.x, 7) }},
	{"group m7", false, func(d *primData) any { return goGroup(d.m7, 0) }},
	{"distinct x mod 1000", true, func(d *primData) any { return goDistinct(d.x, 1000) }},
	{"distinct m1000", false, func(d *primData) any { return goDistinct(d.m1000, 0) }},
	{"distinct x", false, func(d *primData) any { return goDistinct(d.x, 0) }},
	{"x?y", false, func(d *primData) any {
		pos := make(map[int64]int64, len(d.x))
		for i := len(d.x) - 1; i >= 0; i-- {
			pos[d.x[i]] = int64(i)
		}
		r := make([]int64, len(d.y))
		for i, e := range d.y {
			if p, ok := pos[e]; ok {
				r[i] = p
			} else {
				r[i] = int64(len(d.x))
			}
		}
		return r
	}},
	{"y in m1000", false, func(d *primData) any {
		set := make(map[int64]struct{})
		for _, e := range d.m1000 {
			set[e] = struct{}{}
		}
		r := make([]bool, len(d.y))
		for i, e := range d.y {
			_, r[i] = set[e]
		}
		return r
	}},
	{"x except m1000", false, func(d *primData) any {
		set := make(map[int64]struct{})
		for _, e := range d.m1000 {
			set[e] = struct{}{}
		}
		r := make([]int64, 0, len(d.x))
		for _, e := range d.x {
			if _, ok := set[e]; !ok {
				r = append(r, e)
			}
		}
		return r
	}},
}

// goGroup is group (x mod m, or x itself when m is 0) as a plain Go map
// from key to group, groups in order of first occurrence.
func goGroup(x []int64, m int64) any {
	at := map[int64]int{}
	var keys []int64
	var groups [][]int64
	for i, e := range x {
		if m != 0 {
			e %= m
		}
		g, ok := at[e]
		if !ok {
			g = len(keys)
			at[e] = g
			keys = append(keys, e)
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], int64(i))
	}
	return groups
}

// goDistinct is distinct (x mod m, or x when m is 0) in a plain Go map.
func goDistinct(x []int64, m int64) any {
	seen := map[int64]struct{}{}
	var r []int64
	for _, e := range x {
		if m != 0 {
			e %= m
		}
		if _, ok := seen[e]; !ok {
			seen[e] = struct{}{}
			r = append(r, e)
		}
	}
	return r
}

var primSink any

func BenchmarkPrims(b *testing.B) {
	for _, n := range []int{1e6, 1e7} {
		var in *Interp
		var d *primData
		ready := func(b *testing.B) {
			if in != nil {
				return
			}
			in, d = primSession(b, n)
		}
		for _, c := range primCases {
			if n > 1e6 && !c.big {
				continue
			}
			name := strings.ReplaceAll(c.expr, " ", "_") + "/" + sizeName(n)
			b.Run(name+"/kt", func(b *testing.B) {
				ready(b)
				st, err := Parse(c.expr)
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					v, err := in.run(st)
					if err != nil {
						b.Fatal(err)
					}
					primSink = v
				}
			})
			b.Run(name+"/go", func(b *testing.B) {
				ready(b)
				for b.Loop() {
					primSink = c.loop(d)
				}
			})
		}
	}
	primSink = nil
}

func sizeName(n int) string {
	return "1e" + string(rune('0'+int(math.Log10(float64(n)))))
}

// primSession makes the data in a session and reads it back.
func primSession(tb testing.TB, n int) (*Interp, *primData) {
	in := New()
	in.Stdout = io.Discard
	setup := primSetup
	if n > 1e6 {
		setup = primSetupBig
	}
	if _, err := in.Eval("n:" + strconv.Itoa(n) + "; " + setup); err != nil {
		tb.Fatal(err)
	}
	get := func(name string) k.V {
		v, err := in.Eval(name)
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}
	d := &primData{x: get("x").(k.Longs), y: get("y").(k.Longs)}
	if n <= 1e6 {
		d.m7, d.m1000 = get("m7").(k.Longs), get("m1000").(k.Longs)
		d.f, d.s = get("f").(k.Floats), get("s").(k.Syms)
	}
	return in, d
}

// TestPrimsAgree checks, on small data, that each row's Go loop computes
// what kt computes, so the pairs of BenchmarkPrims do the same work.
func TestPrimsAgree(t *testing.T) {
	in, d := primSession(t, 2000)
	for _, c := range primCases {
		v, err := in.Eval(c.expr)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		var got any
		switch w := k.Plain(v).(type) {
		case k.Longs:
			got = []int64(w)
		case k.Floats:
			got = []float64(w)
		case k.Bools:
			got = []bool(w)
		case k.Syms:
			got = []string(w)
		case k.Long:
			got = int64(w)
		case k.Float:
			got = float64(w)
		case *k.Dict:
			var gs [][]int64
			for _, g := range w.Vals.(k.List) {
				gs = append(gs, g.(k.Longs))
			}
			got = gs
		default:
			t.Fatalf("%s: unexpected %T", c.expr, v)
		}
		want := c.loop(d)
		if f, ok := want.(float64); ok {
			if g, ok := got.(float64); !ok || math.Abs(g-f) > 1e-9*math.Abs(f) {
				t.Errorf("%s: kt %v, go %v", c.expr, got, want)
			}
			continue
		}
		if !equalAny(got, want) {
			t.Errorf("%s: kt and the Go loop differ", c.expr)
		}
	}
}

func equalAny(a, b any) bool {
	switch x := a.(type) {
	case []int64:
		y, ok := b.([]int64)
		return ok && slices.Equal(x, y)
	case []float64:
		y, ok := b.([]float64)
		return ok && slices.Equal(x, y)
	case []bool:
		y, ok := b.([]bool)
		return ok && slices.Equal(x, y)
	case []string:
		y, ok := b.([]string)
		return ok && slices.Equal(x, y)
	case int64:
		return a == b
	case [][]int64:
		y, ok := b.([][]int64)
		return ok && slices.EqualFunc(x, y, slices.Equal)
	}
	return false
}
