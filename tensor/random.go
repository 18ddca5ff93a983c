package tensor

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
		for i := range s {
			s[i] = float32(draw(src))
		}
	case []float64:
		for i := range s {
			s[i] = draw(src)
		}
	}
	return t, nil
}
