package ktorch

import (
	"math"
	"testing"

	"kt/internal/ws"
	"kt/k"
	"kt/tensor"

	"kt/q/qtest"
)

// fuzzNames are the symbols the fuzzer draws from: losses, option names,
// reductions and others.
var fuzzNames = []string{"ce", "mse", "bce", "bcelogits", "triplet", "pairwise", "similar", "ctc", "kl", "smoothl1",
	"multimargin", "hinge", "weight", "reduce", "smoothing", "ignore", "margin", "p", "eps", "swap", "dim", "keepdim",
	"beta", "blank", "zeroinf", "log", "full", "delta", "none", "mean", "sum", "batchmean", "foo", ""}

// fuzzValue builds a k value from fuzz bytes: atoms of every kind the
// options take, vectors, general lists, dictionaries, :: and pointers.
func fuzzValue(b []byte, depth int) (k.V, []byte) {
	if len(b) == 0 {
		return k.Null, b
	}
	c, b := b[0], b[1:]
	next := func() int {
		if len(b) == 0 {
			return 0
		}
		v := int(int8(b[0]))
		b = b[1:]
		return v
	}
	switch c % 16 {
	case 0:
		return k.Sym(fuzzNames[next()&0x7f%len(fuzzNames)]), b
	case 1:
		n := next() & 7
		s := make(k.Syms, n)
		for i := range s {
			s[i] = fuzzNames[next()&0x7f%len(fuzzNames)]
		}
		return s, b
	case 2:
		return k.Long(next()), b
	case 3:
		return k.Float(float64(next()) / 8), b
	case 4:
		return k.Real(float32(next()) / 8), b
	case 5:
		return k.Bool(next()&1 == 1), b
	case 6:
		return k.Int(next()), b
	case 7:
		n := next() & 7
		f := make(k.Floats, n)
		for i := range f {
			f[i] = float64(next()) / 4
		}
		return f, b
	case 8:
		n := next() & 7
		l := make(k.Longs, n)
		for i := range l {
			l[i] = int64(next())
		}
		return l, b
	case 9:
		return k.Null, b
	case 10:
		return k.List{k.Long(firstID + 16*int64(next()&3))}, b // a pointer, perhaps stale
	case 11, 12, 13:
		if depth > 3 {
			return k.Long(0), b
		}
		n := next() & 3
		l := make(k.List, n)
		for i := range l {
			l[i], b = fuzzValue(b, depth+1)
		}
		return l, b
	case 14:
		if depth > 3 {
			return k.List{}, b
		}
		keys, rest := fuzzValue(append([]byte{1}, b...), depth+1)
		vals, rest := fuzzValue(rest, depth+1)
		return &k.Dict{Keys: keys, Vals: vals}, rest
	}
	return k.Chars("x"), b
}

// FuzzOptions feeds arbitrary option values to loss creation and to the
// functional forms: whatever is given, the result is a value or an error,
// never a panic, and the session keeps working.
func FuzzOptions(f *testing.F) {
	for _, seed := range []string{"\x00\x01\x0b\x02\x00\x1d", "\x0b\x03\x00\x00\x07\x04\x01\x02\x03\x04", "\x0e\x02\x0d\x0e\x02\x03\x01", "\x0b\x02\x0a\x00\x03\x05"} {
		f.Add([]byte(seed))
	}
	f.Add([]byte("\x00\x00\x1a\x08\x05\x7f\x7f\x7f\x7f\x7f")) // (`full;127 127 127 127 127): 223 GB
	defer ws.SetLimit(ws.SetLimit(256 << 20))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := NewSession(1)
		x, _ := s.tensorFn(k.Reals{1, 2, 3})
		l, _ := s.lossFn(k.Sym("mse"))
		name, rest := "ce", data
		if len(rest) > 0 {
			name, rest = fuzzNames[int(rest[0])%11], rest[1:]
		}
		args := k.List{k.Sym(name)}
		for len(rest) > 0 && len(args) < 6 {
			var v k.V
			v, rest = fuzzValue(rest, 0)
			args = append(args, v)
		}
		s.lossFn(args)
		s.lossFunc("mse", append(k.List{k.Reals{1, 2, 3}, k.Reals{0, 2, 4}}, args[1:]...))
		s.bceFn(append(k.List{x, k.Reals{0, 1, 1}}, args[1:]...))
		s.lossFn(append(k.List{l}, args[1:]...))
		s.tensorFn(args[1:])
		s.free(k.List{})
		if got, err := s.lossFunc("mse", k.List{k.Reals{1, 2, 3}, k.Reals{0, 2, 4}}); err != nil || got != k.V(k.Real(float32(2)/3)) {
			t.Fatalf("session broken: %v %v", got, err)
		}
	})
}

// TestFreeReleases shows that free and return release every object the
// training loop of the loss page makes.
func TestFreeReleases(t *testing.T) {
	in, s := newInterp(t)
	for _, line := range []string{
		"x:tensor(.5 2 4e; `grad)", "y:tensor 1 2 3e", "l:loss`mse", "o:opt(`sgd;x;.1)",
		"f:{[l;o;x;y;z]zerograd o; backward z:loss(l;x;y); step o; `loss`x!(return z;tensor x)}",
		"r:{.1<first x} f[l;o;x;y]\\`loss`x!(0we;tensor x)",
	} {
		if out := qtest.Output(in, line); out != "" {
			t.Fatalf("%s: %s", line, out)
		}
	}
	if s.Live() != 4 {
		t.Errorf("after training: %d live objects, want 4 (x, y, l, o)", s.Live())
	}
	qtest.Output(in, "free(x;y;l;o)")
	if s.Live() != 0 {
		t.Errorf("after free: %d live objects, want 0", s.Live())
	}
	if got := qtest.Output(in, "count r"); got != "13\n" {
		t.Errorf("training rows: %q, want 13", got)
	}
}

// TestFreeShared checks that freeing a pointer whose tensor another object
// still holds (an optimizer's parameter, or the same tensor under a second
// pointer) leaves that object working, and that freeing an input of a
// pending backward does not disturb the backward.
func TestFreeShared(t *testing.T) {
	in, s := newInterp(t)
	for _, line := range []string{
		"x:tensor(`randn;100000;`grad)", "x0:tensor x", "o:opt(`sgd;x;.1)",
		"z:mse(x;tensor(`zeros;100000))", "free x", "backward z", "step o",
		"y:tensor(`ones;100000)", "y2:expand(y;100000)", "free y",
	} {
		if out := qtest.Output(in, line); out != "" {
			t.Fatalf("%s: %s", line, out)
		}
	}
	var p *tensor.Tensor
	for _, o := range s.objs {
		if v, ok := o.(*optObj); ok {
			p = v.params[0]
		}
	}
	x0 := qtest.Output(in, "x0")
	if p == nil || p.Numel() != 100000 || x0 == "" {
		t.Fatalf("the optimizer's parameter: %v", p)
	}
	if got := qtest.Output(in, "sum tensor y2"); got != "100000e\n" {
		t.Errorf("sum of the second pointer's tensor: %q", got)
	}
	v, err := in.Eval("x0")
	if err != nil {
		t.Fatal(err)
	}
	xs := v.(k.Reals)
	for i, got := range p.Float32s() {
		g := float32(2*float64(xs[i])) / 100000
		if want := xs[i] - float32(.1)*g; math.Abs(float64(got-want)) > 1e-6 {
			t.Fatalf("parameter %d: %v, want %v", i, got, want)
		}
	}
}

// TestHugeTensors asks for tensors past the workspace: each is 'wsfull or
// 'limit, the session goes on, and no object is left behind.
func TestHugeTensors(t *testing.T) {
	defer ws.SetLimit(ws.SetLimit(256 << 20))
	in, s := newInterp(t)
	for _, c := range []struct{ line, want string }{
		{"tensor(`randn;100000 100000)", "'wsfull\n"},
		{"tensor(`full;127 127 127 127 127;1)", "'wsfull\n"},
		{"tensor(`zeros;0W 0W)", "'shape: too many elements\n"},
		{"tensor(`ones;100000000;`double)", "'wsfull\n"},
		{"mse(1 2e;1 3e)", "0.5e\n"},
	} {
		if got := qtest.Output(in, c.line); got != c.want {
			t.Errorf("%s: got %q, want %q", c.line, got, c.want)
		}
	}
	if s.Live() != 0 {
		t.Errorf("%d objects live", s.Live())
	}
}
