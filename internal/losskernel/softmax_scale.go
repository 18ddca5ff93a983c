package losskernel

// The plain-Go scalings of the fast cross entropy's gradient.

// scale32Plain is scale32Generic four elements a step (fewer loop
// instructions an element), the same products.
func scale32Plain(s []float32, f float32) {
	i := 0
	for ; i+4 <= len(s); i += 4 {
		v := (*[4]float32)(s[i : i+4])
		v[0], v[1], v[2], v[3] = v[0]*f, v[1]*f, v[2]*f, v[3]*f
	}
	for ; i < len(s); i++ {
		s[i] *= f
	}
}

// scaleSub32Plain is scaleSub32Generic four elements a step, the same
// values: dst[i]·f - (a·p[i] + b), or dst[i]·f - b when p is nil.
func scaleSub32Plain(dst, p []float32, f, a, b float32) {
	i := 0
	if p == nil {
		for ; i+4 <= len(dst); i += 4 {
			v := (*[4]float32)(dst[i : i+4])
			v[0], v[1], v[2], v[3] = v[0]*f-b, v[1]*f-b, v[2]*f-b, v[3]*f-b
		}
		for ; i < len(dst); i++ {
			dst[i] = dst[i]*f - b
		}
		return
	}
	p = p[:len(dst)]
	for ; i+4 <= len(dst); i += 4 {
		v, q := (*[4]float32)(dst[i:i+4]), (*[4]float32)(p[i:i+4])
		v[0], v[1], v[2], v[3] = v[0]*f-(a*q[0]+b), v[1]*f-(a*q[1]+b), v[2]*f-(a*q[2]+b), v[3]*f-(a*q[3]+b)
	}
	for ; i < len(dst); i++ {
		dst[i] = dst[i]*f - (a*p[i] + b)
	}
}
