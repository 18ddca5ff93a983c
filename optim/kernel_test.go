package optim

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"kt/internal/par"
	"kt/tensor"
)

// exactFMA32 is a·x + c computed exactly and rounded once to float32.
func exactFMA32(a, x, c float32) float32 {
	if v := float64(a)*float64(x) + float64(c); math.IsNaN(v) || math.IsInf(v, 0) {
		return float32(v)
	}
	p := new(big.Float).SetPrec(400).SetFloat64(float64(a))
	p.Mul(p, new(big.Float).SetFloat64(float64(x)))
	p.Add(p, new(big.Float).SetFloat64(float64(c)))
	f, _ := p.Float32()
	if f == 0 && float64(a)*float64(x)+float64(c) == 0 {
		return float32(float64(a)*float64(x) + float64(c)) // the sign of an exact zero
	}
	return f
}

func TestFMA32(t *testing.T) {
	p23, p24 := float32(math.Ldexp(1, -23)), float32(math.Ldexp(1, -24))
	tests := []struct{ a, x, c float32 }{
		// the float64 sum is the tie 1 + 2**-23 + 2**-24; the exact sum is
		// below it, so the answer is 1 + 2**-23, not 1 + 2**-22
		{p24 * (1 + p23), 1 - p23, 1 + p23},
		{-p24 * (1 + p23), 1 - p23, -1 - p23},
		{p24 * (1 + p23), 1 + p23, 1}, // above the tie 1 + 2**-24
		{1e-30, 1e-10, 1e-39},         // a float32 subnormal result
		{1e-30, -1e-10, 1e-39},
		{1.5, 2, -3},  // exactly 0
		{-1.5, 0, -0}, // -0 + -0
		{float32(math.Inf(1)), 0, 1},
		{float32(math.NaN()), 1, 1},
		{3e38, 2, 3e38},
		{3e38, 2, -3e38},
	}
	for _, tt := range tests {
		got, want := fma(tt.a, tt.x, tt.c), exactFMA32(tt.a, tt.x, tt.c)
		if math.Float32bits(got) != math.Float32bits(want) && !(got != got && want != want) {
			t.Errorf("fma(%g, %g, %g) = %g, want %g", tt.a, tt.x, tt.c, got, want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 200000 {
		// magnitudes apart by up to 2**40, where the float64 sum rounds
		a := float32(r.NormFloat64() * math.Ldexp(1, r.IntN(40)-20))
		x := float32(r.NormFloat64())
		c := float32(r.NormFloat64() * math.Ldexp(1, r.IntN(40)-20))
		if got, want := fma(a, x, c), exactFMA32(a, x, c); got != want {
			t.Fatalf("draw %d: fma32(%g, %g, %g) = %g, want %g", i, a, x, c, got, want)
		}
	}
}

// draws returns n values for a step's tensors: normals, with zeros of
// both signs, infinities and NaN among them when special.
func draws[T tensor.Float](r *rand.Rand, n int, special bool) []T {
	v := make([]T, n)
	odd := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN()}
	for i := range v {
		v[i] = T(r.NormFloat64())
		if special && r.IntN(16) == 0 {
			v[i] = T(odd[r.IntN(len(odd))])
		}
	}
	return v
}

// sameFloats reports whether a and b hold the same bits, NaN matching
// any NaN.
func sameFloats[T tensor.Float](a, b []T) int {
	for i := range a {
		x, y := float64(a[i]), float64(b[i])
		if math.Float64bits(x) != math.Float64bits(y) && !(x != x && y != y) {
			return i
		}
	}
	return -1
}

// checkKernels runs every kind of step, with and without weight decay
// and maximize, through step (the fused and vector loops, split across
// threads) and through stepRef, and compares the bits.
func checkKernels[T tensor.Float](t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 7, 8, 1003, 3*par.Grain + 5} {
		for _, special := range []bool{false, true} {
			for _, o := range []SGDOptions{
				{LR: .01},
				{LR: .01, Maximize: true},
				{LR: .01, WeightDecay: 1e-3},
				{LR: .01, WeightDecay: 1e-3, Maximize: true},
				{LR: .01, Momentum: .9},
				{LR: .01, Momentum: .9, Dampening: .3, WeightDecay: .1, Maximize: true},
				{LR: .01, Momentum: .9, Dampening: .5},
				{LR: .5, Momentum: .5, Dampening: .5}, // exact sums, ties among them
				{LR: .25, WeightDecay: .5},
				{LR: .02, Momentum: .8, WeightDecay: 1e-2},
				{LR: .01, Momentum: .9, Nesterov: true},
				{LR: .01, Momentum: .7, Nesterov: true, WeightDecay: .1},
				{LR: .01, Momentum: .7, Nesterov: true, WeightDecay: .1, Maximize: true},
			} {
				name := fmt.Sprintf("%T/%d/%v/%+v", T(0), n, special, o)
				p, g := draws[T](r, n, special), draws[T](r, n, special)
				wp := append([]T(nil), p...)
				var b, wb []T
				if o.Momentum != 0 {
					b, wb = make([]T, n), make([]T, n)
				}
				c, wd := newCoef[T](o), o.WeightDecay != 0
				for k := range 3 {
					step(loopKind(o, k == 0), wd, c, p, g, b)
					stepRef(wd, c, wp, g, wb, k == 0, o.Nesterov)
					if i := sameFloats(p, wp); i >= 0 {
						t.Fatalf("%s, step %d: p[%d] = %v, want %v", name, k, i, p[i], wp[i])
					}
					if i := sameFloats(b, wb); i >= 0 {
						t.Fatalf("%s, step %d: b[%d] = %v, want %v", name, k, i, b[i], wb[i])
					}
					g = draws[T](r, n, special)
				}
			}
		}
	}
}

// TestKernels checks the fused loops against the reference loop, bit for
// bit, in both dtypes.
func TestKernels(t *testing.T) {
	checkKernels[float32](t)
	checkKernels[float64](t)
}

// TestMomentumBufferUnset takes two momentum steps on a parameter large
// enough for the storage cache, with new storage poisoned (NaN): the
// first step must write every element of the buffer it allocates.
func TestMomentumBufferUnset(t *testing.T) {
	defer tensor.PoisonCache(tensor.PoisonCache(true))
	const n = 1 << 15
	r := rand.New(rand.NewPCG(7, 8))
	pv, gv := draws[float32](r, n, false), draws[float32](r, n, false)
	p, err := tensor.New(pv, n)
	if err != nil {
		t.Fatal(err)
	}
	p = p.To(tensor.Float32)
	if err := p.SetRequiresGrad(true); err != nil {
		t.Fatal(err)
	}
	g, err := tensor.Wrap(gv, n)
	if err != nil {
		t.Fatal(err)
	}
	p.Grad = g
	o := SGDOptions{LR: .01, Momentum: .9, Nesterov: true}
	s, err := NewSGD([]*tensor.Tensor{p}, o)
	if err != nil {
		t.Fatal(err)
	}
	wp, wb := append([]float32(nil), p.Float32s()...), make([]float32, n)
	c := newCoef[float32](o)
	for k := range 2 {
		if err := s.Step(); err != nil {
			t.Fatal(err)
		}
		stepRef(false, c, wp, gv, wb, k == 0, true)
		if i := sameFloats(p.Float32s(), wp); i >= 0 {
			t.Fatalf("step %d: p[%d] = %v, want %v", k, i, p.Float32s()[i], wp[i])
		}
	}
}
