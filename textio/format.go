package textio

import (
	"bytes"
	"math"
	"strconv"

	"kt/k"
)

// Cell is the text of item i of a table column in 0:'s prepare form: an
// atom as q's string of it (symbols bare, nulls empty, infinities 0W),
// a string as it is.
func Cell(col k.V, i int, precision int) string {
	v := k.At(col, i)
	switch x := v.(type) {
	case k.Chars:
		return string(x)
	case k.Char:
		return string(rune(x))
	case k.Sym:
		return string(x)
	case k.Bool:
		if x {
			return "1"
		}
		return "0"
	case k.Byte:
		return strconv.FormatUint(uint64(x), 16)
	case k.Guid:
		return x.String()
	case k.Short:
		return intText(int64(x), k.NullShort, k.InfShort)
	case k.Int:
		return intText(int64(x), k.NullInt, k.InfInt)
	case k.Long:
		return intText(int64(x), k.NullLong, k.InfLong)
	case k.Real:
		return floatText(float64(x), precision)
	case k.Float:
		return floatText(float64(x), precision)
	}
	if k.IsTemporal(v.Type()) {
		return k.TemporalString(v)
	}
	return k.DefaultPrinter().String1(v)
}

func intText(n, null, inf int64) string {
	switch n {
	case null:
		return ""
	case inf:
		return "0W"
	case -inf:
		return "-0W"
	}
	return strconv.FormatInt(n, 10)
}

func floatText(f float64, precision int) string {
	switch {
	case f != f:
		return ""
	case math.IsInf(f, 1):
		return "0w"
	case math.IsInf(f, -1):
		return "-0w"
	}
	if precision <= 0 {
		precision = 17
	}
	return strconv.FormatFloat(f, 'g', precision, 64)
}

// Prepare is 0:'s prepare form of a table: a header line of the column
// names, then one line a row, fields joined by delim; a field holding the
// delimiter or a quote is quoted, as q quotes it.
func Prepare(t *k.Table, delim byte, precision int) k.List {
	n := k.Count(t)
	out := make(k.List, 0, n+1)
	var b []byte
	for j, c := range t.Cols {
		b = appendField(b, j, c, delim)
	}
	out = append(out, k.Chars(b))
	for i := 0; i < n; i++ {
		b = nil
		for j, col := range t.Data {
			b = appendField(b, j, Cell(k.Plain(col), i, precision), delim)
		}
		out = append(out, k.Chars(b))
	}
	return out
}

func appendField(b []byte, j int, s string, delim byte) []byte {
	if j > 0 {
		b = append(b, delim)
	}
	if bytes.IndexByte([]byte(s), delim) >= 0 || bytes.IndexByte([]byte(s), '"') >= 0 {
		b = append(b, '"')
		for i := 0; i < len(s); i++ {
			if s[i] == '"' {
				b = append(b, '"')
			}
			b = append(b, s[i])
		}
		return append(b, '"')
	}
	return append(b, s...)
}
