package loss

import (
	"fmt"
	"math"

	"kt/internal/losskernel"
	"kt/internal/vmath"
	"kt/tensor"
)

// CTC is PyTorch's CTCLoss: the negative log-likelihood of the target
// sequences under the alignments of the log-probabilities (T,N,C), or
// (T,C) unbatched. Targets are padded (N,S) or concatenated (the sum of
// the target lengths); input_lengths and target_lengths hold one length
// per sample. Mean reduces to the batch mean of loss_i / max(length_i, 1).
// ZeroInfinity gives infeasible samples a loss and gradient of 0. Only
// the log-probabilities get a gradient, computed as ATen's
// ctc_loss_backward does (as if through a log_softmax).
type CTC struct {
	Blank        int64
	ZeroInfinity bool
	Reduction    Reduction
}

// NewCTC returns CTCLoss with PyTorch's defaults.
func NewCTC() CTC { return CTC{Reduction: Mean} }

// Name returns "ctc".
func (CTC) Name() string { return "ctc" }

const ctcFrom = " (while checking arguments for ctc_loss_cpu)"

// ctcPlan is a checked CTC problem: sizes, per-sample lengths and where
// each sample's targets start.
type ctcPlan struct {
	t, n, c     int   // time steps, batch, classes
	il, tl      []int // input and target length per sample
	off         []int // offset of each sample's targets in tg
	tg          []int64
	maxL        int // longest target
	blank       int
	batched     bool
	logProbs    *tensor.Tensor
	reduction   Reduction
	zeroInf     bool
	width       int       // 2*maxL+1: the extended target positions
	alpha       []float64 // α per sample, time and position: log α, or linear where lin
	lin         []bool    // per sample, whether alpha holds ctcAlphaLinear's α
	scale       []float64 // per sample and time, the log of the linear α's scale
	nll         []float64 // negative log-likelihood per sample
	targetShape []int
}

// lengths reads a lengths tensor as ints.
func ctcLengths(t *tensor.Tensor, name string) ([]int, error) {
	if t.DType().IsFloat() || t.DType() == tensor.Bool {
		return nil, fmt.Errorf("%s must be integral", name)
	}
	v := t.To(tensor.Int64).Int64s()
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = int(max(min(x, 1<<40), -1<<40))
	}
	return out, nil
}

// Forward computes the loss of log_probs, targets, input_lengths and
// target_lengths.
func (l CTC) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("ctc", in, 4, 4); err != nil {
		return nil, err
	}
	if err := l.Reduction.check(false); err != nil {
		return nil, err
	}
	p, err := l.plan(in)
	if err != nil {
		return nil, err
	}
	if p.logProbs.DType() == tensor.Float32 {
		return ctcRun[float32](c, p, in)
	}
	return ctcRun[float64](c, p, in)
}

// plan checks the four inputs as ctc_loss_cpu does and returns the
// problem they pose.
func (l CTC) plan(in []*tensor.Tensor) (*ctcPlan, error) {
	lp, targets := in[0], in[1]
	il, err := ctcLengths(in[2], "input_lengths")
	if err != nil {
		return nil, err
	}
	tl, err := ctcLengths(in[3], "target_lengths")
	if err != nil {
		return nil, err
	}
	if !lp.DType().IsFloat() {
		return nil, notImplemented("ctc_loss_cpu", lp.DType())
	}
	p := &ctcPlan{il: il, tl: tl, blank: int(l.Blank), batched: lp.Dim() == 3, logProbs: lp,
		reduction: l.Reduction, zeroInf: l.ZeroInfinity}
	ls := lp.Shape()
	if !p.batched {
		if len(ls) > 0 {
			ls = append([]int{ls[0], 1}, ls[1:]...)
		} else {
			ls = []int{1}
		}
	}
	if len(ls) != 3 {
		return nil, fmt.Errorf("Expected 3-dimensional tensor, but got %d-dimensional tensor for argument #1 'log_probs'"+ctcFrom, len(ls))
	}
	p.t, p.n, p.c = ls[0], ls[1], ls[2]
	if err := p.checkTargets(targets, l.Blank); err != nil {
		return nil, err
	}
	return p, nil
}

// checkTargets checks the targets and lengths as ctc_loss_cpu does, with
// its messages, and fills in the target offsets.
func (p *ctcPlan) checkTargets(targets *tensor.Tensor, blank int64) error {
	ts := targets.Shape()
	if len(ts) < 1 || len(ts) > 2 {
		return fmt.Errorf("Expected 1 to 2 dimensions, but got %d-dimensional tensor for argument #2 'targets'"+ctcFrom, len(ts))
	}
	if blank < 0 || blank >= int64(p.c) {
		return fmt.Errorf("blank must be in label range")
	}
	if len(p.il) != p.n {
		return fmt.Errorf("input_lengths must be of size batch_size")
	}
	if len(p.tl) != p.n {
		return fmt.Errorf("target_lengths must be of size batch_size")
	}
	p.off = make([]int, p.n)
	pos := 0
	for i, l := range p.tl {
		if l < 0 {
			return fmt.Errorf("Expected target_lengths to have value at least 0, but got value %d"+ctcFrom, l)
		}
		if len(ts) == 1 {
			p.off[i] = pos
			pos += l
		} else {
			p.off[i] = i * ts[1]
		}
		p.maxL = max(p.maxL, l)
	}
	sizeErr := "Expected tensor to have size %d at dimension 0, but got size %d for argument #2 'targets'" + ctcFrom
	if len(ts) == 1 && ts[0] != pos {
		return fmt.Errorf(sizeErr, pos, ts[0])
	}
	if len(ts) == 2 {
		if ts[0] != p.n {
			return fmt.Errorf(sizeErr, p.n, ts[0])
		}
		if ts[1] < p.maxL {
			return fmt.Errorf("Expected tensor to have size at least %d at dimension 1, but got size %d for argument #2 'targets'"+ctcFrom, p.maxL, ts[1])
		}
	}
	for _, l := range p.il {
		if l < 0 {
			return fmt.Errorf("Expected input_lengths to have value at least 0, but got value %d"+ctcFrom, l)
		}
		if l > p.t {
			return fmt.Errorf("Expected input_lengths to have value at most %d, but got value %d"+ctcFrom, p.t, l)
		}
	}
	p.tg = targets.To(tensor.Int64).Int64s()
	for b, l := range p.tl {
		for _, v := range p.tg[p.off[b] : p.off[b]+l] {
			if v < 0 || v >= int64(p.c) {
				return fmt.Errorf("Target %d is out of bounds.", v)
			}
		}
	}
	p.width = 2*p.maxL + 1
	p.targetShape = ts
	return nil
}

// label returns the class at extended position s of sample b: blank at
// even s, the target at odd s.
func (p *ctcPlan) label(b, s int) int {
	if s%2 == 0 {
		return p.blank
	}
	return int(p.tg[p.off[b]+s/2])
}

// ctcScratch is one worker's buffers for the CTC recursions.
type ctcScratch struct {
	ext  []int     // extended labels of the sample
	skip []bool    // whether position s may be reached from s-2
	beta []float64 // log β per time and position
	lcab []float64 // log α + log β at one time step; in linear space, β' at one step
	acc  []float64 // per class, the occupancy at one time step
	lin  []float64 // the linear recursions' β at one time step
	ex   []float64 // per class, e**log-probability at one time step
}

func (p *ctcPlan) scratch(backward bool) *ctcScratch {
	sc := &ctcScratch{ext: make([]int, p.width), skip: make([]bool, p.width)}
	if backward {
		sc.beta = make([]float64, p.t*p.width)
		sc.lcab = make([]float64, p.width)
		sc.acc = make([]float64, p.c)
		sc.lin = make([]float64, p.width)
		sc.ex = make([]float64, p.c)
	}
	return sc
}

// labels fills the scratch's ext with sample b's extended labels (blank
// at even positions, the targets at odd ones) and skip[s] with whether
// the transition from s-2 is allowed (a label unlike the one two before);
// it returns the number of positions.
func (p *ctcPlan) labels(b int, sc *ctcScratch) int {
	w := 2*p.tl[b] + 1
	for s := range w {
		sc.ext[s] = p.label(b, s)
		sc.skip[s] = s > 1 && sc.ext[s] != sc.ext[s-2]
	}
	return w
}

// ctcAlpha fills alpha for sample b and returns its negative
// log-likelihood: in linear space where ctcAlphaLinear can, else in log
// space.
func ctcAlpha[T real](p *ctcPlan, lp []T, b int, sc *ctcScratch) float64 {
	if nll, ok := ctcAlphaLinear(p, lp, b, sc); ok {
		p.lin[b] = true
		return nll
	}
	p.lin[b] = false
	return ctcAlphaLog(p, lp, b, sc)
}

// ctcAlphaLog fills sample b's log α and returns its negative
// log-likelihood.
func ctcAlphaLog[T real](p *ctcPlan, lp []T, b int, sc *ctcScratch) float64 {
	inf := math.Inf(-1)
	tb, l := p.il[b], p.tl[b]
	if tb == 0 {
		if l == 0 {
			return 0
		}
		return math.Inf(1)
	}
	w := p.labels(b, sc)
	ext, skip := sc.ext[:w], sc.skip[:w]
	la := p.alpha[b*p.t*p.width:]
	row := func(t int) []T { return lp[(t*p.n+b)*p.c : (t*p.n+b)*p.c+p.c] }
	first := la[:w]
	for s := range first {
		first[s] = inf
	}
	first[0] = float64(row(0)[p.blank])
	if l > 0 {
		first[1] = float64(row(0)[ext[1]])
	}
	for t := 1; t < tb; t++ {
		prev, cur := la[(t-1)*p.width:(t-1)*p.width+w], la[t*p.width:t*p.width+w]
		lpt := row(t)
		// Positions above 2t+1 are unreachable from the start, and those
		// below w-2(tb-t) cannot reach the end in the steps left: their α
		// are left -Inf (their β is, so no gradient or loss reads them).
		lo, top := ctcWindow(w, tb, t)
		for s := range min(lo, w) {
			cur[s] = inf
		}
		if lo == 0 {
			cur[0] = prev[0] + float64(lpt[ext[0]])
			lo = 1
		}
		for s := lo; s < top; s++ {
			var v float64
			if skip[s] {
				v = vmath.LogSumExp3(prev[s], prev[s-1], prev[s-2])
			} else {
				v = vmath.LogSumExp2(prev[s], prev[s-1])
			}
			cur[s] = v + float64(lpt[ext[s]])
		}
		for s := top; s < w; s++ {
			cur[s] = inf
		}
	}
	last := la[(tb-1)*p.width:]
	if l == 0 {
		return -last[0]
	}
	l1, l2 := last[2*l], last[2*l-1]
	m := max(l1, l2)
	if math.IsInf(m, -1) {
		m = 0
	}
	return -(math.Log(math.Exp(l1-m)+math.Exp(l2-m)) + m)
}

// ctcGrad writes the gradient of sample b's loss (times gr) with respect
// to its log-probabilities into grad, as ATen's ctc_loss_backward does:
// exp(lp) - exp(log Σ_s αβ + nll - lp) over the positions s of each class.
// Where every time step has a finite max of log αβ (a feasible sample),
// the sum over s is taken in linear space relative to that max.
func ctcGrad[T real](p *ctcPlan, lp []T, grad []T, sc *ctcScratch, b int, gr float64) {
	inf := math.Inf(-1)
	tb, l := p.il[b], p.tl[b]
	nll := p.nll[b]
	if tb == 0 || (p.zeroInf && math.IsInf(nll, 1)) {
		return // already zero
	}
	if p.lin[b] {
		if ctcGradLinear(p, lp, grad, sc, b, gr) {
			return
		}
		ctcAlphaToLog(p, b)
	}
	w := p.labels(b, sc)
	ext, skip := sc.ext[:w], sc.skip[:w]
	idx := func(t int) int { return (t*p.n + b) * p.c }
	la := p.alpha[b*p.t*p.width:]
	lb := sc.beta
	for i := range tb * w {
		lb[i] = inf
	}
	t := tb - 1
	lb[t*w+2*l] = float64(lp[idx(t)+p.blank])
	if l > 0 {
		lb[t*w+2*l-1] = float64(lp[idx(t)+ext[2*l-1]])
	}
	for t := tb - 2; t >= 0; t-- {
		next, cur := lb[(t+1)*w:(t+2)*w], lb[t*w:(t+1)*w]
		lpt := lp[idx(t) : idx(t)+p.c]
		// β above 2t+1 meets an α of -Inf: it stays -Inf, as it was set
		lo, top := ctcWindow(w, tb, t)
		if top == w {
			cur[w-1] = next[w-1] + float64(lpt[ext[w-1]])
			top = w - 1
		}
		// and β below w-2(tb-t) cannot reach the end: also left -Inf
		for s := top - 1; s >= lo; s-- {
			var v float64
			if s+2 < w && skip[s+2] {
				v = vmath.LogSumExp3(next[s], next[s+1], next[s+2])
			} else {
				v = vmath.LogSumExp2(next[s], next[s+1])
			}
			cur[s] = v + float64(lpt[ext[s]])
		}
	}
	lcab, acc := sc.lcab[:w], sc.acc
	for t := range tb {
		al, be := la[t*p.width:t*p.width+w], lb[t*w:(t+1)*w]
		m := inf
		for s := range lcab {
			lcab[s] = al[s] + be[s]
			m = max(m, lcab[s])
		}
		lpt, gt := lp[idx(t):idx(t)+p.c], grad[idx(t):idx(t)+p.c]
		if !(m > inf && m < math.Inf(1)) || !(nll < math.Inf(1)) {
			ctcGradStep(lpt, gt, lcab, ext, nll, gr)
			continue
		}
		for c := range acc {
			acc[c] = 0
		}
		lo, hi := ctcWindow(w, tb, t)
		for s := lo; s < hi; s++ {
			acc[ext[s]] += vmath.Exp(lcab[s] - m) // outside, lcab is -Inf
		}
		for c, v := range lpt {
			fv := float64(v)
			gt[c] = T((vmath.Exp(fv) - acc[c]*vmath.Exp(m+nll-fv)) * gr)
		}
	}
}

// ctcGradStep is one time step of ctcGrad in log space throughout, for
// the non-finite cases (an infeasible sample, infinities or NaN in the
// input), where it gives ATen's NaN and infinities.
func ctcGradStep[T real](lpt, gt []T, lcab []float64, ext []int, nll, gr float64) {
	inf := math.Inf(-1)
	g := make([]float64, len(lpt))
	for c := range g {
		g[c] = inf
	}
	for s, ab := range lcab {
		k := ext[s]
		if math.IsInf(g[k], -1) {
			g[k] = ab
		} else {
			g[k] = losskernel.LogAddExp(g[k], ab)
		}
	}
	for c, v := range lpt {
		fv := float64(v)
		gt[c] = T((math.Exp(fv) - math.Exp(g[c]+nll-fv)) * gr)
	}
}

func ctcRun[T real](c *tensor.Ctx, p *ctcPlan, in []*tensor.Tensor) (*tensor.Tensor, error) {
	lp := tensor.Data[T](p.logProbs)
	// α, its scales and the losses come from a pooled buffer, kept by the
	// backward when one is recorded
	rs := getRows(p.n*p.t*p.width + p.n*p.t + p.n)
	p.alpha, p.scale, p.nll = rs.take(p.n*p.t*p.width), rs.take(p.n*p.t), rs.take(p.n)
	p.lin = make([]bool, p.n)
	cost := p.t * p.width * 8 // a cell of α costs several elementwise operations
	if err := forRows(p.n, cost, func(lo, hi int) {
		sc := p.scratch(false)
		for b := lo; b < hi; b++ {
			p.nll[b] = ctcAlpha(p, lp, b, sc)
		}
	}); err != nil {
		return nil, err
	}
	loss := make([]float64, p.n)
	for b, v := range p.nll {
		if p.zeroInf && math.IsInf(v, 1) {
			v = 0
		}
		if p.reduction == Mean {
			v = float64(T(v)) / float64(max(p.tl[b], 1))
		}
		loss[b] = v
	}
	shape := []int{p.n}
	if !p.batched {
		shape = []int{}
	}
	out, err := reduceRows[T](loss, p.reduction, float64(p.n), shape)
	if err != nil {
		return nil, err
	}
	name := "CtcLossBackward0"
	switch {
	case p.reduction == Mean:
		name = "MeanBackward0"
	case p.reduction == Sum:
		name = "SumBackward0"
	case !p.batched:
		name = "SqueezeBackward1"
	case p.zeroInf:
		name = "WhereBackward0"
	}
	recorded := c.Record(out, name, in, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		if !needsGrad(p.logProbs) {
			return nil, nil
		}
		gr := newRowGrad(g, p.reduction, float64(p.n))
		gtt, gt, err := tensor.AllocZeros[T](p.logProbs.Shape()...) // time steps past a sample's length stay 0
		if err != nil {
			return nil, err
		}
		if err := forRows(p.n, cost, func(lo, hi int) {
			sc := p.scratch(true)
			for b := lo; b < hi; b++ {
				gb := gr.at(b)
				if p.reduction == Mean {
					gb /= float64(max(p.tl[b], 1))
				}
				ctcGrad(p, lp, gt, sc, b, gb)
			}
		}); err != nil {
			return nil, err
		}
		return []*tensor.Tensor{gtt, nil, nil, nil}, nil
	})
	rs.release(recorded)
	return out, nil
}
