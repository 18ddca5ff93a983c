package ktorch

import (
	"fmt"

	"kt/k"
	"kt/tensor"
)

// tableTensor is the matrix of a table: one row a record, one column a
// column, as tensor flip value flip t makes it. The columns must share one
// numeric type, which gives the tensor's dtype by the map of kput (f
// float64, e float32, j int64 ...); a keyed table gives its value columns.
func tableTensor(t *k.Table) (*tensor.Tensor, error) {
	if len(t.Data) == 0 {
		return nil, fmt.Errorf("table has no columns")
	}
	cols := make([]k.V, len(t.Data))
	base := k.Plain(t.Data[0]).Type()
	for j, c := range t.Data {
		cols[j] = k.Plain(c)
		if ct := cols[j].Type(); ct != base {
			return nil, fmt.Errorf("type mismatch in column %s, %s vs %s", t.Cols[j], kname(base), kname(ct))
		}
	}
	if _, ok := dtypeOfK(base); !ok {
		return nil, fmt.Errorf("no torch type found for k: %s", kname(base))
	}
	rows := k.Count(t)
	switch base {
	case k.TReal:
		return transpose[float32, k.Reals](cols, rows)
	case k.TFloat:
		return transpose[float64, k.Floats](cols, rows)
	case k.TLong:
		return transpose[int64, k.Longs](cols, rows)
	case k.TInt:
		return transpose[int32, k.Ints](cols, rows)
	case k.TShort:
		return transpose[int16, k.Shorts](cols, rows)
	case k.TBool:
		return transpose[bool, k.Bools](cols, rows)
	case k.TByte:
		return transpose[uint8, k.Bytes](cols, rows)
	}
	chars := make([]k.V, len(cols))
	for j, c := range cols {
		s := make([]int8, rows)
		for i, b := range c.(k.Chars) {
			s[i] = int8(b)
		}
		chars[j] = int8s(s)
	}
	return transpose[int8, int8s](chars, rows)
}

// int8s lets a char column join the generic transpose.
type int8s []int8

func (int8s) Type() int { return k.TChar }

func transpose[T tensor.Elem, S ~[]T](cols []k.V, rows int) (*tensor.Tensor, error) {
	n := len(cols)
	out := make([]T, rows*n)
	for j, c := range cols {
		for i, x := range c.(S) {
			out[i*n+j] = x
		}
	}
	return tensor.Wrap(out, rows, n)
}
