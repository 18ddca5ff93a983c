package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/tensor"
)

// ctcInputs returns CTC's four inputs: log-probabilities (T,N,C),
// concatenated targets and the lengths.
func ctcInputs(t *testing.T, lp []float64, T, N, C int, tg []int64, il, tl []int64) []*tensor.Tensor {
	t.Helper()
	in := make([]*tensor.Tensor, 4)
	var err error
	if in[0], err = tensor.New(lp, T, N, C); err != nil {
		t.Fatal(err)
	}
	if in[1], err = tensor.New(tg, len(tg)); err != nil {
		t.Fatal(err)
	}
	if in[2], err = tensor.New(il, N); err != nil {
		t.Fatal(err)
	}
	if in[3], err = tensor.New(tl, N); err != nil {
		t.Fatal(err)
	}
	return in
}

// ctcBoth runs sample by sample CTC's linear recursions and its log-space
// ones on the same problem and returns their losses and gradients (the
// linear side falling back as ctcAlpha and ctcGrad do), and how many
// samples took the linear forward and how many the linear gradient.
func ctcBoth(t *testing.T, lp []float64, T, N, C int, tg []int64, il, tl []int64) (lin, lg [2][]float64, n, ng int) {
	t.Helper()
	in := ctcInputs(t, lp, T, N, C, tg, il, tl)
	run := func(linear bool) [2][]float64 {
		p, err := CTC{Reduction: None}.plan(in)
		if err != nil {
			t.Fatal(err)
		}
		p.alpha = make([]float64, p.n*p.t*p.width)
		p.lin, p.scale, p.nll = make([]bool, p.n), make([]float64, p.n*p.t), make([]float64, p.n)
		grad := make([]float64, len(lp))
		sc := p.scratch(true)
		for b := range p.n {
			if linear {
				p.nll[b] = ctcAlpha(p, lp, b, sc)
				if p.lin[b] {
					n++
				}
			} else {
				p.nll[b] = ctcAlphaLog(p, lp, b, sc)
			}
			ctcGrad(p, lp, grad, sc, b, 1)
			if linear && p.lin[b] {
				ng++
			}
		}
		return [2][]float64{p.nll, grad}
	}
	return run(true), run(false), n, ng
}

// TestCTCLinear checks that CTC's linear recursions give the log-space
// ones' losses and gradients within float64 rounding, on random problems
// (log-softmax inputs, spread out or peaked, with repeated labels), and
// that samples outside the linear bounds fall back to the same values:
// a label's log-probability below ctcLinLo, one above ctcLinHi, -Inf in
// an unused class, NaN, an infeasible sample, and a sample whose last
// steps make its β, not its α, leave ctcScale's bounds; unused classes
// far outside the bounds (60, -500) stay linear.
func TestCTCLinear(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const T, N, C, S = 30, 8, 6, 12
	problem := func(spread float64) ([]float64, []int64, []int64, []int64) {
		lp := make([]float64, T*N*C)
		for i := 0; i < len(lp); i += C {
			row := lp[i : i+C]
			m := 0.0
			for c := range row {
				row[c] = spread * r.NormFloat64()
				m += math.Exp(row[c])
			}
			for c := range row {
				row[c] -= math.Log(m)
			}
		}
		tg, il, tl := make([]int64, 0, N*S), make([]int64, N), make([]int64, N)
		for b := range N {
			il[b], tl[b] = T-int64(r.IntN(4)), 1+int64(r.IntN(S))
			for range tl[b] {
				tg = append(tg, 1+int64(r.IntN(2))) // classes 1 and 2: many repeats
			}
		}
		return lp, tg, il, tl
	}
	cases := []struct {
		name   string
		spread float64
		edit   func(lp []float64, tg, il, tl []int64)
		linear int // samples that take the linear forward
		grad   int // and the linear gradient
	}{
		{"spread", 1, nil, N, N},
		{"peaked", 6, nil, N, N},
		{"flat", 0.01, nil, N, N},
		{"below ctcLinLo", 1, func(lp []float64, _, _, _ []int64) { lp[5*N*C+C+0] = -350 }, N - 1, N - 1},
		{"above ctcLinHi", 1, func(lp []float64, _, _, _ []int64) { lp[2*N*C+3*C+1] = 40 }, N - 1, N - 1},
		{"unused classes far out", 1, func(lp []float64, _, _, _ []int64) {
			lp[2*N*C+3*C+4], lp[9*N*C+5*C+5] = 60, -500
		}, N, N},
		{"-Inf unused", 1, func(lp []float64, _, _, _ []int64) { lp[7*N*C+2*C+5] = math.Inf(-1) }, N - 1, N - 1},
		{"NaN", 1, func(lp []float64, _, _, _ []int64) { lp[N*C+4*C+1] = math.NaN() }, N - 1, N - 1},
		{"infeasible", 1, func(_ []float64, _, il, tl []int64) { il[6] = tl[6] - 1 }, N - 1, N - 1},
		{"β out of bounds", 1, func(lp []float64, _, il, tl []int64) {
			// the longest sample's last steps: blank certain, every label
			// e**-100, so that β at the positions 6 labels from the end
			// is e**-600 of the others', its α no smaller than e**-200
			b := 0
			for i, l := range tl {
				if l > tl[b] {
					b = i
				}
			}
			il[b] = T
			for t := T - 8; t < T; t++ {
				row := lp[(t*N+b)*C:][:C]
				for c := range row {
					row[c] = -100
				}
				row[0] = 0
			}
		}, N, N - 1},
	}
	if v := ctcLinMin * math.Exp(ctcLinLo); !(v >= 0x1p-1000) {
		t.Fatalf("ctcLinMin·e**ctcLinLo = %g: a value within the bounds may underflow", v)
	}
	for _, c := range cases {
		lp, tg, il, tl := problem(c.spread)
		if c.edit != nil {
			c.edit(lp, tg, il, tl)
		}
		lin, lg, n, ng := ctcBoth(t, lp, T, N, C, tg, il, tl)
		if n != c.linear || ng != c.grad {
			t.Errorf("%s: %d samples took the linear forward and %d the linear gradient, want %d and %d", c.name, n, ng, c.linear, c.grad)
		}
		for b := range N {
			if !closeOrSame(lin[0][b], lg[0][b], 1e-12) {
				t.Errorf("%s: sample %d: loss %v (linear), %v (log)", c.name, b, lin[0][b], lg[0][b])
			}
		}
		bad := 0
		for i := range lp {
			if !closeOrSame(lin[1][i], lg[1][i], 1e-12) {
				if bad++; bad <= 3 {
					t.Errorf("%s: gradient %d: %v (linear), %v (log)", c.name, i, lin[1][i], lg[1][i])
				}
			}
		}
	}
}

// TestCTCAlphaToLog checks that a linear α turned into log α is the log
// space recursion's, the -Inf outside the window included.
func TestCTCAlphaToLog(t *testing.T) {
	const T, N, C = 7, 1, 4
	lp := make([]float64, T*N*C)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range lp {
		lp[i] = -3 * r.Float64()
	}
	in := ctcInputs(t, lp, T, N, C, []int64{1, 2, 2}, []int64{T}, []int64{3})
	p, err := CTC{}.plan(in)
	if err != nil {
		t.Fatal(err)
	}
	p.alpha = make([]float64, p.n*p.t*p.width)
	p.lin, p.scale = make([]bool, 1), make([]float64, p.t)
	sc := p.scratch(false)
	if _, ok := ctcAlphaLinear(p, lp, 0, sc); !ok {
		t.Fatal("the linear recursion refused the problem")
	}
	ctcAlphaToLog(p, 0)
	lin := append([]float64(nil), p.alpha...)
	ctcAlphaLog(p, lp, 0, sc)
	for i, v := range p.alpha {
		if !closeOrSame(lin[i], v, 1e-12) {
			t.Errorf("log α[%d] = %v from the linear α, %v in log space", i, lin[i], v)
		}
	}
}

// closeOrSame reports whether a and b are within rel of each other
// relative to the larger magnitude (at least 1), or are the same
// infinity, or are both NaN.
func closeOrSame(a, b, rel float64) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= rel*max(1, math.Abs(a), math.Abs(b))
}
