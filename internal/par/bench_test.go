package par

import (
	"testing"
	"time"
)

// BenchmarkSumSpaced times Sum over 1<<19 float32s in two patterns: calls
// back to back, and calls spaced by about 200µs of single-threaded work
// (the gap between the parallel loops of a loss's forward and backward, in
// which parked threads go to sleep). The sum-ns/op metric is the time spent
// inside Sum alone. The sum of a block is one chain of dependent
// additions, so its time is the adds' latency, not memory bandwidth,
// which two threads of this machine share.
func BenchmarkSumSpaced(b *testing.B) {
	x := make([]float32, 1<<19)
	for i := range x {
		x[i] = float32(i%1000) * 1e-3
	}
	sum := func(lo, hi int) float64 {
		s := float32(0)
		for _, v := range x[lo:hi] {
			s += v
		}
		return float64(s)
	}
	for _, c := range []struct {
		name string
		gap  time.Duration
	}{{"backtoback", 0}, {"spaced200us", 200 * time.Microsecond}} {
		b.Run(c.name, func(b *testing.B) {
			var in time.Duration
			sink := 0.0
			for b.Loop() {
				if c.gap > 0 {
					sink += busy(c.gap)
				}
				t := time.Now()
				sink += Sum(len(x), sum)
				in += time.Since(t)
			}
			b.ReportMetric(float64(in.Nanoseconds())/float64(b.N), "sum-ns/op")
			if sink == -1 {
				b.Log(sink)
			}
		})
	}
}

// busy computes on one goroutine for about d and returns a value that
// depends on the work.
func busy(d time.Duration) float64 {
	t := time.Now()
	s := 0.0
	for time.Since(t) < d {
		for i := range 256 {
			s += float64(i) * 1e-9
		}
	}
	return s
}
