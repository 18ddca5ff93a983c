package prim

import (
	"math/rand/v2"
	"testing"

	"kt/k"
)

// razeByJoins is raze as the joins of its items one at a time, through
// the dyad , (which keeps temporal types): the definition razeFlat makes
// at once.
func razeByJoins(t *testing.T, l k.List) k.V {
	t.Helper()
	var r k.V = listOf(l[0])
	for _, e := range l[1:] {
		var err error
		if r, err = Dyads[","](r, e); err != nil {
			t.Fatalf("join: %v", err)
		}
	}
	return r
}

// TestRazeFlat razes lists drawn from atoms and vectors of several types,
// dates, empty general lists and general lists, and checks each against
// the joins one at a time.
func TestRazeFlat(t *testing.T) {
	date := func(v k.V) k.V { return k.Retag(v, k.TDate) }
	pool := []k.V{
		k.Long(1), J(2, 3), J(), k.List{}, F(1.5), k.Float(2), C("ab"), k.Char('c'),
		S("x"), k.Sym("y"), B("10"), date(k.Int(5)), date(k.Ints{6, 7}),
		Li(k.Long(1), k.Sym("a")), Li(J(1), J(2)),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		l := make(k.List, 1+rng.IntN(5))
		narrow := pool[rng.IntN(len(pool)):] // often one type only
		narrow = narrow[:1+rng.IntN(min(2, len(narrow)))]
		for i := range l {
			l[i] = narrow[rng.IntN(len(narrow))]
		}
		got, ok, err := razeFlat(l)
		if !ok || err != nil {
			t.Fatalf("raze %s: not flat (%v)", show(l), err)
		}
		if want := razeByJoins(t, l); !same(got, want) {
			t.Errorf("raze %s: %s, joins give %s", show(l), show(got), show(want))
		}
	}
	dates := k.List{date(k.Ints{1, 2}), date(k.Int(3))}
	if got, _ := Raze(dates); got.Type() != k.TDate || k.Count(got) != 3 {
		t.Errorf("raze of dates: %s", show(got))
	}
}
