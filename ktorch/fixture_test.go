package ktorch

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"kt/internal/fixture"
	"kt/k"
	"kt/q"
)

// optionNames maps PyTorch's option names to ktorch's.
var optionNames = map[string]string{
	"reduction": "reduce", "weight": "weight", "pos_weight": "weight", "ignore_index": "ignore",
	"label_smoothing": "smoothing", "margin": "margin", "delta": "delta", "beta": "beta",
	"log_input": "log", "full": "full", "eps": "eps", "p": "p", "swap": "swap", "dim": "dim",
	"keepdim": "keepdim", "blank": "blank", "zero_infinity": "zeroinf",
}

// karray makes the k value of a fixture tensor: an atom, a vector or
// nested lists, of the k type that maps to its dtype.
func karray(t *fixture.Tensor) k.V {
	var vec func(d []float64) k.V
	var atom func(f float64) k.V
	switch t.DType {
	case "float32":
		vec = func(d []float64) k.V {
			r := make(k.Reals, len(d))
			for i, f := range d {
				r[i] = float32(f)
			}
			return r
		}
		atom = func(f float64) k.V { return k.Real(f) }
	case "float64":
		vec = func(d []float64) k.V { return k.Floats(append([]float64(nil), d...)) }
		atom = func(f float64) k.V { return k.Float(f) }
	case "int32":
		vec = func(d []float64) k.V {
			r := make(k.Ints, len(d))
			for i, f := range d {
				r[i] = int32(f)
			}
			return r
		}
		atom = func(f float64) k.V { return k.Int(f) }
	default: // int64
		vec = func(d []float64) k.V {
			r := make(k.Longs, len(d))
			for i, f := range d {
				r[i] = int64(f)
			}
			return r
		}
		atom = func(f float64) k.V { return k.Long(f) }
	}
	if len(t.Shape) == 0 {
		return atom(t.Data[0])
	}
	var build func(d []float64, shape []int) k.V
	build = func(d []float64, shape []int) k.V {
		if len(shape) == 1 {
			return vec(d)
		}
		n, step := shape[0], 1
		for _, s := range shape[1:] {
			step *= s
		}
		out := make(k.List, n)
		for i := range n {
			out[i] = build(d[i*step:(i+1)*step], shape[1:])
		}
		return out
	}
	return build(t.Data, t.Shape)
}

// flat flattens a k value of numbers into float64s.
func flat(v k.V) []float64 {
	switch x := v.(type) {
	case k.Real:
		return []float64{float64(x)}
	case k.Float:
		return []float64{float64(x)}
	case k.Reals:
		r := make([]float64, len(x))
		for i, f := range x {
			r[i] = float64(f)
		}
		return r
	case k.Floats:
		return append([]float64(nil), x...)
	case k.List:
		var r []float64
		for _, y := range x {
			r = append(r, flat(y)...)
		}
		return r
	}
	return nil
}

// fixtureOptions turns a case's PyTorch options into a ktorch options
// dictionary; ok is false when an option has no ktorch name.
func fixtureOptions(c *fixture.Case, spec *Spec) (*k.Dict, bool) {
	var names k.Syms
	var vals k.List
	for _, n := range c.OptionNames() {
		kn, ok := optionNames[n]
		if !ok {
			return nil, false
		}
		var v k.V
		j := spec.index(kn)
		if j < 0 {
			return nil, false
		}
		switch spec.Options[j].Kind {
		case Weight:
			t, _ := c.Tensor(n)
			if t == nil {
				v = k.Null
			} else {
				v = karray(t)
			}
		case Reduce:
			s, _ := c.String(n)
			v = k.Sym(s)
		case Bool:
			b, _ := c.Bool(n)
			v = k.Bool(b)
		case Long:
			i, _ := c.Int(n)
			v = k.Long(i)
		case Double:
			f, _ := c.Float(n)
			v = k.Float(f)
		}
		names = append(names, kn)
		vals = append(vals, v)
	}
	if len(names) == 0 {
		return &k.Dict{Keys: k.Syms{}, Vals: k.List{}}, true
	}
	return &k.Dict{Keys: names, Vals: vals}, true
}

// call applies a builtin of the session by name to one argument.
func call(s *Session, name string, x k.V) (k.V, error) {
	for _, b := range s.Builtins() {
		if b.Name == name {
			return b.Fn([]k.V{x})
		}
	}
	return nil, fmt.Errorf("no builtin %s", name)
}

// Tolerances follow the case's main dtype: where torch promotes a float32
// input with a float64 tensor, part of its arithmetic is float32.

// TestFixturesModule drives every PyTorch fixture through the console: the
// case's arrays and options are bound to q variables, and q code makes the
// loss module with named options, the inputs as tensors (with grad where
// torch took a gradient), computes, runs backward with torch's upstream
// gradient and reads back the result and every gradient.
func TestFixturesModule(t *testing.T) {
	files, _ := filepath.Glob("../loss/testdata/torch/*.json")
	if len(files) != 21 {
		t.Fatalf("want 21 fixture files, found %d", len(files))
	}
	in, s := newInterp(t)
	ran := 0
	for _, path := range files {
		f, err := fixture.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		spec, ok := Lookup(f.Loss)
		if !ok {
			t.Fatalf("%s: no loss %s", path, f.Loss)
		}
		for i := range f.Cases {
			c := &f.Cases[i]
			opts, ok := fixtureOptions(c, spec)
			if !ok {
				continue // an option ktorch does not expose (kl's log_target)
			}
			ran++
			if err := runModuleCase(in, c, spec, opts); err != nil {
				t.Errorf("%s: %v", c.Name, err)
			}
			if _, err := in.Eval("free()"); err != nil || s.Live() != 0 {
				t.Fatalf("%s: free() left %d objects: %v", c.Name, s.Live(), err)
			}
		}
	}
	if ran < 1000 {
		t.Errorf("ran %d cases, want at least 1000", ran)
	}
}

// runModuleCase runs one fixture case as q code in the interpreter.
func runModuleCase(in *q.Interp, c *fixture.Case, spec *Spec, opts *k.Dict) error {
	in.Set("opts", opts)
	if _, err := in.Eval("l:loss(`" + spec.Name + ";opts)"); err != nil {
		if c.IsError() {
			return nil
		}
		return fmt.Errorf("loss: %v", err)
	}
	args := []string{"l"}
	var grads []string
	for i, x := range c.Inputs {
		name := fmt.Sprintf("a%d", i)
		in.Set(name, karray(&x.Tensor))
		if x.RequiresGrad {
			if _, err := in.Eval(fmt.Sprintf("t%d:tensor(%s;`grad)", i, name)); err != nil {
				return fmt.Errorf("tensor %s: %v", x.Name, err)
			}
			name = fmt.Sprintf("t%d", i)
			grads = append(grads, x.Name, name)
		}
		args = append(args, name)
	}
	back := "backward z"
	if c.GradOutput != nil {
		in.Set("g", karray(c.GradOutput))
		back = "backward(z;g)"
	}
	_, err := in.Eval("z:loss(" + strings.Join(args, ";") + ")")
	if c.IsError() {
		if err == nil {
			_, err = in.Eval(back)
		}
		if err == nil {
			return fmt.Errorf("no error, torch says %q", c.Error)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("calc: %v", err)
	}
	out, err := in.Eval("tensor z")
	if err != nil {
		return err
	}
	if msg := fixture.Mismatch(flat(out), c.Output.Data, c.DType); msg != "" {
		return fmt.Errorf("output: %s", msg)
	}
	if len(grads) == 0 {
		return nil
	}
	if _, err := in.Eval(back); err != nil {
		return fmt.Errorf("backward: %v", err)
	}
	for i := 0; i < len(grads); i += 2 {
		want, _ := c.Grad(grads[i])
		g, err := in.Eval("grad " + grads[i+1])
		if err != nil {
			return err
		}
		if want == nil {
			continue
		}
		if msg := fixture.Mismatch(flat(g), want.Data, c.DType); msg != "" {
			return fmt.Errorf("grad %s: %s", grads[i], msg)
		}
	}
	return nil
}

// functionalName is the function a loss is computed with in functional
// form, given whether a batch weight is passed.
func functionalName(loss string, batch bool) string {
	if loss == "bcelogits" {
		if batch {
			return "bcelogit2"
		}
		return "bcelogit1"
	}
	return loss
}

// TestFixturesFunctional computes every fixture case with the functional
// form on k arrays, options named, and checks the k value returned.
func TestFixturesFunctional(t *testing.T) {
	files, _ := filepath.Glob("../loss/testdata/torch/*.json")
	ran := 0
	for _, path := range files {
		f, err := fixture.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		spec, _ := Lookup(f.Loss)
		for i := range f.Cases {
			c := &f.Cases[i]
			opts, ok := fixtureOptions(c, spec)
			if !ok || c.IsError() {
				continue
			}
			s := NewSession(1)
			args := k.List{}
			for _, in := range c.Inputs {
				args = append(args, karray(&in.Tensor))
			}
			args = append(args, opts)
			_, batch := c.Input("weight")
			got, err := call(s, functionalName(f.Loss, batch), args)
			ran++
			if err != nil {
				t.Errorf("%s: %v", c.Name, err)
				continue
			}
			if msg := fixture.Mismatch(flat(got), c.Output.Data, c.DType); msg != "" {
				t.Errorf("%s: output: %s", c.Name, msg)
			}
			if s.Live() != 0 {
				t.Errorf("%s: k arrays in left %d objects behind", c.Name, s.Live())
			}
		}
	}
	if ran < 1000 {
		t.Errorf("ran %d cases, want at least 1000", ran)
	}
}
