package par

import (
	"math"
	"runtime"
	"sync/atomic"
	"testing"
)

// withProcs runs f with GOMAXPROCS set to each of 1, 2 and 4.
func withProcs(t *testing.T, f func(t *testing.T, procs int)) {
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	for _, p := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(p)
		f(t, p)
	}
}

func TestFor(t *testing.T) {
	withProcs(t, func(t *testing.T, procs int) {
		for _, n := range []int{0, 1, 7, Grain - 1, Grain, 3*Grain + 5, 1_000_003} {
			hits := make([]int32, n)
			var calls atomic.Int32
			For(n, func(lo, hi int) {
				calls.Add(1)
				if lo >= hi {
					t.Errorf("procs=%d n=%d: empty range [%d,%d)", procs, n, lo, hi)
				}
				for i := lo; i < hi; i++ {
					atomic.AddInt32(&hits[i], 1)
				}
			})
			for i, h := range hits {
				if h != 1 {
					t.Fatalf("procs=%d n=%d: index %d visited %d times", procs, n, i, h)
				}
			}
			if n > 0 && n < Grain && calls.Load() != 1 {
				t.Errorf("procs=%d n=%d: %d calls, want 1 below Grain", procs, n, calls.Load())
			}
		}
	})
}

func TestSum(t *testing.T) {
	withProcs(t, func(t *testing.T, procs int) {
		for _, n := range []int{0, 1, Block + 1, Grain, 5*Grain + 3, 1_000_003} {
			got := Sum(n, func(lo, hi int) float64 {
				s := 0.0
				for i := lo; i < hi; i++ {
					s += float64(i)
				}
				return s
			})
			want := float64(n) * float64(n-1) / 2
			if got != want {
				t.Errorf("procs=%d: Sum(%d) = %v, want %v", procs, n, got, want)
			}
		}
	})
}

// TestSumOrder checks that Sum adds its blocks in the same order whatever
// the number of workers: a sum whose rounding depends on the order gives
// the same bits.
func TestSumOrder(t *testing.T) {
	const n = 40*Block + 17
	f := func(lo, hi int) float64 {
		s := 0.0
		for i := lo; i < hi; i++ {
			s += math.Sin(float64(i)) * 1e16
		}
		return s
	}
	var sums []float64
	withProcs(t, func(t *testing.T, procs int) {
		sums = append(sums, Sum(n, f))
	})
	for _, s := range sums[1:] {
		if math.Float64bits(s) != math.Float64bits(sums[0]) {
			t.Fatalf("sums differ with the number of workers: %v", sums)
		}
	}
}

// BenchmarkForShort times a loop just large enough to be split, where
// waking a helper goroutine costs as much as the work.
func BenchmarkForShort(b *testing.B) {
	x := make([]float32, 1<<20)
	for b.Loop() {
		For(len(x), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				x[i] = x[i]*0.5 + 1
			}
		})
	}
}
