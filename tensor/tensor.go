// Package tensor is kt's tensor engine: dense, contiguous, typed tensors,
// and a define-by-run autograd tape over them.
//
// A Tensor holds its elements in one typed Go slice (reach it with
// Float32s, Float64s, ... or the generic Data), so a kernel loops over a
// []float32 with no interface call per element. Shapes follow PyTorch: a
// 0-dim tensor is a scalar, broadcasting aligns trailing dimensions.
//
// Autograd: a tensor made by a recording operation from inputs that
// require gradients carries a Node (its grad_fn). Backward walks the nodes
// in reverse topological order and accumulates gradients into the Grad of
// every leaf that requires them. Whether operations record is decided by
// the *Ctx passed to them (nil records), never by global state.
package tensor

import (
	"errors"
	"fmt"
	"kt/internal/ws"

	"kt/internal/par"
)

// Elem is the set of Go element types a tensor can hold.
type Elem interface {
	float32 | float64 | int64 | int32 | int16 | uint8 | int8 | bool
}

// Float is the set of floating-point element types kernels are generic over.
type Float interface{ ~float32 | ~float64 }

// Tensor is a dense, contiguous, row-major array with a dtype and shape.
//
// Reshape and Detach share storage with the tensor they come from, as
// PyTorch's views do; every other operation returns fresh storage.
type Tensor struct {
	dtype DType
	shape []int
	dims  [4]int    // storage of shape, when it has at most 4 dimensions
	f32   []float32 // storage of a Float32 tensor
	f64   []float64 // storage of a Float64 tensor
	data  any       // storage of the other types: []int64, []int32, []int16, []uint8, []int8 or []bool
	blk   *block    // the references to counted storage (see cache.go), nil if not counted

	requiresGrad bool  // a leaf that accumulates into Grad
	node         *Node // the operation that made this tensor, if recorded

	// Grad is the gradient accumulated by Backward into a leaf that
	// requires grad; nil until the first backward reaches it.
	Grad *Tensor
}

// DType returns the element type.
func (t *Tensor) DType() DType { return t.dtype }

// Shape returns a copy of the sizes of the dimensions.
func (t *Tensor) Shape() []int { return append([]int(nil), t.shape...) }

// Size returns the size of dimension d; negative d counts from the end.
// It returns 0 for a dimension out of range.
func (t *Tensor) Size(d int) int {
	if d < 0 {
		d += len(t.shape)
	}
	if d < 0 || d >= len(t.shape) {
		return 0
	}
	return t.shape[d]
}

// Dim returns the number of dimensions (0 for a scalar).
func (t *Tensor) Dim() int { return len(t.shape) }

// Numel returns the number of elements.
func (t *Tensor) Numel() int { return numel(t.shape) }

// Data returns the tensor's storage as a []T, or nil if T is not its
// element type. The slice is the tensor's own storage, not a copy.
func Data[T Elem](t *Tensor) []T {
	var z T
	switch any(z).(type) {
	case float32:
		if t.dtype != Float32 {
			return nil
		}
		s, _ := any(t.f32).([]T)
		return s
	case float64:
		if t.dtype != Float64 {
			return nil
		}
		s, _ := any(t.f64).([]T)
		return s
	}
	s, _ := t.data.([]T)
	return s
}

// Float32s returns the storage of a float32 tensor (nil for another type).
func (t *Tensor) Float32s() []float32 { return Data[float32](t) }

// Float64s returns the storage of a float64 tensor (nil for another type).
func (t *Tensor) Float64s() []float64 { return Data[float64](t) }

// Int64s returns the storage of an int64 tensor (nil for another type).
func (t *Tensor) Int64s() []int64 { return Data[int64](t) }

// Int32s returns the storage of an int32 tensor (nil for another type).
func (t *Tensor) Int32s() []int32 { return Data[int32](t) }

// Int16s returns the storage of an int16 tensor (nil for another type).
func (t *Tensor) Int16s() []int16 { return Data[int16](t) }

// Uint8s returns the storage of a uint8 tensor (nil for another type).
func (t *Tensor) Uint8s() []uint8 { return Data[uint8](t) }

// Int8s returns the storage of an int8 tensor (nil for another type).
func (t *Tensor) Int8s() []int8 { return Data[int8](t) }

// Bools returns the storage of a bool tensor (nil for another type).
func (t *Tensor) Bools() []bool { return Data[bool](t) }

// dtypeOf returns the DType of element type T.
func dtypeOf[T Elem]() DType {
	var z T
	switch any(z).(type) {
	case float32:
		return Float32
	case float64:
		return Float64
	case int64:
		return Int64
	case int32:
		return Int32
	case int16:
		return Int16
	case uint8:
		return Uint8
	case int8:
		return Int8
	}
	return Bool
}

// ErrShape is wrapped by errors about a shape that does not fit the data.
var ErrShape = errors.New("shape")

func numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

func checkShape(shape []int) error {
	n := 1
	for _, s := range shape {
		if s < 0 {
			return fmt.Errorf("%w: negative dimension %d", ErrShape, s)
		}
		if s > 0 && n > (1<<50)/s {
			return fmt.Errorf("%w: too many elements", ErrShape)
		}
		n *= s
	}
	return nil
}

// checkSize is checkShape for new storage of type d: it must also fit in
// the workspace (a ws error, 'wsfull or 'limit, if it does not).
func checkSize(d DType, shape []int) error {
	if err := checkShape(shape); err != nil {
		return err
	}
	return ws.Check(numel(shape), d.Size())
}

// New returns a tensor of the given shape holding a copy of data (an
// empty shape makes a 0-dim tensor of one element). It is an error if the
// shape does not hold exactly len(data) elements.
func New[T Elem](data []T, shape ...int) (*Tensor, error) {
	if err := checkSize(dtypeOf[T](), shape); err != nil {
		return nil, err
	}
	if numel(shape) != len(data) {
		return nil, sizeError(shape, len(data))
	}
	t := header(dtypeOf[T](), shape)
	setData(t, append(make([]T, 0, len(data)), data...))
	return t, nil
}

// sizeError is the error of a shape that does not hold n elements. It
// formats a copy of shape, so that a caller's shape does not escape.
func sizeError(shape []int, n int) error {
	return fmt.Errorf("%w '%v' is invalid for input of size %d", ErrShape, append([]int(nil), shape...), n)
}

// Wrap is New without the copy: the tensor takes data as its storage.
// The caller must not use data afterwards.
func Wrap[T Elem](data []T, shape ...int) (*Tensor, error) {
	if err := checkShape(shape); err != nil {
		return nil, err
	}
	if numel(shape) != len(data) {
		return nil, sizeError(shape, len(data))
	}
	t := header(dtypeOf[T](), shape)
	setData(t, data)
	return t, nil
}

// Vector returns a 1-dim tensor holding a copy of data.
func Vector[T Elem](data ...T) *Tensor {
	t := &Tensor{dtype: dtypeOf[T]()}
	t.dims[0] = len(data)
	t.shape = t.dims[:1:1]
	setData(t, append(make([]T, 0, len(data)), data...))
	return t
}

// Scalar returns a 0-dim tensor holding v.
func Scalar[T Elem](v T) *Tensor {
	t := &Tensor{dtype: dtypeOf[T]()}
	t.shape = t.dims[:0:0]
	setData(t, []T{v})
	return t
}

// makeData returns zeroed storage of n elements of type d.
func makeData(d DType, n int) any {
	switch d {
	case Float32:
		return make([]float32, n)
	case Float64:
		return make([]float64, n)
	case Int64:
		return make([]int64, n)
	case Int32:
		return make([]int32, n)
	case Int16:
		return make([]int16, n)
	case Uint8:
		return make([]uint8, n)
	case Int8:
		return make([]int8, n)
	}
	return make([]bool, n)
}

// Zeros returns a tensor of zeros.
func Zeros(d DType, shape ...int) (*Tensor, error) {
	return Full(d, 0, shape...)
}

// Ones returns a tensor of ones.
func Ones(d DType, shape ...int) (*Tensor, error) { return Full(d, 1, shape...) }

// Full returns a tensor filled with v converted to d (as a Go conversion;
// nonzero is true for Bool).
func Full(d DType, v float64, shape ...int) (*Tensor, error) {
	if d > Bool {
		return nil, fmt.Errorf("unknown dtype %d", d)
	}
	if err := checkSize(d, shape); err != nil {
		return nil, err
	}
	t := header(d, shape)
	zero := true
	switch d {
	case Float32:
		zero = takeInto[float32](t)
	case Float64:
		zero = takeInto[float64](t)
	default:
		t.setRaw(makeData(d, numel(shape)))
	}
	if v != 0 || !zero {
		t.fill(v)
	}
	return t, nil
}

// fill sets every element of t to v; large float storage is filled in
// parallel.
func (t *Tensor) fill(v float64) {
	switch s := t.raw().(type) {
	case []float32:
		fillPar(s, float32(v))
	case []float64:
		fillPar(s, v)
	case []int64:
		fillT(s, int64(v))
	case []int32:
		fillT(s, int32(v))
	case []int16:
		fillT(s, int16(v))
	case []uint8:
		fillT(s, uint8(v))
	case []int8:
		fillT(s, int8(v))
	case []bool:
		fillT(s, v != 0)
	}
}

func fillT[T Elem](s []T, v T) {
	for i := range s {
		s[i] = v
	}
}

// fillPar is fillT over ranges in parallel; zero clears.
func fillPar[T float32 | float64](s []T, v T) {
	par.For(len(s), func(lo, hi int) {
		if v == 0 {
			clear(s[lo:hi])
			return
		}
		fillT(s[lo:hi], v)
	})
}

// Arange returns the values start, start+step, ... below end (above end
// for a negative step), as torch.arange.
func Arange(d DType, start, end, step float64) (*Tensor, error) {
	if step == 0 {
		return nil, errors.New("step must be nonzero")
	}
	if (step > 0 && end < start) || (step < 0 && end > start) {
		return nil, errors.New("upper bound and larger bound inconsistent with step sign")
	}
	n := int(ceil((end - start) / step))
	if n < 0 || n > 1<<40 {
		return nil, fmt.Errorf("%w: invalid arange size", ErrShape)
	}
	f := make([]float64, n)
	for i := range f {
		f[i] = start + float64(i)*step
	}
	t, _ := Wrap(f, n)
	return t.To(d), nil
}

func ceil(x float64) float64 {
	i := float64(int64(x))
	if i < x {
		return i + 1
	}
	return i
}

// Clone returns a copy of t with its own storage, without autograd history.
func (t *Tensor) Clone() *Tensor {
	c := header(t.dtype, t.shape)
	switch s := t.raw().(type) {
	case []float32:
		cloneInto(c, s)
	case []float64:
		cloneInto(c, s)
	case []int64:
		setData(c, append([]int64(nil), s...))
	case []int32:
		setData(c, append([]int32(nil), s...))
	case []int16:
		setData(c, append([]int16(nil), s...))
	case []uint8:
		setData(c, append([]uint8(nil), s...))
	case []int8:
		setData(c, append([]int8(nil), s...))
	case []bool:
		setData(c, append([]bool(nil), s...))
	}
	return c
}

// cloneInto gives c (of s's type and shape, no storage yet) a copy of s.
// A large slice is copied in parallel ranges when there are several
// threads: one long memmove cannot be preempted, and a garbage collection
// that starts during it keeps signalling its goroutine until the copy
// ends, which made a 40 MB clone take 40-100 ms with GOMAXPROCS=2 instead
// of 7.
func cloneInto[T float32 | float64](c *Tensor, s []T) {
	takeInto[T](c)
	d := Data[T](c)
	par.For(len(s), func(lo, hi int) { copy(d[lo:hi], s[lo:hi]) })
}

// Item returns the value of a one-element tensor as a float64 (bool as 0
// or 1). It is an error if the tensor has more or fewer elements.
func (t *Tensor) Item() (float64, error) {
	if t.Numel() != 1 {
		return 0, fmt.Errorf("a Tensor with %d elements cannot be converted to Scalar", t.Numel())
	}
	return t.At(0), nil
}

// At returns element i of the storage as a float64 (bool as 0 or 1), or 0
// if i is out of range.
func (t *Tensor) At(i int) float64 {
	if i < 0 || i >= t.Numel() {
		return 0
	}
	switch s := t.raw().(type) {
	case []float32:
		return float64(s[i])
	case []float64:
		return s[i]
	case []int64:
		return float64(s[i])
	case []int32:
		return float64(s[i])
	case []int16:
		return float64(s[i])
	case []uint8:
		return float64(s[i])
	case []int8:
		return float64(s[i])
	case []bool:
		if s[i] {
			return 1
		}
	}
	return 0
}

// String returns a short description: dtype, shape and up to 8 elements.
func (t *Tensor) String() string {
	n := t.Numel()
	s := fmt.Sprintf("tensor(%v %v [", t.dtype, t.shape)
	for i := 0; i < n && i < 8; i++ {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprint(t.At(i))
	}
	if n > 8 {
		s += " ..."
	}
	return s + "])"
}

func errorf(format string, a ...any) error { return fmt.Errorf(format, a...) }
