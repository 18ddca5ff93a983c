package prim

import (
	"math"

	"kt/k"
)

// Temporal types in primitives. A temporal vector is stored as Longs,
// Ints or Floats (k.Under), so what only moves items about (index, take,
// join, sort, find ...) runs on the storage and tags the result again
// (k.Retag). Arithmetic follows the result-type tables of q's reference
// (add.md, subtract.md, multiply.md): each operand is brought to the unit
// of the result type, then added or subtracted as integers or floats.

// typeLetters are q's type letters in the order of the reference's tables.
const typeLetters = "bgxhijefcspmdznuvt"

// The rows of add.md, subtract.md and multiply.md: row x, column y, the
// letter of the result type ('.' for 'type).
var (
	addTable = [18]string{
		"i.iiijef..pmdznuvt", "..................", "i.iiijef..pmdznuvt", "i.iiijef..pmdznuvt",
		"i.iiijef..pmdznuvt", "j.jjjjef..pmdznuvt", "e.eeeeef..pmdznuvt", "f.fffffff.ffzzffff",
		".......f..pmdznuvt", "..................", "p.pppppfp.n...pppp", "m.mmmmmfm..i..pppp",
		"d.dddddzd...i.pppp", "z.zzzzzzz....fpzzz", "n.nnnnnfn.ppppnnnn", "u.uuuuufu.pppznuvt",
		"v.vvvvvfv.pppznvvt", "t.tttttft.pppznttt",
	}
	subTable = [18]string{
		"i.iiijefi.pmdznuvt", "..................", "i.iiijefi.pmdznuvt", "i.iiijefi.pmdznuvt",
		"i.iiijefi.pmdznuvt", "j.jjjjefj.pmdznuvt", "e.eeeeefe.pmdznuvt", "f.fffffff.ffzzffff",
		".......f..pmdznuvt", "..................", "p.pppppfp.n...pppp", "m.mmmmmfm..i..pppp",
		"d.dddddzd...i.pppp", "z.zzzzzzz....fpzzz", "n.nnnnnfn.ppppnnnn", "u.uuuuufu.pppznuvt",
		"v.vvvvvfv.pppznvvt", "t.tttttft.pppznttt",
	}
	mulTable = [18]string{
		"i.iiijef..pmdznuvt", "..................", "i.iiijef..pmdznuvt", "i.iiijef..pmdznuvt",
		"i.iiijef..pmdznuvt", "j.jjjjef..pmdznuvt", "e.eeeeef..pmdznuvt", "f.fffffff.ffzzffff",
		".......f..pmdznuvt", "..................", "p.pppppfp.........", "m.mmmmmfm.........",
		"d.dddddzd.........", "z.zzzzzzz.........", "n.nnnnnfn.........", "u.uuuuufu.........",
		"v.vvvvvfv.........", "t.tttttft.........",
	}
)

// letterIndex is the position of type t (vector code) in typeLetters.
func letterIndex(t int) int {
	switch {
	case t == k.TBool:
		return 0
	case t == k.TGuid:
		return 1
	case t >= k.TByte && t <= k.TTime:
		return t - 2
	}
	return -1
}

// typeOfLetter is the vector type of a letter of typeLetters.
func typeOfLetter(c byte) int {
	switch c {
	case 'b':
		return k.TBool
	case 'g':
		return k.TGuid
	}
	for i := 2; i < len(typeLetters); i++ {
		if typeLetters[i] == c {
			return i + 2
		}
	}
	return 0
}

// resultType looks up the result type of x op y in a reference table.
func resultType(table *[18]string, tx, ty int) int {
	i, j := letterIndex(tx), letterIndex(ty)
	if i < 0 || j < 0 {
		return 0
	}
	return typeOfLetter(table[i][j])
}

// nanos is the length in nanoseconds of one unit of temporal type t; 0 for
// months, whose length varies.
func nanos(t int) int64 {
	switch t {
	case k.TTimestamp, k.TTimespan:
		return 1
	case k.TDate, k.TDatetime:
		return k.NanosPerDay
	case k.TMinute:
		return 60e9
	case k.TSecond:
		return 1e9
	case k.TTime:
		return 1e6
	}
	return 0
}

// monthDays is the day count from 2000.01.01 of the first day of month m.
func monthDays(m int64) int64 {
	y, mm := floorDivide(m, 12)
	return k.DaysFrom(2000+y, mm+1, 1)
}

func floorDivide(a, b int64) (int64, int64) {
	q, r := a/b, a%b
	if r < 0 {
		q--
		r += b
	}
	return q, r
}

// inUnitI reads x (temporal or numeric, atom or vector) as int64s in the
// unit of temporal type rt: a number is taken in rt's unit as it is, a
// temporal value converted. Nulls map to 0N and infinities to ±0W.
func inUnitI(x k.V, rt int) []int64 {
	tx := absType(x)
	if !k.IsTemporal(tx) || tx == rt || !k.IsTemporal(rt) {
		return toI64(k.Under(x))
	}
	if tx == k.TDatetime {
		f := toF64(k.Under(x))
		r := make([]int64, len(f))
		u := float64(nanos(rt))
		for i, e := range f {
			r[i] = f2i(e * k.NanosPerDay / u)
		}
		return r
	}
	v := toI64(k.Under(x))
	r := make([]int64, len(v))
	from, to := nanos(tx), nanos(rt)
	for i, e := range v {
		switch {
		case e == k.NullLong || e == k.InfLong || e == -k.InfLong:
			r[i] = e
		case tx == k.TMonth:
			r[i] = monthDays(e) * k.NanosPerDay / to
		case to == 0:
			r[i] = k.NullLong
		case from > to && (e > math.MaxInt64/from || e < -math.MaxInt64/from):
			// past the range of the finer type
			r[i] = k.InfLong
			if e < 0 {
				r[i] = -k.InfLong
			}
		default:
			q, _ := floorDivide(e*from, to)
			r[i] = q
		}
	}
	return r
}

// inUnitF reads x as float64s in the unit of rt (days for datetimes).
func inUnitF(x k.V, rt int) []float64 {
	tx := absType(x)
	if !k.IsTemporal(tx) || tx == rt || rt == k.TFloat {
		return toF64(k.Under(x))
	}
	v := inUnitI(x, k.TTimestamp)
	r := make([]float64, len(v))
	for i, e := range v {
		switch e {
		case k.NullLong:
			r[i] = math.NaN()
		case k.InfLong:
			r[i] = math.Inf(1)
		case -k.InfLong:
			r[i] = math.Inf(-1)
		default:
			r[i] = float64(e) / float64(nanos(rt))
		}
	}
	return r
}

// narrowI converts int64s to int32s with nulls and infinities mapped.
func narrowI(v []int64) []int32 {
	r := make([]int32, len(v))
	for i, e := range v {
		switch {
		case e == k.NullLong:
			r[i] = k.NullInt
		case e >= k.InfInt:
			r[i] = k.InfInt
		case e <= -k.InfInt:
			r[i] = -k.InfInt
		default:
			r[i] = int32(e)
		}
	}
	return r
}

// storeAs makes int64s or float64s computed in the unit of type rt a
// vector of type rt.
func storeAs(rt int, iv []int64, fv []float64) k.V {
	switch k.Storage(rt) {
	case k.TFloat:
		return k.Retag(k.Floats(fv), rt)
	case k.TLong:
		return k.Retag(k.Longs(iv), rt)
	}
	return k.Retag(k.Ints(narrowI(iv)), rt)
}

// temporalArith is x op y (op + - *) where x or y is temporal.
func temporalArith(op byte, x, y k.V) (k.V, error) {
	table := &addTable
	switch op {
	case '-':
		table = &subTable
	case '*':
		table = &mulTable
	}
	tx, ty := absType(x), absType(y)
	rt := resultType(table, tx, ty)
	if rt == 0 {
		return nil, k.ErrType
	}
	n, atom := counts(x, y)
	// Two temporal operands meet in the unit of the result; a result that
	// is a plain number (d-d, z-z) is in the operands' own unit.
	unit := rt
	if !k.IsTemporal(rt) {
		unit = tx
		if !k.IsTemporal(tx) {
			unit = ty
		}
	}
	if k.Storage(rt) == k.TFloat || rt == k.TReal {
		a, b := inUnitF(x, unit), inUnitF(y, unit)
		r := floatOp(op, a, b, n)
		if rt == k.TReal {
			return wrap(atom, k.Reals(toF32(k.Floats(r)))), nil
		}
		return wrap(atom, storeAs(rt, nil, r)), nil
	}
	a, b := inUnitI(x, unit), inUnitI(y, unit)
	r := intOp(op, a, b, n, int64(k.NullLong))
	return wrap(atom, storeAs(rt, r, nil)), nil
}

// temporalCompare is the kernel of a comparison where x or y is temporal:
// values of one type compare as their storage; a number compares with a
// temporal value in its unit; dates, months, timestamps and datetimes
// compare as points in time, and timespans, minutes, seconds and times as
// lengths of time.
func temporalCompare(m int, x, y k.V) (k.V, error) {
	tx, ty := absType(x), absType(y)
	point := func(t int) bool {
		return t == k.TTimestamp || t == k.TMonth || t == k.TDate || t == k.TDatetime
	}
	switch {
	case tx == ty, !k.IsTemporal(tx) && isNum(tx), !k.IsTemporal(ty) && isNum(ty):
		return compareKern(m)(k.Under(x), k.Under(y))
	case point(tx) != point(ty):
		return nil, k.ErrType
	case tx == k.TDatetime || ty == k.TDatetime:
		return compareKern(m)(shaped(x, k.Floats(inUnitF(x, k.TDatetime))), shaped(y, k.Floats(inUnitF(y, k.TDatetime))))
	}
	return compareKern(m)(shaped(x, k.Longs(inUnitI(x, k.TTimestamp))), shaped(y, k.Longs(inUnitI(y, k.TTimestamp))))
}

// shaped is the converted values v of x as an atom where x is one.
func shaped(x, v k.V) k.V {
	if isAtom(x) {
		return k.At(v, 0)
	}
	return v
}

// Primitives that move the items of a temporal list about, or read them,
// run on its storage. keepType tags the result with x's type again;
// onStorage does not (the result is positions, booleans or counts).
var (
	keepTypeMonads = []string{"|", "reverse", "asc", "desc", "?", "distinct", "*", "first", "last",
		"min", "max", "mins", "maxs", "fills", "prev", "next"}
	storageMonads = []string{"<", ">", "iasc", "idesc", "^", "null", "differ",
		"avg", "avgs", "med", "dev", "var", "sdev", "svar"}
	spanMonads = []string{"-", "neg", "abs", "sum", "sums"}
	// Dyads whose right argument is the list (x#y, x_y ...).
	keepTypeRight = []string{"#", "_", "cut", "sublist", "rotate", "xprev"}
)

// wrapTemporal wraps the primitives above for temporal arguments.
func wrapTemporal() {
	for _, name := range keepTypeMonads {
		Monads[name] = keepType(Monads[name], false)
	}
	for _, name := range spanMonads {
		Monads[name] = keepType(Monads[name], true)
	}
	for _, name := range storageMonads {
		Monads[name] = onStorage(Monads[name])
	}
	for _, name := range keepTypeRight {
		Dyads[name] = keepTypeOfRight(Dyads[name])
	}
	for _, name := range []string{",", "except", "inter", "union", "^"} {
		Dyads[name] = sameType(Dyads[name], true)
	}
	for _, name := range []string{"?", "in", "bin", "binr"} {
		Dyads[name] = sameType(Dyads[name], false)
	}
	Monads["="], Monads["group"] = groupTemporal, groupTemporal
	Dyads["xbar"] = xbarTemporal
}

// isSpan reports whether temporal type t is a length of time.
func isSpan(t int) bool {
	return t == k.TTimespan || t == k.TMinute || t == k.TSecond || t == k.TTime
}

// keepType runs f on the storage of a temporal x and tags the result with
// x's type; with spans, only lengths of time are allowed.
func keepType(f Monad, spans bool) Monad {
	return func(x k.V) (k.V, error) {
		t := absType(x)
		if !k.IsTemporal(t) {
			return f(x)
		}
		if spans && !isSpan(t) {
			return nil, k.ErrType
		}
		r, err := f(k.Under(x))
		if err != nil {
			return nil, err
		}
		return retagAs(r, t), nil
	}
}

// retagAs tags storage values r with temporal type t, converting them to
// t's storage first where a primitive widened them (sum of ints is long).
func retagAs(r k.V, t int) k.V {
	if st := k.Storage(t); isNum(r.Type()) && absType(r) != st {
		r = convert(r, st, isAtom(r))
	}
	return k.Retag(r, t)
}

// onStorage runs f on the storage of a temporal x.
func onStorage(f Monad) Monad {
	return func(x k.V) (k.V, error) { return f(k.Under(x)) }
}

// keepTypeOfRight runs f on the storage of a temporal y and tags the
// result with y's type.
func keepTypeOfRight(f Dyad) Dyad {
	return func(x, y k.V) (k.V, error) {
		t := absType(y)
		if !k.IsTemporal(t) {
			return f(x, y)
		}
		r, err := f(x, k.Under(y))
		if err != nil {
			return nil, err
		}
		return k.Retag(r, t), nil
	}
}

// sameType runs f on the storage of x and y where both are of one
// temporal type, tagging the result with it if keep.
func sameType(f Dyad, keep bool) Dyad {
	return func(x, y k.V) (k.V, error) {
		t := absType(x)
		if !k.IsTemporal(t) || absType(y) != t {
			return f(x, y)
		}
		r, err := f(k.Under(x), k.Under(y))
		if err != nil || !keep {
			return r, err
		}
		return k.Retag(r, t), nil
	}
}

// groupTemporal is group with temporal keys.
func groupTemporal(x k.V) (k.V, error) {
	t := absType(x)
	if !k.IsTemporal(t) {
		return Group(x)
	}
	r, err := Group(k.Under(x))
	if err != nil {
		return nil, err
	}
	if d, ok := r.(*k.Dict); ok {
		return &k.Dict{Keys: k.Retag(d.Keys, t), Vals: d.Vals}, nil
	}
	return r, nil
}

// xbarTemporal is x xbar y for temporal y: x is a number in y's unit or a
// length of time (0D00:05 xbar timestamps, 00:05 xbar times).
func xbarTemporal(x, y k.V) (k.V, error) {
	ty := absType(y)
	if !k.IsTemporal(ty) {
		if k.IsTemporal(absType(x)) {
			return nil, k.ErrType
		}
		return Xbar(x, y)
	}
	if tx := absType(x); k.IsTemporal(tx) {
		if !isSpan(tx) || ty == k.TMonth || ty == k.TDatetime {
			return nil, k.ErrType
		}
		x = shaped(x, k.Longs(inUnitI(x, ty)))
	}
	r, err := Xbar(x, k.Under(y))
	if err != nil {
		return nil, err
	}
	return retagAs(r, ty), nil
}

// extractNames are the casts that take a field out of a temporal value.
var extractNames = map[string]bool{"year": true, "mm": true, "dd": true, "hh": true, "uu": true, "ss": true}

// nanosOf reads temporal x as int64 nanoseconds: from 2000.01.01D0 for
// dates, months, timestamps and datetimes, the length for the others;
// nulls stay 0N and infinities ±0W.
func nanosOf(x k.V) []int64 {
	tx := absType(x)
	if tx == k.TDatetime {
		f := toF64(k.Under(x))
		r := make([]int64, len(f))
		for i, e := range f {
			switch c := floatKind(e); c {
			case 0:
				r[i] = int64(math.Round(e*k.MillisPerDay)) * 1e6
			default:
				r[i] = c
			}
		}
		return r
	}
	return inUnitI(x, k.TTimestamp)
}

// floatKind is 0N, 0W or -0W for a null or infinite float, else 0.
func floatKind(f float64) int64 {
	switch {
	case f != f:
		return k.NullLong
	case math.IsInf(f, 1):
		return k.InfLong
	case math.IsInf(f, -1):
		return -k.InfLong
	}
	return 0
}

// special reports whether e is a null or an infinity.
func special(e int64) bool { return e == k.NullLong || e == k.InfLong || e == -k.InfLong }

// isPoint reports whether temporal type t is a point in time.
func isPoint(t int) bool {
	return t == k.TTimestamp || t == k.TMonth || t == k.TDate || t == k.TDatetime
}

// temporalCast is `t$y where t or y is temporal: numbers are storage
// values; a temporal value to a number is its storage; between temporal
// types a point in time keeps its instant (a date floors a timestamp, a
// time takes a timestamp's time of day) and a length keeps its length.
func temporalCast(t int, y k.V) (k.V, error) {
	ty := absType(y)
	atom := isAtom(y)
	switch {
	case !k.IsTemporal(ty):
		if !isNum(ty) {
			return nil, k.ErrType
		}
		return k.Retag(convert(y, k.Storage(t), atom), t), nil
	case !k.IsTemporal(t):
		if !isNum(t) {
			return nil, k.ErrType
		}
		return convert(k.Under(y), t, atom), nil
	case t == ty:
		return y, nil
	}
	if t == k.TDatetime && (ty == k.TDate || ty == k.TMonth) {
		// whole days, as floats, whatever their range
		days := toF64(k.Under(y))
		if ty == k.TMonth {
			m := toI64(k.Under(y))
			for i, e := range m {
				if !special(e) {
					days[i] = float64(monthDays(e))
				}
			}
		}
		return wrap(atom, k.Datetimes(days)), nil
	}
	ns := nanosOf(y)
	if t == k.TDatetime {
		r := make([]float64, len(ns))
		for i, e := range ns {
			if special(e) {
				r[i] = inUnitF(k.Long(e), k.TFloat)[0]
				if e != k.NullLong {
					r[i] = math.Inf(int(e / k.InfLong))
				}
				continue
			}
			if !isPoint(ty) {
				e = 0
			}
			r[i] = float64(e/1e6) / k.MillisPerDay
		}
		return wrap(atom, k.Datetimes(r)), nil
	}
	r := make([]int64, len(ns))
	for i, e := range ns {
		if special(e) {
			r[i] = e
			continue
		}
		switch {
		case t == k.TMonth:
			y, m, _ := civilOf(e)
			r[i] = (y-2000)*12 + m - 1
		case isPoint(t) && isPoint(ty), isPoint(t) && !isPoint(ty):
			r[i], _ = floorDivide(e, nanos(t))
		case isPoint(ty):
			// a point in time to a length: its time of day
			_, tod := floorDivide(e, k.NanosPerDay)
			r[i] = tod / nanos(t)
		default:
			r[i] = e / nanos(t)
		}
	}
	return wrap(atom, storeAs(t, r, nil)), nil
}

// civilOf is the calendar date of a point in time given in nanoseconds.
func civilOf(ns int64) (y, m, d int64) {
	days, _ := floorDivide(ns, k.NanosPerDay)
	return k.Civil(days)
}

// extract is `year$ `mm$ `dd$ `hh$ `uu$ `ss$ of y: int fields of a
// temporal value.
func extract(name string, y k.V) (k.V, error) {
	ty := absType(y)
	if !k.IsTemporal(ty) {
		return nil, k.ErrType
	}
	date := name == "year" || name == "mm" || name == "dd"
	if date && !isPoint(ty) || name == "dd" && ty == k.TMonth {
		return nil, k.ErrType
	}
	ns := nanosOf(y)
	r := make([]int32, len(ns))
	for i, e := range ns {
		if special(e) {
			r[i] = narrowI([]int64{e})[0]
			continue
		}
		if isPoint(ty) && !date {
			_, e = floorDivide(e, k.NanosPerDay)
		}
		yy, mm, dd := civilOf(e)
		var v int64
		switch name {
		case "year":
			v = yy
		case "mm":
			v = mm
		case "dd":
			v = dd
		case "hh":
			v = e / 3600e9
		case "uu":
			v = e / 60e9 % 60
		default:
			v = e / 1e9 % 60
		}
		r[i] = int32(v)
	}
	return wrap(isAtom(y), k.Ints(r)), nil
}
