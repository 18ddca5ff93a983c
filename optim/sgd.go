// Package optim holds optimizers over kt's tensors, with PyTorch 1.13's
// update rules in PyTorch's order of operations.
package optim

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"kt/internal/stop"
	"kt/tensor"
)

// SGDOptions are torch.optim.SGD's settings. The zero value is plain SGD
// with learning rate 0.
type SGDOptions struct {
	LR          float64 // learning rate, ≥ 0
	Momentum    float64 // ≥ 0
	Dampening   float64
	WeightDecay float64 // ≥ 0
	Nesterov    bool    // needs momentum > 0 and dampening 0
	Maximize    bool    // ascend instead of descend
}

// SGD is stochastic gradient descent, as torch.optim.SGD:
//
//	d = ±grad (minus with Maximize) + weight_decay·p
//	b = d the first step, then momentum·b + (1 - dampening)·d
//	d = d + momentum·b (Nesterov) or b (momentum > 0)
//	p = p - lr·d
//
// Parameters without a gradient are skipped.
type SGD struct {
	opts   SGDOptions
	params []*tensor.Tensor
	bufs   []*tensor.Tensor // momentum buffers, nil until the first step that uses them
}

// pyFloat formats v for PyTorch's messages: nan, inf and -inf as Python
// prints them.
func pyFloat(v float64) string { return strings.ToLower(strings.TrimPrefix(fmt.Sprint(v), "+")) }

// NewSGD returns an SGD optimizer of params: leaf float tensors that
// require grad. It is an error if an option is out of range, with
// PyTorch's message; the learning rate must also be finite.
func NewSGD(params []*tensor.Tensor, o SGDOptions) (*SGD, error) {
	switch { // !(v >= 0) is PyTorch's check, which NaN fails too
	case !(o.LR >= 0) || math.IsInf(o.LR, 1):
		return nil, fmt.Errorf("Invalid learning rate: %s", pyFloat(o.LR))
	case !(o.Momentum >= 0):
		return nil, fmt.Errorf("Invalid momentum value: %s", pyFloat(o.Momentum))
	case !(o.WeightDecay >= 0):
		return nil, fmt.Errorf("Invalid weight_decay value: %s", pyFloat(o.WeightDecay))
	case o.Nesterov && (o.Momentum <= 0 || o.Dampening != 0):
		return nil, errors.New("Nesterov momentum requires a momentum and zero dampening")
	}
	if len(params) == 0 {
		return nil, errors.New("optimizer got an empty parameter list")
	}
	for _, p := range params {
		if p == nil || !p.IsLeaf() {
			return nil, errors.New("can't optimize a non-leaf Tensor")
		}
		if !p.DType().IsFloat() {
			return nil, fmt.Errorf("can't optimize a tensor of type %v", p.DType())
		}
	}
	return &SGD{opts: o, params: append([]*tensor.Tensor(nil), params...), bufs: make([]*tensor.Tensor, len(params))}, nil
}

// Options returns the optimizer's settings.
func (s *SGD) Options() SGDOptions { return s.opts }

// Params returns the parameters, in the order given to NewSGD.
func (s *SGD) Params() []*tensor.Tensor { return append([]*tensor.Tensor(nil), s.params...) }

// ZeroGrad sets every parameter's gradient to zero, keeping the tensors,
// as PyTorch 1.13's zero_grad (set_to_none=False).
func (s *SGD) ZeroGrad() {
	for _, p := range s.params {
		p.ZeroGrad()
	}
}

// Step updates every parameter that has a gradient, in place. It is all
// or nothing: every gradient is checked and every momentum buffer made
// before the first parameter changes, and an interrupt (stop.Requested)
// is heeded only before then, so that no step is seen half made.
func (s *SGD) Step() error {
	for i, p := range s.params {
		if g := p.Grad; g != nil && (g.DType() != p.DType() || !tensor.SameShape(g.Shape(), p.Shape())) {
			return fmt.Errorf("parameter %d: gradient %v %v does not match %v %v", i, g.DType(), g.Shape(), p.DType(), p.Shape())
		}
	}
	made := make([]*tensor.Tensor, len(s.params)) // momentum buffers of a first step
	if s.opts.Momentum != 0 {
		for i, p := range s.params {
			if p.Grad == nil || s.bufs[i] != nil {
				continue
			}
			b, err := newBuf(p) // the first step writes every element
			if err != nil {
				freeAll(made)
				return err
			}
			made[i] = b
		}
	}
	if stop.Requested() {
		freeAll(made)
		return stop.Err
	}
	for i, p := range s.params {
		g := p.Grad
		if g == nil {
			continue
		}
		first := s.bufs[i] == nil
		if made[i] != nil {
			s.bufs[i] = made[i]
		}
		k, wd := loopKind(s.opts, first), s.opts.WeightDecay != 0
		switch p.DType() {
		case tensor.Float32:
			step(k, wd, newCoef[float32](s.opts), p.Float32s(), g.Float32s(), buf[float32](s.bufs[i]))
		case tensor.Float64:
			step(k, wd, newCoef[float64](s.opts), p.Float64s(), g.Float64s(), buf[float64](s.bufs[i]))
		}
	}
	return nil
}

// freeAll frees the tensors of ts that are not nil.
func freeAll(ts []*tensor.Tensor) {
	for _, t := range ts {
		if t != nil {
			t.Free()
		}
	}
}

// newBuf returns a momentum buffer for p, its elements unset.
func newBuf(p *tensor.Tensor) (*tensor.Tensor, error) {
	if p.DType() == tensor.Float32 {
		t, _, err := tensor.AllocLike[float32](p)
		return t, err
	}
	t, _, err := tensor.AllocLike[float64](p)
	return t, err
}

func buf[T float32 | float64](t *tensor.Tensor) []T {
	if t == nil {
		return nil
	}
	return tensor.Data[T](t)
}
