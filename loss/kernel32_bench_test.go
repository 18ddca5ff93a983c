package loss

import (
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
)

// BenchmarkKernels32 times the float32 sum and fuse kernels of huber,
// smoothl1, softmargin, kl and the fast cross entropy's passes on data that stays in
// the cache (16384 elements), so that a change to a loop shows without
// the memory's noise; it reports nanoseconds an element.
func BenchmarkKernels32(b *testing.B) {
	const n = 16384
	r := rand.New(rand.NewPCG(1, 2))
	x, y, g, p := make([]float32, n), make([]float32, n), make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i], p[i] = float32(r.NormFloat64()), float32(r.NormFloat64()), float32(r.Float64()/500)
	}
	lx, py := make([]float32, n), make([]float32, n) // kl's log-probabilities and probabilities
	for i := range lx {
		lx[i], py[i] = float32(-3*r.Float64()), float32(r.Float64()/500)
	}
	in := args[float32]{x, y}
	run := kernelRunner(b, n)
	run("huber/sum", func() float64 { return losskernel.HuberSum32(in, param[float32]{A: 1}) })
	run("huber/fuse", func() float64 { return losskernel.HuberFuse32(g, in, param[float32]{A: 1}, 1e-7) })
	run("smoothl1/sum", func() float64 { return losskernel.SmoothL1Sum32(in, smoothL1Param[float32](1)) })
	run("smoothl1/fuse", func() float64 { return losskernel.SmoothL1Fuse32(g, in, smoothL1Param[float32](1), 1e-7) })
	run("softmargin/sum", func() float64 { return losskernel.SoftMarginSum32(in, param[float32]{}) })
	run("softmargin/fuse", func() float64 { return losskernel.SoftMarginFuse32(g, in, param[float32]{}, 1e-7) })
	run("kl/sum", func() float64 { return losskernel.KLSum32(args[float32]{lx, py}, param[float32]{}) })
	run("kl/fuse", func() float64 { return losskernel.KLFuse32(g, args[float32]{lx, py}, param[float32]{}, 1e-4) })
	run("ce/sum", func() float64 { e, _ := losskernel.CEExpPass(nil, x, 0, nil); return e })
	run("ce/store", func() float64 { e, _ := losskernel.CEExpPass(g, x, 0, nil); return e })
	run("ce/sums", func() float64 {
		var d float64
		e, _ := losskernel.CEExpPass(nil, x, 0, &d)
		return e + d
	})
	run("ce/prob", func() float64 { e, _, _ := losskernel.CEProbPass(nil, x, p, 0, false); return e })
	run("ce/probstore", func() float64 { e, _, _ := losskernel.CEProbPass(g, x, p, 0, false); return e })
}

// kernelRunner returns a function that times f as the sub-benchmark
// name, reporting nanoseconds for each of n elements; f's results go to a
// sink, so that the calls are not optimised away.
func kernelRunner(b *testing.B, n int) func(name string, f func() float64) {
	var sink float64
	return func(name string, f func() float64) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				sink += f()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/el")
			if sink == 0 {
				b.Log("no sums")
			}
		})
	}
}
