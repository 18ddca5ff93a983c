package bench

import (
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"kt/tensor"
)

// BenchmarkRows times every row of the reference table:
// BenchmarkRows/<id>/fwd is the forward alone (nothing records),
// BenchmarkRows/<id>/fwdbwd records the forward and runs the backward for
// the gradient of the row's inputs (their Grad freed and reset to nil each
// call, as torch's x.grad = None drops the last reference to it). A row's tensors are made once, before its
// timings.
func BenchmarkRows(b *testing.B) {
	for _, r := range rows() {
		b.Run(r.id, func(b *testing.B) {
			ins, err := r.make(r.dims)
			if err != nil {
				b.Fatal(err)
			}
			b.Run("fwd", func(b *testing.B) { benchForward(b, r, ins) })
			if len(r.grads) > 0 {
				b.Run("fwdbwd", func(b *testing.B) { benchBackward(b, r, ins) })
			}
		})
	}
}

// benchForward times the forward under NoGrad (for the copy row, a clone
// of the tensor, freed as torch's is when its last reference goes).
func benchForward(b *testing.B, r row, ins []*tensor.Tensor) {
	ct := new(callTimes)
	defer ct.report(b)
	b.ReportAllocs()
	if r.loss == nil {
		for b.Loop() {
			t0 := time.Now()
			ins[0].Clone().Free()
			ct.add(time.Since(t0))
		}
		return
	}
	ctx := &tensor.Ctx{NoGrad: true}
	for b.Loop() {
		t0 := time.Now()
		if _, err := r.loss.Forward(ctx, ins...); err != nil {
			b.Fatal(err)
		}
		ct.add(time.Since(t0))
	}
}

// callTimes keeps the durations of a benchmark's last calls, without
// allocating in its loop, for the median that the torch side quotes too.
type callTimes struct {
	d [4096]time.Duration
	n int
}

// add records one call.
func (c *callTimes) add(d time.Duration) {
	c.d[c.n%len(c.d)] = d
	c.n++
}

// report adds the median of the recorded calls to b's results as
// med-ns/op.
func (c *callTimes) report(b *testing.B) {
	k := min(c.n, len(c.d))
	if k == 0 {
		return
	}
	s := slices.Clone(c.d[:k])
	slices.Sort(s)
	m := float64(s[k/2])
	if k%2 == 0 {
		m = float64(s[k/2-1]+s[k/2]) / 2
	}
	b.ReportMetric(m, "med-ns/op")
}

// benchBackward times the recorded forward and its backward; a loss
// without reduction (cosine similarity) gets a gradient of ones made
// once.
func benchBackward(b *testing.B, r row, ins []*tensor.Tensor) {
	in, err := withGrads(r, ins)
	if err != nil {
		b.Fatal(err)
	}
	out, err := r.loss.Forward(nil, in...)
	if err != nil {
		b.Fatal(err)
	}
	var g *tensor.Tensor
	if out.Numel() != 1 {
		if g, err = tensor.Ones(out.DType(), out.Shape()...); err != nil {
			b.Fatal(err)
		}
	}
	ct := new(callTimes)
	defer ct.report(b)
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		for _, k := range r.grads {
			in[k].FreeGrad()
		}
		out, err := r.loss.Forward(nil, in...)
		if err != nil {
			b.Fatal(err)
		}
		if err := tensor.Backward(out, g, false); err != nil {
			b.Fatal(err)
		}
		ct.add(time.Since(t0))
	}
}

// withGrads returns the row's inputs with those in r.grads replaced by
// views (sharing storage) that require grad.
func withGrads(r row, ins []*tensor.Tensor) ([]*tensor.Tensor, error) {
	in := append([]*tensor.Tensor(nil), ins...)
	for _, k := range r.grads {
		in[k] = ins[k].Detach()
		if err := in[k].SetRequiresGrad(true); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// TestRows runs every row once at small sizes: the inputs are valid for
// the loss (its value is finite, so BCE's inputs are in (0, 1), class
// indices in range and CTC's targets feasible), and the backward gives a
// finite gradient of each input's shape.
func TestRows(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rows() {
		t.Run(r.id, func(t *testing.T) {
			if seen[r.id] {
				t.Fatalf("duplicate row id %s", r.id)
			}
			seen[r.id] = true
			if len(r.dims) != len(r.small) {
				t.Fatalf("small sizes %v do not have the layout of %v", r.small, r.dims)
			}
			ins, err := r.make(r.small)
			if err != nil {
				t.Fatal(err)
			}
			if r.loss == nil {
				if c := ins[0].Clone(); c.Numel() != numel(r.small) {
					t.Fatalf("clone has %d elements, want %d", c.Numel(), numel(r.small))
				}
				return
			}
			out, err := r.loss.Forward(&tensor.Ctx{NoGrad: true}, ins...)
			if err != nil {
				t.Fatal(err)
			}
			if i := nonFinite(out); i >= 0 {
				t.Fatalf("forward: element %d is %v", i, out.At(i))
			}
			in, err := withGrads(r, ins)
			if err != nil {
				t.Fatal(err)
			}
			out, err = r.loss.Forward(nil, in...)
			if err != nil {
				t.Fatal(err)
			}
			g, err := tensor.Ones(out.DType(), out.Shape()...)
			if err != nil {
				t.Fatal(err)
			}
			if err := tensor.Backward(out, g, false); err != nil {
				t.Fatal(err)
			}
			for _, k := range r.grads {
				gk := in[k].Grad
				if gk == nil || !tensor.SameShape(gk.Shape(), in[k].Shape()) {
					t.Fatalf("input %d: gradient %v for shape %v", k, gk, in[k].Shape())
				}
				if i := nonFinite(gk); i >= 0 {
					t.Fatalf("input %d: gradient element %d is %v", k, i, gk.At(i))
				}
			}
		})
	}
}

// nonFinite returns the index of the first NaN or infinite element of t,
// or -1.
func nonFinite(t *tensor.Tensor) int {
	for i := range t.Numel() {
		if v := t.At(i); math.IsNaN(v) || math.IsInf(v, 0) {
			return i
		}
	}
	return -1
}

// TestSmallLayout checks the helpers that shape the inputs: log-softmax
// rows sum to one in probability, and class draws stay in range.
func TestSmallLayout(t *testing.T) {
	g := newGen(1)
	for _, c := range []int{1, 3, 10} {
		v := logSoftmax(g.normal(4*c), c)
		for lo := 0; lo < len(v); lo += c {
			s := 0.0
			for _, x := range v[lo : lo+c] {
				s += math.Exp(float64(x))
			}
			if math.Abs(s-1) > 1e-5 {
				t.Errorf("c=%d: row at %d sums to %v", c, lo, s)
			}
		}
	}
	for _, k := range g.classes(1, 20, 1000) {
		if k < 1 || k >= 20 {
			t.Fatalf("class %d outside [1, 20)", k)
		}
	}
	for _, x := range sigmoid(g.normal(1000)) {
		if x <= 0 || x >= 1 {
			t.Fatalf("sigmoid %v outside (0, 1)", x)
		}
	}
}

// TestTorchRows checks that torch_bench.py defines the same rows, in the
// same order, so that the two sides' timings can be matched.
func TestTorchRows(t *testing.T) {
	src, err := os.ReadFile("torch_bench.py")
	if err != nil {
		t.Fatal(err)
	}
	var torch, engine []string
	for _, m := range regexp.MustCompile(`(?m)^\s*\("([^"]+)", `).FindAllSubmatch(src, -1) {
		if !strings.HasPrefix(string(m[1]), "sgd") { // the optimizer's rows: TestTorchSteps
			torch = append(torch, string(m[1]))
		}
	}
	for _, r := range rows() {
		engine = append(engine, r.id)
	}
	if !reflect.DeepEqual(torch, engine) {
		t.Errorf("torch_bench.py rows\n%v\nengine rows\n%v", torch, engine)
	}
}
