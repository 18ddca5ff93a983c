package q

import (
	"math/rand/v2"
	"strconv"

	"kt/k"
)

// Random numbers: n?x (roll), -n?x (deal), 0N?x (permute), rand, and \S.
//
// The session has one generator, a PCG seeded from \S (q's default seed
// -314159), so the same seed gives the same sequence in a session and
// across runs. The sequence is kt's own: q does not publish its
// generator, so the numbers differ from q's for the same seed.

// DefaultSeed is q's initial \S.
const DefaultSeed = -314159

// symLetters are the letters of q's random symbols (n?`3).
const symLetters = "abcdefghijklmnop"

// random is the session's generator.
type random struct {
	seed int64
	r    *rand.Rand
}

func newRandom(seed int64) *random {
	return &random{seed: seed, r: rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))}
}

// Seed sets \S: the generator restarts from seed.
func (in *Interp) Seed(seed int64) { in.rng = newRandom(seed) }

// rngOf is the session's generator, made at first use.
func (in *Interp) rngOf() *random {
	if in.rng == nil {
		in.rng = newRandom(DefaultSeed)
	}
	return in.rng
}

// roll is x?y for an integer atom x: n items drawn from y with repeats
// (n?y), -n distinct ones (-n?y), or all of y shuffled (0N?y).
func (in *Interp) roll(x, y k.V) (k.V, error) {
	n, _ := toInt(x)
	rng := in.rngOf().r
	deal := n < 0 || n == k.NullLong
	if y.Type() >= 0 {
		// items of a list
		c := int64(k.Count(y))
		if n == k.NullLong {
			n = -c
		}
		idx, err := draw(rng, n, c)
		if err != nil {
			return nil, err
		}
		return index(y, idx)
	}
	if n == k.NullLong {
		m, ok := toInt(y)
		if !ok || m < 0 {
			return nil, k.ErrType
		}
		n = -m
	}
	count := n
	if count < 0 {
		count = -count
	}
	if err := k.NeedItems(int(min(count, 1<<62)), y.Type()); err != nil {
		return nil, err
	}
	switch v := y.(type) {
	case k.Guid:
		if v != (k.Guid{}) {
			return nil, k.ErrType
		}
		r := make(k.Guids, count)
		for i := range r {
			for j := 0; j < 16; j += 8 {
				u := rng.Uint64()
				for b := range 8 {
					r[i][j+b] = byte(u >> (8 * b))
				}
			}
		}
		return r, nil
	case k.Sym:
		return randomSyms(rng, n, string(v))
	case k.Float, k.Real, k.Datetime:
		if deal {
			return nil, k.ErrType
		}
		limit := 0.0
		switch v := v.(type) {
		case k.Float:
			limit = float64(v)
		case k.Real:
			limit = float64(v)
		case k.Datetime:
			limit = float64(v)
		}
		r := make(k.Floats, count)
		for i := range r {
			r[i] = rng.Float64() * limit
		}
		switch y.(type) {
		case k.Real:
			f := make(k.Reals, count)
			for i, e := range r {
				f[i] = float32(e)
			}
			return f, nil
		case k.Datetime:
			return k.Datetimes(r), nil
		}
		return r, nil
	case k.Char:
		// n?" " rolls lower-case letters
		if deal || v != ' ' {
			return nil, k.ErrType
		}
		r := make(k.Chars, count)
		for i := range r {
			r[i] = 'a' + byte(rng.IntN(26))
		}
		return r, nil
	case k.Byte:
		if v == 0 {
			// n?0x0 rolls any byte
			idx, err := draw(rng, n, 256)
			if err != nil {
				return nil, err
			}
			return castLongs(idx, k.TByte), nil
		}
	case k.Bool:
		if deal {
			return nil, k.ErrType
		}
		r := make(k.Bools, count)
		for i := range r {
			r[i] = rng.IntN(2) == 1
		}
		return r, nil
	}
	t := y.Type()
	m, ok := toInt(k.Under(y))
	if !ok || t == -k.TChar || m <= 0 || m == k.NullLong {
		return nil, k.ErrType
	}
	idx, err := draw(rng, n, m)
	if err != nil {
		return nil, err
	}
	return castLongs(idx, -t), nil
}

// draw is n positions below c drawn with repeats, or -n distinct ones
// when n is negative.
func draw(rng *rand.Rand, n, c int64) (k.Longs, error) {
	if err := k.NeedItems(int(min(max(n, -n), 1<<62)), k.TLong); err != nil {
		return nil, err
	}
	if n >= 0 {
		if c <= 0 && n > 0 {
			return nil, k.ErrLength
		}
		r := make(k.Longs, n)
		for i := range r {
			r[i] = rng.Int64N(c)
		}
		return r, nil
	}
	n = -n
	if n > c {
		return nil, k.ErrLength
	}
	if n > c/2 {
		// most of the range: shuffle it and take the front
		p := make(k.Longs, c)
		for i := range p {
			p[i] = int64(i)
		}
		for i := int64(0); i < n; i++ {
			j := i + rng.Int64N(c-i)
			p[i], p[j] = p[j], p[i]
		}
		return p[:n], nil
	}
	// Floyd's sampling: n distinct values, then shuffled.
	seen := make(map[int64]struct{}, n)
	r := make(k.Longs, 0, n)
	for j := c - n; j < c; j++ {
		t := rng.Int64N(j + 1)
		if _, ok := seen[t]; ok {
			t = j
		}
		seen[t] = struct{}{}
		r = append(r, t)
	}
	rng.Shuffle(len(r), func(i, j int) { r[i], r[j] = r[j], r[i] })
	return r, nil
}

// castLongs makes drawn longs a vector of the type of the atom drawn from
// (type code t > 0).
func castLongs(v k.Longs, t int) k.V {
	switch k.Storage(t) {
	case k.TLong:
		return k.Retag(v, t)
	case k.TInt:
		r := make(k.Ints, len(v))
		for i, e := range v {
			r[i] = int32(e)
		}
		return k.Retag(r, t)
	case k.TShort:
		r := make(k.Shorts, len(v))
		for i, e := range v {
			r[i] = int16(e)
		}
		return r
	case k.TByte:
		r := make(k.Bytes, len(v))
		for i, e := range v {
			r[i] = byte(e)
		}
		return r
	}
	return v
}

// randomSyms is n?`k: n symbols of k letters (1 to 8) from a to p; -n
// gives distinct ones.
func randomSyms(rng *rand.Rand, n int64, spec string) (k.V, error) {
	w, err := strconv.Atoi(spec)
	if err != nil || w < 1 || w > 8 {
		return nil, k.ErrDomain
	}
	space := int64(1) << (4 * w)
	idx, err := draw(rng, n, space)
	if err != nil {
		return nil, err
	}
	r := make(k.Syms, len(idx))
	for i, e := range idx {
		b := make([]byte, w)
		for j := w - 1; j >= 0; j-- {
			b[j] = symLetters[e&15]
			e >>= 4
		}
		r[i] = string(b)
	}
	return r, nil
}

// rand is q's rand: one item drawn from a list, or a number below an atom.
func (in *Interp) rand(x k.V) (k.V, error) {
	r, err := in.roll(k.Long(1), x)
	if err != nil {
		return nil, err
	}
	return k.At(r, 0), nil
}
