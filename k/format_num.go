package k

import (
	"math"
	"strconv"
	"strings"
)

// Text of numbers: the items of vectors and atoms, as q writes them under
// \P. Each formatter has two modes: the one-line form (-3!, the console),
// where nulls and infinities have names (0N, 0n, 0W, 0w), and the cell form
// (q's string, used in table columns and matrices), where a null is empty.

// digits is the number of significant digits for reals and floats.
func (p *Printer) digits() int {
	if p.Precision <= 0 || p.Precision > 17 {
		return 17
	}
	return p.Precision
}

// FormatFloat formats f as q does at this precision, in the console and in
// string: 1.5, 0.6666667, 1e-06, 1.234568e+08, 100, 0w, -0w, 0n. It adds no
// type suffix; reals are formatted through their float64 value.
func (p *Printer) FormatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "0n"
	case math.IsInf(f, 1):
		return "0w"
	case math.IsInf(f, -1):
		return "-0w"
	}
	return strconv.FormatFloat(f, 'g', p.digits(), 64)
}

// floatItem is one float of a vector: "" for null in a cell.
func (p *Printer) floatItem(f float64, cell bool) string {
	if cell && math.IsNaN(f) {
		return ""
	}
	return p.FormatFloat(f)
}

// realItem is one real of a vector: a real null is 0N (the atom shows 0Ne).
func (p *Printer) realItem(r float32, cell bool) string {
	if math.IsNaN(float64(r)) {
		if cell {
			return ""
		}
		return "0N"
	}
	return p.FormatFloat(float64(r))
}

// wholeText reports whether a formatted float reads as an integer, so that
// q marks it with the suffix f: no point, exponent, null or infinity.
func wholeText(s string) bool { return !strings.ContainsAny(s, ".enw") }

// longItem is one long: 0N null, 0W and -0W infinities.
func longItem(x int64, cell bool) string {
	switch x {
	case NullLong:
		if cell {
			return ""
		}
		return "0N"
	case InfLong:
		return "0W"
	case -InfLong:
		return "-0W"
	}
	return strconv.FormatInt(x, 10)
}

// intItem is one int: 0N null, 0W and -0W infinities.
func intItem(x int32, cell bool) string {
	switch x {
	case NullInt:
		if cell {
			return ""
		}
		return "0N"
	case InfInt:
		return "0W"
	case -InfInt:
		return "-0W"
	}
	return strconv.FormatInt(int64(x), 10)
}

// shortItem is one short: 0N null. q has no display for the short
// infinities: 0Wh shows as 32767h.
func shortItem(x int16, cell bool) string {
	if x == NullShort {
		if cell {
			return ""
		}
		return "0N"
	}
	return strconv.FormatInt(int64(x), 10)
}

// boolDigit is 1 or 0.
func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

const hexDigits = "0123456789abcdef"

// hexByte is a byte as two lower-case hex digits.
func hexByte(b byte) string { return string([]byte{hexDigits[b>>4], hexDigits[b&15]}) }

// escapeChar is c as it appears between double quotes in q's one-line form.
func escapeChar(c byte) string {
	switch c {
	case '"':
		return `\"`
	case '\\':
		return `\\`
	case '\n':
		return `\n`
	case '\t':
		return `\t`
	case '\r':
		return `\r`
	}
	if c < 32 || c >= 127 {
		return `\` + string([]byte{'0' + c>>6, '0' + c>>3&7, '0' + c&7})
	}
	return string(c)
}

// cells is q's string of each item of a simple vector: the text a table
// column or a matrix row shows, without type suffix, nulls empty.
func (p *Printer) cells(v V) []string {
	switch x := v.(type) {
	case Bools:
		s := make([]string, len(x))
		for i, b := range x {
			s[i] = boolDigit(b)
		}
		return s
	case Bytes:
		s := make([]string, len(x))
		for i, b := range x {
			s[i] = hexByte(b)
		}
		return s
	case Shorts:
		s := make([]string, len(x))
		for i, n := range x {
			s[i] = shortItem(n, true)
		}
		return s
	case Ints:
		s := make([]string, len(x))
		for i, n := range x {
			s[i] = intItem(n, true)
		}
		return s
	case Longs:
		s := make([]string, len(x))
		for i, n := range x {
			s[i] = longItem(n, true)
		}
		return s
	case Reals:
		s := make([]string, len(x))
		for i, r := range x {
			s[i] = p.realItem(r, true)
		}
		return s
	case Floats:
		s := make([]string, len(x))
		for i, f := range x {
			s[i] = p.floatItem(f, true)
		}
		return s
	case Chars:
		s := make([]string, len(x))
		for i, c := range x {
			s[i] = string(c)
		}
		return s
	case Syms:
		return append([]string(nil), x...)
	case Guids:
		s := make([]string, len(x))
		for i, g := range x {
			s[i] = g.String()
		}
		return s
	}
	if IsTemporal(typeOf(v)) {
		return temporalCells(v)
	}
	if e, ok := v.(*Enums); ok {
		return p.enumSyms(e)
	}
	return nil
}
