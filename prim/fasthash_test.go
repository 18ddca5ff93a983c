package prim

import (
	"slices"
	"testing"

	"kt/k"
)

// TestFindFast checks find through the long tables against the map of
// items' bytes, for vectors of every type against vectors and atoms of
// the same type, arrays and hash tables both.
func TestFindFast(t *testing.T) {
	ins := sortInputs()
	ys := fastVectors(40, 9)
	for name, x := range ins {
		y := ys[name[:1]]
		if _, sym := x.(k.Syms); sym || y == nil {
			continue // symbols find through a map of their own
		}
		for _, q := range []k.V{y, k.At(y, 0), k.At(y, 3), x} {
			got, ok := findFast(x, q)
			if !ok {
				t.Fatalf("%s: no fast path", name)
			}
			if want := findRef(x, q); !slices.Equal(got, want) {
				t.Errorf("%s ? %s: fast %v, reference %v", name, show(q), got, want)
			}
		}
	}
}

// TestGroupFast checks distinct and group through the tables against the
// reference.
func TestGroupFast(t *testing.T) {
	for name, x := range sortInputs() {
		d, ok := distinctFast(x)
		if !ok {
			t.Fatalf("%s: no fast distinct", name)
		}
		if want := distinctRef(x); !same(d, want) {
			t.Errorf("distinct %s: fast %s, reference %s", name, show(d), show(want))
		}
		g, ok := groupFast(x)
		if !ok {
			t.Fatalf("%s: no fast group", name)
		}
		if want := groupRef(x); !same(g, want) {
			t.Errorf("group %s: fast %s, reference %s", name, show(g), show(want))
		}
	}
}

// TestLongTable checks the hash table through its growth: every key put
// is found with its first value, keys never put are not.
func TestLongTable(t *testing.T) {
	x := make([]int64, 5000)
	for i := range x {
		x[i] = int64(i) * (1<<40 + 7) // a range too wide for an array
	}
	x[1] = k.NullLong
	tb := newLongTable(x)
	if tb.dir != nil {
		t.Fatal("expected a hash table")
	}
	for i, e := range x {
		if v := tb.put(e, int32(i)); v != int32(i) {
			t.Fatalf("put %d: %d", e, v)
		}
	}
	for i, e := range x {
		if v := tb.put(e, -5); v != int32(i) {
			t.Fatalf("put again %d: %d", e, v)
		}
		if v := tb.get(e); v != int32(i) {
			t.Fatalf("get %d: %d", e, v)
		}
		if v := tb.get(e + 1); v != -1 {
			t.Fatalf("get %d: %d, want -1", e+1, v)
		}
	}
}

// TestScanAtom checks find of one atom by comparing against the map of
// items' bytes, for every type the scan takes: atoms of the vector, and
// atoms that are not in it.
func TestScanAtom(t *testing.T) {
	for name, x := range sortInputs() {
		for _, i := range []int{0, 3, k.Count(x) - 1} {
			if i < 0 || i >= k.Count(x) {
				continue
			}
			for _, q := range []k.V{k.At(x, i), k.At(fastVectors(40, 9)[name[:1]], i%40)} {
				if q == nil {
					continue
				}
				got, ok := scanAtom(x, q)
				if !ok {
					continue // floats, reals, guids and booleans are found by hashing
				}
				if want := findRef(x, q); want[0] != got {
					t.Errorf("%s ? %s: scan %d, reference %d", name, show(q), got, want[0])
				}
			}
		}
	}
}
