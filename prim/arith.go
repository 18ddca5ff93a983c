package prim

import (
	"math"

	"kt/k"
)

// Arithmetic: + - * % and their relatives, atomic over lists,
// dictionaries and tables, with q's type promotion.

// arithType is the result type of x op y for numeric vector types tx, ty
// (op one of + - *), or 0 when q signals 'type.
func arithType(op byte, tx, ty int) int {
	if !isNum(tx) || !isNum(ty) {
		return 0
	}
	if tx == k.TChar || ty == k.TChar {
		switch {
		case tx == k.TFloat || ty == k.TFloat:
			return k.TFloat
		case op == '-' && tx != k.TChar:
			ty = k.TByte
		default:
			return 0
		}
	}
	switch t := max(tx, ty); {
	case t <= k.TInt:
		return k.TInt
	default:
		return t
	}
}

func absType(x k.V) int {
	t := x.Type()
	if t < 0 {
		return -t
	}
	return t
}

// arith returns the kernel of + - * for simple numeric arguments.
func arith(op byte) kern {
	return func(x, y k.V) (k.V, error) {
		if k.IsTemporal(x.Type()) || k.IsTemporal(y.Type()) {
			return temporalArith(op, x, y)
		}
		rt := arithType(op, absType(x), absType(y))
		if rt == 0 {
			return nil, k.ErrType
		}
		n, atom := counts(x, y)
		if !atom {
			if r, ok := arithFast(op, rt, x, y, n); ok {
				return r, nil
			}
		}
		return arithRef(op, rt, x, y, n, atom), nil
	}
}

// arithRef is x op y of result type rt for simple x and y: the
// reference that arithFast's typed loops are tested against.
func arithRef(op byte, rt int, x, y k.V, n int, atom bool) k.V {
	var r k.V
	switch rt {
	case k.TInt:
		r = k.Ints(intOp(op, toI32(x), toI32(y), n, int32(k.NullInt)))
	case k.TLong:
		r = k.Longs(intOp(op, toI64(x), toI64(y), n, int64(k.NullLong)))
	case k.TReal:
		r = k.Reals(floatOp(op, toF32(x), toF32(y), n))
	default:
		r = k.Floats(floatOp(op, toF64(x), toF64(y), n))
	}
	return wrap(atom, r)
}

// intOp applies + - or * to integers; a null operand gives a null result,
// other values wrap around as machine integers do.
func intOp[T int32 | int64](op byte, a, b []T, n int, null T) []T {
	r := make([]T, n)
	ma, mb := mask(len(a), n), mask(len(b), n)
	switch op {
	case '+':
		for i := range r {
			p, q := a[i&ma], b[i&mb]
			if p == null || q == null {
				r[i] = null
			} else {
				r[i] = p + q
			}
		}
	case '-':
		for i := range r {
			p, q := a[i&ma], b[i&mb]
			if p == null || q == null {
				r[i] = null
			} else {
				r[i] = p - q
			}
		}
	default:
		for i := range r {
			p, q := a[i&ma], b[i&mb]
			if p == null || q == null {
				r[i] = null
			} else {
				r[i] = p * q
			}
		}
	}
	return r
}

// floatOp applies + - * or % to floats with IEEE semantics.
func floatOp[T float32 | float64](op byte, a, b []T, n int) []T {
	r := make([]T, n)
	ma, mb := mask(len(a), n), mask(len(b), n)
	switch op {
	case '+':
		for i := range r {
			r[i] = a[i&ma] + b[i&mb]
		}
	case '-':
		for i := range r {
			r[i] = a[i&ma] - b[i&mb]
		}
	case '*':
		for i := range r {
			r[i] = a[i&ma] * b[i&mb]
		}
	default:
		for i := range r {
			r[i] = a[i&ma] / b[i&mb]
		}
	}
	return r
}

func divide(x, y k.V) (k.V, error) {
	x, y = k.Under(x), k.Under(y)
	if !isNum(x.Type()) || !isNum(y.Type()) {
		return nil, k.ErrType
	}
	n, atom := counts(x, y)
	if !atom {
		if r, ok := arithFast('%', k.TFloat, x, y, n); ok {
			return r, nil
		}
	}
	return arithRef('%', k.TFloat, x, y, n, atom), nil
}

// Add is q's + on data.
func Add(x, y k.V) (k.V, error) { return atomic2(x, y, arith('+')) }

// Subtract is q's dyadic - on data.
func Subtract(x, y k.V) (k.V, error) {
	xd, ok1 := x.(*k.Dict)
	yd, ok2 := y.(*k.Dict)
	if _, _, keyed := keyedParts(x); ok1 && ok2 && !keyed {
		// a key only y has is subtracted from nothing: its value negated
		return dictMerge(xd, yd, arith('-'), Neg)
	}
	return atomic2(x, y, arith('-'))
}

// Multiply is q's * on data.
func Multiply(x, y k.V) (k.V, error) { return atomic2(x, y, arith('*')) }

// Divide is q's % on data: always float.
func Divide(x, y k.V) (k.V, error) { return atomic2(x, y, divide) }

// Neg is q's neg (monadic -).
func Neg(x k.V) (k.V, error) {
	return atomic1(x, func(x k.V) (k.V, error) {
		t := absType(x)
		atom := isAtom(x)
		switch t {
		case k.TBool, k.TByte, k.TChar, k.TInt:
			return wrap(atom, k.Ints(mapI(toI32(x), int32(k.NullInt), func(a int32) int32 { return -a }))), nil
		case k.TShort:
			return wrap(atom, k.Shorts(mapI(toI16(x), int16(k.NullShort), func(a int16) int16 { return -a }))), nil
		case k.TLong:
			return wrap(atom, k.Longs(mapI(toI64(x), int64(k.NullLong), func(a int64) int64 { return -a }))), nil
		case k.TReal:
			return wrap(atom, k.Reals(mapF(toF32(x), func(a float32) float32 { return -a }))), nil
		case k.TFloat:
			return wrap(atom, k.Floats(mapF(toF64(x), func(a float64) float64 { return -a }))), nil
		}
		return nil, k.ErrType
	})
}

// mapI maps f over integers, keeping nulls.
func mapI[T int16 | int32 | int64](a []T, null T, f func(T) T) []T {
	r := make([]T, len(a))
	for i, e := range a {
		if e == null {
			r[i] = null
		} else {
			r[i] = f(e)
		}
	}
	return r
}

// mapF maps f over floats.
func mapF[T float32 | float64](a []T, f func(T) T) []T {
	r := make([]T, len(a))
	for i, e := range a {
		r[i] = f(e)
	}
	return r
}

// floatFn returns a monadic atomic function that works in float64 and
// returns float (real stays real for the functions that keep width).
func floatFn(f func(float64) float64) func(k.V) (k.V, error) {
	return func(x k.V) (k.V, error) {
		return atomic1(x, func(x k.V) (k.V, error) {
			if !isNum(x.Type()) {
				return nil, k.ErrType
			}
			if absType(x) == k.TReal && keepReal {
				return wrap(isAtom(x), k.Reals(mapF(toF32(x), func(a float32) float32 { return float32(f(float64(a))) }))), nil
			}
			return wrap(isAtom(x), k.Floats(mapF(toF64(x), f))), nil
		})
	}
}

// keepReal: q's math functions on reals return floats.
const keepReal = false

// Abs is q's abs: type-preserving (booleans and bytes become ints).
func Abs(x k.V) (k.V, error) {
	return atomic1(x, func(x k.V) (k.V, error) {
		atom := isAtom(x)
		switch absType(x) {
		case k.TBool, k.TByte, k.TChar, k.TInt:
			return wrap(atom, k.Ints(mapI(toI32(x), int32(k.NullInt), func(a int32) int32 { return max(a, -a) }))), nil
		case k.TShort:
			return wrap(atom, k.Shorts(mapI(toI16(x), int16(k.NullShort), func(a int16) int16 { return max(a, -a) }))), nil
		case k.TLong:
			return wrap(atom, k.Longs(mapI(toI64(x), int64(k.NullLong), func(a int64) int64 { return max(a, -a) }))), nil
		case k.TReal:
			return wrap(atom, k.Reals(mapF(toF32(x), func(a float32) float32 { return float32(math.Abs(float64(a))) }))), nil
		case k.TFloat:
			return wrap(atom, k.Floats(mapF(toF64(x), math.Abs))), nil
		}
		return nil, k.ErrType
	})
}

// Signum is q's signum: an int atom or vector of -1, 0, 1 (nulls -1).
func Signum(x k.V) (k.V, error) {
	return atomic1(x, func(x k.V) (k.V, error) {
		if !isNum(x.Type()) {
			return nil, k.ErrType
		}
		f := toF64(x)
		r := make(k.Ints, len(f))
		for i, e := range f {
			switch {
			case e > 0:
				r[i] = 1
			case e < 0 || e != e:
				r[i] = -1
			}
		}
		return wrap(isAtom(x), r), nil
	})
}

// roundFn implements floor and ceiling: integers stay as they are (booleans
// and bytes become ints... as q: floor of ints is identity), floats become
// longs.
func roundFn(f func(float64) float64) func(k.V) (k.V, error) {
	return func(x k.V) (k.V, error) {
		return atomic1(x, func(x k.V) (k.V, error) {
			atom := isAtom(x)
			switch absType(x) {
			case k.TBool, k.TByte, k.TShort, k.TInt, k.TLong:
				if absType(x) == k.TBool || absType(x) == k.TByte {
					return wrap(atom, k.Ints(toI32(x))), nil
				}
				return x, nil
			case k.TReal, k.TFloat:
				v := toF64(x)
				r := make(k.Longs, len(v))
				for i, e := range v {
					if e != e {
						r[i] = k.NullLong
					} else {
						r[i] = f2i(f(e))
					}
				}
				return wrap(atom, r), nil
			case k.TChar:
				return nil, k.ErrType
			}
			return nil, k.ErrType
		})
	}
}

// Reciprocal is q's reciprocal: 1%x.
func Reciprocal(x k.V) (k.V, error) { return Divide(k.Float(1), x) }

// intDiv returns the kernel of div and mod. div keeps the type of x
// (char, byte, short and real become int); mod promotes as + does.
func intDiv(mod bool) kern {
	return func(x, y k.V) (k.V, error) {
		tx, ty := absType(x), absType(y)
		if !isNum(tx) || !isNum(ty) || mod && (tx == k.TChar || ty == k.TChar) {
			// div takes chars as their codes; mod refuses them
			return nil, k.ErrType
		}
		rt := arithType('+', tx, ty)
		if !mod {
			switch tx {
			case k.TLong, k.TFloat:
				rt = tx
			default:
				rt = k.TInt
			}
		}
		n, atom := counts(x, y)
		if rt == k.TLong {
			if r, ok := modFast(mod, x, y); ok {
				return r, nil
			}
		}
		if tx >= k.TReal || ty >= k.TReal {
			a, b := toF64(x), toF64(y)
			ma, mb := mask(len(a), n), mask(len(b), n)
			r := make(k.Floats, n)
			for i := range r {
				p, q := a[i&ma], b[i&mb]
				d := math.Floor(p / q)
				if mod {
					r[i] = p - q*d
				} else {
					r[i] = d
				}
			}
			return convert(r, rt, atom), nil
		}
		a, b := toI64(x), toI64(y)
		ma, mb := mask(len(a), n), mask(len(b), n)
		r := make(k.Longs, n)
		for i := range r {
			p, q := a[i&ma], b[i&mb]
			switch {
			case p == k.NullLong || q == k.NullLong || q == 0:
				r[i] = k.NullLong
			default:
				d := p / q
				if (p%q != 0) && ((p < 0) != (q < 0)) {
					d--
				}
				if mod {
					r[i] = p - q*d
				} else {
					r[i] = d
				}
			}
		}
		return convert(r, rt, atom), nil
	}
}

// Div is q's div: integer division rounding down.
func Div(x, y k.V) (k.V, error) { return atomic2(x, y, intDiv(false)) }

// Mod is q's mod: remainder of division rounding down.
func Mod(x, y k.V) (k.V, error) { return atomic2(x, y, intDiv(true)) }

// Xexp is q's xexp: x to the power y, as a float.
func Xexp(x, y k.V) (k.V, error) {
	return atomic2(x, y, func(x, y k.V) (k.V, error) {
		if !isNum(x.Type()) || !isNum(y.Type()) {
			return nil, k.ErrType
		}
		n, atom := counts(x, y)
		a, b := toF64(x), toF64(y)
		ma, mb := mask(len(a), n), mask(len(b), n)
		r := make(k.Floats, n)
		for i := range r {
			r[i] = xexp(a[i&ma], b[i&mb])
		}
		return wrap(atom, r), nil
	})
}

// xexp is x to the power y computed as q does, as exp y*log x, so that
// 2 xexp 3 is 7.9999999999999982, not 8; a zero, negative, infinite or
// null base, or an infinite or null power, takes math.Pow's value.
func xexp(x, y float64) float64 {
	if x > 0 && !math.IsInf(x, 0) && !math.IsInf(y, 0) && !math.IsNaN(y) {
		return math.Exp(y * math.Log(x))
	}
	return math.Pow(x, y)
}

// Xlog is q's xlog: the base-x logarithm of y.
func Xlog(x, y k.V) (k.V, error) {
	return atomic2(x, y, func(x, y k.V) (k.V, error) {
		if !isNum(x.Type()) || !isNum(y.Type()) {
			return nil, k.ErrType
		}
		n, atom := counts(x, y)
		a, b := toF64(x), toF64(y)
		ma, mb := mask(len(a), n), mask(len(b), n)
		r := make(k.Floats, n)
		for i := range r {
			r[i] = math.Log(b[i&mb]) / math.Log(a[i&ma])
		}
		return wrap(atom, r), nil
	})
}

// Xbar is q's xbar: y rounded down to a multiple of x.
func Xbar(x, y k.V) (k.V, error) {
	return atomic2(x, y, func(x, y k.V) (k.V, error) {
		tx, ty := absType(x), absType(y)
		if !isNum(tx) || !isNum(ty) {
			return nil, k.ErrType
		}
		n, atom := counts(x, y)
		if tx >= k.TReal || ty >= k.TReal {
			a, b := toF64(x), toF64(y)
			ma, mb := mask(len(a), n), mask(len(b), n)
			r := make(k.Floats, n)
			for i := range r {
				r[i] = a[i&ma] * math.Floor(b[i&mb]/a[i&ma])
			}
			return wrap(atom, r), nil
		}
		d, err := intDiv(false)(y, x)
		if err != nil {
			return nil, err
		}
		r, err := arith('*')(x, d)
		if err != nil {
			return nil, err
		}
		return convert(r, max(ty, k.TInt), atom), nil
	})
}
