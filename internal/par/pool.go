package par

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// spinFor is how long an idle helper polls for the next job, yielding its
// thread between polls, before it blocks. A blocked helper's thread is
// parked, and waking it again takes tens of microseconds; a helper that
// is still polling joins a job within a microsecond or so.
const spinFor = 100 * time.Microsecond

// checkEvery is how many polls a helper makes between looks at
// GOMAXPROCS, so that none goes on polling once it is 1.
const checkEvery = 64

// pool is the set of helper goroutines that run shares its jobs with.
// Helpers are started by fit and live until fit or Stop asks them to end.
type pool struct {
	gen      atomic.Uint64       // counts the jobs posted
	cur      atomic.Pointer[job] // the job posted last; nil once it is done
	sleeping atomic.Int32        // helpers blocked in await
	size     atomic.Int32        // len(helpers), read without mu

	mu       sync.Mutex
	wake     sync.Cond // on mu: gen moved, or a helper was told to quit
	helpers  []*helper
	quitting []*helper // told to quit, perhaps not yet exited
}

// helper is one helper goroutine's stop signal.
type helper struct {
	quit   atomic.Bool
	exited chan struct{} // closed when the goroutine returns
}

// helpers is the package's pool.
var helpers = newPool()

// newPool returns a pool with no helpers.
func newPool() *pool {
	p := &pool{}
	p.wake.L = &p.mu
	return p
}

// Stop ends the helper goroutines that parallel loops share their work
// with, and returns once they have exited. The next parallel loop starts
// them again. Programs need not call it; it lets a test check that no
// goroutine outlives it. Loops running while Stop runs still complete.
func Stop() {
	for _, h := range helpers.stop() {
		<-h.exited
	}
}

// stop tells every helper to quit and returns those that may not have
// exited yet.
func (p *pool) stop() []*helper {
	p.resize(0)
	p.mu.Lock()
	defer p.mu.Unlock()
	gone := p.quitting
	p.quitting = nil
	return gone
}

// fit makes the pool n helpers strong, if it is not already.
func (p *pool) fit(n int) {
	if int(p.size.Load()) != n {
		p.resize(n)
	}
}

// resize starts or stops helpers until there are n.
func (p *pool) resize(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.quitting = slices.DeleteFunc(p.quitting, (*helper).gone)
	if len(p.helpers) > n {
		for _, h := range p.helpers[n:] {
			h.quit.Store(true)
			p.quitting = append(p.quitting, h)
		}
		clear(p.helpers[n:])
		p.helpers = p.helpers[:n]
		p.wake.Broadcast()
	}
	for len(p.helpers) < n {
		h := &helper{exited: make(chan struct{})}
		p.helpers = append(p.helpers, h)
		go p.serve(h, p.gen.Load())
	}
	p.size.Store(int32(n))
}

// gone reports whether h's goroutine has returned.
func (h *helper) gone() bool {
	select {
	case <-h.exited:
		return true
	default:
		return false
	}
}

// post offers j to the helpers, waking up to n of those that are blocked.
func (p *pool) post(j *job, n int) {
	p.cur.Store(j)
	p.gen.Add(1)
	if s := int(p.sleeping.Load()); s > 0 {
		p.mu.Lock()
		for range min(s, n) {
			p.wake.Signal()
		}
		p.mu.Unlock()
	}
}

// retire takes j down once it is done, so that the pool holds no
// reference to what its body refers to.
func (p *pool) retire(j *job) {
	p.cur.CompareAndSwap(j, nil)
}

// serve is a helper's loop: wait for a job posted after the one numbered
// seen, help with it, and again, until told to quit.
func (p *pool) serve(h *helper, seen uint64) {
	defer close(h.exited)
	for {
		g, ok := p.await(h, seen)
		if !ok {
			return
		}
		seen = g
		if j := p.cur.Load(); j != nil {
			j.work()
		}
	}
}

// await returns the number of the latest job once it differs from seen,
// or false when h is told to quit. It polls for spinFor (unless
// GOMAXPROCS is 1), then blocks.
func (p *pool) await(h *helper, seen uint64) (uint64, bool) {
	if runtime.GOMAXPROCS(0) > 1 {
		start := time.Now()
		for i := 1; ; i++ {
			if g := p.gen.Load(); g != seen {
				return g, true
			}
			if h.quit.Load() {
				return 0, false
			}
			if time.Since(start) > spinFor ||
				i%checkEvery == 0 && runtime.GOMAXPROCS(0) == 1 {
				break
			}
			runtime.Gosched()
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sleeping.Add(1)
	defer p.sleeping.Add(-1)
	for {
		if g := p.gen.Load(); g != seen {
			return g, true
		}
		if h.quit.Load() {
			return 0, false
		}
		p.wake.Wait()
	}
}
