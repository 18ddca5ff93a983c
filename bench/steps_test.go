package bench

import (
	"os"
	"reflect"
	"regexp"
	"testing"
	"time"

	"kt/optim"
	"kt/tensor"
)

// A stepRow is one optimizer row: torch.optim.SGD's step on one float32
// parameter of n elements whose gradient is set once, with the options of
// the row. torch_bench.py's STEPS defines the same rows.
type stepRow struct {
	id string
	o  optim.SGDOptions
	n  int
}

// stepRows returns the optimizer rows, in torch_bench.py's order.
func stepRows() []stepRow {
	return []stepRow{
		{"sgd_1e7", optim.SGDOptions{LR: 1e-3}, 1e7},
		{"sgd-momentum_1e7", optim.SGDOptions{LR: 1e-3, Momentum: .9}, 1e7},
		{"sgd-nesterov_1e7", optim.SGDOptions{LR: 1e-3, Momentum: .9, Nesterov: true}, 1e7},
		{"sgd-wd_1e7", optim.SGDOptions{LR: 1e-3, WeightDecay: 1e-4}, 1e7},
	}
}

// newStep returns an optimizer of a row's parameter, its gradient set
// and its first step (which makes the momentum buffer) taken.
func newStep(r stepRow, n int) (*optim.SGD, error) {
	g := newGen(seed(r.id))
	p, err := tensor.Wrap(g.normal(n), n)
	if err != nil {
		return nil, err
	}
	if err := p.SetRequiresGrad(true); err != nil {
		return nil, err
	}
	if p.Grad, err = tensor.Wrap(g.normal(n), n); err != nil {
		return nil, err
	}
	o, err := optim.NewSGD([]*tensor.Tensor{p}, r.o)
	if err != nil {
		return nil, err
	}
	return o, o.Step()
}

// BenchmarkSteps times SGD's step for every optimizer row
// (BenchmarkSteps/<id>/step), after a first step, as torch_bench.py
// times torch.optim.SGD.step.
func BenchmarkSteps(b *testing.B) {
	for _, r := range stepRows() {
		b.Run(r.id, func(b *testing.B) {
			o, err := newStep(r, r.n)
			if err != nil {
				b.Fatal(err)
			}
			b.Run("step", func(b *testing.B) {
				ct := new(callTimes)
				defer ct.report(b)
				b.ReportAllocs()
				for b.Loop() {
					t0 := time.Now()
					if err := o.Step(); err != nil {
						b.Fatal(err)
					}
					ct.add(time.Since(t0))
				}
			})
		})
	}
}

// TestSteps runs every optimizer row for two steps at a small size: the
// parameter moves and stays finite.
func TestSteps(t *testing.T) {
	for _, r := range stepRows() {
		o, err := newStep(r, 100)
		if err != nil {
			t.Fatalf("%s: %v", r.id, err)
		}
		p := o.Params()[0]
		before := p.Clone()
		if err := o.Step(); err != nil {
			t.Fatalf("%s: %v", r.id, err)
		}
		if i := nonFinite(p); i >= 0 || p.At(0) == before.At(0) {
			t.Errorf("%s: step gave %v from %v", r.id, p.At(0), before.At(0))
		}
	}
}

// TestTorchSteps checks that torch_bench.py defines the same optimizer
// rows, in the same order.
func TestTorchSteps(t *testing.T) {
	src, err := os.ReadFile("torch_bench.py")
	if err != nil {
		t.Fatal(err)
	}
	var torch, engine []string
	for _, m := range regexp.MustCompile(`(?m)^\s*\("(sgd[^"]*)", `).FindAllSubmatch(src, -1) {
		torch = append(torch, string(m[1]))
	}
	for _, r := range stepRows() {
		engine = append(engine, r.id)
	}
	if !reflect.DeepEqual(torch, engine) {
		t.Errorf("torch_bench.py steps\n%v\nengine steps\n%v", torch, engine)
	}
}
