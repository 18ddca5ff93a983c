package q

import (
	"kt/codec"
	"kt/k"
)

// peach over secondary processes, as q's -s -N with .z.pd: the items of
// x are split into as many runs as .z.pd has handles, each process is
// sent (remoteEach; f; its run) at once, and the results are joined in
// order. f travels as itself (a lambda, a primitive, a projection) or,
// when it is a keyword or a host function, by its name, which the
// process resolves. Without -s -N or .z.pd, peach is each.
func (in *Interp) peach(f, x k.V) (k.V, error) {
	hs, ok, err := in.secondaries()
	if err != nil || !ok || k.IsAtom(x) || k.Count(x) == 0 {
		if err != nil {
			return nil, err
		}
		return in.apply(&Derived{Glyph: "'", F: f}, []k.V{x})
	}
	switch g := f.(type) {
	case *Keyword:
		f = k.Sym(g.Name)
	case *k.Builtin:
		f = k.Sym(g.Name)
	}
	n := k.Count(x)
	runs := min(len(hs), n)
	var sent []int64
	for i := range runs {
		lo, hi := i*n/runs, (i+1)*n/runs
		idx := make(k.Longs, hi-lo)
		for j := range idx {
			idx[j] = int64(lo + j)
		}
		run, err := index(x, idx)
		if err != nil {
			return nil, err
		}
		c := in.net.conns[hs[i]]
		if err := in.send(c, k.List{k.Chars(remoteEach), f, run}, codec.Sync); err != nil {
			return nil, in.lost(hs[i], err)
		}
		sent = append(sent, hs[i])
	}
	parts := make(k.List, len(sent))
	var first error
	for i, h := range sent {
		// every response is read, so none is left for a later request
		v, err := in.response(in.net.conns[h])
		if err != nil && first == nil {
			first = err
		}
		parts[i] = v
	}
	if first != nil {
		return nil, first
	}
	return in.apply(in.keywords["raze"], []k.V{parts})
}

// remoteEach is what each process runs on its run of the items: f, or
// the function f names, on each item.
const remoteEach = "{f:$[-11h=type x;value x;x];f each y}"

// secondaries is .z.pd's handles when kt runs with -s -N: a list of
// handles, or a function that returns one.
func (in *Interp) secondaries() ([]int64, bool, error) {
	if in.Settings.Secondary >= 0 {
		return nil, false, nil
	}
	pd, ok := in.globals[".z.pd"]
	if !ok {
		return nil, false, nil
	}
	if isFunc(pd) {
		v, err := in.apply(pd, []k.V{k.Null})
		if err != nil {
			return nil, false, err
		}
		pd = v
	}
	var hs []int64
	for i := range k.Count(pd) {
		h, ok := toInt(k.At(k.Plain(pd), i))
		if !ok || in.net.conns[h] == nil || in.net.conns[h].WebSocket {
			return nil, false, k.Err("type: .z.pd gives the handles of kt or q processes")
		}
		hs = append(hs, h)
	}
	return hs, len(hs) > 0, nil
}
