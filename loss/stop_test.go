package loss

import (
	"math/rand/v2"
	"testing"

	"kt/internal/stop"
	"kt/tensor"
)

// TestStop interrupts a large forward pass: it gives up with stop.Err
// and no output, and runs again once the request is withdrawn.
func TestStop(t *testing.T) {
	defer stop.Clear()
	n := 1 << 20
	x, _ := tensor.Zeros(tensor.Float32, n)
	y, _ := tensor.Ones(tensor.Float32, n)
	for _, red := range []Reduction{None, Mean} {
		l := MSE{Reduction: red}
		stop.Request()
		if out, err := l.Forward(nil, x, y); err != stop.Err || out != nil {
			t.Errorf("%v, interrupted: %v, %v", red, out, err)
		}
		stop.Clear()
		if _, err := l.Forward(nil, x, y); err != nil {
			t.Errorf("%v: %v", red, err)
		}
	}
}

// TestStopRandom interrupts a large random tensor.
func TestStopRandom(t *testing.T) {
	defer stop.Clear()
	src := rand.New(rand.NewPCG(1, 2))
	stop.Request()
	if r, err := tensor.Randn(src, tensor.Float32, 1<<20); err != stop.Err || r != nil {
		t.Errorf("interrupted: %v, %v", r, err)
	}
	stop.Clear()
	if _, err := tensor.Randn(src, tensor.Float32, 1<<20); err != nil {
		t.Error(err)
	}
}

// TestStopRows interrupts the losses that work row by row (class losses,
// distances): each gives up with stop.Err and no output, in its forward
// and, through tensor.Backward, in its backward. (nll reads one element
// of each row, a pass shorter than the one that made its input.)
func TestStopRows(t *testing.T) {
	defer stop.Clear()
	rows, nc := 64, 8
	src := rand.New(rand.NewPCG(3, 4))
	x, _ := tensor.Randn(src, tensor.Float32, rows, nc)
	x2, _ := tensor.Randn(src, tensor.Float32, rows, nc)
	x3, _ := tensor.Randn(src, tensor.Float32, rows, nc)
	cls := make([]int64, rows)
	for i := range cls {
		cls[i] = int64(i % nc)
	}
	y, _ := tensor.Wrap(cls, rows)
	for _, c := range []struct {
		l  Loss
		in []*tensor.Tensor
	}{
		{NewCrossEntropy(), []*tensor.Tensor{x, y}},
		{MultiMargin{P: 1, Margin: 1, Reduction: Mean}, []*tensor.Tensor{x, y}},
		{NewPairwiseDistance(), []*tensor.Tensor{x, x2}},
		{NewTripletMargin(), []*tensor.Tensor{x, x2, x3}},
	} {
		stop.Request()
		if out, err := c.l.Forward(nil, c.in...); err != stop.Err || out != nil {
			t.Errorf("%s, interrupted: %v, %v", c.l.Name(), out, err)
		}
		stop.Clear()
		if err := x.SetRequiresGrad(true); err != nil {
			t.Fatal(err)
		}
		out, err := c.l.Forward(nil, c.in...)
		if err != nil {
			t.Fatalf("%s: %v", c.l.Name(), err)
		}
		g, _ := tensor.Ones(out.DType(), out.Shape()...)
		stop.Request()
		if err := tensor.Backward(out, g, true); err != stop.Err || x.Grad != nil {
			t.Errorf("%s, interrupted backward: %v, grad %v", c.l.Name(), err, x.Grad)
		}
		stop.Clear()
		if err := tensor.Backward(out, g, false); err != nil || x.Grad == nil {
			t.Errorf("%s, backward: %v, grad %v", c.l.Name(), err, x.Grad)
		}
		x.FreeGrad()
		if err := x.SetRequiresGrad(false); err != nil {
			t.Fatal(err)
		}
	}
}
