package codec

import (
	"math"
	"math/rand"
	"reflect"

	"kt/k"
)

// RandomValue is a random value of any serializable data type: atoms and
// vectors of every type (with nulls, infinities and attributes), general
// lists, dictionaries, sorted dictionaries, tables, keyed tables and
// enumerations, nested up to depth levels. Round-trip tests use it.
func RandomValue(r *rand.Rand, depth int) k.V {
	pick := r.Intn(24)
	if depth <= 0 && pick >= 20 {
		pick = r.Intn(20)
	}
	switch {
	case pick < 19:
		t := []int{k.TBool, k.TGuid, k.TByte, k.TShort, k.TInt, k.TLong, k.TReal, k.TFloat, k.TChar, k.TSym,
			k.TTimestamp, k.TMonth, k.TDate, k.TDatetime, k.TTimespan, k.TMinute, k.TSecond, k.TTime}[r.Intn(18)]
		v := RandomVector(r, t, r.Intn(6))
		if r.Intn(3) == 0 && k.Count(v) > 0 {
			return k.At(v, 0)
		}
		if r.Intn(5) == 0 {
			return &k.Attr{A: "sugp"[r.Intn(4)], V: v}
		}
		return v
	case pick == 19:
		return &k.Enums{Domain: "sym", Idx: []int64{int64(r.Intn(9)), k.NullLong}}
	case pick == 20:
		n := r.Intn(4)
		l := make(k.List, n)
		for i := range l {
			l[i] = RandomValue(r, depth-1)
		}
		return l
	case pick == 21:
		n := 1 + r.Intn(3)
		return &k.Dict{Keys: RandomVector(r, k.TSym, n), Vals: RandomVector(r, k.TFloat, n)}
	case pick == 22:
		d := &k.Dict{Keys: RandomVector(r, k.TLong, 2), Vals: k.List{k.Long(1), k.Chars("ab")}}
		if r.Intn(2) == 0 {
			return &k.Attr{A: k.AttrSorted, V: d}
		}
		return d
	}
	rows := r.Intn(5)
	t := randomTable(r, 1+r.Intn(3), rows)
	if r.Intn(2) == 0 {
		return &k.Dict{Keys: randomTable(r, 1, rows), Vals: t}
	}
	return t
}

func randomTable(r *rand.Rand, ncols, rows int) *k.Table {
	t := &k.Table{}
	for i := 0; i < ncols; i++ {
		t.Cols = append(t.Cols, string(rune('a'+i)))
		if r.Intn(4) == 0 {
			c := make(k.List, rows)
			for j := range c {
				c[j] = RandomVector(r, k.TChar, r.Intn(4))
			}
			t.Data = append(t.Data, c)
			continue
		}
		t.Data = append(t.Data, RandomVector(r, []int{k.TLong, k.TFloat, k.TSym, k.TDate, k.TTimestamp, k.TBool}[r.Intn(6)], rows))
	}
	return t
}

// RandomVector is a random vector of type t and count n, with nulls and
// infinities among its items.
func RandomVector(r *rand.Rand, t, n int) k.V {
	special := func() bool { return r.Intn(6) == 0 }
	var v k.V
	switch k.Storage(t) {
	case k.TBool:
		x := make(k.Bools, n)
		for i := range x {
			x[i] = r.Intn(2) == 0
		}
		v = x
	case k.TGuid:
		x := make(k.Guids, n)
		for i := range x {
			r.Read(x[i][:])
		}
		v = x
	case k.TByte:
		x := make(k.Bytes, n)
		r.Read(x)
		v = x
	case k.TChar:
		x := make(k.Chars, n)
		for i := range x {
			x[i] = byte(' ' + r.Intn(95))
		}
		v = x
	case k.TShort:
		x := make(k.Shorts, n)
		for i := range x {
			x[i] = int16(r.Intn(2000) - 1000)
			if special() {
				x[i] = []int16{k.NullShort, k.InfShort, -k.InfShort}[r.Intn(3)]
			}
		}
		v = x
	case k.TInt:
		x := make(k.Ints, n)
		for i := range x {
			x[i] = int32(r.Intn(20000) - 10000)
			if special() {
				x[i] = []int32{k.NullInt, k.InfInt, -k.InfInt}[r.Intn(3)]
			}
		}
		v = x
	case k.TLong:
		x := make(k.Longs, n)
		for i := range x {
			x[i] = r.Int63n(1e15) - 5e14
			if special() {
				x[i] = []int64{k.NullLong, k.InfLong, -k.InfLong}[r.Intn(3)]
			}
		}
		v = x
	case k.TReal:
		x := make(k.Reals, n)
		for i := range x {
			x[i] = float32(r.NormFloat64())
			if special() {
				x[i] = []float32{k.NaN32, float32(math.Inf(1))}[r.Intn(2)]
			}
		}
		v = x
	case k.TFloat:
		x := make(k.Floats, n)
		for i := range x {
			x[i] = r.NormFloat64() * 1e3
			if t == k.TDatetime {
				x[i] = float64(r.Intn(20000)) + float64(r.Intn(86400000))/86400000
			}
			if special() {
				x[i] = []float64{math.NaN(), math.Inf(-1)}[r.Intn(2)]
			}
		}
		v = x
	case k.TSym:
		x := make(k.Syms, n)
		for i := range x {
			x[i] = []string{"", "a", "IBM", "sym", "x y", "ü"}[r.Intn(6)]
		}
		v = x
	}
	if k.IsTemporal(t) {
		return k.Retag(v, t)
	}
	return v
}

// Same reports whether a and b are the same value, NaNs equal to
// themselves (as q's ~ has them).
func Same(a, b k.V) bool {
	return reflect.DeepEqual(nanFree(a), nanFree(b))
}

// nanFree is v with its NaNs made a fixed non-NaN pattern, so that
// DeepEqual compares nulls equal.
func nanFree(v k.V) k.V {
	const null = -1.2345e-300
	switch x := v.(type) {
	case k.Float:
		if x != x {
			return k.Float(null)
		}
	case k.Real:
		if x != x {
			return k.Real(null)
		}
	case k.Datetime:
		if x != x {
			return k.Datetime(null)
		}
	case k.Floats, k.Datetimes, k.Reals:
		c := k.Under(v)
		switch f := c.(type) {
		case k.Floats:
			g := make(k.Floats, len(f))
			for i, e := range f {
				g[i] = e
				if e != e {
					g[i] = null
				}
			}
			return k.Retag(g, v.Type())
		case k.Reals:
			g := make(k.Reals, len(f))
			for i, e := range f {
				g[i] = e
				if e != e {
					g[i] = float32(null)
				}
			}
			return g
		}
	case k.List:
		r := make(k.List, len(x))
		for i, e := range x {
			r[i] = nanFree(e)
		}
		return r
	case *k.Dict:
		return &k.Dict{Keys: nanFree(x.Keys), Vals: nanFree(x.Vals)}
	case *k.Table:
		return &k.Table{Cols: x.Cols, Data: nanFree(x.Data).(k.List)}
	case *k.Attr:
		return &k.Attr{A: x.A, V: nanFree(x.V)}
	}
	return v
}
