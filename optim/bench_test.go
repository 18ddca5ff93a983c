package optim

import (
	"math/rand/v2"
	"testing"

	"kt/tensor"
)

// BenchmarkStep times SGD's step on a 1e7-element float32 parameter for
// the options bench/ compares with torch.optim.SGD: plain, momentum,
// Nesterov and weight decay.
func BenchmarkStep(b *testing.B) {
	const n = 1e7
	r := rand.New(rand.NewPCG(5, 6))
	for _, c := range []struct {
		name string
		o    SGDOptions
	}{
		{"plain", SGDOptions{LR: 1e-3}},
		{"momentum", SGDOptions{LR: 1e-3, Momentum: .9}},
		{"nesterov", SGDOptions{LR: 1e-3, Momentum: .9, Nesterov: true}},
		{"weightdecay", SGDOptions{LR: 1e-3, WeightDecay: 1e-4}},
	} {
		b.Run(c.name, func(b *testing.B) {
			p, err := tensor.Wrap(draws[float32](r, n, false), n)
			if err != nil {
				b.Fatal(err)
			}
			if err := p.SetRequiresGrad(true); err != nil {
				b.Fatal(err)
			}
			if p.Grad, err = tensor.Wrap(draws[float32](r, n, false), n); err != nil {
				b.Fatal(err)
			}
			o, err := NewSGD([]*tensor.Tensor{p}, c.o)
			if err != nil {
				b.Fatal(err)
			}
			if err := o.Step(); err != nil { // the momentum buffer's first step
				b.Fatal(err)
			}
			b.SetBytes(n * 4)
			for b.Loop() {
				if err := o.Step(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
