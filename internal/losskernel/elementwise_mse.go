package losskernel

// MSESum32 is loss's mseSum on float32, 32 elements a step: eight float32 sums
// take four squares each before they are widened into float64, which
// saves most of the conversions, and the eight are independent, so that
// no addition waits for the one before. The squares are never negative,
// so a float32 sum of four is within 3 float32 units (2e-7) of theirs
// relative, a hundredth of the 2e-5 the results are held to; and a
// float32 sum overflows only where the whole sum does, which the forward
// rounds to float32 in any case.
func MSESum32(in Args[float32], _ Param[float32]) float64 {
	x := in[0]
	y := in[1][:len(x)]
	a, i := MSEVec(x, y)
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

// MSEFuse32 is MSESum32 writing the input's gradient 2(x-y)·g as it
// goes, sixteen elements a step with four sums.
func MSEFuse32(gx []float32, in Args[float32], _ Param[float32], g float32) float64 {
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	s := 2 * g
	a, i := MSEFuseVec(gx, x, y, s)
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
