// Package par splits loops over large index ranges across goroutines.
//
// Loops of fewer than Grain elements run on the calling goroutine; larger
// ones are cut into contiguous ranges, one per GOMAXPROCS worker. Sum
// cuts its range into fixed blocks, so its result does not depend on the
// number of workers.
package par

import (
	"runtime"
	"sync"
)

// Grain is the number of elements below which a loop stays on one
// goroutine.
const Grain = 1 << 16

// Block is the size of the blocks whose partial sums Sum adds in order.
const Block = 1 << 13

// workers returns how many goroutines a loop of n elements uses.
func workers(n int) int {
	if n < Grain {
		return 1
	}
	w := runtime.GOMAXPROCS(0)
	if m := n / (Grain / 2); w > m {
		w = m
	}
	return max(w, 1)
}

// For calls fn on consecutive ranges [lo, hi) that cover [0, n), in
// parallel when n is large. The ranges are disjoint, so fn may write to
// its own part of a slice.
func For(n int, fn func(lo, hi int)) { split(n, workers(n), fn) }

// split calls fn on w near-equal consecutive ranges covering [0, n).
func split(n, w int, fn func(lo, hi int)) {
	w = min(w, n)
	if w <= 1 {
		if n > 0 {
			fn(0, n)
		}
		return
	}
	var wg sync.WaitGroup
	step := (n + w - 1) / w
	for lo := step; lo < n; lo += step {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			fn(lo, hi)
		}(lo, min(lo+step, n))
	}
	fn(0, min(step, n))
	wg.Wait()
}

// Sum returns the sum, in block order, of fn over the blocks of Block
// elements (the last one shorter) that cover [0, n). Blocks run in
// parallel when n is large; the result is the same for any number of
// workers.
func Sum(n int, fn func(lo, hi int) float64) float64 {
	nb := (n + Block - 1) / Block
	w := workers(n)
	if w == 1 {
		s := 0.0
		for lo := 0; lo < n; lo += Block {
			s += fn(lo, min(lo+Block, n))
		}
		return s
	}
	partial := make([]float64, nb)
	split(nb, w, func(b0, b1 int) {
		for b := b0; b < b1; b++ {
			lo := b * Block
			partial[b] = fn(lo, min(lo+Block, n))
		}
	})
	s := 0.0
	for _, p := range partial {
		s += p
	}
	return s
}
