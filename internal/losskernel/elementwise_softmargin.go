package losskernel

// The float32 kernels follow ATen's rounding: t = -x·y in float32, then
// log1p(exp(t)) and, for the gradient, -y·z/(1+z) with z = exp(t). In
// the tables' range they take the tables of losskernel (elementwise_softplus.go), softplus(t) and
// z/(1+z) = σ(t), within a unit of float32 of those values; beyond it
// (where the float32 rounding of z shows, and +Inf and NaN appear) they
// compute z as ATen does, in a second pass. The fuse and backward
// kernels take whole vectors of elements in the tables' range with
// SoftMarginVec first, in the SIMD build on a CPU with AVX2 and FMA.

// SoftMarginForward32 is loss's softMarginForward on float32.
func SoftMarginForward32(out []float32, in Args[float32], _ Param[float32]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	var bad uint64
	for i := range out {
		k, h := SpArg(float64(x[i]*y[i]) * -8)
		bad |= k
		out[i] = float32(SpPoly(&SpTab[k&(SpRows-1)], h))
	}
	if bad < SpRows {
		return
	}
	for i := range out {
		if k, _ := SpArg(float64(x[i]*y[i]) * -8); k >= SpRows {
			out[i] = SoftplusSlow(-x[i] * y[i])
		}
	}
}

// SoftMarginSum32 is SoftMarginForward32 summed in float64: whole
// vectors through SoftMarginVec (in the SIMD build), the rest on the
// tables.
func SoftMarginSum32(in Args[float32], _ Param[float32]) float64 {
	x := in[0]
	y := in[1][:len(x)]
	s := 0.0
	for {
		sv, n, more := SoftMarginSumVec(x, y)
		s += sv
		x, y = x[n:], y[n:]
		if !more {
			break
		}
		s += softMarginSumTable(x[:8], y[:8])
		x, y = x[8:], y[8:]
	}
	return s + softMarginSumTable(x, y)
}

// softMarginSumTable is SoftMarginSum32 on the tables alone.
func softMarginSumTable(x, y []float32) float64 {
	y = y[:len(x)]
	var s0, s1 float64
	var bad uint64
	i := 0
	for ; i+2 <= len(x); i += 2 {
		k, h := SpArg(float64(x[i]*y[i]) * -8)
		j, u := SpArg(float64(x[i+1]*y[i+1]) * -8)
		bad |= k | j
		s0 += SpPoly(&SpTab[k&(SpRows-1)], h)
		s1 += SpPoly(&SpTab[j&(SpRows-1)], u)
	}
	if i < len(x) {
		k, h := SpArg(float64(x[i]*y[i]) * -8)
		bad |= k
		s0 += SpPoly(&SpTab[k&(SpRows-1)], h)
	}
	if bad < SpRows {
		return s0 + s1
	}
	s := 0.0
	for i, v := range x {
		k, h := SpArg(float64(v*y[i]) * -8)
		if k < SpRows {
			s += SpPoly(&SpTab[k], h)
		} else {
			s += float64(SoftplusSlow(-v * y[i]))
		}
	}
	return s
}

// SoftMarginFuse32 is SoftMarginSum32 writing the input's gradient
// -y·σ(t)·g as it goes.
func SoftMarginFuse32(gx []float32, in Args[float32], _ Param[float32], g float32) float64 {
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	s := 0.0
	for {
		sv, n, more := SoftMarginVec(gx, nil, x, y, g, true)
		s += sv
		x, y, gx = x[n:], y[n:], gx[n:]
		if !more {
			break
		}
		s += softMarginFuseTable(gx[:8], x[:8], y[:8], g)
		x, y, gx = x[8:], y[8:], gx[8:]
	}
	return s + softMarginFuseTable(gx, x, y, g)
}

// softMarginFuseTable is SoftMarginFuse32 on the tables alone.
func softMarginFuseTable(gx, x, y []float32, g float32) float64 {
	y, gx = y[:len(x)], gx[:len(x)]
	ng := -float64(g)
	var s, s1 float64
	var bad uint64
	i := 0
	for ; i+2 <= len(x); i += 2 { // two independent elements a step
		w, w1 := y[i], y[i+1]
		k, h := SpArg(float64(x[i]*w) * -8)
		k1, h1 := SpArg(float64(x[i+1]*w1) * -8)
		bad |= k | k1
		k &= SpRows - 1
		k1 &= SpRows - 1
		s += SpPoly(&SpTab[k], h)
		s1 += SpPoly(&SpTab[k1], h1)
		gx[i] = float32(float64(w) * SpPoly(&SigTab[k], h) * ng)
		gx[i+1] = float32(float64(w1) * SpPoly(&SigTab[k1], h1) * ng)
	}
	if i < len(x) {
		w := y[i]
		k, h := SpArg(float64(x[i]*w) * -8)
		bad |= k
		k &= SpRows - 1
		s += SpPoly(&SpTab[k], h)
		gx[i] = float32(float64(w) * SpPoly(&SigTab[k], h) * ng)
	}
	if bad < SpRows {
		return s + s1
	}
	s = 0
	for i, v := range x {
		k, h := SpArg(float64(v*y[i]) * -8)
		if k < SpRows {
			s += SpPoly(&SpTab[k], h)
			continue
		}
		t := -v * y[i]
		s += float64(SoftplusSlow(t))
		z := ExpSlow(t)
		gx[i] = -(y[i] * z) / (1 + z) * g
	}
	return s
}

// SoftMarginBackward32 is loss's softMarginBackward on float32.
func SoftMarginBackward32(grad, in Args[float32], g Upstream[float32], _ Param[float32]) {
	x, y, gx := in[0], in[1][:len(in[0])], grad[0]
	if gx == nil {
		return
	}
	gx = gx[:len(x)]
	for {
		_, n, more := SoftMarginVec(gx, g.Per, x, y, g.S, false)
		x, y, gx, g = x[n:], y[n:], gx[n:], g.Sub(n, len(x))
		if !more {
			break
		}
		softMarginBackTable(gx[:8], x[:8], y[:8], g.Sub(0, 8))
		x, y, gx, g = x[8:], y[8:], gx[8:], g.Sub(8, len(x))
	}
	softMarginBackTable(gx, x, y, g)
}

// softMarginBackTable is SoftMarginBackward32 on the tables alone.
func softMarginBackTable(gx, x, y []float32, g Upstream[float32]) {
	y, gx = y[:len(x)], gx[:len(x)]
	var bad uint64
	for i, v := range x {
		w := y[i]
		k, h := SpArg(float64(v*w) * -8)
		bad |= k
		gx[i] = float32(-float64(w) * SpPoly(&SigTab[k&(SpRows-1)], h) * float64(g.At(i)))
	}
	if bad < SpRows {
		return
	}
	for i, v := range x {
		if k, _ := SpArg(float64(v*y[i]) * -8); k >= SpRows {
			z := ExpSlow(-v * y[i])
			gx[i] = -(y[i] * z) / (1 + z) * g.At(i)
		}
	}
}
