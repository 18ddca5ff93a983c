// Package par splits loops over large index ranges across goroutines.
//
// Loops of fewer than Grain elements run on the calling goroutine. Larger
// ones are cut into ranges that the caller and up to GOMAXPROCS-1 helper
// goroutines claim one at a time from a shared counter: the caller starts
// at once, and a helper that is slow to get a thread takes fewer ranges
// instead of holding the others up. The caller never waits for a helper
// that has not claimed a range. Sum cuts its range into fixed blocks, so
// its result does not depend on the number of workers or on who ran which
// block.
//
// The helpers are started by the first parallel loop and live on between
// loops. After a loop a helper polls for the next one for a short while
// (yielding its thread between polls) before it blocks, because waking a
// parked thread takes tens of microseconds, as much as a whole loop of a
// few hundred thousand elements. Nothing polls when GOMAXPROCS is 1. Stop
// ends the helpers.
package par

import "runtime"

// Grain is the number of elements below which a loop stays on one
// goroutine.
const Grain = 1 << 16

// Block is the size of the blocks whose partial sums Sum adds in order.
const Block = 1 << 13

// perWorker is how many ranges For and Sum cut a loop into for each
// worker, so that the ranges of a late worker are shared out.
const perWorker = 8

// workers returns how many goroutines a loop of n elements uses.
func workers(n int) int {
	if n < Grain {
		return 1
	}
	w := runtime.GOMAXPROCS(0)
	helpers.fit(w - 1)
	if m := n / (Grain / 2); w > m {
		w = m
	}
	return max(w, 1)
}

// For calls fn on disjoint consecutive ranges [lo, hi) that cover [0, n),
// in parallel when n is large. The ranges are disjoint, so fn may write to
// its own part of a slice; fn must not depend on which goroutine runs it.
func For(n int, fn func(lo, hi int)) {
	w := workers(n)
	if w <= 1 {
		if n > 0 {
			fn(0, n)
		}
		return
	}
	size := max(Grain/4, (n+perWorker*w-1)/(perWorker*w))
	nb := (n + size - 1) / size
	run(nb, w, func(b int) {
		lo := b * size
		fn(lo, min(lo+size, n))
	})
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
	// Workers claim runs of blocks rather than single ones: fewer claims
	// on the shared counter, and fewer cache lines of partial written by
	// both.
	per := max(1, nb/(perWorker*w))
	partial := make([]float64, nb)
	run((nb+per-1)/per, w, func(c int) {
		for b := c * per; b < min(c*per+per, nb); b++ {
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
