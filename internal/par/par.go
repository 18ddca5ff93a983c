// Package par splits loops over large index ranges across goroutines.
//
// Loops of fewer than Grain elements run on the calling goroutine. Larger
// ones are cut into ranges that the caller and up to GOMAXPROCS-1 helper
// goroutines claim one at a time from a shared counter: the caller starts
// at once, and a helper that is slow to get a thread (a parked thread
// takes tens of microseconds to wake) takes fewer ranges instead of
// holding the others up. The caller never waits for a helper that has not
// claimed a range. Sum cuts its range into fixed blocks, so its result
// does not depend on the number of workers or on who ran which block.
package par

import (
	"runtime"
	"sync/atomic"
)

// Grain is the number of elements below which a loop stays on one
// goroutine.
const Grain = 1 << 16

// Block is the size of the blocks whose partial sums Sum adds in order.
const Block = 1 << 13

// perWorker is how many ranges For cuts a loop into for each worker, so
// that the ranges of a late worker are shared out.
const perWorker = 8

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
	partial := make([]float64, nb)
	run(nb, w, func(b int) {
		lo := b * Block
		partial[b] = fn(lo, min(lo+Block, n))
	})
	s := 0.0
	for _, p := range partial {
		s += p
	}
	return s
}

// job is nb blocks of work shared by the goroutines that claim them.
type job struct {
	next, done atomic.Int64
	nb         int64
	body       func(b int)
	finished   chan struct{} // closed when the last block is done
}

// run calls body once for every block in [0, nb), from the caller and
// w-1 helper goroutines, and returns when every block is done.
func run(nb, w int, body func(b int)) {
	j := &job{nb: int64(nb), body: body, finished: make(chan struct{})}
	for range min(w, nb) - 1 {
		go j.work()
	}
	j.work()
	<-j.finished
}

// work claims and runs blocks until none is left.
func (j *job) work() {
	for {
		b := j.next.Add(1) - 1
		if b >= j.nb {
			return
		}
		j.body(int(b))
		if j.done.Add(1) == j.nb {
			close(j.finished)
		}
	}
}
