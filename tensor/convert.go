package tensor

// To returns t converted to dtype d: t itself if it already has that type
// (as PyTorch's to), otherwise a copy without autograd history.
// Conversion to an integer type truncates toward zero as Go does; to
// Bool, nonzero is true.
func (t *Tensor) To(d DType) *Tensor {
	if t.dtype == d {
		return t
	}
	c := header(d, t.shape)
	c.setRaw(convertData(t.raw(), d))
	return c
}

// convertData converts storage to type d.
func convertData(data any, d DType) any {
	switch s := data.(type) {
	case []float32:
		return convertFrom(s, d)
	case []float64:
		return convertFrom(s, d)
	case []int64:
		return convertFrom(s, d)
	case []int32:
		return convertFrom(s, d)
	case []int16:
		return convertFrom(s, d)
	case []uint8:
		return convertFrom(s, d)
	case []int8:
		return convertFrom(s, d)
	case []bool:
		n := make([]uint8, len(s))
		for i, b := range s {
			if b {
				n[i] = 1
			}
		}
		if d == Uint8 {
			return n
		}
		return convertFrom(n, d)
	}
	return makeData(d, 0)
}

type number interface {
	float32 | float64 | int64 | int32 | int16 | uint8 | int8
}

func convertFrom[S number](s []S, d DType) any {
	switch d {
	case Float32:
		return cast[S, float32](s)
	case Float64:
		return cast[S, float64](s)
	case Int64:
		return cast[S, int64](s)
	case Int32:
		return cast[S, int32](s)
	case Int16:
		return cast[S, int16](s)
	case Uint8:
		return cast[S, uint8](s)
	case Int8:
		return cast[S, int8](s)
	}
	b := make([]bool, len(s))
	for i, v := range s {
		b[i] = v != 0
	}
	return b
}

func cast[S, D number](s []S) []D {
	d := make([]D, len(s))
	for i, v := range s {
		d[i] = D(v)
	}
	return d
}
