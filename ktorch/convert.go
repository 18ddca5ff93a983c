package ktorch

import (
	"fmt"

	"kt/k"
	"kt/tensor"
)

// dtypeOfK maps a k vector type to the tensor type kput makes of it:
// e float32, f float64, j int64, i int32, h int16, b bool, x uint8, c int8.
func dtypeOfK(t int) (tensor.DType, bool) {
	switch t {
	case k.TReal:
		return tensor.Float32, true
	case k.TFloat:
		return tensor.Float64, true
	case k.TLong:
		return tensor.Int64, true
	case k.TInt:
		return tensor.Int32, true
	case k.TShort:
		return tensor.Int16, true
	case k.TBool:
		return tensor.Bool, true
	case k.TByte:
		return tensor.Uint8, true
	case k.TChar:
		return tensor.Int8, true
	}
	return 0, false
}

// kput makes a tensor of a k value: an atom is a 0-dim tensor, a vector a
// 1-dim tensor, a list of lists of one type and one length at each depth
// an N-dim tensor. :: gives nil (no tensor).
func kput(x k.V) (*tensor.Tensor, error) {
	if _, ok := x.(k.Nil); ok {
		return nil, nil
	}
	if x.Type() < 0 {
		return scalarTensor(x)
	}
	switch v := x.(type) {
	case *k.Table:
		return tableTensor(v)
	case *k.Dict:
		if t, ok := v.Vals.(*k.Table); ok && k.IsKeyedTable(v) {
			return tableTensor(t)
		}
	}
	switch v := x.(type) { // the common case, a simple vector, without the walk
	case k.Reals:
		return tensor.New([]float32(v), len(v))
	case k.Floats:
		return tensor.New([]float64(v), len(v))
	case k.Longs:
		return tensor.New([]int64(v), len(v))
	}
	var shape []int
	base := -1
	var leaves []k.V
	var walk func(v k.V, depth int) error
	walk = func(v k.V, depth int) error {
		t := v.Type()
		if t < 0 {
			return fmt.Errorf("unable to map mixed array to tensor: %s encountered at depth %d", kname(t), depth)
		}
		n := k.Count(v)
		if base >= 0 {
			last := len(shape) - 1
			want := 0
			if depth >= last {
				want = base
			}
			if depth > last || n != shape[depth] {
				got := 0
				if depth <= last {
					got = shape[depth]
				}
				return fmt.Errorf("dimension mismatch at depth %d, %d vs %d", depth, got, n)
			}
			if t != want {
				return fmt.Errorf("type mismatch at depth %d, %s vs %s", depth, kname(want), kname(t))
			}
		} else {
			shape = append(shape, n)
		}
		l, isList := v.(k.List)
		if !isList || n == 0 {
			if base < 0 {
				base = t
				if t != k.TList {
					if _, ok := dtypeOfK(t); !ok {
						return fmt.Errorf("no torch type found for k: %s", kname(t))
					}
				}
			}
			leaves = append(leaves, v)
			return nil
		}
		for _, y := range l {
			if err := walk(y, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(x, 0); err != nil {
		return nil, err
	}
	if base == k.TList { // an empty general list somewhere: PyTorch's default type
		return tensor.Zeros(tensor.Float32, shape...)
	}
	return gather(leaves, base, shape)
}

// gather joins the vectors at the bottom of a nested list into one tensor.
func gather(leaves []k.V, t int, shape []int) (*tensor.Tensor, error) {
	switch t {
	case k.TReal:
		return join[float32, k.Reals](leaves, shape)
	case k.TFloat:
		return join[float64, k.Floats](leaves, shape)
	case k.TLong:
		return join[int64, k.Longs](leaves, shape)
	case k.TInt:
		return join[int32, k.Ints](leaves, shape)
	case k.TShort:
		return join[int16, k.Shorts](leaves, shape)
	case k.TBool:
		return join[bool, k.Bools](leaves, shape)
	case k.TByte:
		return join[uint8, k.Bytes](leaves, shape)
	case k.TChar:
		out := make([]int8, 0, len(leaves))
		for _, l := range leaves {
			for _, c := range l.(k.Chars) {
				out = append(out, int8(c))
			}
		}
		return tensor.Wrap(out, shape...)
	}
	return nil, fmt.Errorf("no torch type found for k: %s", kname(t))
}

func join[T tensor.Elem, S ~[]T](leaves []k.V, shape []int) (*tensor.Tensor, error) {
	n := 0
	for _, l := range leaves {
		n += len(l.(S))
	}
	out := make([]T, 0, n)
	for _, l := range leaves {
		out = append(out, l.(S)...)
	}
	return tensor.Wrap(out, shape...)
}

// scalarTensor makes a 0-dim tensor of a numeric, boolean, byte or char atom.
func scalarTensor(x k.V) (*tensor.Tensor, error) {
	switch v := x.(type) {
	case k.Bool:
		return tensor.Scalar(bool(v)), nil
	case k.Byte:
		return tensor.Scalar(uint8(v)), nil
	case k.Char:
		return tensor.Scalar(int8(v)), nil
	case k.Short:
		return tensor.Scalar(int16(v)), nil
	case k.Int:
		return tensor.Scalar(int32(v)), nil
	case k.Long:
		return tensor.Scalar(int64(v)), nil
	case k.Real:
		return tensor.Scalar(float32(v)), nil
	case k.Float:
		return tensor.Scalar(float64(v)), nil
	}
	return nil, fmt.Errorf("unable to translate k %s to scalar tensor", kname(x.Type()))
}

// kget makes a k value of a tensor: a 0-dim tensor gives an atom, a 1-dim
// tensor a vector, an N-dim tensor nested lists; nil gives ::.
func kget(t *tensor.Tensor) k.V {
	if t == nil {
		return k.Null
	}
	shape := t.Shape()
	switch t.DType() {
	case tensor.Float32:
		return split(t.Float32s(), shape, func(v float32) k.V { return k.Real(v) }, func(s []float32) k.V { return k.Reals(s) })
	case tensor.Float64:
		return split(t.Float64s(), shape, func(v float64) k.V { return k.Float(v) }, func(s []float64) k.V { return k.Floats(s) })
	case tensor.Int64:
		return split(t.Int64s(), shape, func(v int64) k.V { return k.Long(v) }, func(s []int64) k.V { return k.Longs(s) })
	case tensor.Int32:
		return split(t.Int32s(), shape, func(v int32) k.V { return k.Int(v) }, func(s []int32) k.V { return k.Ints(s) })
	case tensor.Int16:
		return split(t.Int16s(), shape, func(v int16) k.V { return k.Short(v) }, func(s []int16) k.V { return k.Shorts(s) })
	case tensor.Uint8:
		return split(t.Uint8s(), shape, func(v uint8) k.V { return k.Byte(v) }, func(s []uint8) k.V { return k.Bytes(s) })
	case tensor.Int8:
		return split(t.Int8s(), shape, func(v int8) k.V { return k.Char(byte(v)) }, func(s []int8) k.V {
			c := make(k.Chars, len(s))
			for i, b := range s {
				c[i] = byte(b)
			}
			return c
		})
	case tensor.Bool:
		return split(t.Bools(), shape, func(v bool) k.V { return k.Bool(v) }, func(s []bool) k.V { return k.Bools(s) })
	}
	return k.Null
}

// split copies data into an atom (no dims), a vector (one) or nested lists.
func split[T any](data []T, shape []int, atom func(T) k.V, vec func([]T) k.V) k.V {
	if len(shape) == 0 {
		if len(data) == 0 {
			return k.Null
		}
		return atom(data[0])
	}
	if len(shape) == 1 {
		return vec(append(make([]T, 0, len(data)), data...))
	}
	n := shape[0]
	out := make(k.List, n)
	step := 1
	for _, s := range shape[1:] {
		step *= s
	}
	for i := range n {
		out[i] = split(data[i*step:(i+1)*step], shape[1:], atom, vec)
	}
	return out
}
