// Package textio reads and writes q's text and binary records: the fields
// of 0: (CSV with or without a header, fixed-width, key-value) by q's type
// letters, the text of a table's cells for 0:'s prepare form, and the
// fixed-width binary records of 1:. It knows q's values (package k) and
// nothing of the interpreter.
package textio

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"sync"

	"kt/k"
)

// ParseColumn reads fields as a column of type letter c (q's upper-case
// letters of 0:, * for strings). A field that is not of the type is the
// type's null, as q has it.
func ParseColumn(c byte, fields [][]byte) (k.V, error) {
	n := len(fields)
	switch c {
	case '*':
		r := make(k.List, n)
		for i, f := range fields {
			r[i] = k.Chars(append([]byte{}, f...))
		}
		return r, nil
	case 'S':
		r := make(k.Syms, n)
		seen := map[string]string{}
		for i, f := range fields {
			f = bytes.TrimSpace(f)
			s, ok := seen[string(f)]
			if !ok {
				s = string(f)
				seen[s] = s
			}
			r[i] = s
		}
		return r, nil
	case 'C':
		r := make(k.Chars, n)
		for i, f := range fields {
			r[i] = ' '
			if len(f) > 0 {
				r[i] = f[0]
			}
		}
		return r, nil
	case 'B':
		r := make(k.Bools, n)
		for i, f := range fields {
			f = bytes.TrimSpace(f)
			r[i] = len(f) > 0 && strings.IndexByte("1tTyY", f[0]) >= 0
		}
		return r, nil
	case 'X':
		r := make(k.Bytes, n)
		for i, f := range fields {
			v, err := strconv.ParseUint(string(bytes.TrimSpace(f)), 16, 8)
			if err == nil {
				r[i] = byte(v)
			}
		}
		return r, nil
	case 'G':
		r := make(k.Guids, n)
		for i, f := range fields {
			r[i], _ = k.ParseGuid(string(bytes.TrimSpace(f)))
		}
		return r, nil
	case 'H':
		r := make(k.Shorts, n)
		for i, f := range fields {
			r[i] = int16(parseInt(f, 16, k.NullShort))
		}
		return r, nil
	case 'I':
		r := make(k.Ints, n)
		for i, f := range fields {
			r[i] = int32(parseInt(f, 32, k.NullInt))
		}
		return r, nil
	case 'J':
		r := make(k.Longs, n)
		for i, f := range fields {
			r[i] = parseInt(f, 64, k.NullLong)
		}
		return r, nil
	case 'E':
		r := make(k.Reals, n)
		for i, f := range fields {
			r[i] = float32(parseFloat(f))
		}
		return r, nil
	case 'F':
		r := make(k.Floats, n)
		for i, f := range fields {
			r[i] = parseFloat(f)
		}
		return r, nil
	}
	if t := k.TypeOfChar(c + 'a' - 'A'); t != 0 && c >= 'A' && c <= 'Z' {
		return temporalColumn(t, fields), nil
	}
	return nil, k.Err("type: no column type " + strconv.Quote(string(c)))
}

// temporalColumn reads fields as a vector of temporal type t; dates in
// q's own yyyy.mm.dd form take a fast path.
func temporalColumn(t int, fields [][]byte) k.V {
	one := func(f []byte) k.V {
		v, ok := k.ParseTemporal(t, string(bytes.TrimSpace(f)))
		if !ok {
			v = k.TemporalNull(t)
		}
		return k.Under(v)
	}
	switch k.Storage(t) {
	case k.TLong:
		r := make(k.Longs, len(fields))
		for i, f := range fields {
			r[i] = int64(one(f).(k.Long))
		}
		return k.Retag(r, t)
	case k.TFloat:
		r := make(k.Floats, len(fields))
		for i, f := range fields {
			r[i] = float64(one(f).(k.Float))
		}
		return k.Retag(r, t)
	}
	r := make(k.Ints, len(fields))
	for i, f := range fields {
		if d, ok := plainDate(f); ok && t == k.TDate {
			r[i] = d
			continue
		}
		r[i] = int32(one(f).(k.Int))
	}
	return k.Retag(r, t)
}

// plainDate reads yyyy.mm.dd, a valid date, as days from 2000.01.01.
func plainDate(f []byte) (int32, bool) {
	if len(f) != 10 || f[4] != '.' || f[7] != '.' {
		return 0, false
	}
	y, ok1 := smallInt(f[:4])
	m, ok2 := smallInt(f[5:7])
	d, ok3 := smallInt(f[8:])
	if !ok1 || !ok2 || !ok3 || y < 0 || m < 1 || m > 12 || d < 1 {
		return 0, false
	}
	days := k.DaysFrom(y, m, d)
	// a day past the month's end would roll into the next month
	next := k.DaysFrom(y+m/12, m%12+1, 1)
	if days >= next {
		return 0, false
	}
	return int32(days), true
}

// smallInt reads a decimal integer of up to 18 digits, with an optional
// minus sign.
func smallInt(f []byte) (int64, bool) {
	neg := len(f) > 0 && f[0] == '-'
	if neg {
		f = f[1:]
	}
	if len(f) == 0 || len(f) > 18 {
		return 0, false
	}
	var v int64
	for _, c := range f {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

// parseInt reads an integer field of the given bits: 0N (or the empty or
// a malformed field) is null; 0W and -0W are the infinities.
func parseInt(f []byte, bits int, null int64) int64 {
	f = bytes.TrimSpace(f)
	switch string(f) {
	case "0W":
		return -null - 1
	case "-0W":
		return null + 1
	}
	if v, ok := smallInt(f); ok {
		if v <= null || v > -null-1 {
			return null
		}
		return v
	}
	v, err := strconv.ParseInt(string(f), 10, bits)
	if err != nil || v == null {
		return null
	}
	return v
}

// parseFloat reads a float field: empty, 0n or malformed is null, 0w and
// -0w the infinities.
func parseFloat(f []byte) float64 {
	f = bytes.TrimSpace(f)
	switch string(f) {
	case "0w":
		return math.Inf(1)
	case "-0w":
		return math.Inf(-1)
	}
	v, err := strconv.ParseFloat(string(f), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return v
		}
		return math.NaN()
	}
	return v
}

// SplitCSV splits one line into fields at delim; a field in double quotes
// may hold the delimiter, and "" in it is one quote.
func SplitCSV(line []byte, delim byte) [][]byte { return splitCSV(nil, line, delim) }

// splitCSV is SplitCSV appending to fields.
func splitCSV(fields [][]byte, line []byte, delim byte) [][]byte {
	for {
		if len(line) > 0 && line[0] == '"' {
			var f []byte
			i := 1
			for i < len(line) {
				if line[i] == '"' {
					if i+1 < len(line) && line[i+1] == '"' {
						f = append(f, '"')
						i += 2
						continue
					}
					i++
					break
				}
				f = append(f, line[i])
				i++
			}
			fields = append(fields, f)
			j := bytes.IndexByte(line[i:], delim)
			if j < 0 {
				return fields
			}
			line = line[i+j+1:]
			continue
		}
		j := bytes.IndexByte(line, delim)
		if j < 0 {
			return append(fields, line)
		}
		fields = append(fields, line[:j])
		line = line[j+1:]
	}
}

// Lines splits text into lines at LF or CRLF, without an empty last line
// for a final LF.
func Lines(b []byte) [][]byte {
	var r [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		var line []byte
		if i < 0 {
			line, b = b, nil
		} else {
			line, b = b[:i], b[i+1:]
		}
		r = append(r, bytes.TrimSuffix(line, []byte{'\r'}))
	}
	return r
}

// Columns reads delimited lines as the columns of the non-blank type
// letters of types. Fields past the letters are ignored; a missing field
// is empty.
func Columns(types string, lines [][]byte, delim byte) ([]k.V, error) {
	cells := make([][][]byte, len(types))
	for j := range cells {
		cells[j] = make([][]byte, 0, len(lines))
	}
	var fs [][]byte
	for _, line := range lines {
		fs = splitCSV(fs[:0], line, delim)
		for j := range types {
			var f []byte
			if j < len(fs) {
				f = fs[j]
			}
			cells[j] = append(cells[j], f)
		}
	}
	return typedColumns(types, cells)
}

// FixedColumns reads fixed-width lines: field j is the next widths[j]
// bytes of the line.
func FixedColumns(types string, widths []int, lines [][]byte) ([]k.V, error) {
	if len(widths) != len(types) {
		return nil, k.ErrLength
	}
	cells := make([][][]byte, len(types))
	for _, line := range lines {
		at := 0
		for j, w := range widths {
			end := min(at+w, len(line))
			cells[j] = append(cells[j], line[min(at, end):end])
			at += w
		}
	}
	return typedColumns(types, cells)
}

// typedColumns parses each column's cells, the columns side by side in
// goroutines when there are many rows.
func typedColumns(types string, cells [][][]byte) ([]k.V, error) {
	cols := make([]k.V, len(types))
	errs := make([]error, len(types))
	var wg sync.WaitGroup
	for j := range types {
		if types[j] == ' ' {
			continue
		}
		if len(cells[j]) < 10000 {
			cols[j], errs[j] = ParseColumn(types[j], cells[j])
			continue
		}
		wg.Go(func() { cols[j], errs[j] = ParseColumn(types[j], cells[j]) })
	}
	wg.Wait()
	var out []k.V
	for j := range types {
		if errs[j] != nil {
			return nil, errs[j]
		}
		if types[j] != ' ' {
			out = append(out, cols[j])
		}
	}
	return out, nil
}

// KeyValues reads key-value text ("a=1;b=2" with kv '=' and rec ';') as
// its keys, of type letter c, and its values as strings.
func KeyValues(c byte, kv, rec byte, text []byte) (k.V, k.List, error) {
	var keys [][]byte
	vals := k.List{}
	for _, r := range bytes.Split(text, []byte{rec}) {
		if len(r) == 0 {
			continue
		}
		key, val, _ := bytes.Cut(r, []byte{kv})
		keys = append(keys, key)
		vals = append(vals, k.Chars(append([]byte{}, val...)))
	}
	kc, err := ParseColumn(c, keys)
	return kc, vals, err
}
