package q

import (
	"strings"
	"time"

	"kt/k"
	"kt/prim"
)

// The clock (.z.d .z.t .z.p .z.z .z.n in UTC, .z.D .z.T .z.P .z.Z .z.N in
// local time) and dot notation on temporal values (d.year, t.minute,
// select time.hh from t).

// epoch is q's 2000.01.01D00:00.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// clock is the value of a .z clock name, if name is one.
func (in *Interp) clock(name string) (k.V, bool) {
	c, ok := strings.CutPrefix(name, ".z.")
	if !ok || len(c) != 1 {
		return nil, false
	}
	now := time.Now
	if in.Now != nil {
		now = in.Now
	}
	t := now()
	switch c {
	case "d", "t", "p", "z", "n":
		t = t.UTC()
	case "D", "T", "P", "Z", "N":
		_, off := t.Zone()
		t = t.UTC().Add(time.Duration(off) * time.Second)
	default:
		return nil, false
	}
	ns := t.Sub(epoch).Nanoseconds()
	if d := t.Sub(epoch); d < 0 && d.Nanoseconds() == ns {
		ns = d.Nanoseconds()
	}
	tod := ns % k.NanosPerDay
	if tod < 0 {
		tod += k.NanosPerDay
	}
	switch strings.ToLower(c) {
	case "d":
		return k.Date((ns - tod) / k.NanosPerDay), true
	case "t":
		return k.Time(tod / 1e6), true
	case "p":
		return k.Timestamp(ns), true
	case "z":
		return k.Datetime(float64(ns/1e6) / k.MillisPerDay), true
	}
	return k.Timespan(tod), true
}

// dotField is name a.b where a is a table and b one of its columns
// (t.time), or a is a temporal value and b a type or field that `b$
// casts to: d.year, t.minute, x.date.
func (in *Interp) dotField(name string, fr *frame) (k.V, bool) {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || i == len(name)-1 {
		return nil, false
	}
	field := name[i+1:]
	base, err := in.lookup(name[:i], fr)
	if err != nil {
		return nil, false
	}
	if tb, ok := base.(*k.Table); ok {
		// t.c: the column c of table t
		if j := symIndex(tb.Cols, field); j >= 0 {
			return tb.Data[j], true
		}
		return nil, false
	}
	if !prim.IsCastName(field) {
		return nil, false
	}
	t := base.Type()
	if t < 0 {
		t = -t
	}
	if !k.IsTemporal(t) {
		return nil, false
	}
	r, err := prim.Cast(k.Sym(field), base)
	if err != nil {
		return nil, false
	}
	return r, true
}
