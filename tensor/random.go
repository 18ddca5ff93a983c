package tensor

import "kt/internal/stop"

// Source is a source of random numbers, such as *rand.Rand of math/rand
// or math/rand/v2. Random tensors draw from the source they are given,
// never from a global one, so a seed reproduces them.
type Source interface {
	Float64() float64     // uniform in [0, 1)
	NormFloat64() float64 // standard normal
}

// Rand returns a float tensor (Float32 or Float64) of values uniform in
// [0, 1) drawn from src.
func Rand(src Source, d DType, shape ...int) (*Tensor, error) {
	return random(src, d, shape, Source.Float64)
}

// Randn returns a float tensor (Float32 or Float64) of standard normal
// values drawn from src.
func Randn(src Source, d DType, shape ...int) (*Tensor, error) {
	return random(src, d, shape, Source.NormFloat64)
}

func random(src Source, d DType, shape []int, draw func(Source) float64) (*Tensor, error) {
	if !d.IsFloat() {
		return nil, errorf("%q not implemented for '%s'", "normal_kernel_cpu", d.Title())
	}
	t, err := Zeros(d, shape...)
	if err != nil {
		return nil, err
	}
	switch s := t.raw().(type) {
	case []float32:
		err = drawInto(s, src, draw)
	case []float64:
		err = drawInto(s, src, draw)
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}

// drawChunk is how many values random draws between checks for an
// interrupt.
const drawChunk = 1 << 16

// drawInto fills s with draws from src, giving up with stop.Err at a
// chunk boundary when an interrupt is requested.
func drawInto[T Float](s []T, src Source, draw func(Source) float64) error {
	for lo := 0; lo < len(s); lo += drawChunk {
		if stop.Requested() {
			return stop.Err
		}
		for i := lo; i < min(lo+drawChunk, len(s)); i++ {
			s[i] = T(draw(src))
		}
	}
	return nil
}
