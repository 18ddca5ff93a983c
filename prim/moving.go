package prim

import (
	"math"

	"kt/k"
)

// Moving (windowed) functions: x is the window length, y a list, the
// values of a dictionary taken as a list, or each column of a table.
// Each item of the result covers y's items from x-1 places before it up
// to itself (fewer at the start).

// window reads the window length of a moving function.
func window(x k.V) (int64, error) {
	n, ok := asInt(x)
	if !ok || !isAtom(x) {
		return 0, k.ErrType
	}
	if n < 0 || n == k.NullLong {
		return 0, k.ErrDomain
	}
	return n, nil
}

// moving applies f to the list y, to a dictionary's values, or to each
// column of a (keyed) table.
func moving(x, y k.V, f func(n int64, y k.V) (k.V, error)) (k.V, error) {
	n, err := window(x)
	if err != nil {
		return nil, err
	}
	var g func(c k.V) (k.V, error)
	g = func(c k.V) (k.V, error) {
		if r, ok, err := running(c, g); ok {
			return r, err
		}
		return f(n, c)
	}
	if isAtom(y) {
		r, err := f(n, enlist(y))
		if err != nil {
			return nil, err
		}
		return k.At(r, 0), nil
	}
	return g(y)
}

// Msum is q's msum: sums over a moving window, nulls counted as zero.
func Msum(x, y k.V) (k.V, error) { return moving(x, y, msum) }

// msum is the sum of each item's window, from the running sums s:
// s[i]-s[i-n].
func msum(n int64, y k.V) (k.V, error) {
	s, err := Sums(y)
	if err != nil {
		return nil, err
	}
	c := int64(k.Count(s))
	idx := make([]int64, c)
	for i := range idx {
		idx[i] = int64(i) - n
	}
	// items before the start subtract zero: index out of range gives
	// the null, which fill turns into zero
	back, err := Index(s, k.Longs(idx))
	if err != nil {
		return nil, err
	}
	back, err = Fill(zeroLike(s), back)
	if err != nil {
		return nil, err
	}
	return Subtract(s, back)
}

// Mcount is q's mcount: the number of non-null items in each window.
func Mcount(x, y k.V) (k.V, error) { return moving(x, y, mcount) }

func mcount(n int64, y k.V) (k.V, error) {
	nn, err := Null(y)
	if err != nil {
		return nil, err
	}
	nn, err = Not(nn)
	if err != nil {
		return nil, err
	}
	ones, err := Cast(k.Sym("long"), nn)
	if err != nil {
		return nil, err
	}
	return msum(n, ones)
}

// Mavg is q's mavg: the average of the non-null items of each window
// (null where there are none).
func Mavg(x, y k.V) (k.V, error) { return moving(x, y, mavg) }

func mavg(n int64, y k.V) (k.V, error) {
	f, err := Fill(k.Float(0), y)
	if err != nil {
		return nil, err
	}
	s, err := msum(n, f)
	if err != nil {
		return nil, err
	}
	c, err := mcount(n, y)
	if err != nil {
		return nil, err
	}
	return Divide(s, c)
}

// Mdev is q's mdev: the population standard deviation of the non-null
// items of each window.
func Mdev(x, y k.V) (k.V, error) { return moving(x, y, mdev) }

func mdev(n int64, y k.V) (k.V, error) {
	f, err := Cast(k.Sym("float"), y)
	if err != nil {
		return nil, err
	}
	sq, err := Multiply(f, f)
	if err != nil {
		return nil, err
	}
	a, err := mavg(n, sq)
	if err != nil {
		return nil, err
	}
	m, err := mavg(n, f)
	if err != nil {
		return nil, err
	}
	m2, err := Multiply(m, m)
	if err != nil {
		return nil, err
	}
	v, err := Subtract(a, m2)
	if err != nil {
		return nil, err
	}
	return floatFn(math.Sqrt)(v)
}

// Mmax is q's mmax: the greatest item of each window (nulls are least).
func Mmax(x, y k.V) (k.V, error) {
	return moving(x, y, func(n int64, y k.V) (k.V, error) { return mextreme(n, y, Greater) })
}

// Mmin is q's mmin: the least item of each window (nulls are least).
func Mmin(x, y k.V) (k.V, error) {
	return moving(x, y, func(n int64, y k.V) (k.V, error) { return mextreme(n, y, Lesser) })
}

// mextreme combines each item with its predecessor n-1 times, so each
// result covers a window of n items.
func mextreme(n int64, y k.V, f func(x, y k.V) (k.V, error)) (k.V, error) {
	c := k.Count(y)
	if c == 0 {
		return y, nil
	}
	idx := make([]int64, c)
	for i := range idx {
		idx[i] = max(int64(i)-1, 0)
	}
	r := y
	for j := int64(1); j < n && j < int64(c); j++ {
		var err error
		if r, err = f(r, pick(r, idx)); err != nil {
			return nil, err
		}
	}
	return r, nil
}
