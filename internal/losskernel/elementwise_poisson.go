package losskernel

import (
	"kt/internal/vmath"
)

// PoissonLogForward32: e^x - y·x.
func PoissonLogForward32(out []float32, in Args[float32], _ Param[float32]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	vmath.ExpTo32(out, x)
	for i := range out {
		out[i] -= y[i] * x[i]
	}
}

// PoissonLogBackward32: d/dx = (e^x - y)·g, the exponentials through the
// gradient itself; d/dy = -x·g.
func PoissonLogBackward32(grad, in Args[float32], g Upstream[float32], _ Param[float32]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	if gx != nil {
		gx = gx[:len(x)]
		vmath.ExpTo32(gx, x)
		for i := range gx {
			gx[i] = (gx[i] - y[i]) * g.At(i)
		}
	}
	if gy != nil {
		gy = gy[:len(x)]
		for i := range gy {
			gy[i] = -x[i] * g.At(i)
		}
	}
}
