package prim

import (
	"encoding/binary"
	"math"
	"math/bits"
	"unsafe"

	"kt/k"
)

// How the elementwise primitives are made fast. arith, compareKern and
// intDiv say what + - * % div mod and the comparisons are; the functions
// here compute the same results for simple vectors of the common types
// with one loop per operator and shape (vector-vector, vector-atom,
// atom-vector), and no boxing, mask or call per item. An operand of
// another type than the result's is converted a chunk at a time into a
// buffer on the stack, so that mixed types cost no extra vector. Each
// fast path reports false when it does not apply and the reference path
// runs instead; fastelem_test.go checks the two agree.

// chunk is the number of items converted at a time.
const chunk = 512

// operand is one side of an elementwise operation: an atom (one item,
// the same for every chunk) or a vector read a chunk at a time.
type operand[T int32 | int64 | float32 | float64] struct {
	atom []T // the atom's value, when an atom
	get  func(lo, hi int, buf []T) []T
}

// at returns items lo to hi of o, or its atom.
func (o *operand[T]) at(lo, hi int, buf []T) []T {
	if o.atom != nil {
		return o.atom
	}
	return o.get(lo, hi, buf)
}

// direct is the operand of a vector of the result's own type.
func direct[T int32 | int64 | float32 | float64](v []T) operand[T] {
	return operand[T]{get: func(lo, hi int, _ []T) []T { return v[lo:hi] }}
}

// widened is the operand of a vector of a narrower integer type, its
// null (when not -1) read as null.
func widened[S uint8 | int16 | int32, T int32 | int64](v []S, null int, tnull T) operand[T] {
	return operand[T]{get: func(lo, hi int, buf []T) []T {
		buf = buf[:hi-lo]
		for i, e := range v[lo:hi] {
			if null != -1 && int(e) == null {
				buf[i] = tnull
			} else {
				buf[i] = T(e)
			}
		}
		return buf
	}}
}

// boolsOperand is the operand of a boolean vector, as 0 and 1.
func boolsOperand[T int32 | int64](v k.Bools) operand[T] {
	return operand[T]{get: func(lo, hi int, buf []T) []T {
		buf = buf[:hi-lo]
		for i, b := range v[lo:hi] {
			buf[i] = T(b2u(b))
		}
		return buf
	}}
}

// longOperand reads an integer atom or vector (boolean, byte, char,
// short, int or long) as longs, nulls as the long null; false for other
// types.
func longOperand(x k.V) (operand[int64], bool) {
	switch v := x.(type) {
	case k.Long, k.Int, k.Short, k.Byte, k.Bool, k.Char:
		return operand[int64]{atom: toI64(v)}, true
	case k.Longs:
		return direct(v), true
	case k.Ints:
		return widened(v, k.NullInt, int64(k.NullLong)), true
	case k.Shorts:
		return widened(v, k.NullShort, int64(k.NullLong)), true
	case k.Bytes:
		return widened(v, -1, int64(0)), true
	case k.Chars:
		return widened(v, -1, int64(0)), true
	case k.Bools:
		return boolsOperand[int64](v), true
	}
	return operand[int64]{}, false
}

// intOperand reads a boolean, byte, char, short or int atom or vector as
// ints, nulls as the int null; false for other types.
func intOperand(x k.V) (operand[int32], bool) {
	switch v := x.(type) {
	case k.Int, k.Short, k.Byte, k.Bool, k.Char:
		return operand[int32]{atom: toI32(v)}, true
	case k.Ints:
		return direct(v), true
	case k.Shorts:
		return widened(v, k.NullShort, int32(k.NullInt)), true
	case k.Bytes:
		return widened(v, -1, int32(0)), true
	case k.Chars:
		return widened(v, -1, int32(0)), true
	case k.Bools:
		return boolsOperand[int32](v), true
	}
	return operand[int32]{}, false
}

// floatOperand reads a numeric atom or vector as floats, integer nulls
// as NaN; false for other types.
func floatOperand(x k.V) (operand[float64], bool) {
	switch v := x.(type) {
	case k.Float, k.Real, k.Long, k.Int, k.Short, k.Byte, k.Bool, k.Char:
		return operand[float64]{atom: toF64(v)}, true
	case k.Floats:
		return direct(v), true
	case k.Reals:
		return operand[float64]{get: func(lo, hi int, buf []float64) []float64 {
			buf = buf[:hi-lo]
			for i, e := range v[lo:hi] {
				buf[i] = float64(e)
			}
			return buf
		}}, true
	case k.Longs:
		return operand[float64]{get: func(lo, hi int, buf []float64) []float64 { return intsAsFloats(buf, v[lo:hi], k.NullLong) }}, true
	case k.Ints:
		return operand[float64]{get: func(lo, hi int, buf []float64) []float64 { return intsAsFloats(buf, v[lo:hi], k.NullInt) }}, true
	}
	o, ok := longOperand(x)
	if !ok {
		return operand[float64]{}, false
	}
	return operand[float64]{get: func(lo, hi int, buf []float64) []float64 {
		var ib [chunk]int64
		return intsAsFloats(buf, o.get(lo, hi, ib[:]), k.NullLong)
	}}, true
}

// realOperand reads a numeric atom or vector as reals, other types
// through floats as toF32 does; false for other types.
func realOperand(x k.V) (operand[float32], bool) {
	switch v := x.(type) {
	case k.Reals:
		return direct(v), true
	case k.Real, k.Float, k.Long, k.Int, k.Short, k.Byte, k.Bool, k.Char:
		return operand[float32]{atom: toF32(v)}, true
	}
	o, ok := floatOperand(x)
	if !ok {
		return operand[float32]{}, false
	}
	return operand[float32]{get: func(lo, hi int, buf []float32) []float32 {
		var fb [chunk]float64
		a := o.get(lo, hi, fb[:])
		buf = buf[:len(a)]
		for i, e := range a {
			buf[i] = float32(e)
		}
		return buf
	}}, true
}

// intsAsFloats writes integers a as floats into buf, null as NaN.
func intsAsFloats[T int32 | int64](buf []float64, a []T, null T) []float64 {
	buf = buf[:len(a)]
	for i, e := range a {
		if e == null {
			buf[i] = math.NaN()
		} else {
			buf[i] = float64(e)
		}
	}
	return buf
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// apply2 is f on both operands' items, a chunk at a time, into a new
// result of n items.
func apply2[T int32 | int64 | float32 | float64, R any](n int, a, b operand[T], f func(r []R, a, b []T)) []R {
	r := make([]R, n)
	var ba, bb [chunk]T
	for lo := 0; lo < n; lo += chunk {
		hi := min(n, lo+chunk)
		f(r[lo:hi], a.at(lo, hi, ba[:]), b.at(lo, hi, bb[:]))
	}
	return r
}

// operands reads both operands with read, or reports false.
func operands[T int32 | int64 | float32 | float64](x, y k.V, read func(k.V) (operand[T], bool)) (a, b operand[T], ok bool) {
	a, ok1 := read(x)
	b, ok2 := read(y)
	return a, b, ok1 && ok2
}

// arithFast is x op y (op one of + - * %) of result type rt for simple x
// and y of which at least one is a vector, or false when it does not
// apply.
func arithFast(op byte, rt int, x, y k.V, n int) (k.V, bool) {
	switch {
	case rt == k.TLong && op != '%':
		if a, b, ok := operands(x, y, longOperand); ok {
			return k.Longs(apply2(n, a, b, func(r, a, b []int64) { intInto(op, r, a, b, k.NullLong) })), true
		}
	case rt == k.TInt && op != '%':
		if a, b, ok := operands(x, y, intOperand); ok {
			return k.Ints(apply2(n, a, b, func(r, a, b []int32) { intInto(op, r, a, b, k.NullInt) })), true
		}
	case rt == k.TFloat:
		if r, ok := longsAtom(op, x, y); ok {
			return r, true
		}
		if a, b, ok := operands(x, y, floatOperand); ok {
			return k.Floats(apply2(n, a, b, func(r, a, b []float64) { floatInto(op, r, a, b) })), true
		}
	case rt == k.TReal:
		if a, b, ok := operands(x, y, realOperand); ok {
			return k.Reals(apply2(n, a, b, func(r, a, b []float32) { floatInto(op, r, a, b) })), true
		}
	}
	return nil, false
}

// intInto writes a op b into r (a and b each of r's length or one
// item): a null operand gives a null, other values wrap around.
func intInto[T int32 | int64](op byte, r, a, b []T, null T) {
	switch {
	case len(a) == len(r) && len(b) == len(r):
		a, b = a[:len(r)], b[:len(r)]
		switch op {
		case '+':
			for i := range r {
				if p, q := a[i], b[i]; p == null || q == null {
					r[i] = null
				} else {
					r[i] = p + q
				}
			}
		case '-':
			for i := range r {
				if p, q := a[i], b[i]; p == null || q == null {
					r[i] = null
				} else {
					r[i] = p - q
				}
			}
		default:
			for i := range r {
				if p, q := a[i], b[i]; p == null || q == null {
					r[i] = null
				} else {
					r[i] = p * q
				}
			}
		}
	case len(b) == 1:
		intAtom(op, r, a[:len(r)], b[0], null, false)
	default:
		intAtom(op, r, b[:len(r)], a[0], null, true)
	}
}

// intAtom writes v op c (c op v when swapped) into r.
func intAtom[T int32 | int64](op byte, r, v []T, c, null T, swapped bool) {
	if c == null {
		for i := range r {
			r[i] = null
		}
		return
	}
	switch {
	case op == '+':
		for i, p := range v {
			if p == null {
				r[i] = null
			} else {
				r[i] = p + c
			}
		}
	case op == '-' && !swapped:
		for i, p := range v {
			if p == null {
				r[i] = null
			} else {
				r[i] = p - c
			}
		}
	case op == '-':
		for i, p := range v {
			if p == null {
				r[i] = null
			} else {
				r[i] = c - p
			}
		}
	default:
		for i, p := range v {
			if p == null {
				r[i] = null
			} else {
				r[i] = p * c
			}
		}
	}
}

// floatInto writes a op b into r (a and b each of r's length or one
// item) with IEEE semantics.
func floatInto[T float32 | float64](op byte, r, a, b []T) {
	switch {
	case len(a) == len(r) && len(b) == len(r):
		a, b = a[:len(r)], b[:len(r)]
		switch op {
		case '+':
			for i := range r {
				r[i] = a[i] + b[i]
			}
		case '-':
			for i := range r {
				r[i] = a[i] - b[i]
			}
		case '*':
			for i := range r {
				r[i] = a[i] * b[i]
			}
		default:
			for i := range r {
				r[i] = a[i] / b[i]
			}
		}
	case len(b) == 1:
		floatAtom(op, r, a[:len(r)], b[0], false)
	default:
		floatAtom(op, r, b[:len(r)], a[0], true)
	}
}

// floatAtom writes v op c (c op v when swapped) into r.
func floatAtom[T float32 | float64](op byte, r, v []T, c T, swapped bool) {
	floatAtomOf(op, r, v, T(math.NaN()), c, swapped)
}

// floatAtomOf writes v op c (c op v when swapped) into r, reading each
// item of v as a float, null (when v holds integers) as NaN.
func floatAtomOf[S int64 | float32 | float64, T float32 | float64](op byte, r []T, v []S, null S, c T, swapped bool) {
	nan := T(math.NaN())
	f := func(e S) T {
		if e == null {
			return nan
		}
		return T(e)
	}
	switch {
	case op == '+':
		for i, e := range v {
			r[i] = f(e) + c
		}
	case op == '*':
		for i, e := range v {
			r[i] = f(e) * c
		}
	case op == '-' && !swapped:
		for i, e := range v {
			r[i] = f(e) - c
		}
	case op == '-':
		for i, e := range v {
			r[i] = c - f(e)
		}
	case !swapped:
		for i, e := range v {
			r[i] = f(e) / c
		}
	default:
		for i, e := range v {
			r[i] = c / f(e)
		}
	}
}

// longsAtom is float x op y of a long vector and a float atom (either
// side), converting and computing in one pass; false for other operands.
func longsAtom(op byte, x, y k.V) (k.Floats, bool) {
	v, ok := x.(k.Longs)
	c, ok2 := y.(k.Float)
	swapped := false
	if !ok || !ok2 {
		v, ok = y.(k.Longs)
		c, ok2 = x.(k.Float)
		swapped = true
	}
	if !ok || !ok2 {
		return nil, false
	}
	r := make(k.Floats, len(v))
	floatAtomOf(op, r, v, k.NullLong, float64(c), swapped)
	return r, true
}

// compareFast is the comparison of mask m (ltBit eqBit gtBit) of simple
// non-temporal x and y, at least one a vector, or false when it does not
// apply.
func compareFast(m int, x, y k.V, n int) (k.Bools, bool) {
	if a, ok := x.(k.Syms); ok {
		if b := symsOf(y); b != nil {
			r := make(k.Bools, n)
			ordInto(m, r, a, b)
			return r, true
		}
	}
	if b, ok := y.(k.Syms); ok {
		if a := symsOf(x); a != nil {
			r := make(k.Bools, n)
			ordInto(m, r, a, b)
			return r, true
		}
	}
	if isFloatType(absType(x)) || isFloatType(absType(y)) {
		if a, b, ok := operands(x, y, floatOperand); ok {
			return apply2(n, a, b, func(r []bool, a, b []float64) { fcmpInto(m, r, a, b) }), true
		}
		return nil, false
	}
	if a, b, ok := operands(x, y, longOperand); ok {
		return apply2(n, a, b, func(r []bool, a, b []int64) { ordInto(m, r, a, b) }), true
	}
	return nil, false
}

func isFloatType(t int) bool { return t == k.TReal || t == k.TFloat }

// ordInto writes the comparison m of a and b (each of r's length or one
// item) into r, in the type's own order (longs with nulls least, floats
// exactly, symbols by their bytes).
func ordInto[T int64 | float64 | string](m int, r []bool, a, b []T) {
	if len(a) != len(r) {
		// c op v is v op' c, op' the mirror of op
		a, b = b, a
		m = m&eqBit | m&ltBit<<2 | m&gtBit>>2
	}
	a = a[:len(r)]
	if len(b) == 1 && len(r) != 1 {
		c := b[0]
		switch m {
		case eqBit:
			for i, e := range a {
				r[i] = e == c
			}
		case ltBit | gtBit:
			for i, e := range a {
				r[i] = e != c
			}
		case ltBit:
			for i, e := range a {
				r[i] = e < c
			}
		case ltBit | eqBit:
			for i, e := range a {
				r[i] = e <= c
			}
		case gtBit:
			for i, e := range a {
				r[i] = e > c
			}
		default:
			for i, e := range a {
				r[i] = e >= c
			}
		}
		return
	}
	b = b[:len(r)]
	switch m {
	case eqBit:
		for i, e := range a {
			r[i] = e == b[i]
		}
	case ltBit | gtBit:
		for i, e := range a {
			r[i] = e != b[i]
		}
	case ltBit:
		for i, e := range a {
			r[i] = e < b[i]
		}
	case ltBit | eqBit:
		for i, e := range a {
			r[i] = e <= b[i]
		}
	case gtBit:
		for i, e := range a {
			r[i] = e > b[i]
		}
	default:
		for i, e := range a {
			r[i] = e >= b[i]
		}
	}
}

// fcmpInto writes the tolerant comparison m of floats a and b (each of
// r's length or one item) into r. Against an atom it compares with the
// ends of the atom's band of tolerantly equal floats; otherwise it
// compares exactly, then redoes by fcmp the items that may be tolerantly
// equal: those within 4 tolerances of b's magnitude of each other (which
// covers tolerance times the larger magnitude, with rounding to spare),
// infinities and nulls.
func fcmpInto(m int, r []bool, a, b []float64) {
	if len(a) != len(r) {
		a, b = b, a
		m = m&eqBit | m&ltBit<<2 | m&gtBit>>2
	}
	if len(b) == 1 && len(r) != 1 {
		if lo, hi, ok := tolerantBand(b[0]); ok {
			bandInto(m, r, a[:len(r)], lo, hi)
			return
		}
	}
	ordInto(m, r, a, b)
	const near = 4 * tolerance
	mb := mask(len(b), len(r))
	for i := range r {
		p, q := a[i], b[i&mb]
		if !(math.Abs(p-q) > near*math.Abs(q)) {
			r[i] = m>>(fcmp(p, q)+1)&1 != 0
		}
	}
}

// tolerantBand returns the least and the greatest float tolerantly equal
// to q, or false for a null. Near q, p-q is exact (Sterbenz) and grows
// faster than tolerance times |p|, so the floats equal to q are the
// interval between them: p is less than q when p<lo (or null), greater
// when p>hi.
func tolerantBand(q float64) (lo, hi float64, ok bool) {
	if q != q {
		return 0, 0, false
	}
	if q == 0 || math.IsInf(q, 0) {
		return q, q, true
	}
	end := func(dir float64) (float64, bool) {
		p := q + dir*tolerance*math.Abs(q)
		for range 64 {
			n := math.Nextafter(p, dir*math.Inf(1))
			switch {
			case !feq(p, q):
				p = math.Nextafter(p, -dir*math.Inf(1))
			case feq(n, q):
				p = n
			default:
				return p, true
			}
		}
		return 0, false
	}
	lo, ok1 := end(-1)
	hi, ok2 := end(1)
	return lo, hi, ok1 && ok2
}

// bandInto writes the comparison m of each of a with the atom whose band
// of tolerantly equal floats is lo to hi; nulls are less than any atom.
func bandInto(m int, r []bool, a []float64, lo, hi float64) {
	switch m {
	case eqBit:
		for i, p := range a {
			r[i] = p >= lo && p <= hi
		}
	case ltBit | gtBit:
		for i, p := range a {
			r[i] = !(p >= lo && p <= hi)
		}
	case ltBit:
		for i, p := range a {
			r[i] = !(p >= lo)
		}
	case ltBit | eqBit:
		for i, p := range a {
			r[i] = !(p > hi)
		}
	case gtBit:
		for i, p := range a {
			r[i] = p > hi
		}
	default:
		for i, p := range a {
			r[i] = p >= lo
		}
	}
}

// modFast is x mod d or x div d for a long vector x and a positive long
// atom d in [2, 2^32): items in [0, 2^32) divide by a multiplication
// (Lemire, Kaser and Kurz, "Faster remainder by direct computation",
// 2019), the others by the reference's rule; false when it does not
// apply.
func modFast(mod bool, x, y k.V) (k.Longs, bool) {
	v, ok1 := x.(k.Longs)
	d, ok2 := y.(k.Long)
	if !ok1 || !ok2 || d < 2 || d >= 1<<32 {
		return nil, false
	}
	c := ^uint64(0)/uint64(d) + 1
	r := make(k.Longs, len(v))
	for i, p := range v {
		switch {
		case uint64(p) < 1<<32:
			q, _ := bits.Mul64(c, uint64(p))
			if mod {
				r[i] = p - int64(q)*int64(d)
			} else {
				r[i] = int64(q)
			}
		case p == k.NullLong:
			r[i] = k.NullLong
		default:
			q := p / int64(d)
			if p%int64(d) != 0 && p < 0 {
				q--
			}
			if mod {
				r[i] = p - q*int64(d)
			} else {
				r[i] = q
			}
		}
	}
	return r, true
}

// whereBools is where of a boolean vector: the true items are counted
// first, so the result is allocated once, then each index is written
// and kept by advancing the write position by the boolean, without a
// branch to mispredict.
func whereBools(b k.Bools) k.Longs {
	n := countTrue(b)
	r := make(k.Longs, n+1) // the slot past the last one takes the writes of trailing falses
	j := 0
	for i, e := range b {
		r[j] = int64(i)
		j += int(b2u(e))
	}
	return r[:n:n]
}

// sumLongs is the sum of the items of v that are not null, wrapping
// around as machine integers do. Four sums run side by side and every
// item is added; each null found is then taken off again, which the
// wrap-around makes exact.
func sumLongs(v []int64) int64 {
	var s0, s1, s2, s3, nulls int64
	i := 0
	for ; i+4 <= len(v); i += 4 {
		w := v[i : i+4 : i+4]
		s0 += w[0]
		s1 += w[1]
		s2 += w[2]
		s3 += w[3]
		if min(w[0], w[1], w[2], w[3]) == k.NullLong {
			for _, e := range w {
				nulls += int64(b2u(e == k.NullLong))
			}
		}
	}
	for _, e := range v[i:] {
		s0 += e
		nulls += int64(b2u(e == k.NullLong))
	}
	return s0 + s1 + s2 + s3 - nulls*k.NullLong
}

// countTrue is the number of true items of b, eight at a time: a Go
// boolean is one byte, 0 or 1, so the bytes of a word sum into its top
// byte when multiplied by 0x0101010101010101.
func countTrue(b k.Bools) int {
	u := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(b))), len(b))
	n, i := 0, 0
	for ; i+8 <= len(u); i += 8 {
		n += int(binary.LittleEndian.Uint64(u[i:]) * 0x0101010101010101 >> 56)
	}
	for _, e := range u[i:] {
		n += int(e)
	}
	return n
}
