package prim

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"kt/k"
)

// Shorthand constructors for test values.
func J(v ...int64) k.Longs    { return k.Longs(v) }
func I(v ...int32) k.Ints     { return k.Ints(v) }
func H(v ...int16) k.Shorts   { return k.Shorts(v) }
func X(v ...byte) k.Bytes     { return k.Bytes(v) }
func F(v ...float64) k.Floats { return k.Floats(v) }
func E(v ...float32) k.Reals  { return k.Reals(v) }
func B(s string) k.Bools {
	r := make(k.Bools, len(s))
	for i := range s {
		r[i] = s[i] == '1'
	}
	return r
}
func C(s string) k.Chars       { return k.Chars(s) }
func S(v ...string) k.Syms     { return k.Syms(v) }
func Li(v ...k.V) k.List       { return k.List(v) }
func D(keys, vals k.V) *k.Dict { return &k.Dict{Keys: keys, Vals: vals} }
func T(cols k.Syms, data ...k.V) *k.Table {
	return &k.Table{Cols: cols, Data: k.List(data)}
}

var (
	nj  = k.Long(k.NullLong)
	wj  = k.Long(k.InfLong)
	nf  = k.Float(math.NaN())
	wf  = k.Float(math.Inf(1))
	nan = math.NaN()
	inf = math.Inf(1)
)

// same compares two values exactly: same types at every level, same
// values, NaN equal to NaN.
func same(a, b k.V) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if a.Type() != b.Type() {
		return false
	}
	switch x := a.(type) {
	case k.Float:
		y := b.(k.Float)
		return x == y || x != x && y != y
	case k.Real:
		y := b.(k.Real)
		return x == y || x != x && y != y
	case k.Floats:
		y := b.(k.Floats)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if !same(k.Float(x[i]), k.Float(y[i])) {
				return false
			}
		}
		return true
	case k.Reals:
		y := b.(k.Reals)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if !same(k.Real(x[i]), k.Real(y[i])) {
				return false
			}
		}
		return true
	case k.List:
		y := b.(k.List)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if !same(x[i], y[i]) {
				return false
			}
		}
		return true
	case *k.Dict:
		y := b.(*k.Dict)
		return same(x.Keys, y.Keys) && same(x.Vals, y.Vals)
	case *k.Table:
		y := b.(*k.Table)
		return same(x.Cols, y.Cols) && same(x.Data, y.Data)
	}
	if isVec(a) {
		if k.Count(a) != k.Count(b) {
			return false
		}
		for i := 0; i < k.Count(a); i++ {
			if k.At(a, i) != k.At(b, i) {
				return false
			}
		}
		return true
	}
	return a == b
}

// show renders a value for failure messages.
func show(v k.V) string {
	switch x := v.(type) {
	case nil:
		return "<nil>"
	case *k.Dict:
		return fmt.Sprintf("(%s)!(%s)", show(x.Keys), show(x.Vals))
	case *k.Table:
		return fmt.Sprintf("+(%s)!(%s)", show(x.Cols), show(x.Data))
	case k.List:
		s := "("
		for i, e := range x {
			if i > 0 {
				s += ";"
			}
			s += show(e)
		}
		return s + ")"
	}
	return fmt.Sprintf("%T%v", v, v)
}

// tc is one case: a primitive by its table name applied to x (and y when
// dyadic), with the expected value or q signal.
type tc struct {
	f    string
	x, y k.V
	want k.V
	err  string
}

// m builds a monadic case, d a dyadic one; errors are given as "'type".
func m(f string, x k.V, want k.V) tc    { return tc{f: f, x: x, want: want} }
func d(f string, x, y k.V, want k.V) tc { return tc{f: f, x: x, y: y, want: want} }
func me(f string, x k.V, err string) tc { return tc{f: f, x: x, err: err} }
func de(f string, x, y k.V, err string) tc {
	return tc{f: f, x: x, y: y, err: err}
}

func run(t *testing.T, cases []tc) {
	t.Helper()
	for i, c := range cases {
		var got k.V
		var err error
		if c.y == nil {
			fn, ok := Monads[c.f]
			if !ok {
				t.Errorf("%d: no monad %q", i, c.f)
				continue
			}
			got, err = fn(c.x)
		} else {
			fn, ok := Dyads[c.f]
			if !ok {
				t.Errorf("%d: no dyad %q", i, c.f)
				continue
			}
			got, err = fn(c.x, c.y)
		}
		name := fmt.Sprintf("%d: %s %s %s", i, show(c.x), c.f, show(c.y))
		if c.err != "" {
			var qe *k.Error
			if !errors.As(err, &qe) || "'"+qe.Msg != c.err {
				t.Errorf("%s: got %s, %v; want %s", name, show(got), err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: error %v; want %s", name, err, show(c.want))
			continue
		}
		if !same(got, c.want) {
			t.Errorf("%s:\n got %s\nwant %s", name, show(got), show(c.want))
		}
	}
}

// TestArgumentsUnchanged checks that primitives never write into their
// arguments.
func TestArgumentsUnchanged(t *testing.T) {
	x := J(3, 1, 2)
	y := F(1, nan, 3)
	for name, f := range Monads {
		if _, err := f(x); err != nil {
			continue
		}
		if !same(x, J(3, 1, 2)) {
			t.Fatalf("%s changed its argument: %v", name, x)
		}
	}
	for name, f := range Dyads {
		f(x, y)
		f(y, x)
		if !same(x, J(3, 1, 2)) || !same(y, F(1, nan, 3)) {
			t.Fatalf("%s changed its arguments", name)
		}
	}
}

// TestNoPanics applies every primitive to a spread of awkward values.
func TestNoPanics(t *testing.T) {
	vals := []k.V{
		k.Long(0), k.Long(-3), nj, nf, k.Bool(true), k.Sym("a"), k.Char('x'), k.Null,
		J(), F(), k.List{}, S(), C(""), J(1, 2, 3), F(1.5, nan), B("101"), S("a", "b"),
		C("abc"), Li(J(1, 2), C("x"), k.Sym("s")), D(S("a", "b"), J(1, 2)), D(J(), J()),
		T(S("a", "b"), J(1, 2), S("x", "y")), T(S()), D(T(S("k"), S("a")), T(S("v"), J(1))),
		Li(Li()), H(1, k.NullShort), I(k.NullInt, 2), X(1, 255), E(1.5, float32(nan)),
		k.Guid{1}, k.Guids{{1}, {}}, k.Guids{}, Li(k.Guid{2}, k.Long(1)),
		D(k.Guids{{1}}, J(1)), T(S("g"), k.Guids{{3}, {4}}),
	}
	for name, f := range Monads {
		for _, x := range vals {
			f(x)
		}
		_ = name
	}
	for _, f := range Dyads {
		for _, x := range vals {
			for _, y := range vals {
				f(x, y)
			}
		}
	}
	for _, x := range vals {
		for _, y := range vals {
			Cond(x, y, y)
			Ssr(x, y, y)
		}
	}
}
