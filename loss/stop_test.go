package loss

import (
	"math/rand/v2"
	"testing"

	"kt/internal/stop"
	"kt/tensor"
)

// TestStop interrupts a large forward pass: it gives up with stop.Err
// and no output, and runs again once the request is withdrawn.
func TestStop(t *testing.T) {
	defer stop.Clear()
	n := 1 << 20
	x, _ := tensor.Zeros(tensor.Float32, n)
	y, _ := tensor.Ones(tensor.Float32, n)
	for _, red := range []Reduction{None, Mean} {
		l := MSE{Reduction: red}
		stop.Request()
		if out, err := l.Forward(nil, x, y); err != stop.Err || out != nil {
			t.Errorf("%v, interrupted: %v, %v", red, out, err)
		}
		stop.Clear()
		if _, err := l.Forward(nil, x, y); err != nil {
			t.Errorf("%v: %v", red, err)
		}
	}
}

// TestStopRandom interrupts a large random tensor.
func TestStopRandom(t *testing.T) {
	defer stop.Clear()
	src := rand.New(rand.NewPCG(1, 2))
	stop.Request()
	if r, err := tensor.Randn(src, tensor.Float32, 1<<20); err != stop.Err || r != nil {
		t.Errorf("interrupted: %v, %v", r, err)
	}
	stop.Clear()
	if _, err := tensor.Randn(src, tensor.Float32, 1<<20); err != nil {
		t.Error(err)
	}
}
