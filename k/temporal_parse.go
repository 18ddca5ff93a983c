package k

import (
	"math"
	"strings"
)

// Reading temporal text: the literals of the q language (2024.01.15,
// 12:30, 2024.01.15D12:00:00.000000001, 0Nd ...) and the text that q's
// "D"$ and its kin accept. Both the scanner and the casts read through
// ParseTemporal, so a literal and "D"$ of its text agree.

// TypeOfChar is the temporal type of a type letter (p m d z n u v t), or 0.
func TypeOfChar(c byte) int {
	for t, tc := range typeChar {
		if tc == c && tc != 0 {
			return t
		}
	}
	return 0
}

// CharOfType is the letter of temporal type t (atom or vector code).
func CharOfType(t int) byte {
	if t < 0 {
		t = -t
	}
	if t >= TTimestamp && t <= TTime {
		return typeChar[t]
	}
	return 0
}

// stamp is a temporal text taken apart.
type stamp struct {
	neg      bool
	hasDate  bool
	day      int64 // days from 2000.01.01 (hasDate)
	month    bool  // yyyy.mm alone
	months   int64 // months from 2000.01 (month)
	sep      byte  // 'D', 'T' or 0
	days     int64 // whole days before D in a timespan
	hasClock bool
	clock    int64 // nanoseconds of the clock part
	parts    int   // clock parts given: 1 (hh), 2 (hh:mm), 3 (hh:mm:ss)
	frac     int   // digits of the fraction of seconds
}

// digitsAt reads the decimal digits of s from i; n is their count.
func digitsAt(s string, i int) (v int64, n int) {
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' && n < 18 {
		v = v*10 + int64(s[i+n]-'0')
		n++
	}
	return
}

// parseClock reads hh[:mm[:ss[.fffffffff]]] (hh of one or more digits)
// into st; it reports whether all of s was read.
func (st *stamp) parseClock(s string) bool {
	h, n := digitsAt(s, 0)
	if n == 0 {
		return false
	}
	st.hasClock, st.parts = true, 1
	st.clock = h * 3600e9
	i := n
	for _, unit := range []int64{60e9, 1e9} {
		if i == len(s) {
			return true
		}
		if s[i] != ':' {
			break
		}
		v, n := digitsAt(s, i+1)
		if n != 2 || v > 59 {
			return false
		}
		st.clock += v * unit
		st.parts++
		i += 1 + n
	}
	if i == len(s) {
		return true
	}
	if s[i] != '.' || st.parts < 3 {
		return false
	}
	f, n := digitsAt(s, i+1)
	if n > 9 || i+1+n != len(s) {
		return false
	}
	for j := n; j < 9; j++ {
		f *= 10
	}
	st.clock += f
	st.frac = n
	return true
}

// parseDate reads yyyy.mm.dd, yyyy-mm-dd, yyyymmdd or yyyy.mm (a month)
// at the start of s; it returns the rest of s.
func (st *stamp) parseDate(s string) (string, bool) {
	y, n := digitsAt(s, 0)
	if n == 8 && (len(s) == 8 || s[8] == 'D' || s[8] == 'T' || s[8] == '-') {
		return st.setDate(y/10000, y/100%100, y%100, s[8:])
	}
	if n != 4 || len(s) < 7 || (s[4] != '.' && s[4] != '-') {
		return s, false
	}
	m, mn := digitsAt(s, 5)
	if mn != 2 {
		return s, false
	}
	if len(s) == 7 {
		if m < 1 || m > 12 || s[4] != '.' {
			return s, false
		}
		st.month, st.months = true, (y-2000)*12+m-1
		return "", true
	}
	if s[7] != s[4] {
		return s, false
	}
	d, dn := digitsAt(s, 8)
	if dn != 2 {
		return s, false
	}
	return st.setDate(y, m, d, s[10:])
}

func (st *stamp) setDate(y, m, d int64, rest string) (string, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return rest, false
	}
	day := DaysFrom(y, m, d)
	if _, mm, _ := civil(day); mm != m {
		return rest, false
	}
	st.hasDate, st.day = true, day
	return rest, true
}

// parseStamp takes a temporal text apart: an optional sign, then a date
// with an optional D or T and clock, whole days with D and a clock, or a
// clock alone.
func parseStamp(s string) (stamp, bool) {
	var st stamp
	if strings.HasPrefix(s, "-") {
		st.neg, s = true, s[1:]
	}
	if s == "" {
		return st, false
	}
	if rest, ok := st.parseDate(s); ok {
		if st.month || rest == "" {
			return st, true
		}
		st.sep, rest = rest[0], rest[1:]
		if st.sep != 'D' && st.sep != 'T' && st.sep != '-' {
			return st, false
		}
		if rest == "" {
			return st, true
		}
		return st, st.parseClock(rest)
	}
	if i := strings.IndexByte(s, 'D'); i > 0 {
		d, n := digitsAt(s, 0)
		if n != i {
			return st, false
		}
		st.sep, st.days = 'D', d
		if i+1 == len(s) {
			return st, true
		}
		return st, st.parseClock(s[i+1:])
	}
	return st, st.parseClock(s)
}

// infer is the type q gives a literal of this shape without a type letter,
// or 0 where the shape alone does not say (yyyy.mm reads as a float).
func (st stamp) infer() int {
	switch {
	case st.month:
		return 0
	case st.hasDate && st.sep == 'D':
		return TTimestamp
	case st.hasDate && st.sep == 'T':
		return TDatetime
	case st.hasDate:
		return TDate
	case st.sep == 'D':
		return TTimespan
	case st.parts == 2:
		return TMinute
	case st.parts == 3 && st.frac == 0:
		return TSecond
	case st.parts == 3 && st.frac <= 3:
		return TTime
	case st.parts == 3:
		return TTimespan
	}
	return 0
}

// value is the stamp as an atom of temporal type t, or false where the
// stamp cannot be one.
func (st stamp) value(t int) (V, bool) {
	span := st.days*NanosPerDay + st.clock // time of day or timespan, ns
	sign := int64(1)
	if st.neg {
		sign = -1
	}
	switch t {
	case TTimestamp:
		if !st.hasDate || st.neg || st.sep == 'T' {
			return nil, false
		}
		return Timestamp(st.day*NanosPerDay + span), true
	case TDatetime:
		if !st.hasDate || st.neg || st.sep == 'D' {
			return nil, false
		}
		return Datetime(float64(st.day) + float64(span/1e6)/MillisPerDay), true
	case TDate:
		if !st.hasDate || st.neg || st.hasClock {
			return nil, false
		}
		return Date(st.day), true
	case TMonth:
		switch {
		case st.month && !st.neg:
			return Month(st.months), true
		case st.hasDate && !st.neg && !st.hasClock:
			y, m, _ := civil(st.day)
			return Month((y-2000)*12 + m - 1), true
		}
		return nil, false
	}
	if st.hasDate || st.month || !st.hasClock && st.sep == 0 {
		return nil, false
	}
	switch t {
	case TTimespan:
		return Timespan(sign * span), true
	case TMinute:
		return Minute(sign * (span / 60e9)), true
	case TSecond:
		return Second(sign * (span / 1e9)), true
	case TTime:
		return Time(sign * (span / 1e6)), true
	}
	return nil, false
}

// ParseTemporal reads s as an atom of temporal type t (vector code): the
// literal forms of the type (2024.01.15, 12:30:00.123, 0D12:00 ...), and
// the other shapes q's casts from text read (yyyymmdd and yyyy-mm-dd
// dates, a date for a month or timestamp, a clock for any time type). An
// empty text, 0N or 0Nx is the type's null. ok is false where s is not
// such a text.
func ParseTemporal(t int, s string) (V, bool) {
	if t < 0 {
		t = -t
	}
	if !IsTemporal(t) {
		return nil, false
	}
	switch s {
	case "", "0N", "0N" + string(typeChar[t]):
		return TemporalNull(t), true
	case "0W", "0W" + string(typeChar[t]), "0w":
		return TemporalInf(t, 1), true
	case "-0W", "-0W" + string(typeChar[t]), "-0w":
		return TemporalInf(t, -1), true
	}
	if v, ok := parseDigits(t, s); ok {
		return v, true
	}
	st, ok := parseStamp(s)
	if !ok {
		return nil, false
	}
	switch {
	case t == TDate && st.hasDate && st.sep == 'D' && !st.hasClock:
		st.sep = 0
	case st.hasDate && st.sep == '-' && t == TTimestamp:
		st.sep = 'D'
	case st.hasDate && st.sep == '-' && t == TDatetime:
		st.sep = 'T'
	}
	return st.value(t)
}

// unixEpoch is 1970.01.01 in seconds from 2000.01.01.
const unixEpoch = -946684800

// parseDigits reads the all-digit texts of q's casts from text: seconds
// since the Unix epoch (9 to 11 digits, an optional fraction) for a
// timestamp or datetime, hhmm[ss[fffffffff]] for the times.
func parseDigits(t int, s string) (V, bool) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	w, n := digitsAt(whole, 0)
	if n == 0 || n != len(whole) {
		return nil, false
	}
	f, fn := digitsAt(frac, 0)
	if hasFrac && (fn == 0 || fn != len(frac) || fn > 9) {
		return nil, false
	}
	for i := fn; i < 9; i++ {
		f *= 10
	}
	switch t {
	case TTimestamp, TDatetime:
		if n < 9 || n > 11 {
			return nil, false
		}
		ns := (w+unixEpoch)*1e9 + f
		if t == TDatetime {
			return Datetime(float64(ns/1e6) / MillisPerDay), true
		}
		return Timestamp(ns), true
	case TTimespan, TMinute, TSecond, TTime:
		if hasFrac || n < 4 || n > 15 {
			return nil, false
		}
		h, _ := digitsAt(whole[:2], 0)
		m, _ := digitsAt(whole[2:4], 0)
		var sec, nano int64
		if n >= 6 {
			sec, _ = digitsAt(whole[4:6], 0)
		}
		if n > 6 {
			nano, _ = digitsAt(whole[6:], 0)
			for i := n - 6; i < 9; i++ {
				nano *= 10
			}
		}
		if m > 59 || sec > 59 {
			return nil, false
		}
		st := stamp{hasClock: true, parts: 3, clock: h*3600e9 + m*60e9 + sec*1e9 + nano}
		return st.value(t)
	}
	return nil, false
}

// LiteralType is the temporal type of one word of q's source as the
// language reads it: a type letter at its end (2024.01m, 12:30u, 0Nd)
// names the type; else its shape does (2024.01.15 a date, 12:30 a minute,
// 12:30:00.123456 a timespan ...). body is the word without the letter.
// It returns 0 where the word is no temporal literal.
func LiteralType(w string) (t int, body string) {
	if w == "" {
		return 0, w
	}
	body = w
	if c := TypeOfChar(w[len(w)-1]); c != 0 && len(w) > 1 {
		b := w[:len(w)-1]
		switch strings.TrimPrefix(b, "-") {
		case "0N", "0W":
			return c, b
		case "0w":
			// 0wz: the datetime infinity, a float's
			if c == TDatetime {
				return c, b
			}
		case "0":
			// 0p, 0d, 0t ...: the type's zero (0n is the float null)
			if c != TTimespan {
				return c, b
			}
		}
		if st, ok := parseStamp(b); ok && (st.month || st.hasDate || st.sep != 0 || st.parts > 1) {
			return c, b
		}
		return 0, w
	}
	st, ok := parseStamp(w)
	if !ok {
		return 0, w
	}
	return st.infer(), w
}

// TemporalZero is the zero atom of temporal type t: 2000.01.01, 00:00 ...
func TemporalZero(t int) V {
	switch Storage(abs(t)) {
	case TLong:
		return Retag(Long(0), t)
	case TFloat:
		return Retag(Float(0), t)
	}
	return Retag(Int(0), t)
}

// TemporalNull is the null atom of temporal type t.
func TemporalNull(t int) V {
	switch Storage(abs(t)) {
	case TLong:
		return Retag(Long(NullLong), t)
	case TFloat:
		return Retag(Float(math.NaN()), t)
	}
	return Retag(Int(NullInt), t)
}

// TemporalInf is the infinity of temporal type t with the sign of sign.
func TemporalInf(t int, sign int) V {
	switch Storage(abs(t)) {
	case TLong:
		return Retag(Long(int64(sign)*InfLong), t)
	case TFloat:
		return Retag(Float(math.Inf(sign)), t)
	}
	return Retag(Int(int32(sign)*InfInt), t)
}

func abs(t int) int {
	if t < 0 {
		return -t
	}
	return t
}
