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

// TestDeeperShared walks values whose parts are shared: few containers,
// exponentially many paths.
func TestDeeperShared(t *testing.T) {
	var d V = Long(1)
	var l V = Long(1)
	for range 60 {
		d = &Dict{Keys: d, Vals: d}
		l = List{l, l}
	}
	for _, v := range []V{d, l} {
		if Deeper(v, 100) || !Deeper(v, 59) {
			t.Errorf("%T: wrong depth", v)
		}
	}
}

// TestDeeperSharedUneven reaches a shared part first by a short path and
// then by a longer one: the walk must go through it again at the greater
// depth, once it remembers what it has seen.
func TestDeeperSharedUneven(t *testing.T) {
	var c V = Long(1)
	for range 50 {
		c = List{c}
	}
	var wide V = Long(1)
	for range 21 { // past the walk's budget, so that it remembers
		wide = List{wide, wide}
	}
	v := List{List{List{c}}, c, wide} // c at depth 1, then at 3
	if !Deeper(v, 52) || Deeper(v, 53) {
		t.Errorf("depth of a part reached at two depths: %v %v", Deeper(v, 52), Deeper(v, 53))
	}
}
