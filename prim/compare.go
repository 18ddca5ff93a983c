package prim

import (
	"math"
	"strings"

	"kt/k"
)

// Comparison: = <> < <= > >=, lesser and greater (& |), not.

// tolerance is q's comparison tolerance for floats, 2^-43.
const tolerance = 1.0 / (1 << 43)

// feq is q's tolerant float equality; nulls equal nulls.
func feq(a, b float64) bool {
	if a == b {
		return true
	}
	if a != a || b != b {
		return a != a && b != b
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return false
	}
	return math.Abs(a-b) <= tolerance*max(math.Abs(a), math.Abs(b))
}

// fcmp orders floats tolerantly with nulls first.
func fcmp(a, b float64) int {
	switch {
	case feq(a, b):
		return 0
	case a != a:
		return -1
	case b != b:
		return 1
	case a < b:
		return -1
	}
	return 1
}

func icmp(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Outcome masks of comparison operators: bit 0 less, bit 1 equal, bit 2
// greater.
const (
	ltBit = 1
	eqBit = 2
	gtBit = 4
)

var cmpMasks = map[string]int{
	"=": eqBit, "<>": ltBit | gtBit, "<": ltBit, "<=": ltBit | eqBit, ">": gtBit, ">=": gtBit | eqBit,
}

// compareKern returns the kernel of a comparison operator given its mask.
func compareKern(m int) kern {
	return func(x, y k.V) (k.V, error) {
		if k.IsTemporal(x.Type()) || k.IsTemporal(y.Type()) {
			return temporalCompare(m, x, y)
		}
		n, atom := counts(x, y)
		if !atom {
			if r, ok := compareFast(m, x, y, n); ok {
				return r, nil
			}
		}
		return compareRef(m, x, y, n, atom)
	}
}

// compareRef is the comparison of mask m of simple non-temporal x and y:
// the reference that compareFast's typed loops are tested against.
func compareRef(m int, x, y k.V, n int, atom bool) (k.V, error) {
	tx, ty := absType(x), absType(y)
	r := make(k.Bools, n)
	switch {
	case tx == k.TSym && ty == k.TSym:
		a, b := symsOf(x), symsOf(y)
		ma, mb := mask(len(a), n), mask(len(b), n)
		for i := range r {
			r[i] = m>>(strings.Compare(a[i&ma], b[i&mb])+1)&1 != 0
		}
	case !isNum(tx) || !isNum(ty):
		return nil, k.ErrType
	case tx >= k.TReal && tx <= k.TFloat || ty >= k.TReal && ty <= k.TFloat:
		a, b := toF64(x), toF64(y)
		ma, mb := mask(len(a), n), mask(len(b), n)
		for i := range r {
			r[i] = m>>(fcmp(a[i&ma], b[i&mb])+1)&1 != 0
		}
	default:
		a, b := toI64(x), toI64(y)
		ma, mb := mask(len(a), n), mask(len(b), n)
		for i := range r {
			r[i] = m>>(icmp(a[i&ma], b[i&mb])+1)&1 != 0
		}
	}
	return wrap(atom, r), nil
}

// symsOf reads a symbol atom or vector as strings.
func symsOf(x k.V) []string {
	switch v := x.(type) {
	case k.Syms:
		return v
	case k.Sym:
		return []string{string(v)}
	}
	return nil
}

// Compare returns q's comparison operator op ("=", "<>", "<", "<=", ">",
// ">=") on data.
func Compare(op string) func(x, y k.V) (k.V, error) {
	m := cmpMasks[op]
	f := compareKern(m)
	return func(x, y k.V) (k.V, error) { return atomic2(x, y, f) }
}

// rankMinMax orders types for & | ^: the result is the higher type.
func rankMinMax(t int) int {
	switch t {
	case k.TBool:
		return 1
	case k.TByte:
		return 2
	case k.TChar:
		return 10
	}
	return t
}

// minmax returns the kernel of & (lesser) or | (greater).
func minmax(greater bool) kern {
	var f kern
	f = func(x, y k.V) (k.V, error) {
		tx, ty := absType(x), absType(y)
		if k.IsTemporal(tx) || k.IsTemporal(ty) {
			rt := tx
			if !k.IsTemporal(tx) {
				rt = ty
			}
			if k.IsTemporal(tx) && k.IsTemporal(ty) && tx != ty || !isNum(k.Storage(tx)) || !isNum(k.Storage(ty)) {
				return nil, k.ErrType
			}
			r, err := f(k.Under(x), k.Under(y))
			if err != nil {
				return nil, err
			}
			return k.Retag(convert(r, k.Storage(rt), isAtom(r)), rt), nil
		}
		if tx == k.TSym && ty == k.TSym {
			n, atom := counts(x, y)
			a, b := symsOf(x), symsOf(y)
			ma, mb := mask(len(a), n), mask(len(b), n)
			r := make(k.Syms, n)
			for i := range r {
				p, q := a[i&ma], b[i&mb]
				if (p < q) == greater {
					p = q
				}
				r[i] = p
			}
			return wrap(atom, r), nil
		}
		if !isNum(tx) || !isNum(ty) {
			return nil, k.ErrType
		}
		rt := tx
		if rankMinMax(ty) > rankMinMax(tx) {
			rt = ty
		}
		n, atom := counts(x, y)
		if rt == k.TReal || rt == k.TFloat {
			a, b := toF64(x), toF64(y)
			ma, mb := mask(len(a), n), mask(len(b), n)
			r := make(k.Floats, n)
			for i := range r {
				p, q := a[i&ma], b[i&mb]
				if (fcmp(p, q) < 0) == greater {
					p = q
				}
				r[i] = p
			}
			return convert(r, rt, atom), nil
		}
		a, b := toI64(x), toI64(y)
		ma, mb := mask(len(a), n), mask(len(b), n)
		r := make(k.Longs, n)
		for i := range r {
			p, q := a[i&ma], b[i&mb]
			if (p < q) == greater {
				p = q
			}
			r[i] = p
		}
		return convert(r, rt, atom), nil
	}
	return f
}

// Lesser is q's & (and): the lesser of x and y.
func Lesser(x, y k.V) (k.V, error) { return atomic2(x, y, minmax(false)) }

// Greater is q's | (or): the greater of x and y.
func Greater(x, y k.V) (k.V, error) { return atomic2(x, y, minmax(true)) }

// Not is q's not: whether x is zero.
func Not(x k.V) (k.V, error) {
	return atomic1(x, func(x k.V) (k.V, error) {
		if !isNum(x.Type()) {
			return nil, k.ErrType
		}
		f := toF64(x)
		r := make(k.Bools, len(f))
		for i, e := range f {
			r[i] = e == 0
		}
		return wrap(isAtom(x), r), nil
	})
}
