package par

import (
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	for _, n := range []int{0, 1, 7, Grain - 1, Grain, 3*Grain + 5} {
		hits := make([]int32, n)
		For(n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				atomic.AddInt32(&hits[i], 1)
			}
		})
		for i, h := range hits {
			if h != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, h)
			}
		}
	}
}

func TestSum(t *testing.T) {
	for _, n := range []int{0, 1, Block + 1, Grain, 5*Grain + 3} {
		got := Sum(n, func(lo, hi int) float64 {
			s := 0.0
			for i := lo; i < hi; i++ {
				s += float64(i)
			}
			return s
		})
		want := float64(n) * float64(n-1) / 2
		if got != want {
			t.Errorf("Sum(%d) = %v, want %v", n, got, want)
		}
	}
}
