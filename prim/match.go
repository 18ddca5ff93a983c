package prim

import (
	"encoding/binary"
	"math"

	"kt/k"
)

// matchV is q's ~: same type, same shape, same values (floats compared
// tolerantly, nulls equal).
func matchV(x, y k.V) bool {
	if x.Type() != y.Type() {
		return false
	}
	if k.IsTemporal(x.Type()) {
		return matchV(k.Under(x), k.Under(y))
	}
	switch a := x.(type) {
	case k.Float:
		return feq(float64(a), float64(y.(k.Float)))
	case k.Real:
		return feq(float64(a), float64(y.(k.Real)))
	case k.Floats:
		b := y.(k.Floats)
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if !feq(a[i], b[i]) {
				return false
			}
		}
		return true
	case k.Reals:
		b := y.(k.Reals)
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if !feq(float64(a[i]), float64(b[i])) {
				return false
			}
		}
		return true
	case k.Bools:
		return eqSlice(a, y.(k.Bools))
	case k.Bytes:
		return eqSlice(a, y.(k.Bytes))
	case k.Shorts:
		return eqSlice(a, y.(k.Shorts))
	case k.Ints:
		return eqSlice(a, y.(k.Ints))
	case k.Longs:
		return eqSlice(a, y.(k.Longs))
	case k.Chars:
		return eqSlice(a, y.(k.Chars))
	case k.Syms:
		return eqSlice(a, y.(k.Syms))
	case k.Guids:
		return eqSlice(a, y.(k.Guids))
	case k.List:
		b := y.(k.List)
		if len(a) != len(b) {
			return false
		}
		if len(a) > 0 && &a[0] == &b[0] {
			return true // one list: values that share their parts match at once
		}
		for i := range a {
			if k.Pulse() {
				return false // the evaluation is failing (k.Pulse)
			}
			if !matchV(a[i], b[i]) {
				return false
			}
		}
		return true
	case *k.Dict:
		b := y.(*k.Dict)
		if a == b {
			return true
		}
		return matchV(a.Keys, b.Keys) && matchV(a.Vals, b.Vals)
	case *k.Table:
		b := y.(*k.Table)
		return matchV(a.Cols, b.Cols) && matchV(a.Data, b.Data)
	case k.Bool, k.Byte, k.Short, k.Int, k.Long, k.Char, k.Sym, k.Nil:
		return x == y
	}
	return x == y
}

func eqSlice[E comparable](a, b []E) bool {
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

// Match is q's ~ on data.
func Match(x, y k.V) (k.V, error) { return k.Bool(matchV(x, y)), nil }

// keyOf encodes a value as a string such that two values match exactly
// (type and value, nulls equal) iff their keys are equal. It serves the
// hash tables of find, distinct and group.
func keyOf(x k.V) string {
	return string(appendKey(nil, x))
}

func appendKey(b []byte, x k.V) []byte {
	t := x.Type()
	b = append(b, byte(t))
	switch v := x.(type) {
	case k.Bool:
		if v {
			return append(b, 1)
		}
		return append(b, 0)
	case k.Byte:
		return append(b, byte(v))
	case k.Char:
		return append(b, byte(v))
	case k.Short:
		return binary.LittleEndian.AppendUint16(b, uint16(v))
	case k.Int:
		return binary.LittleEndian.AppendUint32(b, uint32(v))
	case k.Long:
		return binary.LittleEndian.AppendUint64(b, uint64(v))
	case k.Real:
		return binary.LittleEndian.AppendUint64(b, fbits(float64(v)))
	case k.Float:
		return binary.LittleEndian.AppendUint64(b, fbits(float64(v)))
	case k.Sym:
		b = binary.LittleEndian.AppendUint32(b, uint32(len(v)))
		return append(b, v...)
	case *k.Dict:
		return appendKey(appendKey(b, v.Keys), v.Vals)
	case *k.Table:
		return appendKey(appendKey(b, v.Cols), v.Data)
	case k.Guid:
		return append(b, v[:]...)
	case k.Enum:
		b = append(b, v.Domain...)
		return binary.LittleEndian.AppendUint64(append(b, 0), uint64(v.Idx))
	}
	if t < 0 && k.IsTemporal(t) {
		return appendKey(b, k.Under(x))
	}
	if isVec(x) {
		n := k.Count(x)
		b = binary.LittleEndian.AppendUint32(b, uint32(n))
		if c, ok := x.(k.Chars); ok {
			return append(b, c...)
		}
		_, general := x.(k.List)
		for i := 0; i < n; i++ {
			if general && k.Pulse() {
				return b // the evaluation is failing (k.Pulse)
			}
			b = appendKey(b, k.At(x, i))
		}
		return b
	}
	return b
}

// fbits is the bit pattern of f with all NaNs made one and -0 made 0.
func fbits(f float64) uint64 {
	if f != f {
		return 0x7ff8000000000001
	}
	if f == 0 {
		return 0
	}
	return math.Float64bits(f)
}
