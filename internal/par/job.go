package par

import (
	"runtime"
	"sync/atomic"
	"time"
)

// job is nb blocks of work shared by the goroutines that claim them.
type job struct {
	next, done atomic.Int64
	nb         int64
	body       func(b int)
	finished   chan struct{} // closed when the last block is done
}

// run calls body once for every block in [0, nb), from the caller and up
// to w-1 helpers, and returns when every block is done.
func run(nb, w int, body func(b int)) {
	j := &job{nb: int64(nb), body: body, finished: make(chan struct{})}
	helpers.post(j, min(w, nb)-1)
	j.work()
	j.wait()
	helpers.retire(j)
}

// wait returns once every block of j is done. The blocks left are being
// run by helpers that claimed them, so it polls for a while before it
// blocks.
func (j *job) wait() {
	start := time.Now()
	for j.done.Load() != j.nb {
		if time.Since(start) > spinFor {
			<-j.finished
			return
		}
		runtime.Gosched()
	}
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
