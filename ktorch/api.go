package ktorch

import (
	"errors"
	"slices"
	"strings"

	"kt/k"
)

// Builtins returns the session's k-api functions, to be registered with a
// q interpreter by name. Each takes one argument, as ktorch's functions
// do, except use, which takes two.
func (s *Session) Builtins() []*k.Builtin {
	fns := map[string]func(k.V) (k.V, error){
		"loss":      s.lossFn,
		"tensor":    s.tensorFn,
		"free":      s.free,
		"return":    s.returnFn,
		"backward":  s.backward,
		"grad":      s.grad,
		"zerograd":  func(x k.V) (k.V, error) { return s.resetGrad(x, false, "zerograd") },
		"nograd":    func(x k.V) (k.V, error) { return s.resetGrad(x, true, "nograd") },
		"expand":    s.expand,
		"opt":       s.optFn,
		"step":      s.step,
		"help":      func(x k.V) (k.V, error) { return s.help(x, true) },
		"options":   func(x k.V) (k.V, error) { return s.help(x, false) },
		"setting":   s.setting,
		"seed":      s.seedFn,
		"obj":       s.obj,
		"bce":       s.bceFn,
		"bcelogit1": func(x k.V) (k.V, error) { return s.bceLogitFn(x, false, "bcelogit1") },
		"bcelogit2": func(x k.V) (k.V, error) { return s.bceLogitFn(x, true, "bcelogit2") },
		"ctc":       s.ctcFn,
		"triplet":   s.tripletFn,
	}
	for _, n := range []string{"ce", "huber", "kl", "l1", "mse", "multilabel", "multimargin", "multisoft", "nll", "poissonloss", "smoothl1", "softmargin"} {
		fns[n] = func(x k.V) (k.V, error) { return s.lossFunc(n, x) }
	}
	for _, n := range []string{"hinge", "cosineloss", "margin"} {
		fns[n] = func(x k.V) (k.V, error) { return s.marginFn(n, x) }
	}
	for _, n := range []string{"pairwise", "similar"} {
		fns[n] = func(x k.V) (k.V, error) { return s.distanceFn(n, x) }
	}
	var out []*k.Builtin
	for name, f := range fns {
		out = append(out, &k.Builtin{Name: name, Rank: 1, Fn: wrap1(f)})
	}
	out = append(out, &k.Builtin{Name: "use", Rank: 2, Fn: func(a []k.V) (k.V, error) {
		v, err := s.use(a[0], a[1])
		return v, qerr(err)
	}})
	return out
}

// wrap1 adapts a one-argument function to a builtin, with q-style errors.
func wrap1(f func(k.V) (k.V, error)) func([]k.V) (k.V, error) {
	return func(a []k.V) (k.V, error) {
		v, err := f(a[0])
		return v, qerr(err)
	}
}

// qerr turns an error into a q signal with the same text.
func qerr(err error) error {
	if err == nil {
		return nil
	}
	var e *k.Error
	if errors.As(err, &e) {
		return e
	}
	return k.Err(err.Error())
}

// obj is obj[]: a table of the objects the session holds, pointer and class.
func (s *Session) obj(k.V) (k.V, error) {
	ids := make([]int64, 0, len(s.objs))
	for id := range s.objs {
		ids = append(ids, id)
	}
	sortInt64(ids)
	ptr := make(k.Longs, len(ids))
	cls := make(k.Syms, len(ids))
	for i, id := range ids {
		ptr[i] = id
		cls[i] = s.objs[id].class()
	}
	return &k.Table{Cols: k.Syms{"ptr", "class"}, Data: k.List{ptr, cls}}, nil
}

func sortInt64(a []int64) { slices.Sort(a) }

// Library is the k-api as a library q loads with 2:, as ktorch's scripts
// do: {key[x]set'x}(`ktorch 2:`fns,1)[] defines every function. fns, of
// rank 1, returns a dictionary of the functions by name.
func (s *Session) Library(fn string, rank int) (k.V, error) {
	if fn != "fns" {
		return nil, k.Err("ktorch: " + fn + ": undefined symbol")
	}
	bs := s.Builtins()
	slices.SortFunc(bs, func(a, b *k.Builtin) int { return strings.Compare(a.Name, b.Name) })
	names := make(k.Syms, len(bs))
	fns := make(k.List, len(bs))
	for i, b := range bs {
		names[i], fns[i] = b.Name, b
	}
	d := &k.Dict{Keys: names, Vals: fns}
	return &k.Builtin{Name: "fns", Rank: rank, Fn: func([]k.V) (k.V, error) { return d, nil }}, nil
}
