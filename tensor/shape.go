package tensor

import (
	"fmt"
	"strconv"
	"strings"
)

// SizeString formats a shape as PyTorch prints it in messages:
// "[2, 3]".
func SizeString(shape []int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range shape {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(s))
	}
	b.WriteByte(']')
	return b.String()
}

// TorchSize formats a shape as Python prints a torch.Size:
// "torch.Size([2, 3])".
func TorchSize(shape []int) string { return "torch.Size(" + SizeString(shape) + ")" }

// SameShape reports whether two shapes are equal.
func SameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Reshape returns a tensor with the same storage and a new shape; one
// size may be -1 and is then inferred. The result shares storage (and so
// is not recorded: it has no autograd history of its own unless t is a
// leaf, whose flag it keeps).
func (t *Tensor) Reshape(shape ...int) (*Tensor, error) {
	n := t.Numel()
	infer := -1
	known := 1
	for i, s := range shape {
		switch {
		case s == -1 && infer < 0:
			infer = i
		case s == -1:
			return nil, fmt.Errorf("only one dimension can be inferred")
		case s < 0:
			return nil, fmt.Errorf("invalid shape dimension %d", s)
		default:
			known *= s
		}
	}
	out := append([]int{}, shape...)
	if infer >= 0 {
		if known == 0 || n%known != 0 {
			return nil, fmt.Errorf("shape '%s' is invalid for input of size %d", SizeString(shape), n)
		}
		out[infer] = n / known
	}
	if numel(out) != n {
		return nil, fmt.Errorf("shape '%s' is invalid for input of size %d", SizeString(shape), n)
	}
	r := header(t.dtype, out)
	r.shareStorage(t)
	r.requiresGrad = t.requiresGrad
	return r, nil
}

// BroadcastShapes returns the shape that shapes broadcast to, aligning
// trailing dimensions as PyTorch does, or an error naming the first
// mismatch in PyTorch's words.
func BroadcastShapes(shapes ...[]int) ([]int, error) {
	nd := 0
	for _, s := range shapes {
		nd = max(nd, len(s))
	}
	out := make([]int, nd)
	for i := range out {
		out[i] = 1
	}
	for _, s := range shapes {
		off := nd - len(s)
		for i := len(s) - 1; i >= 0; i-- {
			v, o := s[i], out[off+i]
			switch {
			case v == o || v == 1:
			case o == 1:
				out[off+i] = v
			default:
				return nil, fmt.Errorf("The size of tensor a (%d) must match the size of tensor b (%d) at non-singleton dimension %d", o, v, off+i)
			}
		}
	}
	return out, nil
}

// Expand returns t broadcast to shape, as PyTorch's expand: leading
// dimensions may be added, a size-1 dimension may grow, and -1 keeps a
// size. The result is t itself when the shape is unchanged; otherwise a
// contiguous copy without autograd history.
func (t *Tensor) Expand(shape ...int) (*Tensor, error) {
	if len(shape) < len(t.shape) {
		return nil, fmt.Errorf("expand(%s{%s}, size=[%d]): the number of sizes provided (%d) must be greater or equal to the number of dimensions in the tensor (%d)",
			t.dtype.Title()+"Type", strings.Trim(SizeString(t.shape), "[]"), len(shape), len(shape), len(t.shape))
	}
	off := len(shape) - len(t.shape)
	out := make([]int, len(shape))
	for i, s := range shape {
		if i < off {
			if s < 0 {
				return nil, fmt.Errorf("The expanded size of the tensor (%d) isn't allowed in a leading, non-existing dimension %d", s, i)
			}
			out[i] = s
			continue
		}
		have := t.shape[i-off]
		switch {
		case s == -1:
			out[i] = have
		case s == have:
			out[i] = s
		case have == 1 && s >= 0:
			out[i] = s
		default:
			return nil, fmt.Errorf("The expanded size of the tensor (%d) must match the existing size (%d) at non-singleton dimension %d.  Target sizes: %s.  Tensor sizes: %s",
				s, have, i, SizeString(shape), SizeString(t.shape))
		}
	}
	if SameShape(out, t.shape) {
		return t, nil
	}
	if err := checkShape(out); err != nil {
		return nil, err
	}
	c := header(t.dtype, out)
	switch s := t.raw().(type) {
	case []float32:
		setData(c, expandData(s, t.shape, out))
	case []float64:
		setData(c, expandData(s, t.shape, out))
	case []int64:
		setData(c, expandData(s, t.shape, out))
	case []int32:
		setData(c, expandData(s, t.shape, out))
	case []int16:
		setData(c, expandData(s, t.shape, out))
	case []uint8:
		setData(c, expandData(s, t.shape, out))
	case []int8:
		setData(c, expandData(s, t.shape, out))
	case []bool:
		setData(c, expandData(s, t.shape, out))
	}
	return c, nil
}

// broadcastStrides returns the strides of src (of shape from, aligned to
// the trailing dimensions of to) with 0 for broadcast dimensions.
func broadcastStrides(from, to []int) []int {
	st := make([]int, len(to))
	off := len(to) - len(from)
	acc := 1
	for i := len(from) - 1; i >= 0; i-- {
		if from[i] != 1 {
			st[off+i] = acc
		}
		acc *= from[i]
	}
	return st
}

// expandData copies src (shape from) into a new slice of shape to.
func expandData[T Elem](src []T, from, to []int) []T {
	n := numel(to)
	dst := make([]T, n)
	if n == 0 {
		return dst
	}
	st := broadcastStrides(from, to)
	nd := len(to)
	// The innermost dimension is copied as a run (stride 1) or a fill
	// (stride 0); the outer ones are walked with an index counter.
	inner := 1
	if nd > 0 {
		inner = to[nd-1]
	}
	idx := make([]int, nd)
	for o := 0; o < n; o += inner {
		off := 0
		for d := 0; d < nd-1; d++ {
			off += idx[d] * st[d]
		}
		run := dst[o : o+inner]
		if nd > 0 && st[nd-1] != 0 {
			copy(run, src[off:off+inner])
		} else {
			v := src[off]
			for i := range run {
				run[i] = v
			}
		}
		for d := nd - 2; d >= 0; d-- {
			idx[d]++
			if idx[d] < to[d] {
				break
			}
			idx[d] = 0
		}
	}
	return dst
}

// SumTo returns g (a float tensor) summed over the dimensions that
// broadcasting added or stretched to reach g's shape from shape: the
// gradient of a broadcast input. It returns g itself when the shapes
// agree.
func SumTo(g *Tensor, shape []int) (*Tensor, error) {
	if SameShape(g.shape, shape) {
		return g, nil
	}
	if _, err := BroadcastShapes(shape, g.shape); err != nil {
		return nil, err
	}
	if len(shape) > len(g.shape) {
		return nil, fmt.Errorf("%w: cannot sum %s to %s", ErrShape, SizeString(g.shape), SizeString(shape))
	}
	out := header(g.dtype, shape)
	switch s := g.raw().(type) {
	case []float32:
		setData(out, sumToData(s, g.shape, shape))
	case []float64:
		setData(out, sumToData(s, g.shape, shape))
	default:
		return nil, fmt.Errorf("SumTo: %v is not a float type", g.dtype)
	}
	return out, nil
}

// sumToData sums src (shape from) into a new slice of shape to, where to
// broadcasts to from. Sums accumulate in float64.
func sumToData[T Float](src []T, from, to []int) []T {
	n := numel(to)
	acc := make([]float64, n)
	st := broadcastStrides(to, from)
	nd := len(from)
	idx := make([]int, nd)
	for i := range src {
		off := 0
		for d := 0; d < nd; d++ {
			off += idx[d] * st[d]
		}
		acc[off] += float64(src[i])
		for d := nd - 1; d >= 0; d-- {
			idx[d]++
			if idx[d] < from[d] {
				break
			}
			idx[d] = 0
		}
	}
	dst := make([]T, n)
	for i, v := range acc {
		dst[i] = T(v)
	}
	return dst
}

// SameShapeAs reports whether t and u have the same shape.
func (t *Tensor) SameShapeAs(u *Tensor) bool { return SameShape(t.shape, u.shape) }

// WrapAs is Wrap with the shape of like: the tensor takes data as its
// storage. It is an error if like does not hold len(data) elements.
func WrapAs[T Elem](data []T, like *Tensor) (*Tensor, error) {
	if numel(like.shape) != len(data) {
		return nil, sizeError(like.shape, len(data))
	}
	t := header(dtypeOf[T](), like.shape)
	setData(t, data)
	return t, nil
}
