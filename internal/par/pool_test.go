package par

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// bigLoop runs a loop large enough to be split across every helper.
func bigLoop() {
	For(64*Grain, func(lo, hi int) {})
}

// TestPoolSize checks that the helpers follow GOMAXPROCS: procs-1 of them
// after a parallel loop, none at 1, and none after Stop.
func TestPoolSize(t *testing.T) {
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	defer Stop()
	for _, procs := range []int{4, 2, 3, 1, 2} {
		runtime.GOMAXPROCS(procs)
		bigLoop()
		if got := int(helpers.size.Load()); got != procs-1 {
			t.Errorf("GOMAXPROCS=%d: %d helpers, want %d", procs, got, procs-1)
		}
		helpers.mu.Lock()
		n := len(helpers.helpers)
		helpers.mu.Unlock()
		if n != procs-1 {
			t.Errorf("GOMAXPROCS=%d: %d helpers listed, want %d", procs, n, procs-1)
		}
		if procs == 1 {
			// The helpers told to quit exit: none is left polling.
			for try := 0; serving() != 0; try++ {
				if try == 100 {
					t.Fatalf("GOMAXPROCS=1: %d helper goroutines still running", serving())
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
	}
	Stop()
	if got := helpers.size.Load(); got != 0 {
		t.Errorf("after Stop: %d helpers", got)
	}
}

// serving counts the helper goroutines (started by resize), from a dump
// of every goroutine's stack.
func serving() int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Count(string(buf[:n]), "created by kt/internal/par.(*pool).resize")
		}
		buf = make([]byte, 2*len(buf))
	}
}

// TestStopLeaks checks that Stop ends every goroutine the helpers started,
// whether they are polling or blocked when it is called.
func TestStopLeaks(t *testing.T) {
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	for _, pause := range []time.Duration{0, 3 * spinFor} {
		runtime.GOMAXPROCS(4)
		bigLoop()
		if n := serving(); n != 3 {
			t.Errorf("%d helper goroutines at GOMAXPROCS=4, want 3", n)
		}
		time.Sleep(pause) // past spinFor the helpers are blocked
		Stop()
		if n := serving(); n != 0 {
			t.Errorf("pause %v: %d helper goroutines after Stop", pause, n)
		}
	}
}

// TestHelpersWake checks that helpers that have gone to sleep are woken
// by the next loop and take part in it: the first block of the loop waits
// until another goroutine has run a later block.
func TestHelpersWake(t *testing.T) {
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	defer Stop()
	runtime.GOMAXPROCS(2)
	for range 3 {
		bigLoop()
		time.Sleep(3 * spinFor) // past spinFor the helper is blocked
		release := make(chan struct{})
		var once sync.Once
		woken := true
		For(2*Grain, func(lo, hi int) {
			if lo == 0 {
				select {
				case <-release:
				case <-time.After(5 * time.Second):
					woken = false
				}
				return
			}
			once.Do(func() { close(release) })
		})
		if !woken {
			t.Fatal("no helper took a block while the caller was busy")
		}
	}
}

// TestConcurrentLoops runs loops from several goroutines at once, some
// nested inside others, and checks every result.
func TestConcurrentLoops(t *testing.T) {
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	defer Stop()
	runtime.GOMAXPROCS(4)
	const n = 5*Grain + 7
	want := float64(n) * float64(n-1) / 2
	count := func(lo, hi int) float64 {
		s := 0.0
		for i := lo; i < hi; i++ {
			s += float64(i)
		}
		return s
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if g%2 == 0 {
					if s := Sum(n, count); s != want {
						errs <- "Sum gave a wrong total"
					}
					continue
				}
				// An outer loop whose ranges each run an inner loop.
				outer := make([]float64, 4)
				For(4*Grain, func(lo, hi int) {
					for k := lo / Grain; k < (hi+Grain-1)/Grain && k < 4; k++ {
						if lo <= k*Grain && k*Grain < hi {
							outer[k] = Sum(n, count)
						}
					}
				})
				for _, s := range outer {
					if s != want {
						errs <- "nested Sum gave a wrong total"
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}
