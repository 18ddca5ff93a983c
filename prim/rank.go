package prim

import "kt/k"

// Rank is q's rank: the position each item of x takes in x sorted
// ascending (iasc iasc x).
func Rank(x k.V) (k.V, error) {
	g, err := Iasc(x)
	if err != nil {
		return nil, err
	}
	return Iasc(g)
}

// Xrank is q's xrank: the x-tile (0 to x-1) of each item of y, by its
// rank: floor x*rank%count.
func Xrank(x, y k.V) (k.V, error) {
	n, ok := asInt(x)
	if !ok || !isAtom(x) {
		return nil, k.ErrType
	}
	if isAtom(y) {
		return nil, k.ErrRank
	}
	r, err := Rank(y)
	if err != nil {
		return nil, err
	}
	rk, ok := r.(k.Longs)
	if !ok {
		return nil, k.ErrType
	}
	c := int64(len(rk))
	out := make(k.Longs, c)
	for i, e := range rk {
		// exact integer form of floor(e*n/c)
		p := e * n
		q := p / c
		if p%c != 0 && p < 0 {
			q--
		}
		out[i] = q
	}
	return out, nil
}
