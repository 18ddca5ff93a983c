package tensor

// The storage of a tensor. Float tensors keep their slice in a typed
// field, so making one boxes nothing and Data reaches it without an
// interface; the other types keep theirs in the data interface. Shapes of
// up to four dimensions live in the tensor itself. A tensor of a few
// dimensions is therefore one allocation besides its elements.

// header returns a tensor of type d with a copy of shape and no storage.
func header(d DType, shape []int) *Tensor {
	t := &Tensor{dtype: d}
	t.setShape(shape)
	return t
}

// setShape sets t's shape to a copy of shape, inside t when it fits.
func (t *Tensor) setShape(shape []int) {
	if len(shape) <= len(t.dims) {
		t.shape = t.dims[:len(shape):len(shape)]
		copy(t.shape, shape)
		return
	}
	t.shape = append([]int(nil), shape...)
}

// raw returns t's storage: one of []float32, []float64, []int64,
// []int32, []int16, []uint8, []int8 or []bool.
func (t *Tensor) raw() any {
	switch t.dtype {
	case Float32:
		return t.f32
	case Float64:
		return t.f64
	}
	return t.data
}

// setRaw sets t's storage to s, a slice of t's element type.
func (t *Tensor) setRaw(s any) {
	switch v := s.(type) {
	case []float32:
		t.f32 = v
	case []float64:
		t.f64 = v
	default:
		t.data = s
	}
}

// setData is setRaw for a slice of a known element type; it boxes only
// the storage of non-float types.
func setData[T Elem](t *Tensor, s []T) {
	switch v := any(s).(type) {
	case []float32:
		t.f32 = v
	case []float64:
		t.f64 = v
	default:
		t.data = any(s)
	}
}

// shareStorage makes t use the storage of from (of t's type), holding a
// reference to it when it is counted.
func (t *Tensor) shareStorage(from *Tensor) {
	t.f32, t.f64, t.data = from.f32, from.f64, from.data
	t.blk = from.retain()
}
