package loss

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"kt/tensor"
)

// domain draws the values of one input: uniform in [lo, hi), or ±1 when
// sign is set.
type domain struct {
	lo, hi float64
	sign   bool
	shape  []int
	diff   bool // compare this input's gradient
}

func (d domain) draw(r *rand.Rand) *tensor.Tensor {
	n := 1
	for _, s := range d.shape {
		n *= s
	}
	v := make([]float64, n)
	for i := range v {
		if d.sign {
			v[i] = float64(2*r.IntN(2) - 1)
		} else {
			v[i] = d.lo + (d.hi-d.lo)*r.Float64()
		}
	}
	t, _ := tensor.Wrap(v, d.shape...)
	return t
}

var (
	s23     = []int{2, 3}
	real23  = domain{-2, 2, false, s23, true}
	prob23  = domain{.05, .95, false, s23, true}
	sign23  = domain{sign: true, shape: s23}
	pos23   = domain{.1, 3, false, s23, true}
	fixed23 = domain{.2, 2, false, s23, false}
)

// gradCases are the loss families the finite-difference check covers,
// each at every reduction it accepts.
func gradCases() []struct {
	name string
	mk   func(Reduction) Loss
	in   []domain
	reds []Reduction
} {
	std := []Reduction{None, Mean, Sum}
	type gc = struct {
		name string
		mk   func(Reduction) Loss
		in   []domain
		reds []Reduction
	}
	pw := tensor.Vector(.5, 2, 3)
	return []gc{
		{"mse", func(r Reduction) Loss { return MSE{r} }, []domain{real23, real23}, std},
		{"mse/broadcast", func(r Reduction) Loss { return MSE{r} }, []domain{real23, {-2, 2, false, []int{3}, true}}, std},
		{"l1", func(r Reduction) Loss { return L1{r} }, []domain{real23, real23}, std},
		{"smoothl1/beta1", func(r Reduction) Loss { return SmoothL1{1, r} }, []domain{real23, real23}, std},
		{"smoothl1/beta0.3", func(r Reduction) Loss { return SmoothL1{.3, r} }, []domain{real23, real23}, std},
		{"smoothl1/beta0", func(r Reduction) Loss { return SmoothL1{0, r} }, []domain{real23, real23}, std},
		{"huber/delta1", func(r Reduction) Loss { return Huber{1, r} }, []domain{real23, real23}, std},
		{"huber/delta0.4", func(r Reduction) Loss { return Huber{.4, r} }, []domain{real23, real23}, std},
		{"bce", func(r Reduction) Loss { return BCE{r} }, []domain{prob23, prob23}, std},
		{"bce/weight", func(r Reduction) Loss { return BCE{r} }, []domain{prob23, prob23, fixed23}, std},
		{"bcelogits", func(r Reduction) Loss { return BCEWithLogits{nil, r} }, []domain{real23, prob23}, std},
		{"bcelogits/weights", func(r Reduction) Loss { return BCEWithLogits{pw, r} }, []domain{real23, prob23, fixed23}, std},
		{"softmargin", func(r Reduction) Loss { return SoftMargin{r} }, []domain{real23, sign23}, std},
		{"hinge", func(r Reduction) Loss { return Hinge{1, r} }, []domain{real23, sign23}, std},
		{"hinge/margin0.5", func(r Reduction) Loss { return Hinge{.5, r} }, []domain{real23, sign23}, std},
		{"kl", func(r Reduction) Loss { return KLDiv{false, r} }, []domain{real23, pos23}, append(std, BatchMean)},
		{"kl/logtarget", func(r Reduction) Loss { return KLDiv{true, r} }, []domain{real23, real23}, append(std, BatchMean)},
		{"poisson/log", func(r Reduction) Loss { return PoissonNLL{true, false, 1e-8, r} }, []domain{real23, pos23}, std},
		{"poisson/log/full", func(r Reduction) Loss { return PoissonNLL{true, true, 1e-8, r} }, []domain{real23, {1.2, 4, false, s23, true}}, std},
		{"poisson/nolog", func(r Reduction) Loss { return PoissonNLL{false, false, 1e-8, r} }, []domain{pos23, pos23}, std},
		{"poisson/nolog/full/eps", func(r Reduction) Loss { return PoissonNLL{false, true, .5, r} }, []domain{pos23, {.1, .9, false, s23, true}}, std},
		{"margin", func(r Reduction) Loss { return MarginRanking{0, r} }, []domain{real23, real23, sign23}, std},
		{"margin/0.5", func(r Reduction) Loss { return MarginRanking{.5, r} }, []domain{real23, real23, {-1, 1, false, s23, true}}, std},
	}
}

// TestGradCheck compares every loss's analytic gradients with central
// finite differences in float64, for a random upstream gradient.
func TestGradCheck(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for _, gc := range gradCases() {
		for _, red := range gc.reds {
			t.Run(fmt.Sprintf("%s/%v", gc.name, red), func(t *testing.T) {
				l := gc.mk(red)
				ins := make([]*tensor.Tensor, len(gc.in))
				for i, d := range gc.in {
					ins[i] = d.draw(r)
					if d.diff {
						ins[i].SetRequiresGrad(true)
					}
				}
				out, err := l.Forward(nil, ins...)
				if err != nil {
					t.Fatal(err)
				}
				g, _ := tensor.Randn(r, tensor.Float64, out.Shape()...)
				if err := tensor.Backward(out, g, false); err != nil {
					t.Fatal(err)
				}
				// f(ins) = Σ out·g, evaluated without recording.
				f := func() float64 {
					o, err := l.Forward(&tensor.Ctx{NoGrad: true}, ins...)
					if err != nil {
						t.Fatal(err)
					}
					s := 0.0
					for i, v := range o.Float64s() {
						s += v * g.Float64s()[i]
					}
					return s
				}
				const h = 1e-6
				for k, d := range gc.in {
					if !d.diff {
						continue
					}
					x := ins[k].Float64s()
					got := ins[k].Grad.Float64s()
					for i := range x {
						v := x[i]
						x[i] = v + h
						fp := f()
						x[i] = v - h
						fm := f()
						x[i] = v
						want := (fp - fm) / (2 * h)
						if math.Abs(got[i]-want) > 1e-5+1e-5*math.Abs(want) {
							t.Errorf("input %d, element %d: grad %v, finite difference %v", k, i, got[i], want)
						}
					}
				}
			})
		}
	}
}
