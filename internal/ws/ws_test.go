package ws

import (
	"math"
	"testing"
)

func TestCheck(t *testing.T) {
	defer SetLimit(SetLimit(64 << 20))
	for _, c := range []struct {
		n, size int
		want    error
	}{
		{10, 8, nil},
		{1 << 20, 8, nil},
		{-1, 8, ErrLimit},
		{math.MaxInt64, 8, ErrLimit},
		{math.MaxInt64 / 4, 2, ErrLimit},
		{1 << 45, 8, ErrLimit},
		{1 << 40, 8, ErrWsfull},
		{1 << 30, 8, ErrWsfull},
		{1 << 30, 1, ErrWsfull},
		{1 << 24, 8, ErrWsfull},
	} {
		if got := Check(c.n, c.size); got != c.want {
			t.Errorf("Check(%d, %d) = %v, want %v", c.n, c.size, got, c.want)
		}
	}
}

func TestNoLimit(t *testing.T) {
	defer SetLimit(SetLimit(0))
	if err := Check(1<<30, 8); err != nil && addressLimit() == 0 {
		t.Errorf("no limit: %v", err)
	}
	if err := Check(math.MaxInt64, 8); err != ErrLimit {
		t.Errorf("no limit, impossible size: %v", err)
	}
}
