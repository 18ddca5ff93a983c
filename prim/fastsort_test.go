package prim

import (
	"fmt"
	"slices"
	"testing"

	"kt/k"
)

// sortInputs returns, for each type the radix sort takes, vectors of
// several lengths in several arrangements: random with nulls,
// infinities, NaN, -0 and duplicates; already sorted; reversed; all
// equal.
func sortInputs() map[string]k.V {
	in := map[string]k.V{}
	for _, n := range []int{0, 1, 7, radixMin - 1, radixMin + 300} {
		for name, v := range fastVectors(n, uint64(n)) {
			in[fmt.Sprintf("%s#%d", name, n)] = v
			if n == 0 {
				continue
			}
			g, err := gradeRef(v, false)
			if err != nil {
				panic(err)
			}
			sorted := pick(v, g)
			in[fmt.Sprintf("%s#%d sorted", name, n)] = sorted
			in[fmt.Sprintf("%s#%d reversed", name, n)] = pick(sorted, iota64Rev(n))
			in[fmt.Sprintf("%s#%d equal", name, n)] = pick(v, make([]int64, n))
		}
	}
	in["e small"] = E(float32(nan), 1, -1, 0, 2, float32(nan), -0.5)
	in["f near"] = F(1, 1-1e-13, 1+1e-14, 1, 0.5)
	return in
}

func iota64Rev(n int) []int64 {
	r := iota64(0, n)
	slices.Reverse(r)
	return r
}

// TestGradeRadix checks the radix sort's grades against the comparison
// sort's, ascending and descending.
func TestGradeRadix(t *testing.T) {
	for name, v := range sortInputs() {
		for _, desc := range []bool{false, true} {
			got, ok := gradeRadix(v, desc)
			if !ok {
				t.Fatalf("%s: no radix sort", name)
			}
			want, err := gradeRef(v, desc)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s desc %v: radix %v, reference %v", name, desc, got, want)
			}
		}
	}
}

// TestSortLongs checks asc and desc of longs, sorted by value alone,
// against picking by the reference grade.
func TestSortLongs(t *testing.T) {
	for name, v := range sortInputs() {
		j, ok := v.(k.Longs)
		if !ok {
			continue
		}
		for _, desc := range []bool{false, true} {
			g, _ := gradeRef(j, desc)
			if got, want := sortLongs(j, desc), pick(j, g); !same(got, want) {
				t.Errorf("%s desc %v: %v, want %v", name, desc, got, want)
			}
		}
	}
}

// TestSortExact checks q's sorts order floats exactly, without the
// comparison tolerance (the reference's precision.md: iasc a,b is 1 0
// for b:a-10 xexp -13).
func TestSortExact(t *testing.T) {
	a := 1.0
	b := a - 1e-13
	x := make(k.Floats, 2*radixMin)
	for i := range x {
		x[i] = []float64{a, b}[i%2]
	}
	run(t, []tc{
		m("iasc", F(a, b), J(1, 0)),
		m("idesc", F(b, a), J(1, 0)),
		m("iasc", F(a, b, nan, -inf, inf), J(2, 3, 1, 0, 4)),
	})
	g, err := Iasc(x)
	if err != nil || k.At(g, 0) != k.Long(1) || k.At(g, radixMin) != k.Long(0) {
		t.Errorf("iasc of %d floats: %v %v", len(x), g, err)
	}
}
