package ktorch

import (
	"testing"

	"kt/k"
)

// TestParseErrors checks option parsing's messages against the reference's.
func TestParseErrors(t *testing.T) {
	s := NewSession(1)
	cases := []struct {
		name string
		x    k.V
		want string
	}{
		{"reduce-only takes one positional", k.Syms{"mse", "reduce", "sum"}, "mse: only 1 positional argument(reduce) expected, 2 given"},
		{"reduce-only named", k.List{k.Sym("mse"), k.List{k.Sym("margin"), k.Float(1)}}, "unrecognized option: margin, mse loss expects single option: reduce"},
		{"known setting, other loss", k.List{k.Sym("ce"), k.List{k.Sym("margin"), k.Float(1)}}, "ce option: margin not recognized"},
		{"unknown setting", k.List{k.Sym("ce"), k.List{k.Sym("foo"), k.Float(1)}}, "unrecognized loss setting: foo"},
		{"real for double", k.List{k.Sym("ce"), k.List{k.Sym("smoothing"), k.Real(.1)}}, "ce smoothing: expected double, given real scalar"},
		{"too many positional", k.List{k.Sym("huber"), k.Float(1), k.Float(2)}, "huber: expecting up to 2 additional positional args, 3 given"},
		{"kl reduction", k.Syms{"kl", "max"}, "kl reduce:max is not one of none,batchmean,mean,sum"},
		{"mse reduction", k.Syms{"mse", "batchmean"}, "mse reduce:batchmean is not one of none,mean,sum"},
		{"int for long", k.List{k.Sym("ce"), k.Null, k.Int(3)}, "ce ignore: expected long scalar, given int scalar"},
		{"uneven syms", k.List{k.Sym("ce"), k.Syms{"reduce", "sum", "smoothing"}}, "uneven no. of symbols for name,value pairs: `reduce`sum`smoothing"},
		{"margin positional", k.List{k.Sym("hinge"), k.Float(1), k.Float(2)}, "hinge: unrecognized positional arg(s), expecting margin,reduce or both"},
		{"class weight positional", k.List{k.Sym("multisoft"), k.Floats{1, 2}, k.Floats{1, 2}}, "multisoft: unrecognized positional arg(s), expected weights, reduce mode or (weights;reduce mode)"},
		{"pair of three", k.List{k.Sym("ce"), k.List{k.List{k.Sym("smoothing"), k.Float(.1)}, k.List{k.Sym("reduce"), k.Sym("sum"), k.Long(1)}}}, "name,value pair[1] has 3 elements (expected 2)"},
		{"distance unknown", k.List{k.Sym("pairwise"), k.List{k.Sym("foo"), k.Float(1)}}, "pairwise: unrecognized option `foo"},
		{"distance positional", k.List{k.Sym("similar"), k.Long(1), k.Float(1e-8), k.Float(3)}, "similar: expecting up to 3 positional args, 4 given"},
		{"bool option", k.List{k.Sym("poissonloss"), k.Long(1)}, "poissonloss log: expected boolean scalar, given long scalar"},
		{"weight symbol", k.List{k.Sym("ce"), k.List{k.Sym("weight"), k.Sym("a")}}, "option: weight is a symbol scalar, expected a numeric scalar/array or previously allocated tensor pointer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name, _ := firstSym(c.x)
			spec, ok := Lookup(name)
			if !ok {
				t.Fatalf("no loss %s", name)
			}
			_, err := s.ParseOptions(spec, c.x, 1)
			if err == nil {
				t.Fatalf("parsed without error, want %q", c.want)
			}
			if err.Error() != c.want {
				t.Errorf("got %q\nwant %q", err.Error(), c.want)
			}
		})
	}
}

// TestParseForms checks that every way of giving options gives the same settings.
func TestParseForms(t *testing.T) {
	s := NewSession(1)
	spec, _ := Lookup("ce")
	forms := []k.V{
		k.List{k.Sym("ce"), k.List{}, k.Long(-100), k.Float(.1), k.Sym("none")},
		k.List{k.Sym("ce"), &k.Dict{Keys: k.Syms{"smoothing", "reduce"}, Vals: k.List{k.Float(.1), k.Sym("none")}}},
		k.List{k.Sym("ce"), k.List{k.Sym("smoothing"), k.Float(.1), k.Sym("reduce"), k.Sym("none")}},
		k.List{k.Sym("ce"), k.List{k.List{k.Sym("smoothing"), k.Float(.1)}, k.Syms{"reduce", "none"}}},
		k.List{k.Sym("ce"), k.Null, k.List{k.Sym("smoothing"), k.Float(.1), k.Sym("reduce"), k.Sym("none")}},
	}
	for i, x := range forms {
		st, err := s.ParseOptions(spec, x, 1)
		if err != nil {
			t.Fatalf("form %d: %v", i, err)
		}
		if st.Float("smoothing") != .1 || st.Reduction() != "none" || st.Weight() != nil || st.Int("ignore") != -100 {
			t.Errorf("form %d: got smoothing %v reduce %s ignore %d", i, st.Float("smoothing"), st.Reduction(), st.Int("ignore"))
		}
	}
}
