package prim

import (
	"math"

	"kt/k"
)

// Numeric conversions. A numeric atom or vector (boolean, byte, short,
// int, long, real, float or char) is read as a slice of one Go numeric
// type; an atom becomes a one-item slice. Nulls map to the target's null
// and infinities of a narrower integer stay as plain values, as q does.

// isNum reports whether type code t (atom or vector) is numeric or char.
func isNum(t int) bool {
	if t < 0 {
		t = -t
	}
	return t == k.TBool || (t >= k.TByte && t <= k.TChar)
}

// toI64 reads a numeric atom or vector as int64s.
func toI64(x k.V) []int64 {
	switch v := x.(type) {
	case k.Longs:
		return v
	case k.Long:
		return []int64{int64(v)}
	case k.Bools:
		r := make([]int64, len(v))
		for i, b := range v {
			if b {
				r[i] = 1
			}
		}
		return r
	case k.Bytes:
		return widen[byte, int64](v, 0, false)
	case k.Chars:
		return widen[byte, int64](v, 0, false)
	case k.Shorts:
		return widen[int16, int64](v, k.NullShort, true)
	case k.Ints:
		return widen[int32, int64](v, k.NullInt, true)
	case k.Reals:
		r := make([]int64, len(v))
		for i, f := range v {
			r[i] = f2i(float64(f))
		}
		return r
	case k.Floats:
		r := make([]int64, len(v))
		for i, f := range v {
			r[i] = f2i(f)
		}
		return r
	}
	if isAtom(x) && isNum(x.Type()) {
		return toI64(enlist(x))
	}
	return nil
}

// f2i rounds a float to the nearest long as q's cast does: nulls to 0N,
// infinities to 0W and -0W.
func f2i(f float64) int64 {
	switch {
	case f != f:
		return k.NullLong
	case f >= 9.223372036854775807e18:
		return k.InfLong
	case f <= -9.223372036854775807e18:
		return -k.InfLong
	}
	return int64(math.Round(f))
}

// widen converts a narrower integer slice to int64 or int32, mapping the
// source null to the target null when hasNull.
func widen[S, T int64 | int32 | int16 | byte](v []S, null S, hasNull bool) []T {
	r := make([]T, len(v))
	var tn T
	var nl int64
	switch any(tn).(type) {
	case int64:
		nl = k.NullLong
	case int32:
		nl = k.NullInt
	case int16:
		nl = k.NullShort
	}
	tn = T(nl)
	for i, e := range v {
		if hasNull && e == null {
			r[i] = tn
		} else {
			r[i] = T(e)
		}
	}
	return r
}

// toI32 reads a numeric atom or vector of rank at most int as int32s.
func toI32(x k.V) []int32 {
	switch v := x.(type) {
	case k.Ints:
		return v
	case k.Int:
		return []int32{int32(v)}
	case k.Bools:
		r := make([]int32, len(v))
		for i, b := range v {
			if b {
				r[i] = 1
			}
		}
		return r
	case k.Bytes:
		return widen[byte, int32](v, 0, false)
	case k.Chars:
		return widen[byte, int32](v, 0, false)
	case k.Shorts:
		return widen[int16, int32](v, k.NullShort, true)
	}
	if isAtom(x) && isNum(x.Type()) {
		return toI32(enlist(x))
	}
	return nil
}

// toF64 reads a numeric atom or vector as float64s.
func toF64(x k.V) []float64 {
	switch v := x.(type) {
	case k.Floats:
		return v
	case k.Float:
		return []float64{float64(v)}
	case k.Reals:
		r := make([]float64, len(v))
		for i, f := range v {
			r[i] = float64(f)
		}
		return r
	case k.Longs:
		r := make([]float64, len(v))
		for i, n := range v {
			if n == k.NullLong {
				r[i] = math.NaN()
			} else {
				r[i] = float64(n)
			}
		}
		return r
	case k.Bools, k.Bytes, k.Chars, k.Shorts, k.Ints:
		return toF64(k.Longs(toI64(v)))
	}
	if isAtom(x) && isNum(x.Type()) {
		return toF64(enlist(x))
	}
	return nil
}

// toF32 reads a numeric atom or vector as float32s.
func toF32(x k.V) []float32 {
	switch v := x.(type) {
	case k.Reals:
		return v
	case k.Real:
		return []float32{float32(v)}
	}
	f := toF64(x)
	if f == nil {
		return nil
	}
	r := make([]float32, len(f))
	for i, e := range f {
		r[i] = float32(e)
	}
	return r
}

// toI16 reads a numeric atom or vector as int16s (narrowing as q's cast).
func toI16(x k.V) []int16 {
	if v, ok := x.(k.Shorts); ok {
		return v
	}
	l := toI64(x)
	if l == nil {
		return nil
	}
	r := make([]int16, len(l))
	for i, e := range l {
		if e == k.NullLong {
			r[i] = k.NullShort
		} else {
			r[i] = int16(e)
		}
	}
	return r
}

// toU8 reads a numeric atom or vector as bytes (low 8 bits).
func toU8(x k.V) []byte {
	switch v := x.(type) {
	case k.Bytes:
		return v
	case k.Chars:
		return v
	}
	l := toI64(x)
	if l == nil {
		return nil
	}
	r := make([]byte, len(l))
	for i, e := range l {
		r[i] = byte(e)
	}
	return r
}

// toBool reads a numeric atom or vector as booleans (nonzero is true).
func toBool(x k.V) []bool {
	if v, ok := x.(k.Bools); ok {
		return v
	}
	if f, ok := x.(k.Floats); ok {
		r := make([]bool, len(f))
		for i, e := range f {
			r[i] = e != 0
		}
		return r
	}
	if f, ok := x.(k.Float); ok {
		return []bool{f != 0}
	}
	if f, ok := x.(k.Reals); ok {
		r := make([]bool, len(f))
		for i, e := range f {
			r[i] = e != 0
		}
		return r
	}
	if f, ok := x.(k.Real); ok {
		return []bool{f != 0}
	}
	l := toI64(x)
	if l == nil {
		return nil
	}
	r := make([]bool, len(l))
	for i, e := range l {
		r[i] = e != 0
	}
	return r
}

// convert returns numeric x as a vector (or, when atom is true, an atom)
// of numeric type t.
func convert(x k.V, t int, atom bool) k.V {
	var v k.V
	switch t {
	case k.TBool:
		v = k.Bools(toBool(x))
	case k.TByte:
		v = k.Bytes(toU8(x))
	case k.TChar:
		v = k.Chars(toU8(x))
	case k.TShort:
		v = k.Shorts(toI16(x))
	case k.TInt:
		v = k.Ints(narrow32(x))
	case k.TLong:
		v = k.Longs(toI64(x))
	case k.TReal:
		v = k.Reals(toF32(x))
	case k.TFloat:
		v = k.Floats(toF64(x))
	default:
		return x
	}
	if atom {
		return k.At(v, 0)
	}
	return v
}

// narrow32 reads any numeric atom or vector as int32s.
func narrow32(x k.V) []int32 {
	if r := toI32(x); r != nil {
		return r
	}
	l := toI64(x)
	if l == nil {
		return nil
	}
	r := make([]int32, len(l))
	for i, e := range l {
		if e == k.NullLong {
			r[i] = k.NullInt
		} else {
			r[i] = int32(e)
		}
	}
	return r
}

// wrap makes the result of a numeric kernel a q value: an atom when both
// arguments were atoms, else a vector.
func wrap(atom bool, v k.V) k.V {
	if atom {
		return k.At(v, 0)
	}
	return v
}
