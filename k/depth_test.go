package k

import "testing"

func TestDeeper(t *testing.T) {
	nest := func(n int) V {
		var v V = Long(1)
		for range n {
			v = List{Long(0), v}
		}
		return v
	}
	for _, c := range []struct {
		v    V
		n    int
		want bool
	}{
		{Long(1), 0, false},
		{Longs{1, 2}, 0, false},
		{List{Long(1)}, 0, true},
		{List{Long(1)}, 1, false},
		{nest(5), 5, false},
		{nest(6), 5, true},
		{&Dict{Keys: Syms{"a"}, Vals: List{nest(3)}}, 5, false},
		{&Dict{Keys: Syms{"a"}, Vals: List{nest(3)}}, 4, true},
	} {
		if got := Deeper(c.v, c.n); got != c.want {
			t.Errorf("Deeper(%v, %d) = %v, want %v", c.v, c.n, got, c.want)
		}
	}
	if err := CheckNest(nest(MaxNest + 1)); err != ErrStack {
		t.Errorf("CheckNest: %v", err)
	}
}
