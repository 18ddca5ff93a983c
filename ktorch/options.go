package ktorch

import (
	"fmt"
	"math"
	"strings"

	"kt/k"
	"kt/loss"
	"kt/tensor"
)

// Settings are the options of one loss, parsed: a value per option of its
// Spec, in the Spec's order. Option values are k atoms (k.Bool, k.Long,
// k.Float, k.Sym); the weight option is held as a tensor (nil for none).
type Settings struct {
	Spec   *Spec
	vals   []k.V
	weight *tensor.Tensor
	mod    loss.Loss // the engine's loss these settings make, built once
}

// Defaults returns the settings of a loss with every option at its default.
func Defaults(s *Spec) *Settings {
	st := &Settings{Spec: s, vals: make([]k.V, len(s.Options))}
	for i, o := range s.Options {
		st.vals[i] = o.Default
	}
	st.build()
	return st
}

// build makes the engine's loss of a loss's settings, once they are final.
func (st *Settings) build() {
	if st.Spec.Family != Optimizer {
		st.mod = module(st)
	}
}

// defaults holds each spec's settings at their defaults, made once and
// never changed: the settings of a call that gives no options.
var defaults = func() map[*Spec]*Settings {
	m := map[*Spec]*Settings{SGD: Defaults(SGD)}
	for _, s := range Specs {
		m[s] = Defaults(s)
	}
	return m
}()

// Value returns the value of the named option (k.Null for an unset weight).
func (st *Settings) Value(name string) k.V {
	i := st.Spec.index(name)
	if i < 0 {
		return k.Null
	}
	if st.Spec.Options[i].Kind == Weight {
		if st.weight == nil {
			return k.Null
		}
		return kget(st.weight)
	}
	return st.vals[i]
}

// Float returns a double option's value.
func (st *Settings) Float(name string) float64 {
	v, _ := st.vals[st.Spec.index(name)].(k.Float)
	return float64(v)
}

// Int returns a long option's value.
func (st *Settings) Int(name string) int64 {
	v, _ := st.vals[st.Spec.index(name)].(k.Long)
	return int64(v)
}

// Flag returns a boolean option's value.
func (st *Settings) Flag(name string) bool {
	v, _ := st.vals[st.Spec.index(name)].(k.Bool)
	return bool(v)
}

// Reduction returns the reduction mode, "" for the distance modules.
func (st *Settings) Reduction() string {
	i := st.Spec.index("reduce")
	if i < 0 {
		return ""
	}
	return string(st.vals[i].(k.Sym))
}

// Weight returns the weight tensor, nil when there is none.
func (st *Settings) Weight() *tensor.Tensor { return st.weight }

// Dict returns the options as the reference's getter builds them: every
// option when all is true, else only those that differ from the default
// (a weight is shown whenever it is set).
func (st *Settings) Dict(all bool) *k.Dict {
	var names []string
	var vals []k.V
	for i, o := range st.Spec.Options {
		v := st.vals[i]
		show := all || o.Always
		switch o.Kind {
		case Weight:
			v = st.Value(o.Name)
			show = show || st.weight != nil
		case Double:
			a, b := float64(v.(k.Float)), float64(o.Default.(k.Float))
			show = show || !(a == b || math.IsNaN(a) && math.IsNaN(b))
		default:
			// The reference never shows a non-default dim of similar unless all
			// options are asked for (it compares dim with itself); here a
			// changed dim is shown like any other changed option.
			show = show || v != o.Default
		}
		if show {
			names = append(names, o.Name)
			vals = append(vals, v)
		}
	}
	return resolveDict(names, vals)
}

// parser carries the state of reading one loss's options.
type parser struct {
	sess *Session
	st   *Settings
	x    k.V // all the arguments
	off  int // where the options start in x
}

func (p *parser) name() string { return p.st.Spec.Name }

// ParseOptions reads a loss's options from x starting at offset off
// (positional, then an optional group of name-value pairs), following the
// reference implementation's rules and messages.
func (sess *Session) ParseOptions(s *Spec, x k.V, off int) (*Settings, error) {
	p := &parser{sess: sess, st: Defaults(s), x: x, off: off}
	if err := p.parse(); err != nil {
		return nil, err
	}
	p.st.build()
	return p.st, nil
}

func (p *parser) parse() error {
	s := p.st.Spec
	n, pr, err := argc(p.x, p.off)
	if err != nil {
		return err
	}
	reduce := ""
	trailing := func() {
		if n > 0 {
			if sym, ok := symAt(p.x, p.off+n-1); ok {
				reduce = sym
				n--
			}
		}
	}
	switch s.Family {
	case ReduceOnly:
		if n > 1 {
			return fmt.Errorf("%s: only 1 positional argument(reduce) expected, %d given", s.Name, n)
		}
		if n == 1 {
			sym, ok := symAt(p.x, p.off)
			if !ok {
				return fmt.Errorf("%s reduce: expected symbol, given %s", s.Name, p.sess.knameAt(p.x, p.off))
			}
			reduce = sym
		}
	case Ordered:
		trailing()
		last := len(s.Options) - 1 // the reduction is the last option
		for j := 0; j < n; j++ {
			if j >= last {
				return fmt.Errorf("%s: expecting up to %d additional positional args, %d given", s.Name, p.off+j, k.Count(p.x))
			}
			if err := p.positional(j, p.off+j); err != nil {
				return err
			}
		}
	case ClassWeight:
		trailing()
		if n > 0 {
			n--
			if err := p.positional(s.index("weight"), p.off+n); err != nil {
				return err
			}
		}
		if n != 0 {
			return fmt.Errorf("%s: unrecognized positional arg(s), expected weights, reduce mode or (weights;reduce mode)", s.Name)
		}
	case MarginOnly:
		trailing()
		if n > 0 {
			n--
			if err := p.positional(s.index("margin"), p.off+n); err != nil {
				return err
			}
		}
		if n != 0 {
			return fmt.Errorf("%s: unrecognized positional arg(s), expecting margin,reduce or both", s.Name)
		}
	case Distance, Optimizer:
		for j := 0; j < n; j++ {
			if j >= len(s.Options) {
				return fmt.Errorf("%s: expecting up to %d positional args, %d given", s.Name, p.off+j, k.Count(p.x))
			}
			if err := p.positional(j, p.off+j); err != nil {
				return err
			}
		}
	}
	for {
		a, ok, err := pr.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		sym, err := p.named(a)
		if err != nil {
			return err
		}
		if sym != "" {
			reduce = sym
		}
	}
	if reduce != "" {
		for _, r := range s.Reductions {
			if r == reduce {
				p.st.vals[s.index("reduce")] = k.Sym(reduce)
				return nil
			}
		}
		return fmt.Errorf("%s reduce:%s is not one of %s", s.Name, reduce, strings.Join(s.Reductions, ","))
	}
	return nil
}

// doubleWord is how the messages name a double: optimizers take a long
// or a double and say so.
func (p *parser) doubleWord() string {
	if p.st.Spec.Family == Optimizer {
		return "long/double scalar"
	}
	return "double"
}

// positional sets option j from element i of the arguments.
func (p *parser) positional(j, i int) error {
	o := p.st.Spec.Options[j]
	switch o.Kind {
	case Bool:
		b, ok := boolAt(p.x, i)
		if !ok {
			what := "boolean scalar"
			if p.st.Spec.Family == Optimizer {
				what = "boolean"
			}
			return fmt.Errorf("%s %s: expected %s, given %s", p.name(), o.Name, what, p.sess.knameAt(p.x, i))
		}
		p.st.vals[j] = k.Bool(b)
	case Long:
		n, ok := longAt(p.x, i)
		if !ok {
			return fmt.Errorf("%s %s: expected long scalar, given %s", p.name(), o.Name, p.sess.knameAt(p.x, i))
		}
		p.st.vals[j] = k.Long(n)
	case Double:
		f, ok := numAt(p.x, i)
		if !ok {
			return fmt.Errorf("%s %s: expected %s, given %s", p.name(), o.Name, p.doubleWord(), p.sess.knameAt(p.x, i))
		}
		if y, _ := item(p.x, i); isNullNum(y) {
			return p.nullError(o.Name, y)
		}
		p.st.vals[j] = k.Float(f)
	case Weight:
		y, ok := item(p.x, i)
		if !ok || isEmpty(y) {
			p.st.weight = nil
			return nil
		}
		t, err := p.sess.pairTensor(pair{name: o.Name, t: y.Type(), v: y})
		if err != nil {
			return err
		}
		p.st.weight = t
	}
	return nil
}

// isNullNum reports whether v is a null long or float atom: no option
// takes one, and as a double 0N would be -9.2e18.
func isNullNum(v k.V) bool {
	switch n := v.(type) {
	case k.Long:
		return n == k.NullLong
	case k.Float:
		return math.IsNaN(float64(n))
	}
	return false
}

// nullError is the error of a null given for a double option.
func (p *parser) nullError(name string, v k.V) error {
	return fmt.Errorf("%s %s: expected %s, given null %s", p.name(), name, p.doubleWord(), kname(v.Type()))
}

// named sets the option a pair names; it returns the reduction symbol when
// the pair sets it.
func (p *parser) named(a pair) (string, error) {
	s := p.st.Spec
	switch s.Family {
	case Distance:
		if !moduleSettings[a.name] {
			return "", fmt.Errorf("%s: unrecognized option `%s", s.Name, a.name)
		}
	case Optimizer:
		if !optimizerSettings[a.name] {
			return "", fmt.Errorf("unrecognized optimizer setting: %s", a.name)
		}
	default:
		if !lossSettings[a.name] {
			return "", fmt.Errorf("unrecognized loss setting: %s", a.name)
		}
	}
	j := s.index(a.name)
	if s.Family == ReduceOnly && a.name != "reduce" {
		return "", fmt.Errorf("unrecognized option: %s, %s loss expects single option: reduce", a.name, s.Name)
	}
	if j < 0 {
		return "", fmt.Errorf("%s option: %s not recognized", s.Name, a.name)
	}
	switch s.Options[j].Kind {
	case Bool:
		if a.t != -k.TBool {
			return "", fmt.Errorf("%s %s: expected boolean scalar, given %s", s.Name, a.name, kname(a.t))
		}
		p.st.vals[j] = a.v
	case Long:
		if a.t != -k.TLong {
			return "", fmt.Errorf("%s %s: expected long scalar, given %s", s.Name, a.name, kname(a.t))
		}
		p.st.vals[j] = a.v
	case Double:
		if isNullNum(a.v) {
			return "", p.nullError(a.name, a.v)
		}
		switch v := a.v.(type) {
		case k.Long:
			p.st.vals[j] = k.Float(v)
		case k.Float:
			p.st.vals[j] = v
		default:
			return "", fmt.Errorf("%s %s: expected %s, given %s", s.Name, a.name, p.doubleWord(), kname(a.t))
		}
	case Reduce:
		if a.t != -k.TSym {
			return "", fmt.Errorf("%s %s: expected symbol, given %s", s.Name, a.name, kname(a.t))
		}
		return string(a.v.(k.Sym)), nil
	case Weight:
		if a.empty() {
			p.st.weight = nil
			return "", nil
		}
		t, err := p.sess.pairTensor(a)
		if err != nil {
			return "", err
		}
		p.st.weight = t
	}
	return "", nil
}

// pairTensor makes the tensor a named weight gives.
func (sess *Session) pairTensor(a pair) (*tensor.Tensor, error) {
	switch a.t {
	case k.TList:
		t, ok, err := sess.tensorArg(a.v)
		if err != nil || ok {
			return t, err
		}
		return kput(a.v)
	}
	if err := weightType(a.name, a.t); err != nil {
		return nil, err
	}
	return kput(a.v)
}

// weightType is the error of a weight of type t that is not numeric (a
// general list is checked as it is converted).
func weightType(name string, t int) error {
	switch t {
	case k.TList, -k.TBool, -k.TLong, -k.TReal, -k.TFloat, k.TBool, k.TShort, k.TInt, k.TLong, k.TReal, k.TFloat:
		return nil
	}
	return fmt.Errorf("option: %s is a %s, expected a numeric scalar/array or previously allocated tensor pointer", name, kname(t))
}
