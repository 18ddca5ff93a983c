package prim

import (
	"math"
	"net/netip"
	"strconv"
	"strings"

	"kt/k"
)

// Cast ($) and string.

// castNames maps the type names q accepts in a symbol cast to type codes.
var castNames = map[string]int{
	"boolean": k.TBool, "byte": k.TByte, "short": k.TShort, "int": k.TInt, "long": k.TLong,
	"real": k.TReal, "float": k.TFloat, "char": k.TChar, "symbol": k.TSym,
	"timestamp": k.TTimestamp, "month": k.TMonth, "date": k.TDate, "datetime": k.TDatetime,
	"timespan": k.TTimespan, "minute": k.TMinute, "second": k.TSecond, "time": k.TTime,
}

// IsCastName reports whether s names a type or field for $ (`long,
// `date, `year ...) rather than an enumeration domain.
func IsCastName(s string) bool {
	_, ok := castNames[s]
	return ok || s == "" || extractNames[s]
}

// castTarget reads the left argument of $: a type letter (upper case for
// parsing strings), a type name, or a type code. It returns the type and
// whether y is to be parsed from strings.
func castTarget(x k.V) (int, bool, error) {
	switch v := x.(type) {
	case k.Char:
		c := byte(v)
		parse := c >= 'A' && c <= 'Z'
		if parse {
			c += 'a' - 'A'
		}
		if c == '*' {
			return k.TList, false, nil
		}
		i := strings.IndexByte(" bg xhijefcspmdznuvt", c)
		if i <= 0 || c == ' ' || c == 'g' && !parse {
			// "G"$ parses guids; no other cast makes one yet
			return 0, false, k.Err("nyi: cast to \"" + string(c) + "\"")
		}
		return i, parse, nil
	case k.Sym:
		if v == "" {
			return k.TSym, false, nil
		}
		if t, ok := castNames[string(v)]; ok {
			return t, false, nil
		}
		return 0, false, k.Err("nyi: cast to `" + string(v))
	case k.Short, k.Int, k.Long:
		n, _ := asInt(v)
		t := int(n)
		if t < 0 {
			// a negative type code parses strings, like its upper-case letter
			t = -t
			if t == k.TBool || t >= k.TByte && t <= k.TFloat || t >= k.TSym && t <= k.TTime {
				return t, true, nil
			}
		}
		if t == k.TList || t == k.TBool || t >= k.TByte && t <= k.TTime {
			return t, false, nil
		}
		return 0, false, k.Err("nyi: cast to type " + strconv.Itoa(int(n)) + "h")
	}
	return 0, false, k.ErrType
}

// Cast is q's x$y on data: convert y to the type named by x, or parse
// strings when x is an upper-case type letter.
func Cast(x, y k.V) (k.V, error) {
	if isFloatMatrix(x) && isFloatMatrix(y) {
		return Mmu(x, y)
	}
	if isAtom(y) && (isGenList(x) || x.Type() == k.TSym || x.Type() == k.TChar || x.Type() == k.TShort) {
		// one value cast to each target
		r := make([]k.V, k.Count(x))
		for i := range r {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			v, err := Cast(k.At(x, i), y)
			if err != nil {
				return nil, err
			}
			r[i] = v
		}
		return k.Uniform(r), nil
	}
	if _, ok := x.(k.Chars); ok || isGenList(x) || x.Type() == k.TSym || x.Type() > 0 && x.Type() < 10 {
		// A list of targets casts item by item.
		if k.Count(x) != k.Count(y) {
			return nil, k.ErrLength
		}
		r := make([]k.V, k.Count(x))
		for i := range r {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			v, err := Cast(k.At(x, i), k.At(y, i))
			if err != nil {
				return nil, err
			}
			r[i] = v
		}
		return k.Uniform(r), nil
	}
	if n, ok := padWidth(x); ok && hasText(y) {
		return pad(n, y)
	}
	if s, ok := x.(k.Sym); ok && extractNames[string(s)] {
		return atomic1(y, func(y k.V) (k.V, error) { return extract(string(s), y) })
	}
	t, parse, err := castTarget(x)
	if err != nil {
		return nil, err
	}
	if t == k.TList {
		return y, nil
	}
	if parse && (hasText(y) || y.Type() == -k.TChar) {
		return parseStrings(t, y)
	}
	if t == k.TSym {
		return toSym(y)
	}
	return castData(t, y)
}

// padWidth reads the left argument of pad: a long or int atom.
func padWidth(x k.V) (int64, bool) {
	switch v := x.(type) {
	case k.Long:
		return int64(v), v != k.NullLong
	case k.Int:
		return int64(v), v != k.NullInt
	}
	return 0, false
}

// hasText reports whether y is a string, or a list, dictionary or table
// whose first leaf is one: the right argument of pad.
func hasText(y k.V) bool {
	switch v := y.(type) {
	case k.Chars:
		return true
	case k.List:
		return len(v) > 0 && hasText(v[0])
	case *k.Dict:
		return hasText(v.Vals)
	case *k.Table:
		return len(v.Data) > 0 && hasText(v.Data[0])
	}
	return false
}

// pad is x$y for a width x: each string of y cut or padded with blanks to
// x characters, on the right (on the left for negative x).
func pad(n int64, y k.V) (k.V, error) {
	switch v := y.(type) {
	case k.Chars:
		w := n
		if w < 0 {
			w = -w
		}
		if w > 1<<31 {
			return nil, k.Err("limit")
		}
		if err := k.NeedItems(int(w), k.TChar); err != nil {
			return nil, err
		}
		r := make(k.Chars, w)
		for i := range r {
			r[i] = ' '
		}
		if n >= 0 {
			copy(r, v)
		} else if int64(len(v)) >= w {
			copy(r, v[int64(len(v))-w:])
		} else {
			copy(r[w-int64(len(v)):], v)
		}
		return r, nil
	case k.Char:
		return pad(n, k.Chars{byte(v)})
	case k.List:
		r := make(k.List, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			p, err := pad(n, e)
			if err != nil {
				return nil, err
			}
			r[i] = p
		}
		return r, nil
	case *k.Dict:
		r, err := pad(n, v.Vals)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	case *k.Table:
		return tableMap(v, func(c k.V) (k.V, error) { return pad(n, c) })
	}
	return nil, k.ErrType
}

// castData converts numeric data y to type t, atomically.
func castData(t int, y k.V) (k.V, error) {
	switch v := y.(type) {
	case *k.Dict:
		r, err := castData(t, v.Vals)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	case *k.Table:
		return tableMap(v, func(c k.V) (k.V, error) { return castData(t, c) })
	case k.List:
		r := make([]k.V, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			c, err := castData(t, e)
			if err != nil {
				return nil, err
			}
			r[i] = c
		}
		return k.Uniform(r), nil
	}
	if k.IsTemporal(t) || k.IsTemporal(y.Type()) {
		return temporalCast(t, y)
	}
	if !isNum(y.Type()) {
		return nil, k.ErrType
	}
	if absType(y) == t {
		return y, nil
	}
	if t == k.TByte && absType(y) == k.TLong {
		// longs above the int infinity cast to 0xff
		v := toI64(y)
		r := make(k.Bytes, len(v))
		for i, e := range v {
			if e > k.InfInt {
				r[i] = 0xff
			} else {
				r[i] = byte(e)
			}
		}
		return wrap(isAtom(y), r), nil
	}
	return convert(y, t, isAtom(y)), nil
}

// toSym is `$y: symbols from strings (or chars).
func toSym(y k.V) (k.V, error) {
	switch v := y.(type) {
	case k.Chars:
		return k.Sym(strings.Trim(string(v), " ")), nil
	case k.Char:
		return k.Sym(string(rune(v))), nil
	case k.Sym, k.Syms:
		return y, nil
	case k.List:
		r := make([]k.V, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			s, err := toSym(e)
			if err != nil {
				return nil, err
			}
			r[i] = s
		}
		if len(r) == 0 {
			return k.Syms{}, nil
		}
		return k.Uniform(r), nil
	case *k.Dict:
		r, err := toSym(v.Vals)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	}
	return nil, k.ErrType
}

// parseStrings is "T"$y: parse a string (or each string of a list).
func parseStrings(t int, y k.V) (k.V, error) {
	switch v := y.(type) {
	case k.Chars:
		return parseAtom(t, strings.TrimSpace(string(v))), nil
	case k.Char:
		return parseAtom(t, string(rune(v))), nil
	case k.List:
		r := make([]k.V, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			a, err := parseStrings(t, e)
			if err != nil {
				return nil, err
			}
			r[i] = a
		}
		if len(r) == 0 {
			return emptyOf(t), nil
		}
		return k.Uniform(r), nil
	case *k.Dict:
		r, err := parseStrings(t, v.Vals)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	}
	return nil, k.ErrType
}

// parseGuid reads a guid from its 36-character form or from an IPv4 or
// IPv6 address (as its 16 IPv6 bytes); other text is the null guid.
func parseGuid(s string) k.Guid {
	if g, ok := k.ParseGuid(s); ok {
		return g
	}
	if a, err := netip.ParseAddr(s); err == nil && a.Zone() == "" {
		return k.Guid(a.As16())
	}
	return k.Guid{}
}

// parseAtom reads one atom of type t from text s; text that does not
// parse gives the null of t.
func parseAtom(t int, s string) k.V {
	if k.IsTemporal(t) {
		if v, ok := k.ParseTemporal(t, s); ok {
			return v
		}
		return nullOf(t)
	}
	switch t {
	case k.TGuid:
		return parseGuid(s)
	case k.TSym:
		return k.Sym(s)
	case k.TChar:
		return k.Chars(s)
	case k.TBool:
		return k.Bool(s == "1" || s == "t" || s == "T" || s == "y" || s == "Y" || s == "true")
	case k.TReal, k.TFloat:
		f, ok := parseFloat(s)
		if !ok {
			return nullOf(t)
		}
		return convert(k.Float(f), t, true)
	case k.TByte:
		n, err := strconv.ParseUint(strings.TrimPrefix(s, "0x"), 16, 8)
		if err != nil {
			return k.Byte(0)
		}
		return k.Byte(n)
	}
	if t == k.TInt {
		if ip, ok := parseIPv4(s); ok {
			return k.Int(ip)
		}
	}
	s = strings.TrimRight(s, "hijf")
	switch s {
	case "0N":
		return nullOf(t)
	case "0W":
		return convert(k.Long(k.InfLong), t, true)
	case "-0W":
		return convert(k.Long(-k.InfLong), t, true)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, ok := parseFloat(s)
		if !ok || f != f {
			return nullOf(t)
		}
		return convert(k.Float(math.Trunc(f)), t, true)
	}
	return convert(k.Long(n), t, true)
}

// parseIPv4 reads a dotted IPv4 address as the int of its four bytes.
func parseIPv4(s string) (int32, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return 0, false
	}
	var n uint32
	for _, p := range parts {
		b, err := strconv.ParseUint(p, 10, 8)
		if err != nil {
			return 0, false
		}
		n = n<<8 | uint32(b)
	}
	return int32(n), true
}

func parseFloat(s string) (float64, bool) {
	switch strings.TrimRight(s, "ef") {
	case "0n", "0N", "":
		return math.NaN(), true
	case "0w", "0W":
		return math.Inf(1), true
	case "-0w", "-0W":
		return math.Inf(-1), true
	}
	f, err := strconv.ParseFloat(strings.TrimRight(s, "ef"), 64)
	return f, err == nil
}

// FormatFloat writes a float as q's string does at the default display
// precision of 7 significant digits: 0n, 0w, -0w for null and infinities.
func FormatFloat(f float64) string {
	switch {
	case f != f:
		return "0n"
	case math.IsInf(f, 1):
		return "0w"
	case math.IsInf(f, -1):
		return "-0w"
	}
	return strconv.FormatFloat(f, 'g', 7, 64)
}

// String is q's string (monadic $): the text of an atom, the text of each
// item of a list, atomically over dictionaries and tables.
func String(x k.V) (k.V, error) {
	switch v := x.(type) {
	case *k.Dict:
		r, err := String(v.Vals)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	case *k.Table:
		return tableMap(v, String)
	}
	if isAtom(x) {
		return k.Chars(atomText(x)), nil
	}
	if !isVec(x) {
		return nil, k.ErrType
	}
	n := k.Count(x)
	r := make(k.List, n)
	for i := range r {
		if err := k.Tick(); err != nil {
			return nil, err
		}
		s, err := String(k.At(x, i))
		if err != nil {
			return nil, err
		}
		r[i] = s
	}
	return r, nil
}

// atomText is the text of an atom as string shows it.
func atomText(x k.V) string {
	switch v := x.(type) {
	case k.Bool:
		if v {
			return "1"
		}
		return "0"
	case k.Byte:
		const hex = "0123456789abcdef"
		return string([]byte{hex[v>>4], hex[v&15]})
	case k.Char:
		return string([]byte{byte(v)})
	case k.Sym:
		return string(v)
	case k.Guid:
		return v.String()
	case k.Real:
		return FormatFloat(float64(v))
	case k.Float:
		return FormatFloat(float64(v))
	case k.Short:
		return intText(int64(v), k.NullShort, k.InfShort)
	case k.Int:
		return intText(int64(v), k.NullInt, k.InfInt)
	case k.Long:
		return intText(int64(v), k.NullLong, k.InfLong)
	}
	if k.IsTemporal(x.Type()) {
		return k.TemporalString(x)
	}
	return ""
}

func intText(n, null, inf int64) string {
	switch n {
	case null:
		return "0N"
	case inf:
		return "0W"
	case -inf:
		return "-0W"
	}
	return strconv.FormatInt(n, 10)
}
