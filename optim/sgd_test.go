package optim

import (
	"fmt"
	"math"
	"testing"

	"kt/internal/fixture"
	"kt/internal/stop"
	"kt/loss"
	"kt/tensor"
)

func fromFixture(t *testing.T, ft *fixture.Tensor) *tensor.Tensor {
	t.Helper()
	x, err := tensor.New(ft.Data, ft.Shape...)
	if err != nil {
		t.Fatal(err)
	}
	if ft.DType == "float32" {
		x = x.To(tensor.Float32)
	}
	return x
}

func values(t *tensor.Tensor) []float64 {
	out := make([]float64, t.Numel())
	for i := range out {
		out[i] = t.At(i)
	}
	return out
}

func options(o fixture.SGDOptions) SGDOptions {
	return SGDOptions{LR: o.LR, Momentum: o.Momentum, Dampening: o.Dampening,
		WeightDecay: o.WeightDecay, Nesterov: o.Nesterov, Maximize: o.Maximize}
}

// TestSGDFixtures replays torch.optim.SGD's runs, parameters bit for bit.
// The loss document's run computes its loss and gradients with loss.MSE;
// the linear-model runs feed the optimizer torch's recorded gradients, so
// they test the update rule alone.
func TestSGDFixtures(t *testing.T) {
	f, err := fixture.LoadSGD("testdata/torch/sgd.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range f.Runs {
		t.Run(run.Name, func(t *testing.T) {
			params := make([]*tensor.Tensor, len(run.Params))
			for i := range run.Params {
				params[i] = fromFixture(t, &run.Params[i].Tensor)
				if err := params[i].SetRequiresGrad(true); err != nil {
					t.Fatal(err)
				}
			}
			o, err := NewSGD(params, options(run.Options))
			if err != nil {
				t.Fatal(err)
			}
			var y *tensor.Tensor
			if run.Model == "mse" {
				fy, _ := run.Datum("y")
				y = fromFixture(t, fy)
			}
			for k, step := range run.Steps {
				o.ZeroGrad()
				if run.Model == "mse" {
					z, err := loss.NewMSE().Forward(nil, params[0], y)
					if err != nil {
						t.Fatal(err)
					}
					if l, _ := z.Item(); !fixture.Close([]float64{l}, []float64{step.Loss}, run.DType) {
						t.Errorf("step %d: loss %v, want %v", k, l, step.Loss)
					}
					if err := tensor.Backward(z, nil, false); err != nil {
						t.Fatal(err)
					}
				} else {
					for i, p := range run.Params {
						params[i].Grad = fromFixture(t, step.Grads[p.Name])
					}
				}
				if err := o.Step(); err != nil {
					t.Fatal(err)
				}
				for i, p := range run.Params {
					if m := sameBits(values(params[i]), step.Params[p.Name].Data); m != "" {
						t.Fatalf("step %d, %s: %s", k, p.Name, m)
					}
				}
			}
		})
	}
}

// The loss document's training loop: the loss before step k is
// (5/12)·(14/15)^(2(k-1)), and after 95 steps x = 0.999288 2 3.001424.
// sameBits returns "" when got and want hold the same numbers (NaN
// matching NaN), else a description of the first that differs.
func sameBits(got, want []float64) string {
	if len(got) != len(want) {
		return fmt.Sprintf("got %d values, want %d", len(got), len(want))
	}
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) && !(math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			return fmt.Sprintf("value %d: got %v, want %v", i, got[i], want[i])
		}
	}
	return ""
}

func TestSGDDocument(t *testing.T) {
	x := tensor.Vector[float32](.5, 2, 4)
	y := tensor.Vector[float32](1, 2, 3)
	x.SetRequiresGrad(true)
	o, err := NewSGD([]*tensor.Tensor{x}, SGDOptions{LR: .1})
	if err != nil {
		t.Fatal(err)
	}
	var l float64
	for k := 1; k <= 95; k++ {
		o.ZeroGrad()
		z, err := loss.NewMSE().Forward(nil, x, y)
		if err != nil {
			t.Fatal(err)
		}
		l, _ = z.Item()
		want := 5.0 / 12 * math.Pow(14.0/15, float64(2*(k-1)))
		if math.Abs(l-want) > 1e-3*want { // float32 rounding drifts from the exact formula
			t.Fatalf("loss before step %d = %v, want %v", k, l, want)
		}
		if err := tensor.Backward(z, nil, false); err != nil {
			t.Fatal(err)
		}
		if err := o.Step(); err != nil {
			t.Fatal(err)
		}
	}
	got := x.Float32s()
	want := []float32{0.999288, 2, 3.001424}
	for i := range want {
		if math.Abs(float64(got[i]-want[i])) > 1e-6 {
			t.Errorf("x after 95 steps = %v, want %v", got, want)
			break
		}
	}
	if l >= 1e-6 || math.Abs(l-9.70067e-07) > 1e-11 {
		t.Errorf("last loss = %g, want 9.70067e-07", l)
	}
}

func TestSGDErrors(t *testing.T) {
	x := tensor.Vector[float32](1)
	x.SetRequiresGrad(true)
	tests := []struct {
		o    SGDOptions
		want string
	}{
		{SGDOptions{LR: -1}, "Invalid learning rate: -1"},
		{SGDOptions{LR: .1, Momentum: -1}, "Invalid momentum value: -1"},
		{SGDOptions{LR: .1, WeightDecay: -1}, "Invalid weight_decay value: -1"},
		{SGDOptions{LR: .1, Nesterov: true}, "Nesterov momentum requires a momentum and zero dampening"},
		{SGDOptions{LR: .1, Momentum: .9, Dampening: .1, Nesterov: true}, "Nesterov momentum requires a momentum and zero dampening"},
	}
	for _, tt := range tests {
		if _, err := NewSGD([]*tensor.Tensor{x}, tt.o); err == nil || err.Error() != tt.want {
			t.Errorf("NewSGD(%+v): %v, want %q", tt.o, err, tt.want)
		}
	}
}

func TestSGDZeroGradKeepsTensor(t *testing.T) {
	x := tensor.Vector(1.0, 2)
	x.SetRequiresGrad(true)
	o, _ := NewSGD([]*tensor.Tensor{x}, SGDOptions{LR: 1})
	if err := o.Step(); err != nil || x.Float64s()[0] != 1 {
		t.Fatalf("step without a gradient changed x: %v %v", x, err)
	}
	x.Grad = tensor.Vector(1.0, 1)
	g := x.Grad
	o.ZeroGrad()
	if x.Grad != g || x.Grad.Float64s()[0] != 0 || x.Grad.Float64s()[1] != 0 {
		t.Errorf("ZeroGrad: grad %v", x.Grad)
	}
}

// TestStepWhole checks that a step is made whole or not at all: a
// gradient that does not match its parameter, or an interrupt, leaves
// every parameter and momentum buffer as it was.
func TestStepWhole(t *testing.T) {
	defer stop.Clear()
	newParam := func(v ...float64) *tensor.Tensor {
		p := tensor.Vector(v...)
		if err := p.SetRequiresGrad(true); err != nil {
			t.Fatal(err)
		}
		p.Grad = tensor.Vector(1.0, 1)
		return p
	}
	a, b := newParam(1, 2), newParam(3, 4)
	o, err := NewSGD([]*tensor.Tensor{a, b}, SGDOptions{LR: 0.5, Momentum: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	b.Grad = tensor.Vector(1.0, 1, 1)
	if err := o.Step(); err == nil {
		t.Fatal("a gradient of the wrong shape was taken")
	}
	want := [][]float64{{1, 2}, {3, 4}}
	check := func(when string) {
		t.Helper()
		for i, p := range []*tensor.Tensor{a, b} {
			if got := values(p); fmt.Sprint(got) != fmt.Sprint(want[i]) {
				t.Errorf("%s: parameter %d is %v, want %v", when, i, got, want[i])
			}
			if o.bufs[i] != nil {
				t.Errorf("%s: parameter %d has a momentum buffer", when, i)
			}
		}
	}
	check("after a failed step")
	b.Grad = tensor.Vector(1.0, 1)
	stop.Request()
	if err := o.Step(); err != stop.Err {
		t.Fatalf("interrupted step: %v", err)
	}
	check("after an interrupted step")
	stop.Clear()
	if err := o.Step(); err != nil {
		t.Fatal(err)
	}
	want = [][]float64{{0.5, 1.5}, {2.5, 3.5}}
	for i, p := range []*tensor.Tensor{a, b} {
		if got := values(p); fmt.Sprint(got) != fmt.Sprint(want[i]) {
			t.Errorf("after a step: parameter %d is %v, want %v", i, got, want[i])
		}
	}
}
