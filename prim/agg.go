package prim

import (
	"math"
	"slices"

	"kt/k"
)

// Aggregations and uniform (running) functions.

// overCols applies an aggregate to each column of a table (a dictionary
// of results) or to the values of a dictionary.
func overCols(x k.V, f func(k.V) (k.V, error)) (k.V, bool, error) {
	switch v := x.(type) {
	case *k.Dict:
		if _, ok := v.Keys.(*k.Table); ok {
			r, err := f(v.Vals)
			return r, true, err
		}
		r, err := f(v.Vals)
		return r, true, err
	case *k.Table:
		vals := make([]k.V, len(v.Data))
		for i, c := range v.Data {
			r, err := f(c)
			if err != nil {
				return nil, true, err
			}
			vals[i] = r
		}
		return &k.Dict{Keys: v.Cols, Vals: k.Uniform(vals)}, true, nil
	}
	return nil, false, nil
}

// fold reduces the items of a general list with a dyadic primitive.
func fold(l []k.V, f func(x, y k.V) (k.V, error), empty k.V) (k.V, error) {
	if len(l) == 0 {
		return empty, nil
	}
	acc := l[0]
	for _, e := range l[1:] {
		var err error
		if acc, err = f(acc, e); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// Sum is q's sum: nulls are skipped; booleans, bytes, shorts and ints sum
// to an int, longs to a long, reals to a real, floats to a float.
func Sum(x k.V) (k.V, error) {
	if r, ok, err := overCols(x, Sum); ok {
		return r, err
	}
	switch v := x.(type) {
	case k.Longs:
		return k.Long(sumLongs(v)), nil
	case k.Floats:
		var s float64
		for _, e := range v {
			if e == e {
				s += e
			}
		}
		return k.Float(s), nil
	case k.Reals:
		var s float32
		for _, e := range v {
			if e == e {
				s += e
			}
		}
		return k.Real(s), nil
	case k.Bools, k.Bytes, k.Shorts, k.Ints:
		var s int32
		for _, e := range toI32(v) {
			if e != k.NullInt {
				s += e
			}
		}
		return k.Int(s), nil
	case k.List:
		return fold(v, Add, k.Long(0))
	}
	if isAtom(x) && isNum(x.Type()) && x.Type() != -k.TChar {
		return x, nil
	}
	return nil, k.ErrType
}

// Prd is q's prd: the product, nulls skipped.
func Prd(x k.V) (k.V, error) {
	if r, ok, err := overCols(x, Prd); ok {
		return r, err
	}
	switch v := x.(type) {
	case k.Longs:
		s := int64(1)
		for _, e := range v {
			if e != k.NullLong {
				s *= e
			}
		}
		return k.Long(s), nil
	case k.Floats, k.Reals:
		s := 1.0
		for _, e := range toF64(v) {
			if e == e {
				s *= e
			}
		}
		return convert(k.Float(s), v.Type(), true), nil
	case k.Bools, k.Bytes, k.Shorts, k.Ints:
		s := int32(1)
		for _, e := range toI32(v) {
			if e != k.NullInt {
				s *= e
			}
		}
		return k.Int(s), nil
	case k.List:
		return fold(v, Multiply, k.Long(1))
	}
	if isAtom(x) && isNum(x.Type()) && x.Type() != -k.TChar {
		return x, nil
	}
	return nil, k.ErrType
}

// extreme returns max (greater) or min of x: nulls are skipped; the
// result of an empty or all-null list is the opposite infinity.
func extreme(greater bool) func(k.V) (k.V, error) {
	var self func(k.V) (k.V, error)
	self = func(x k.V) (k.V, error) {
		if r, ok, err := overCols(x, self); ok {
			return r, err
		}
		sgn := int64(1)
		if !greater {
			sgn = -1
		}
		switch v := x.(type) {
		case k.Floats, k.Reals:
			acc := math.Inf(-int(sgn))
			for _, e := range toF64(v) {
				if e == e && (e > acc) == greater && e != acc {
					acc = e
				}
			}
			return convert(k.Float(acc), v.Type(), true), nil
		case k.Longs, k.Ints, k.Shorts:
			var inf int64
			switch v.Type() {
			case k.TLong:
				inf = k.InfLong
			case k.TInt:
				inf = k.InfInt
			default:
				inf = k.InfShort
			}
			acc := -sgn * inf
			for _, e := range toI64(v) {
				if e != k.NullLong && (e > acc) == greater && e != acc {
					acc = e
				}
			}
			return convert(k.Long(acc), v.Type(), true), nil
		case k.Bools, k.Bytes, k.Chars:
			u := toU8(v)
			var acc byte
			if !greater {
				acc = 255
				if v.Type() == k.TBool {
					acc = 1
				}
			}
			for _, e := range u {
				if (e > acc) == greater && e != acc {
					acc = e
				}
			}
			return convert(k.Byte(acc), v.Type(), true), nil
		case k.List:
			if greater {
				return fold(v, Greater, k.Float(math.Inf(-1)))
			}
			return fold(v, Lesser, k.Float(math.Inf(1)))
		}
		if isAtom(x) && isNum(x.Type()) {
			return x, nil
		}
		return nil, k.ErrType
	}
	return self
}

// Max is q's max.
func Max(x k.V) (k.V, error) { return extreme(true)(x) }

// Min is q's min.
func Min(x k.V) (k.V, error) { return extreme(false)(x) }

// Avg is q's avg: the float mean of the non-null items.
func Avg(x k.V) (k.V, error) {
	if r, ok, err := overCols(x, Avg); ok {
		return r, err
	}
	if l, ok := x.(k.List); ok {
		if v := numAtoms(l); v != nil {
			// nulls add nothing but count
			s, _ := Sum(v)
			return Divide(s, k.Long(len(l)))
		}
		s, err := Sum(l)
		if err != nil {
			return nil, err
		}
		return Divide(s, k.Long(len(l)))
	}
	if !isNum(x.Type()) || x.Type() == k.TChar {
		return nil, k.ErrType
	}
	var s float64
	n := 0
	for _, e := range toF64(x) {
		if e == e {
			s += e
			n++
		}
	}
	if n == 0 {
		return k.Float(math.NaN()), nil
	}
	return k.Float(s / float64(n)), nil
}

// numAtoms returns a general list of numeric atoms as a float vector, or
// nil when some item is not a numeric atom.
func numAtoms(l k.List) k.V {
	if len(l) == 0 {
		return nil
	}
	r := make(k.Floats, len(l))
	for i, e := range l {
		if !isAtom(e) || !isNum(e.Type()) || e.Type() == -k.TChar {
			return nil
		}
		r[i] = toF64(e)[0]
	}
	return r
}

// nonNullF returns the non-null items of numeric x as float64s.
func nonNullF(x k.V) ([]float64, error) {
	if !isNum(x.Type()) || x.Type() == k.TChar || isAtom(x) && false {
		return nil, k.ErrType
	}
	var r []float64
	for _, e := range toF64(x) {
		if e == e {
			r = append(r, e)
		}
	}
	return r, nil
}

// variance is the population (sample when sample) variance of x.
func variance(x k.V, sample bool) (float64, error) {
	v, err := nonNullF(x)
	if err != nil {
		return 0, err
	}
	n := float64(len(v))
	if n == 0 || sample && n < 2 {
		return math.NaN(), nil
	}
	var s float64
	for _, e := range v {
		s += e
	}
	m := s / n
	var ss float64
	for _, e := range v {
		ss += (e - m) * (e - m)
	}
	if sample {
		return ss / (n - 1), nil
	}
	return ss / n, nil
}

func statFn(f func(k.V) (float64, error)) func(k.V) (k.V, error) {
	var self func(k.V) (k.V, error)
	self = func(x k.V) (k.V, error) {
		if r, ok, err := overCols(x, self); ok {
			return r, err
		}
		r, err := f(x)
		if err != nil {
			return nil, err
		}
		return k.Float(r), nil
	}
	return self
}

// Var is q's var: population variance.
func Var(x k.V) (k.V, error) {
	return statFn(func(x k.V) (float64, error) { return variance(x, false) })(x)
}

// Svar is q's svar: sample variance.
func Svar(x k.V) (k.V, error) {
	return statFn(func(x k.V) (float64, error) { return variance(x, true) })(x)
}

// Dev is q's dev: population standard deviation.
func Dev(x k.V) (k.V, error) {
	return statFn(func(x k.V) (float64, error) { v, err := variance(x, false); return math.Sqrt(v), err })(x)
}

// Sdev is q's sdev: sample standard deviation.
func Sdev(x k.V) (k.V, error) {
	return statFn(func(x k.V) (float64, error) { v, err := variance(x, true); return math.Sqrt(v), err })(x)
}

// Med is q's med: the median of the non-null items. The median of a
// general list is the average of its middle item or items in sort order.
func Med(x k.V) (k.V, error) {
	if r, ok, err := overCols(x, Med); ok {
		return r, err
	}
	if l, ok := x.(k.List); ok {
		if v := numAtoms(l); v != nil {
			return Med(v)
		}
		g, err := grade(l, false)
		if err != nil {
			return nil, err
		}
		if len(g) == 0 {
			return k.Float(math.NaN()), nil
		}
		n := len(g)
		return Avg(k.List{l[g[(n-1)/2]], l[g[n/2]]})
	}
	return statFn(median)(x)
}

func median(x k.V) (float64, error) {
	v, err := nonNullF(x)
	if err != nil {
		return 0, err
	}
	if len(v) == 0 {
		return math.NaN(), nil
	}
	v = slices.Clone(v)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2], nil
	}
	return (v[n/2-1] + v[n/2]) / 2, nil
}

// pairs returns the float items of x and y where neither is null.
func pairs(x, y k.V) ([]float64, []float64, error) {
	if !isNum(x.Type()) || !isNum(y.Type()) {
		return nil, nil, k.ErrType
	}
	if k.Count(x) != k.Count(y) {
		return nil, nil, k.ErrLength
	}
	a, b := toF64(x), toF64(y)
	var p, q []float64
	for i := range a {
		if a[i] == a[i] && b[i] == b[i] {
			p = append(p, a[i])
			q = append(q, b[i])
		}
	}
	return p, q, nil
}

func cov(x, y k.V, sample bool) (float64, error) {
	a, b, err := pairs(x, y)
	if err != nil {
		return 0, err
	}
	n := float64(len(a))
	if n == 0 {
		return math.NaN(), nil
	}
	var sa, sb float64
	for i := range a {
		sa += a[i]
		sb += b[i]
	}
	ma, mb := sa/n, sb/n
	var s float64
	for i := range a {
		s += (a[i] - ma) * (b[i] - mb)
	}
	if sample {
		return s / (n - 1), nil
	}
	return s / n, nil
}

// Cov is q's cov: population covariance.
func Cov(x, y k.V) (k.V, error) {
	c, err := cov(x, y, false)
	return k.Float(c), err
}

// Scov is q's scov: sample covariance.
func Scov(x, y k.V) (k.V, error) {
	c, err := cov(x, y, true)
	return k.Float(c), err
}

// Cor is q's cor: the correlation of x and y.
func Cor(x, y k.V) (k.V, error) {
	c, err := cov(x, y, false)
	if err != nil {
		return nil, err
	}
	a, b, _ := pairs(x, y)
	vx, _ := variance(k.Floats(a), false)
	vy, _ := variance(k.Floats(b), false)
	return k.Float(c / math.Sqrt(vx*vy)), nil
}

// Wsum is q's wsum: the sum of x*y.
func Wsum(x, y k.V) (k.V, error) {
	if isIntVec(x) && isIntVec(y) {
		x = k.Floats(toF64(x))
	}
	p, err := Multiply(x, y)
	if err != nil {
		return nil, err
	}
	return Sum(p)
}

// Wavg is q's wavg: the average of y weighted by x.
func Wavg(x, y k.V) (k.V, error) {
	if !isSimple(x) || !isSimple(y) {
		s, err := Wsum(x, y)
		if err != nil {
			return nil, err
		}
		w, err := Sum(x)
		if err != nil {
			return nil, err
		}
		return Divide(s, w)
	}
	a, b, err := pairs(x, y)
	if err != nil {
		return nil, err
	}
	var s, w float64
	for i := range a {
		s += a[i] * b[i]
		w += a[i]
	}
	return k.Float(s / w), nil
}

// isIntVec reports whether x is a vector of an integral type.
func isIntVec(x k.V) bool {
	switch x.(type) {
	case k.Bools, k.Bytes, k.Shorts, k.Ints, k.Longs:
		return true
	}
	return false
}

// All is q's all: whether every item is nonzero.
func All(x k.V) (k.V, error) { return quantify(x, All, true, func(e float64) bool { return e == 0 }) }

// Any is q's any: whether some item is nonzero.
func Any(x k.V) (k.V, error) {
	return quantify(x, Any, false, func(e float64) bool { return e != 0 && e == e })
}

// quantify is all and any: the answer for no items is empty, and it turns
// to !empty at the first item for which stop holds. self recurses through
// tables and dictionaries and general lists of numeric atoms.
func quantify(x k.V, self func(k.V) (k.V, error), empty bool, stop func(float64) bool) (k.V, error) {
	if r, ok, err := overCols(x, self); ok {
		return r, err
	}
	if l, ok := x.(k.List); ok {
		if len(l) == 0 {
			return k.Bool(empty), nil
		}
		if v := numAtoms(l); v != nil {
			return self(v)
		}
	}
	if !isNum(x.Type()) {
		return nil, k.ErrType
	}
	for _, e := range toF64(x) {
		if stop(e) {
			return k.Bool(!empty), nil
		}
	}
	return k.Bool(empty), nil
}

// running applies a uniform function to a list, to the values of a
// dictionary, or to each column of a table.
func running(x k.V, f func(k.V) (k.V, error)) (k.V, bool, error) {
	switch v := x.(type) {
	case *k.Dict:
		r, err := f(v.Vals)
		if err != nil {
			return nil, true, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, true, nil
	case *k.Table:
		r, err := tableMap(v, f)
		return r, true, err
	}
	return nil, false, nil
}

// scanFold is the running fold of a dyadic primitive over the items of x.
func scanFold(x k.V, f func(x, y k.V) (k.V, error)) (k.V, error) {
	if isAtom(x) {
		return x, nil
	}
	l := items(x)
	if len(l) == 0 {
		return x, nil
	}
	r := make([]k.V, len(l))
	r[0] = l[0]
	for i := 1; i < len(l); i++ {
		v, err := f(r[i-1], l[i])
		if err != nil {
			return nil, err
		}
		r[i] = v
	}
	return k.Uniform(r), nil
}

// Sums is q's sums: running sums, nulls counted as zero.
func Sums(x k.V) (k.V, error) {
	if r, ok, err := running(x, Sums); ok {
		return r, err
	}
	switch v := x.(type) {
	case k.Longs:
		r := make(k.Longs, len(v))
		var s int64
		for i, e := range v {
			if e != k.NullLong {
				s += e
			}
			r[i] = s
		}
		return r, nil
	case k.Floats:
		r := make(k.Floats, len(v))
		var s float64
		for i, e := range v {
			if e == e {
				s += e
			}
			r[i] = s
		}
		return r, nil
	case k.Bools, k.Bytes, k.Shorts, k.Ints:
		r := make(k.Ints, k.Count(v))
		var s int32
		for i, e := range toI32(v) {
			if e != k.NullInt {
				s += e
			}
			r[i] = s
		}
		return r, nil
	case k.Reals:
		r := make(k.Reals, len(v))
		var s float32
		for i, e := range v {
			if e == e {
				s += e
			}
			r[i] = s
		}
		return r, nil
	case k.List:
		return scanFold(v, Add)
	}
	if isAtom(x) && isNum(x.Type()) {
		return x, nil
	}
	return nil, k.ErrType
}

// Prds is q's prds: running products.
func Prds(x k.V) (k.V, error) {
	if r, ok, err := running(x, Prds); ok {
		return r, err
	}
	if t := x.Type(); !isNum(t) && t != k.TList {
		return nil, k.ErrType
	}
	if r, ok := runSkip(x, runPrd); ok {
		return r, nil
	}
	return scanFold(x, Multiply)
}

// Running folds that skip nulls, as q's prds, maxs and mins do: the
// running value carries over a null, starting from the fold's identity.
const (
	runPrd = iota
	runMax
	runMin
)

// runSkip is the null-skipping running fold op of a numeric vector; it
// reports false for other values.
func runSkip(x k.V, op int) (k.V, bool) {
	switch x.(type) {
	case k.Longs, k.Ints, k.Shorts:
		inf := int64(k.InfLong)
		switch x.Type() {
		case k.TInt:
			inf = k.InfInt
		case k.TShort:
			inf = k.InfShort
		}
		acc := [...]int64{runPrd: 1, runMax: -inf, runMin: inf}[op]
		v := toI64(x)
		r := make(k.Longs, len(v))
		for i, e := range v {
			if e != k.NullLong {
				switch op {
				case runPrd:
					acc *= e
				case runMax:
					acc = max(acc, e)
				default:
					acc = min(acc, e)
				}
			}
			r[i] = acc
		}
		return convert(r, x.Type(), false), true
	case k.Floats, k.Reals:
		acc := [...]float64{runPrd: 1, runMax: math.Inf(-1), runMin: math.Inf(1)}[op]
		v := toF64(x)
		r := make(k.Floats, len(v))
		for i, e := range v {
			if e == e {
				switch op {
				case runPrd:
					acc *= e
				case runMax:
					acc = max(acc, e)
				default:
					acc = min(acc, e)
				}
			}
			r[i] = acc
		}
		return convert(r, x.Type(), false), true
	}
	return nil, false
}

// Maxs is q's maxs: running maximums.
func Maxs(x k.V) (k.V, error) {
	if r, ok, err := running(x, Maxs); ok {
		return r, err
	}
	if r, ok := runSkip(x, runMax); ok {
		return r, nil
	}
	return scanFold(x, Greater)
}

// Mins is q's mins: running minimums.
func Mins(x k.V) (k.V, error) {
	if r, ok, err := running(x, Mins); ok {
		return r, err
	}
	if r, ok := runSkip(x, runMin); ok {
		return r, nil
	}
	return scanFold(x, Lesser)
}

// zeroLike is a zero atom of the type of x's items.
func zeroLike(x k.V) k.V {
	t := absType(x)
	if t == k.TList || !isNum(t) {
		return k.Long(0)
	}
	return convert(k.Long(0), t, true)
}

// Deltas is q's deltas: differences of adjacent items, the first item
// kept.
func Deltas(x k.V) (k.V, error) {
	if r, ok, err := running(x, Deltas); ok {
		return r, err
	}
	if isAtom(x) {
		return x, nil
	}
	if k.Count(x) == 0 {
		return x, nil
	}
	p, err := prior(x, zeroLike(x))
	if err != nil {
		return nil, err
	}
	return Subtract(x, p)
}

// prior is x shifted one place right with seed first.
func prior(x, seed k.V) (k.V, error) {
	d, err := dropN(-1, x)
	if err != nil {
		return nil, err
	}
	return Join(enlist(seed), d)
}

// Ratios is q's ratios: ratios of adjacent items, the first item kept.
func Ratios(x k.V) (k.V, error) {
	if r, ok, err := running(x, Ratios); ok {
		return r, err
	}
	if isAtom(x) || k.Count(x) == 0 {
		return x, nil
	}
	p, err := prior(x, k.At(x, 0))
	if err != nil {
		return nil, err
	}
	r, err := Divide(x, p)
	if err != nil {
		return nil, err
	}
	switch f := r.(type) {
	case k.Floats:
		f0 := toF64(k.At(x, 0))
		if len(f0) == 1 {
			f[0] = f0[0]
		}
	case k.List:
		// the first item of a general list is kept as it is
		l := append(k.List{k.At(x, 0)}, f[1:]...)
		return l, nil
	}
	return r, nil
}

// Differ is q's differ: whether each item differs from its predecessor.
func Differ(x k.V) (k.V, error) {
	if isAtom(x) {
		return k.Bool(true), nil
	}
	n := k.Count(x)
	r := make(k.Bools, n)
	for i := range r {
		r[i] = i == 0 || !matchV(k.At(x, i), k.At(x, i-1))
	}
	return r, nil
}

// Avgs is q's avgs: running averages.
func Avgs(x k.V) (k.V, error) {
	if r, ok, err := running(x, Avgs); ok {
		return r, err
	}
	if !isNum(x.Type()) || x.Type() == k.TChar {
		return nil, k.ErrType
	}
	v := toF64(x)
	r := make(k.Floats, len(v))
	var s float64
	n := 0
	for i, e := range v {
		if e == e {
			s += e
			n++
		}
		r[i] = s / float64(n)
	}
	if isAtom(x) {
		return k.Float(r[0]), nil
	}
	return r, nil
}

// Prev is q's prev: each item's predecessor (null for the first).
func Prev(x k.V) (k.V, error) { return Xprev(k.Long(1), x) }

// Next is q's next: each item's successor (null for the last).
func Next(x k.V) (k.V, error) { return Xprev(k.Long(-1), x) }

// Xprev is q's xprev: the item x places before each item of y (after,
// for negative x), null where there is none.
func Xprev(x, y k.V) (k.V, error) {
	n, ok := asInt(x)
	if !ok || !isAtom(x) {
		return nil, k.ErrType
	}
	if r, ok, err := running(y, func(c k.V) (k.V, error) { return Xprev(x, c) }); ok {
		return r, err
	}
	if isAtom(y) {
		return y, nil
	}
	c := int64(k.Count(y))
	if l, ok := y.(k.List); ok && c > 0 {
		// a general list shifts in an empty list, typed like its first item
		fill := emptyOf(k.TList)
		if isVec(l[0]) {
			fill = emptyOf(l[0].Type())
		}
		r := make(k.List, c)
		for i := range r {
			if j := int64(i) - n; j >= 0 && j < c {
				r[i] = l[j]
			} else {
				r[i] = fill
			}
		}
		return r, nil
	}
	idx := make([]int64, c)
	for i := range idx {
		idx[i] = int64(i) - n
	}
	return Index(y, k.Longs(idx))
}

// DeltasFrom is deltas[x;y] (x-':y): each item of y less the one before
// it, the first less x.
func DeltasFrom(x, y k.V) (k.V, error) { return seededPrior(Subtract, x, y) }

// RatiosFrom is ratios[x;y] (x%':y): each item of y over the one before
// it, the first over x.
func RatiosFrom(x, y k.V) (k.V, error) { return seededPrior(Divide, x, y) }

// seededPrior is f applied to each item of y and the one before it, the
// first item's predecessor being x.
func seededPrior(f Dyad, x, y k.V) (k.V, error) {
	if isAtom(y) || k.Count(y) == 0 {
		return f(y, x)
	}
	p, err := prior(y, x)
	if err != nil {
		return nil, err
	}
	return f(y, p)
}
