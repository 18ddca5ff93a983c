package prim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"kt/k"
)

// fastLens are the lengths the fast paths are tested at: empty, one
// item, a few, and more than a chunk.
var fastLens = []int{0, 1, 7, chunk + 37}

// fastVectors returns vectors of every type the fast paths take, of
// length n, mixing nulls, infinities, NaN, -0, near-equal floats,
// duplicates and random values.
func fastVectors(n int, seed uint64) map[string]k.V {
	rng := rand.New(rand.NewPCG(seed, 7))
	longs := []int64{k.NullLong, math.MaxInt64, -math.MaxInt64, 0, -1, 1, 3, 3, 1 << 32, -(1 << 32) - 5, 1<<32 - 1}
	floats := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1, 1 + 1e-14, 1 - 1e-14, 1 + 1e-10, -2.5, 1e300, -1e-300}
	vs := map[string]k.V{}
	j, f, e := make(k.Longs, n), make(k.Floats, n), make(k.Reals, n)
	i32, i16 := make(k.Ints, n), make(k.Shorts, n)
	b, x, c := make(k.Bools, n), make(k.Bytes, n), make(k.Chars, n)
	s := make(k.Syms, n)
	for i := range n {
		if rng.IntN(3) == 0 {
			j[i] = longs[rng.IntN(len(longs))]
			f[i] = floats[rng.IntN(len(floats))]
		} else {
			j[i] = rng.Int64N(2001) - 1000
			f[i] = rng.NormFloat64() * 10
		}
		e[i] = float32(f[i])
		i32[i] = int32(j[i])
		if j[i] == k.NullLong || j[i] > math.MaxInt32 || j[i] < -math.MaxInt32 {
			i32[i] = k.NullInt
		}
		i16[i] = int16(j[i] % 30000)
		if rng.IntN(5) == 0 {
			i16[i] = k.NullShort
		}
		b[i] = j[i]&1 == 0
		x[i] = byte(j[i])
		c[i] = byte('a' + j[i]&7)
		s[i] = []string{"", "a", "ab", "abc", "abcdefgh", "abcdefghi", "b", "a\x00"}[rng.IntN(8)]
	}
	vs["e"] = e
	vs["j"], vs["f"], vs["i"], vs["h"], vs["b"], vs["x"], vs["c"], vs["s"] = j, f, i32, i16, b, x, c, s
	return vs
}

// fastPairs calls f with each pair of vectors (and of a vector and an
// atom, either side) of every length.
func fastPairs(t *testing.T, f func(name string, x, y k.V)) {
	for _, n := range fastLens {
		xs, ys := fastVectors(n, 1), fastVectors(n, 2)
		atoms := fastVectors(12, 3)
		for nx, x := range xs {
			for ny, y := range ys {
				f(fmt.Sprintf("%s %s #%d", nx, ny, n), x, y)
				for i := range 12 {
					a := k.At(atoms[ny], i)
					f(fmt.Sprintf("%s %v #%d", nx, a, n), x, a)
					a = k.At(atoms[nx], i)
					f(fmt.Sprintf("%v %s #%d", a, ny, n), a, y)
				}
			}
		}
	}
}

// TestArithFast checks the typed loops of + - * % against the reference.
func TestArithFast(t *testing.T) {
	fast := 0
	pairs := map[[2]int]bool{}
	fastPairs(t, func(name string, x, y k.V) {
		for _, op := range []byte("+-*%") {
			rt := k.TFloat
			if op != '%' {
				rt = arithType(op, absType(x), absType(y))
			}
			if rt == 0 {
				continue
			}
			n, atom := counts(x, y)
			got, ok := arithFast(op, rt, x, y, n)
			if !ok {
				continue
			}
			fast++
			pairs[[2]int{absType(x), absType(y)}] = true
			if want := arithRef(op, rt, x, y, n, atom); !same(got, want) {
				t.Errorf("%s %c: fast %s, reference %s", name, op, show(got), show(want))
			}
		}
	})
	// every pair of number types has its typed loop
	nums := []int{k.TBool, k.TByte, k.TShort, k.TInt, k.TLong, k.TReal, k.TFloat}
	for _, tx := range nums {
		for _, ty := range nums {
			if !pairs[[2]int{tx, ty}] {
				t.Errorf("types %d and %d: no fast path", tx, ty)
			}
		}
	}
}

// TestCompareFast checks the typed loops of the comparisons against the
// reference.
func TestCompareFast(t *testing.T) {
	fast := 0
	fastPairs(t, func(name string, x, y k.V) {
		for op, m := range cmpMasks {
			n, atom := counts(x, y)
			got, ok := compareFast(m, x, y, n)
			if !ok {
				continue
			}
			fast++
			want, err := compareRef(m, x, y, n, atom)
			if err != nil || !same(got, want) {
				t.Errorf("%s %s: fast %s, reference %s %v", name, op, show(got), show(want), err)
			}
		}
	})
	if fast == 0 {
		t.Error("no case took the fast path")
	}
}

// TestModFast checks mod and div of longs by a positive long atom
// against the reference's rule.
func TestModFast(t *testing.T) {
	for _, n := range fastLens {
		x := fastVectors(n, 4)["j"]
		for _, d := range []int64{2, 7, 1000, 1<<31 + 11, 1<<32 - 1} {
			for _, mod := range []bool{true, false} {
				got, ok := modFast(mod, x, k.Long(d))
				if !ok {
					t.Fatalf("mod %d: no fast path", d)
				}
				want, err := intDiv(mod)(x, k.Longs{d}) // a vector divisor takes the reference loop
				if err != nil {
					t.Fatal(err)
				}
				if !same(got, want) {
					t.Errorf("#%d mod %v %d: fast %s, reference %s", n, mod, d, show(got), show(want))
				}
			}
		}
	}
}

// TestWhereBools checks where of booleans against appending each true
// item's index.
func TestWhereBools(t *testing.T) {
	for _, n := range fastLens {
		rng := rand.New(rand.NewPCG(uint64(n), 5))
		for _, p := range []float64{0, 0.5, 1} {
			b := make(k.Bools, n)
			want := k.Longs{}
			for i := range b {
				b[i] = rng.Float64() < p
				if b[i] {
					want = append(want, int64(i))
				}
			}
			if got := whereBools(b); !same(got, want) || cap(got) != len(got) {
				t.Errorf("#%d p %v: %v, want %v", n, p, got, want)
			}
		}
	}
}

// TestTolerantBand checks, for atoms of every magnitude, that the band's
// ends are the last floats tolerantly equal to the atom, and that
// comparing with them agrees with fcmp on floats around the atom and
// around the band's ends.
func TestTolerantBand(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	qs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e-300, 5e-324, -5e-324, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64 * 1e20, inf, -inf}
	for range 200 {
		qs = append(qs, rng.NormFloat64()*math.Pow(10, float64(rng.IntN(600)-300)))
	}
	up, down := math.Inf(1), math.Inf(-1)
	for _, q := range qs {
		lo, hi, ok := tolerantBand(q)
		if !ok {
			t.Fatalf("%v: no band", q)
		}
		if !feq(lo, q) || !feq(hi, q) || lo > q || hi < q {
			t.Fatalf("%v: band %v %v not equal to it", q, lo, hi)
		}
		if n := math.Nextafter(lo, down); n != lo && feq(n, q) {
			t.Errorf("%v: %v below the band is equal", q, n)
		}
		if n := math.Nextafter(hi, up); n != hi && feq(n, q) {
			t.Errorf("%v: %v above the band is equal", q, n)
		}
		var ps []float64
		for _, c := range []float64{lo, q, hi} {
			p, r := c, c
			for range 40 {
				p, r = math.Nextafter(p, down), math.Nextafter(r, up)
				ps = append(ps, p, r)
			}
		}
		ps = append(ps, nan, inf, -inf, 0, q*2, q/2, -q)
		for m := 1; m < 7; m++ {
			got := make([]bool, len(ps))
			bandInto(m, got, ps, lo, hi)
			for i, p := range ps {
				if want := m>>(fcmp(p, q)+1)&1 != 0; got[i] != want {
					t.Errorf("%v mask %d %v: %v, want %v", p, m, q, got[i], want)
				}
			}
		}
	}
	if _, _, ok := tolerantBand(nan); ok {
		t.Error("a band for null")
	}
}

// TestSumLongs checks the four-way sum against adding the items that are
// not null one by one.
func TestSumLongs(t *testing.T) {
	for _, n := range append(fastLens, 2, 3, 4, 5) {
		for seed := range uint64(4) {
			v := fastVectors(n, seed)["j"].(k.Longs)
			var want int64
			for _, e := range v {
				if e != k.NullLong {
					want += e
				}
			}
			if got := sumLongs(v); got != want {
				t.Errorf("#%d seed %d: %d, want %d", n, seed, got, want)
			}
		}
	}
}

// TestPickInRange checks the checked copy of items by index: every index
// in range gives pick's items, any other gives false.
func TestPickInRange(t *testing.T) {
	for name, x := range fastVectors(9, 6) {
		for _, c := range []struct {
			idx []int64
			ok  bool
		}{
			{[]int64{}, true}, {[]int64{0}, true}, {[]int64{8, 0, 3, 3}, true},
			{[]int64{0, 9}, false}, {[]int64{-1}, false}, {[]int64{2, k.NullLong}, false},
		} {
			got, ok := pickInRange(x, c.idx)
			if ok != c.ok || ok && !same(got, pick(x, c.idx)) {
				t.Errorf("%s @ %v: %v %v", name, c.idx, got, ok)
			}
		}
	}
}
