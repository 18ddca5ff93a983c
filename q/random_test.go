package q

import (
	"testing"

	"kt/k"
)

// chiSquare is Pearson's statistic of counts against a uniform expectation.
func chiSquare(counts []int, total int) float64 {
	e := float64(total) / float64(len(counts))
	s := 0.0
	for _, c := range counts {
		d := float64(c) - e
		s += d * d / e
	}
	return s
}

// TestRollUniform checks n?10, n?1.0 and -n?10 for uniformity with a
// chi-square test at p=0.001 (27.88 for 9 degrees of freedom), over
// several seeds, so that a biased generator or a mapping of draws to
// values that favours some fails.
func TestRollUniform(t *testing.T) {
	const n, crit = 100000, 27.88
	cases := []struct {
		name string
		src  string
		bin  func(v k.V, i int) int
	}{
		{"longs", "100000?10", func(v k.V, i int) int { return int(v.(k.Longs)[i]) }},
		{"floats", "100000?1.0", func(v k.V, i int) int { return int(v.(k.Floats)[i] * 10) }},
		{"deal", "raze 10000#enlist each -10?10", nil},
		{"dates", "100000?2000.01.11", func(v k.V, i int) int { return int(v.(k.Dates)[i]) }},
	}
	for _, seed := range []int64{DefaultSeed, 1, 42} {
		for _, c := range cases {
			in := New()
			in.Seed(seed)
			counts := make([]int, 10)
			if c.bin == nil {
				// the first item of 10000 deals of 10: each value equally often
				for range 10000 {
					v, err := in.Eval("first -10?10")
					if err != nil {
						t.Fatal(err)
					}
					counts[int(v.(k.Long))]++
				}
				if s := chiSquare(counts, 10000); s > crit {
					t.Errorf("seed %d %s: chi-square %.1f > %.2f: %v", seed, c.name, s, crit, counts)
				}
				continue
			}
			v, err := in.Eval(c.src)
			if err != nil {
				t.Fatal(err)
			}
			for i := range n {
				counts[c.bin(v, i)]++
			}
			if s := chiSquare(counts, n); s > crit {
				t.Errorf("seed %d %s: chi-square %.1f > %.2f: %v", seed, c.name, s, crit, counts)
			}
		}
	}
}

// TestDealDistinct checks that -n?m never repeats, at every share of m.
func TestDealDistinct(t *testing.T) {
	in := New()
	for _, n := range []int{1, 5, 49, 50, 51, 99, 100} {
		v, err := in.Eval("-" + itoa(n) + "?100")
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, e := range v.(k.Longs) {
			if seen[e] || e < 0 || e >= 100 {
				t.Fatalf("-%d?100 gave %v", n, v)
			}
			seen[e] = true
		}
	}
}
