package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
)

// BenchmarkBCEKernels32 times bce's and bcelogits' float32 sum and fuse
// kernels without weights on data that stays in the cache (16384
// elements; bce's inputs the sigmoid of normals, targets 0 or 1), so that
// a change to a loop shows without the memory's noise; it reports
// nanoseconds an element.
func BenchmarkBCEKernels32(b *testing.B) {
	const n = 16384
	r := rand.New(rand.NewPCG(3, 4))
	p, y, z, g := make([]float32, n), make([]float32, n), make([]float32, n), make([]float32, n)
	for i := range p {
		z[i] = float32(r.NormFloat64())
		p[i] = float32(1 / (1 + math.Exp(-float64(z[i]))))
		y[i] = float32(r.IntN(2))
	}
	run := kernelRunner(b, n)
	run("bce/sum", func() float64 { return losskernel.BCESum32(args[float32]{p, y}, param[float32]{}) })
	run("bce/fuse", func() float64 { return losskernel.BCEFuse32(g, args[float32]{p, y}, param[float32]{}, 1e-7) })
	run("bce/passes", func() float64 { // the chunk's passes, for comparison
		var o [chunk]float32
		s := 0.0
		for j := 0; j < n; j += chunk {
			losskernel.BCEChunks(o[:], p[j:j+chunk], y[j:j+chunk], nil)
			s += losskernel.Sum64(o[:])
		}
		return s
	})
	run("bcelogits/sum", func() float64 { return losskernel.BCELogitsSum32(args[float32]{z, y}, param[float32]{}) })
	run("bcelogits/fuse", func() float64 { return losskernel.BCELogitsFuse32(g, args[float32]{z, y}, param[float32]{}, 1e-7) })
}
