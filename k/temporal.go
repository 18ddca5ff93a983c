package k

import (
	"math"
	"strconv"
)

// q's nine temporal types. Each is stored as an integer or float count
// from q's epoch 2000.01.01T00:00 (dates, months, timestamps, datetimes)
// or from midnight (timespans, minutes, seconds, times), in the unit of
// the type. A temporal vector shares its storage type with a numeric
// vector (Dates with Ints, Timestamps with Longs, Datetimes with Floats),
// so a primitive that moves items around works on the storage and tags
// the result with the type again (see Under and Retag).

// Temporal atoms.
type (
	// Timestamp is a timestamp atom (-12h): nanoseconds since 2000.01.01D0.
	Timestamp int64
	// Month is a month atom (-13h): months since 2000.01m.
	Month int32
	// Date is a date atom (-14h): days since 2000.01.01.
	Date int32
	// Datetime is a datetime atom (-15h): days since 2000.01.01T0 as a float.
	Datetime float64
	// Timespan is a timespan atom (-16h): nanoseconds.
	Timespan int64
	// Minute is a minute atom (-17h): minutes.
	Minute int32
	// Second is a second atom (-18h): seconds.
	Second int32
	// Time is a time atom (-19h): milliseconds.
	Time int32
)

// Temporal vectors.
type (
	// Timestamps is a timestamp vector (12h).
	Timestamps []int64
	// Months is a month vector (13h).
	Months []int32
	// Dates is a date vector (14h).
	Dates []int32
	// Datetimes is a datetime vector (15h).
	Datetimes []float64
	// Timespans is a timespan vector (16h).
	Timespans []int64
	// Minutes is a minute vector (17h).
	Minutes []int32
	// Seconds is a second vector (18h).
	Seconds []int32
	// Times is a time vector (19h).
	Times []int32
)

// Type codes of the temporal atoms.
func (Timestamp) Type() int { return -TTimestamp }
func (Month) Type() int     { return -TMonth }
func (Date) Type() int      { return -TDate }
func (Datetime) Type() int  { return -TDatetime }
func (Timespan) Type() int  { return -TTimespan }
func (Minute) Type() int    { return -TMinute }
func (Second) Type() int    { return -TSecond }
func (Time) Type() int      { return -TTime }

// Type codes of the temporal vectors.
func (Timestamps) Type() int { return TTimestamp }
func (Months) Type() int     { return TMonth }
func (Dates) Type() int      { return TDate }
func (Datetimes) Type() int  { return TDatetime }
func (Timespans) Type() int  { return TTimespan }
func (Minutes) Type() int    { return TMinute }
func (Seconds) Type() int    { return TSecond }
func (Times) Type() int      { return TTime }

// Units of the temporal types.
const (
	NanosPerDay   = 86400000000000
	MillisPerDay  = 86400000
	SecondsPerDay = 86400
	MinutesPerDay = 1440
)

// IsTemporal reports whether type code t (atom or vector) is temporal.
func IsTemporal(t int) bool {
	if t < 0 {
		t = -t
	}
	return t >= TTimestamp && t <= TTime
}

// Storage is the numeric type that holds temporal type t (atom or vector,
// the sign kept): long for timestamps and timespans, float for datetimes,
// int for the others. Any other t is returned as it is.
func Storage(t int) int {
	a := t
	if a < 0 {
		a = -a
	}
	var s int
	switch a {
	case TTimestamp, TTimespan:
		s = TLong
	case TDatetime:
		s = TFloat
	case TMonth, TDate, TMinute, TSecond, TTime:
		s = TInt
	default:
		return t
	}
	if t < 0 {
		return -s
	}
	return s
}

// Under is v with its temporal type dropped: the Longs, Ints or Floats
// (or atom) that store it, sharing storage. Any other value is returned as
// it is.
func Under(v V) V {
	switch x := v.(type) {
	case *Attr:
		return Under(x.V)
	case Timestamp:
		return Long(x)
	case Month:
		return Int(x)
	case Date:
		return Int(x)
	case Datetime:
		return Float(x)
	case Timespan:
		return Long(x)
	case Minute:
		return Int(x)
	case Second:
		return Int(x)
	case Time:
		return Int(x)
	case Timestamps:
		return Longs(x)
	case Months:
		return Ints(x)
	case Dates:
		return Ints(x)
	case Datetimes:
		return Floats(x)
	case Timespans:
		return Longs(x)
	case Minutes:
		return Ints(x)
	case Seconds:
		return Ints(x)
	case Times:
		return Ints(x)
	}
	return v
}

// Retag gives the storage values in v (Longs, Ints or Floats, their atoms,
// or general lists of them) the temporal type t (atom or vector code: only
// its magnitude counts), sharing storage. Values of another storage type
// are returned as they are.
func Retag(v V, t int) V {
	if t < 0 {
		t = -t
	}
	switch x := v.(type) {
	case Long:
		switch t {
		case TTimestamp:
			return Timestamp(x)
		case TTimespan:
			return Timespan(x)
		}
	case Longs:
		switch t {
		case TTimestamp:
			return Timestamps(x)
		case TTimespan:
			return Timespans(x)
		}
	case Float:
		if t == TDatetime {
			return Datetime(x)
		}
	case Floats:
		if t == TDatetime {
			return Datetimes(x)
		}
	case Int:
		switch t {
		case TMonth:
			return Month(x)
		case TDate:
			return Date(x)
		case TMinute:
			return Minute(x)
		case TSecond:
			return Second(x)
		case TTime:
			return Time(x)
		}
	case Ints:
		switch t {
		case TMonth:
			return Months(x)
		case TDate:
			return Dates(x)
		case TMinute:
			return Minutes(x)
		case TSecond:
			return Seconds(x)
		case TTime:
			return Times(x)
		}
	case List:
		r := make(List, len(x))
		for i, e := range x {
			r[i] = Retag(e, t)
		}
		return r
	}
	return v
}

// typeChar is the letter of each temporal type, as in 0Nd and `$"d".
var typeChar = [...]byte{TTimestamp: 'p', TMonth: 'm', TDate: 'd', TDatetime: 'z',
	TTimespan: 'n', TMinute: 'u', TSecond: 'v', TTime: 't'}

// civil is the proleptic Gregorian year, month and day of day d counted
// from 2000.01.01.
func civil(d int64) (y, m, dd int64) {
	// Days from 0000-03-01, after Howard Hinnant's civil_from_days.
	z := d + 730425
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return
}

// DaysFrom is the day count from 2000.01.01 of year y, month m (1-12),
// day d.
func DaysFrom(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 730425
}

// floorDiv is a/b rounded towards minus infinity, and the remainder.
func floorDiv(a, b int64) (q, r int64) {
	q, r = a/b, a%b
	if r < 0 {
		q--
		r += b
	}
	return
}

func pad2(b []byte, n int64) []byte {
	if n < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, n, 10)
}

func padN(b []byte, n int64, w int) []byte {
	s := strconv.FormatInt(n, 10)
	for i := len(s); i < w; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func appendDate(b []byte, d int64) []byte {
	y, m, dd := civil(d)
	if y < 1 || y > 9999 {
		// out of q's range of dates
		return append(b, "0000.00.00"...)
	}
	b = padN(b, y, 4)
	b = append(b, '.')
	b = pad2(b, m)
	b = append(b, '.')
	return pad2(b, dd)
}

// appendClock writes h:m:s with hours of at least two digits, then a
// fraction of the given width from frac.
func appendClock(b []byte, secs int64, frac int64, width int) []byte {
	b = pad2(b, secs/3600)
	b = append(b, ':')
	b = pad2(b, secs/60%60)
	b = append(b, ':')
	b = pad2(b, secs%60)
	if width > 0 {
		b = append(b, '.')
		b = padN(b, frac, width)
	}
	return b
}

// temporalText is the text of one regular temporal item of type t with
// storage value n (f for datetimes), without type letter.
func temporalText(t int, n int64, f float64) string {
	var b []byte
	switch t {
	case TTimestamp:
		d, r := floorDiv(n, NanosPerDay)
		b = appendDate(b, d)
		b = append(b, 'D')
		b = appendClock(b, r/1e9, r%1e9, 9)
	case TMonth:
		y, m := floorDiv(n, 12)
		b = padN(b, 2000+y, 4)
		b = append(b, '.')
		b = pad2(b, m+1)
	case TDate:
		b = appendDate(b, n)
	case TDatetime:
		ms := int64(math.Round(f * MillisPerDay))
		d, r := floorDiv(ms, MillisPerDay)
		b = appendDate(b, d)
		b = append(b, 'T')
		b = appendClock(b, r/1000, r%1000, 3)
	case TTimespan:
		if n < 0 {
			b = append(b, '-')
			n = -n
		}
		b = strconv.AppendInt(b, n/NanosPerDay, 10)
		b = append(b, 'D')
		r := n % NanosPerDay
		b = appendClock(b, r/1e9, r%1e9, 9)
	case TMinute, TSecond, TTime:
		if n < 0 {
			b = append(b, '-')
			n = -n
		}
		switch t {
		case TMinute:
			b = pad2(b, n/60)
			b = append(b, ':')
			b = pad2(b, n%60)
		case TSecond:
			b = appendClock(b, n, 0, 0)
		default:
			b = appendClock(b, n/1000, n%1000, 3)
		}
	}
	return string(b)
}

// widenInt maps an int's null and infinities to the long ones.
func widenInt(x int32) int64 {
	switch x {
	case NullInt:
		return NullLong
	case InfInt:
		return InfLong
	case -InfInt:
		return -InfLong
	}
	return int64(x)
}

// floatClass is NullLong, InfLong or -InfLong for a null or infinite
// float, 0 for any other.
func floatClass(f float64) int64 {
	switch {
	case f != f:
		return NullLong
	case math.IsInf(f, 1):
		return InfLong
	case math.IsInf(f, -1):
		return -InfLong
	}
	return 0
}

// temporalItem is item i of temporal vector v (or the atom v): its text,
// or for a null or infinity "0N", "0W" or "-0W" ("0w" and "-0w" for
// datetimes, whose storage is float) with regular false.
func temporalItem(v V, i int) (s string, regular bool) {
	t := typeOf(v)
	if t < 0 {
		t = -t
	}
	var n int64
	var f float64
	switch x := Under(v).(type) {
	case Longs:
		n = x[i]
	case Ints:
		n = widenInt(x[i])
	case Floats:
		f = x[i]
		n = floatClass(f)
	case Long:
		n = int64(x)
	case Int:
		n = widenInt(int32(x))
	case Float:
		f = float64(x)
		n = floatClass(f)
	}
	w := "W"
	if t == TDatetime {
		w = "w"
	}
	switch n {
	case NullLong:
		return "0N", false
	case InfLong:
		return "0" + w, false
	case -InfLong:
		return "-0" + w, false
	}
	return temporalText(t, n, f), true
}

// temporalAtom is the one-line form of a temporal atom: 2024.01.15,
// 2024.01m, 0Nd, 0Wp.
func temporalAtom(v V) string {
	t := -typeOf(v)
	s, regular := temporalItem(v, 0)
	if !regular || t == TMonth {
		return s + string(typeChar[t])
	}
	return s
}

// temporalVector is the one-line form of a non-empty temporal vector:
// items separated by spaces, nulls and infinities as 0N and 0W, and the
// type letter where no item shows the type (always for months).
func temporalVector(w *oneLine, v V) {
	t := typeOf(v)
	n := Count(v)
	w.lead(n)
	anyRegular := false
	w.items(n, " ", func(i int) string {
		s, regular := temporalItem(v, i)
		anyRegular = anyRegular || regular
		return s
	})
	if t == TMonth || !anyRegular {
		w.str(string(typeChar[t]))
	}
}

// temporalCells is q's string of each item of a temporal vector: nulls
// empty, infinities 0W and -0W.
func temporalCells(v V) []string {
	n := Count(v)
	s := make([]string, n)
	for i := range s {
		e, regular := temporalItem(v, i)
		if !regular && e == "0N" {
			e = ""
		}
		s[i] = e
	}
	return s
}

// TemporalString is q's string of a temporal atom: its text without type
// letter (0N, 0W and -0W for nulls and infinities).
func TemporalString(v V) string {
	s, _ := temporalItem(v, 0)
	return s
}

// Civil is the year, month (1-12) and day of day d counted from 2000.01.01.
func Civil(d int64) (y, m, dd int64) { return civil(d) }
