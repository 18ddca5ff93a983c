package loss

import (
	"kt/tensor"

	"kt/internal/losskernel"
)

// MSE is PyTorch's MSELoss: (x - y)², reduced. Input and target
// broadcast; both get gradients.
type MSE struct {
	Reduction Reduction
}

// NewMSE returns MSELoss with PyTorch's default reduction, mean.
func NewMSE() MSE { return MSE{Reduction: Mean} }

// Name returns "mse".
func (MSE) Name() string { return "mse" }

// Forward computes the loss of input and target.
func (l MSE) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	x, y, shape, err := pair("mse", in)
	if err != nil {
		return nil, err
	}
	d, err := floatResult("mse_cpu", x, y)
	if err != nil {
		return nil, err
	}
	e := elementwise{
		node: "MseLossBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y}, sameTypes: true,
		k32: kernels[float32]{fwd: mseForward[float32], bwd: mseBackward[float32], sum: mseSum32, fuse: mseFuse32},
		k64: kernels[float64]{fwd: mseForward[float64], bwd: mseBackward[float64], sum: mseSum[float64]},
	}
	return e.run(c)
}

func mseForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		d := x[i] - y[i]
		out[i] = d * d
	}
}

func mseSum[T tensor.Float](in args[T], _ param[T]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	var a, b, c, d float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		d0, d1, d2, d3 := x[i]-y[i], x[i+1]-y[i+1], x[i+2]-y[i+2], x[i+3]-y[i+3]
		a += float64(d0 * d0)
		b += float64(d1 * d1)
		c += float64(d2 * d2)
		d += float64(d3 * d3)
	}
	for ; i < len(x); i++ {
		d0 := x[i] - y[i]
		a += float64(d0 * d0)
	}
	return (a + b) + (c + d)
}

// mseBackward: d/dx = 2(x-y)·g, d/dy = -d/dx.
func mseBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	if g.Per == nil && gy == nil && gx != nil {
		s, gx := 2*g.S, gx[:len(x)]
		for i := range x {
			gx[i] = s * (x[i] - y[i])
		}
		return
	}
	for i := range x {
		v := 2 * (x[i] - y[i]) * g.At(i)
		if gx != nil {
			gx[i] = v
		}
		if gy != nil {
			gy[i] = -v
		}
	}
}

// mseSum32 is mseSum on float32, 32 elements a step: eight float32 sums
// take four squares each before they are widened into float64, which
// saves most of the conversions, and the eight are independent, so that
// no addition waits for the one before. The squares are never negative,
// so a float32 sum of four is within 3 float32 units (2e-7) of theirs
// relative, a hundredth of the 2e-5 the results are held to; and a
// float32 sum overflows only where the whole sum does, which the forward
// rounds to float32 in any case.
func mseSum32(in args[float32], _ param[float32]) float64 {
	x := in[0]
	y := in[1][:len(x)]
	a, i := losskernel.MSEVec(x, y)
	for ; i+32 <= len(x); i += 32 {
		x32, y32 := (*[32]float32)(x[i:i+32]), (*[32]float32)(y[i:i+32])
		d0, d1, d2, d3 := x32[0]-y32[0], x32[1]-y32[1], x32[2]-y32[2], x32[3]-y32[3]
		d4, d5, d6, d7 := x32[4]-y32[4], x32[5]-y32[5], x32[6]-y32[6], x32[7]-y32[7]
		s0, s1, s2, s3, s4, s5, s6, s7 := d0*d0, d1*d1, d2*d2, d3*d3, d4*d4, d5*d5, d6*d6, d7*d7
		for k := 8; k < 32; k += 8 {
			d0, d1, d2, d3 := x32[k]-y32[k], x32[k+1]-y32[k+1], x32[k+2]-y32[k+2], x32[k+3]-y32[k+3]
			d4, d5, d6, d7 := x32[k+4]-y32[k+4], x32[k+5]-y32[k+5], x32[k+6]-y32[k+6], x32[k+7]-y32[k+7]
			s0 += d0 * d0
			s1 += d1 * d1
			s2 += d2 * d2
			s3 += d3 * d3
			s4 += d4 * d4
			s5 += d5 * d5
			s6 += d6 * d6
			s7 += d7 * d7
		}
		a += (float64(s0) + float64(s1) + float64(s2) + float64(s3)) + (float64(s4) + float64(s5) + float64(s6) + float64(s7))
	}
	for ; i < len(x); i++ {
		d0 := x[i] - y[i]
		a += float64(d0 * d0)
	}
	return a
}

// mseFuse32 is mseSum32 writing the input's gradient 2(x-y)·g as it
// goes, sixteen elements a step with four sums.
func mseFuse32(gx []float32, in args[float32], _ param[float32], g float32) float64 {
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	s := 2 * g
	a, i := losskernel.MSEFuseVec(gx, x, y, s)
	for ; i+16 <= len(x); i += 16 {
		x16, y16, g16 := (*[16]float32)(x[i:i+16]), (*[16]float32)(y[i:i+16]), (*[16]float32)(gx[i:i+16])
		var s0, s1, s2, s3 float32
		for k := 0; k < 16; k += 4 {
			d0, d1, d2, d3 := x16[k]-y16[k], x16[k+1]-y16[k+1], x16[k+2]-y16[k+2], x16[k+3]-y16[k+3]
			s0 += d0 * d0
			s1 += d1 * d1
			s2 += d2 * d2
			s3 += d3 * d3
			g16[k], g16[k+1], g16[k+2], g16[k+3] = s*d0, s*d1, s*d2, s*d3
		}
		a += (float64(s0) + float64(s1)) + (float64(s2) + float64(s3))
	}
	for ; i < len(x); i++ {
		d0 := x[i] - y[i]
		a += float64(d0 * d0)
		gx[i] = s * d0
	}
	return a
}
