package loss

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"kt/internal/fixture"
	"kt/tensor"
)

// fixtureLosses makes, for each loss with a fixture file, the Loss a case
// describes from its options (PyTorch's keyword names). A loss adds its
// entry from its own test file: func init() { fixtureLosses["x"] = ... }.
var fixtureLosses = map[string]func(c *fixture.Case) (Loss, error){}

// reductionOf returns the case's reduction.
func reductionOf(c *fixture.Case) (Reduction, error) { return ParseReduction(c.Reduction()) }

// optFloat returns a float option or its default.
func optFloat(c *fixture.Case, name string, def float64) float64 {
	if v, ok := c.Float(name); ok {
		return v
	}
	return def
}

// optBool returns a boolean option or its default.
func optBool(c *fixture.Case, name string, def bool) bool {
	if v, ok := c.Bool(name); ok {
		return v
	}
	return def
}

// optTensor returns a tensor option, or nil when absent or null.
func optTensor(c *fixture.Case, name string) (*tensor.Tensor, error) {
	ft, ok := c.Tensor(name)
	if !ok {
		return nil, nil
	}
	return fromFixture(ft)
}

var dtypes = map[string]tensor.DType{
	"float32": tensor.Float32, "float64": tensor.Float64, "int64": tensor.Int64, "int32": tensor.Int32,
	"int16": tensor.Int16, "uint8": tensor.Uint8, "int8": tensor.Int8, "bool": tensor.Bool,
}

// fromFixture builds a tensor of the fixture's dtype and shape.
func fromFixture(ft *fixture.Tensor) (*tensor.Tensor, error) {
	d, ok := dtypes[ft.DType]
	if !ok {
		return nil, fmt.Errorf("fixture dtype %q", ft.DType)
	}
	t, err := tensor.New(ft.Data, ft.Shape...)
	if err != nil {
		return nil, err
	}
	return t.To(d), nil
}

// values returns a float tensor's elements widened to float64.
func values(t *tensor.Tensor) []float64 {
	out := make([]float64, t.Numel())
	for i := range out {
		out[i] = t.At(i)
	}
	return out
}

// tolerance returns the dtype whose tolerances apply to a result: its
// own, or float32's when the case mixes a float32 input into a float64
// result (the float32 parts of the computation, e.g. PyTorch's float32
// exp, carry float32 rounding into it).
func tolerance(c *fixture.Case, t *fixture.Tensor) string {
	if c.DType == "float32" {
		return "float32"
	}
	return t.DType
}

// TestFixtures runs every PyTorch case of every loss in fixtureLosses:
// forward values, dtype and shape, gradients for the given grad_output,
// and expected errors by message.
func TestFixtures(t *testing.T) {
	names := make([]string, 0, len(fixtureLosses))
	for name := range fixtureLosses {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join("testdata", "torch", name+".json")
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: no fixture file", name)
			continue
		}
		f, err := fixture.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range f.Cases {
			c := &f.Cases[i]
			t.Run(c.Name, func(t *testing.T) { runCase(t, fixtureLosses[name], c) })
		}
	}
}

func runCase(t *testing.T, mk func(*fixture.Case) (Loss, error), c *fixture.Case) {
	err := tryCase(t, mk, c)
	switch {
	case c.IsError() && err == nil:
		t.Errorf("no error, want %q", c.Error)
	case c.IsError() && err.Error() != c.Error:
		t.Errorf("error %q, want %q", err, c.Error)
	case !c.IsError() && err != nil:
		t.Errorf("error %v", err)
	}
}

// tryCase runs the case and returns the error of making the loss, its
// forward or its backward; value mismatches are reported on t.
func tryCase(t *testing.T, mk func(*fixture.Case) (Loss, error), c *fixture.Case) error {
	l, err := mk(c)
	if err != nil {
		return err
	}
	ins := make([]*tensor.Tensor, len(c.Inputs))
	for i := range c.Inputs {
		x, err := fromFixture(&c.Inputs[i].Tensor)
		if err != nil {
			t.Fatal(err)
		}
		if c.Inputs[i].RequiresGrad {
			if err := x.SetRequiresGrad(true); err != nil {
				return err
			}
		}
		ins[i] = x
	}
	out, err := l.Forward(nil, ins...)
	if err != nil {
		return err
	}
	if c.IsError() && !out.RequiresGrad() {
		return nil
	}
	if c.Output != nil {
		if got, want := out.DType().String(), dtypes[c.Output.DType].String(); got != want {
			t.Errorf("output dtype %s, want %s", got, want)
		}
		if !tensor.SameShape(out.Shape(), c.Output.Shape) {
			t.Errorf("output shape %v, want %v", out.Shape(), c.Output.Shape)
		}
		if m := fixture.Mismatch(values(out), c.Output.Data, tolerance(c, c.Output)); m != "" {
			t.Errorf("output: %s", m)
		}
	}
	if !out.RequiresGrad() {
		return nil
	}
	var g *tensor.Tensor
	if c.GradOutput != nil {
		if g, err = fromFixture(c.GradOutput); err != nil {
			t.Fatal(err)
		}
	} else if g, err = tensor.Ones(out.DType(), out.Shape()...); err != nil {
		t.Fatal(err)
	}
	if err := tensor.Backward(out, g, false); err != nil || c.IsError() {
		return err
	}
	for i, in := range c.Inputs {
		if !in.RequiresGrad {
			continue
		}
		want, _ := c.Grad(in.Name)
		got := ins[i].Grad
		switch {
		case want == nil && got != nil:
			t.Errorf("grad of %s = %v, torch gives none", in.Name, got)
		case want == nil:
		case got == nil:
			t.Errorf("no grad of %s", in.Name)
		default:
			if got.DType().String() != dtypes[want.DType].String() || !tensor.SameShape(got.Shape(), want.Shape) {
				t.Errorf("grad of %s: %v %v, want %s %v", in.Name, got.DType(), got.Shape(), want.DType, want.Shape)
			}
			if m := fixture.Mismatch(values(got), want.Data, tolerance(c, want)); m != "" {
				t.Errorf("grad of %s: %s", in.Name, m)
			}
		}
	}
	return nil
}

func init() {
	fixtureLosses["mse"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return MSE{r}, err
	}
}
