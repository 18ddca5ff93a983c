package tensor

import (
	"errors"
	"testing"

	"kt/internal/stop"
)

// scale records y = k·x, a minimal operation for testing the tape.
func scale(c *Ctx, x *Tensor, k float64) *Tensor {
	xs := x.Float64s()
	ys := make([]float64, len(xs))
	for i, v := range xs {
		ys[i] = k * v
	}
	y, _ := Wrap(ys, x.Shape()...)
	c.Record(y, "MulBackward0", []*Tensor{x}, func(g *Tensor) ([]*Tensor, error) {
		return []*Tensor{scale(&Ctx{NoGrad: true}, g, k)}, nil
	})
	return y
}

// add records z = x + y.
func add(c *Ctx, x, y *Tensor) *Tensor {
	xs, ys := x.Float64s(), y.Float64s()
	zs := make([]float64, len(xs))
	for i := range xs {
		zs[i] = xs[i] + ys[i]
	}
	z, _ := Wrap(zs, x.Shape()...)
	c.Record(z, "AddBackward0", []*Tensor{x, y}, func(g *Tensor) ([]*Tensor, error) {
		return []*Tensor{g.Clone(), g.Clone()}, nil
	})
	return z
}

func TestBackwardDiamond(t *testing.T) {
	x := Vector(1.0, 2)
	if err := x.SetRequiresGrad(true); err != nil {
		t.Fatal(err)
	}
	// z = 2x + 3x: x reaches z along two paths.
	z := add(nil, scale(nil, x, 2), scale(nil, x, 3))
	if z.IsLeaf() || !z.RequiresGrad() {
		t.Fatal("z is not recorded")
	}
	g, _ := Ones(Float64, 2)
	if err := Backward(z, g, true); err != nil {
		t.Fatal(err)
	}
	if !equal(x.Grad.Float64s(), []float64{5, 5}) {
		t.Errorf("grad = %v, want 5 5", x.Grad.Float64s())
	}
	// Retained: a second backward accumulates.
	if err := Backward(z, g, false); err != nil {
		t.Fatal(err)
	}
	if !equal(x.Grad.Float64s(), []float64{10, 10}) {
		t.Errorf("accumulated grad = %v, want 10 10", x.Grad.Float64s())
	}
	// Freed: a third is an error.
	if err := Backward(z, g, false); !errors.Is(err, ErrFreedGraph) {
		t.Errorf("backward through a freed graph: %v", err)
	}
	x.ZeroGrad()
	if !equal(x.Grad.Float64s(), []float64{0, 0}) {
		t.Errorf("after ZeroGrad: %v", x.Grad.Float64s())
	}
}

func TestBackwardErrors(t *testing.T) {
	x := Vector(1.0, 2)
	if err := Backward(x, nil, false); err == nil {
		t.Error("backward of a tensor without grad: no error")
	}
	x.SetRequiresGrad(true)
	y := scale(nil, x, 2)
	if err := Backward(y, nil, false); err == nil || err.Error() != "grad can be implicitly created only for scalar outputs" {
		t.Errorf("implicit grad of 2 elements: %v", err)
	}
	g, _ := Ones(Float64, 3)
	if err := Backward(y, g, false); err == nil {
		t.Error("grad of the wrong shape: no error")
	}
	i := Vector[int64](1)
	if err := i.SetRequiresGrad(true); err == nil {
		t.Error("integer tensor requires grad: no error")
	}
	if err := y.SetRequiresGrad(false); err == nil {
		t.Error("non-leaf requires_grad change: no error")
	}
}

func TestNoGrad(t *testing.T) {
	x := Vector(1.0, 2)
	x.SetRequiresGrad(true)
	y := scale(&Ctx{NoGrad: true}, x, 2)
	if y.RequiresGrad() || !y.IsLeaf() {
		t.Error("no-grad result is recorded")
	}
	d := scale(nil, x, 2).Detach()
	if d.RequiresGrad() {
		t.Error("detached tensor requires grad")
	}
}

func TestBackwardLeafAndScalar(t *testing.T) {
	x := Scalar(3.0)
	x.SetRequiresGrad(true)
	y := scale(nil, x, 4)
	if err := Backward(y, nil, false); err != nil {
		t.Fatal(err)
	}
	if v, _ := x.Grad.Item(); v != 4 {
		t.Errorf("grad = %v, want 4", v)
	}
	// Backward of a leaf itself accumulates the given gradient (a copy).
	g := Scalar(1.5)
	if err := Backward(x, g, false); err != nil {
		t.Fatal(err)
	}
	if v, _ := x.Grad.Item(); v != 5.5 {
		t.Errorf("grad = %v, want 5.5", v)
	}
}

// broken records y = x whose backward fails.
func broken(c *Ctx, x *Tensor) *Tensor {
	y := x.Clone()
	c.Record(y, "BrokenBackward", []*Tensor{x}, func(g *Tensor) ([]*Tensor, error) {
		return nil, errors.New("broken")
	})
	return y
}

// TestBackwardWhole checks that a backward pass that fails, or is
// interrupted, after a leaf's gradient is known leaves every Grad as it
// was, and that an interrupted pass keeps its graph for the next.
func TestBackwardWhole(t *testing.T) {
	defer stop.Clear()
	x := Vector(1.0, 2)
	if err := x.SetRequiresGrad(true); err != nil {
		t.Fatal(err)
	}
	// z = x + broken(x): the add's backward gives x its gradient before
	// the broken node runs.
	z := add(nil, x, broken(nil, x))
	g, _ := Ones(Float64, 2)
	if err := Backward(z, g, true); err == nil || err.Error() != "broken" {
		t.Fatalf("backward through a failing node: %v", err)
	}
	if x.Grad != nil {
		t.Errorf("a failed backward left x.Grad = %v", x.Grad.Float64s())
	}

	w := Vector(1.0, 2)
	if err := w.SetRequiresGrad(true); err != nil {
		t.Fatal(err)
	}
	u := add(nil, w, scale(nil, w, 3))
	stop.Request()
	if err := Backward(u, g, false); err != stop.Err {
		t.Fatalf("interrupted backward: %v", err)
	}
	if w.Grad != nil {
		t.Errorf("an interrupted backward left w.Grad = %v", w.Grad.Float64s())
	}
	stop.Clear()
	if err := Backward(u, g, false); err != nil {
		t.Fatalf("backward after an interrupted one: %v", err)
	}
	if !equal(w.Grad.Float64s(), []float64{4, 4}) {
		t.Errorf("grad = %v, want 4 4", w.Grad.Float64s())
	}
}
