package prim

import (
	"testing"

	"kt/k"
)

func TestTolerantRounding(t *testing.T) {
	run(t, []tc{
		m("floor", F(2-1e-12, 2-1e-13, -1.5, nan), J(1, 2, -2, k.NullLong)),
		m("ceiling", F(2+1e-12, 2+1e-13, -1.5), J(3, 2, -1)),
		m("floor", k.Float(3-1e-14), k.Long(3)),
	})
}
