package prim

import (
	"encoding/binary"
	"math"
	"strings"

	"kt/k"
)

// sv and vs: joining and splitting strings, byte vectors, symbols and
// file paths; numbers to and from digits, bits and bytes.

// Sv is q's sv: join strings or byte vectors with a separator, symbols
// with dots (path parts with slashes), lines with newlines; digits in a
// base, bits or bytes into a number.
func Sv(x, y k.V) (k.V, error) {
	if b, ok := y.(k.Bytes); ok && x == k.V(k.Byte(0)) && len(b) == 16 {
		// 0x0 sv 16 bytes is a guid
		var g k.Guid
		copy(g[:], b)
		return g, nil
	}
	switch sep := x.(type) {
	case k.Sym:
		if sep != "" {
			return nil, k.ErrType
		}
		if ss, ok := y.(k.Syms); ok {
			if len(ss) > 0 && strings.HasPrefix(ss[0], ":") {
				return k.Sym(strings.Join(ss, "/")), nil
			}
			return k.Sym(strings.Join(ss, ".")), nil
		}
		if y.Type() == -k.TSym {
			return y, nil
		}
		parts, ok := stringItems(y)
		if !ok {
			return nil, k.ErrType
		}
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p)
			b.WriteByte('\n')
		}
		return k.Chars(b.String()), nil
	case k.Char, k.Chars:
		s, _ := textOf(x)
		if _, isStr := y.(k.Chars); isStr {
			return nil, k.ErrType
		}
		parts, ok := stringItems(y)
		if !ok {
			return nil, k.ErrType
		}
		if s == "\n" || s == "\r\n" {
			return k.Chars(strings.Join(parts, s) + s), nil
		}
		return k.Chars(strings.Join(parts, s)), nil
	case k.Byte, k.Bytes:
		if b, ok := y.(k.Bytes); ok && sep == k.Byte(0) {
			return bytesToNum(b)
		}
		parts, ok := byteItems(y)
		if !ok {
			return nil, k.ErrType
		}
		s := toU8(x)
		var r k.Bytes
		for i, p := range parts {
			if i > 0 {
				r = append(r, s...)
			}
			r = append(r, p...)
		}
		if r == nil {
			r = k.Bytes{}
		}
		return r, nil
	case k.Bool:
		if sep {
			return nil, k.ErrDomain
		}
		return bitsToNum(y)
	}
	return baseSv(x, y)
}

// stringItems reads the items of a list of strings (an empty list
// counts as an empty string).
func stringItems(y k.V) ([]string, bool) {
	l, ok := y.(k.List)
	if !ok {
		if s, ok := y.(k.Syms); ok {
			return s, true
		}
		return nil, false
	}
	parts := make([]string, len(l))
	for i, e := range l {
		switch v := e.(type) {
		case k.Chars:
			parts[i] = string(v)
		case k.Char:
			parts[i] = string([]byte{byte(v)})
		case k.Sym:
			parts[i] = string(v)
		case k.List:
			if len(v) != 0 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return parts, true
}

// byteItems reads the items of a list of byte vectors.
func byteItems(y k.V) ([][]byte, bool) {
	l, ok := y.(k.List)
	if !ok {
		return nil, false
	}
	r := make([][]byte, len(l))
	for i, e := range l {
		switch v := e.(type) {
		case k.Bytes:
			r[i] = v
		case k.Byte:
			r[i] = []byte{byte(v)}
		case k.List:
			if len(v) != 0 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return r, true
}

// bytesToNum reads 2, 4 or 8 big-endian bytes as a short, int or long.
func bytesToNum(b k.Bytes) (k.V, error) {
	switch len(b) {
	case 2:
		return k.Short(int16(binary.BigEndian.Uint16(b))), nil
	case 4:
		return k.Int(int32(binary.BigEndian.Uint32(b))), nil
	case 8:
		return k.Long(int64(binary.BigEndian.Uint64(b))), nil
	}
	return nil, k.ErrLength
}

// bitsToNum reads 8, 16, 32, 64 or 128 bits, most significant first, as a
// byte, short, int, long or guid.
func bitsToNum(y k.V) (k.V, error) {
	bits, ok := y.(k.Bools)
	if !ok {
		return nil, k.ErrType
	}
	var n uint64
	for _, e := range bits {
		n <<= 1
		if e {
			n |= 1
		}
	}
	switch len(bits) {
	case 8:
		return k.Byte(n), nil
	case 16:
		return k.Short(int16(n)), nil
	case 32:
		return k.Int(int32(n)), nil
	case 64:
		return k.Long(int64(n)), nil
	case 128:
		var g k.Guid
		for i, e := range bits {
			if e {
				g[i/8] |= 0x80 >> (i % 8)
			}
		}
		return g, nil
	}
	return nil, k.ErrLength
}

// baseSv evaluates digits y in base x (an atom, or one base per digit;
// 0 as the first base is unbounded).
func baseSv(x, y k.V) (k.V, error) {
	base, ok := asInts(x)
	if !ok || isAtom(y) {
		return nil, k.ErrType
	}
	if len(base) == 0 {
		return nil, k.ErrLength
	}
	if !isAtom(x) && len(base) != k.Count(y) {
		return nil, k.ErrLength
	}
	if digits, ok := asInts(y); ok {
		var n int64
		for i, d := range digits {
			b := base[0]
			if !isAtom(x) {
				b = base[i]
			}
			n = n*b + d
		}
		return k.Long(n), nil
	}
	// a list of digit vectors: numbers evaluated item-wise
	l, ok := y.(k.List)
	if !ok {
		return nil, k.ErrType
	}
	var acc k.V = k.Long(0)
	for i, d := range l {
		var b k.V = k.Long(base[0])
		if !isAtom(x) {
			b = k.Long(base[i])
		}
		m, err := Multiply(acc, b)
		if err != nil {
			return nil, err
		}
		if acc, err = Add(m, d); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// Vs is q's vs: split a string or byte vector on a separator, lines on
// newlines, a symbol on dots (a file path into directory and file);
// a number into digits of a base, bits (0b) or bytes (0x0).
func Vs(x, y k.V) (k.V, error) {
	switch sep := x.(type) {
	case k.Sym:
		if sep != "" {
			return nil, k.ErrType
		}
		switch v := y.(type) {
		case k.Sym:
			s := string(v)
			if strings.HasPrefix(s, ":") {
				if i := strings.LastIndexByte(s, '/'); i >= 0 {
					return k.Syms{s[:i], s[i+1:]}, nil
				}
				return k.Syms{"", s}, nil
			}
			return k.Syms(strings.Split(s, ".")), nil
		case k.Chars:
			return splitLines(string(v)), nil
		case k.Bytes:
			return splitLines(string(v)), nil
		}
		return nil, k.ErrType
	case k.Char, k.Chars:
		s, _ := textOf(x)
		var t string
		switch v := y.(type) {
		case k.Chars:
			t = string(v)
		case k.Bytes:
			t = string(v)
		default:
			return nil, k.ErrType
		}
		parts := strings.Split(t, s)
		r := make(k.List, len(parts))
		for i, p := range parts {
			r[i] = k.Chars(p)
		}
		return r, nil
	case k.Byte, k.Bytes:
		if b, ok := y.(k.Bytes); ok {
			parts := strings.Split(string(b), string(toU8(x)))
			r := make(k.List, len(parts))
			for i, p := range parts {
				r[i] = k.Bytes(p)
			}
			return r, nil
		}
		if sep == k.Byte(0) && isAtom(y) {
			return numBytes(y)
		}
		return nil, k.ErrType
	case k.Bool:
		if sep {
			return nil, k.ErrDomain
		}
		return numBits(y)
	}
	return baseVs(x, y)
}

// splitLines splits text into lines on \n, dropping a \r before each and
// the empty line after a final newline.
func splitLines(s string) k.V {
	s = strings.TrimSuffix(s, "\n")
	parts := strings.Split(s, "\n")
	r := make(k.List, len(parts))
	for i, p := range parts {
		r[i] = k.Chars(strings.TrimSuffix(p, "\r"))
	}
	return r
}

// numBytes is the big-endian bytes of a numeric atom.
func numBytes(y k.V) (k.V, error) {
	var b []byte
	switch v := y.(type) {
	case k.Bool:
		b = toU8(v)
	case k.Byte:
		b = []byte{byte(v)}
	case k.Short:
		b = binary.BigEndian.AppendUint16(nil, uint16(v))
	case k.Int:
		b = binary.BigEndian.AppendUint32(nil, uint32(v))
	case k.Long:
		b = binary.BigEndian.AppendUint64(nil, uint64(v))
	case k.Real:
		b = binary.BigEndian.AppendUint32(nil, math.Float32bits(float32(v)))
	case k.Float:
		b = binary.BigEndian.AppendUint64(nil, math.Float64bits(float64(v)))
	case k.Char:
		b = []byte{byte(v)}
	default:
		return nil, k.ErrType
	}
	return k.Bytes(b), nil
}

// numBits is the bits of an integral atom, most significant first.
func numBits(y k.V) (k.V, error) {
	n, ok := asInt(y)
	if !ok {
		return nil, k.ErrType
	}
	width := map[int]int{-k.TBool: 1, -k.TByte: 8, -k.TShort: 16, -k.TInt: 32, -k.TLong: 64}[y.Type()]
	if u, ok := y.(k.Short); ok {
		n = int64(u) // the bits of a null too
	} else if u, ok := y.(k.Int); ok {
		n = int64(u)
	}
	r := make(k.Bools, width)
	for i := range r {
		r[i] = n>>(width-1-i)&1 == 1
	}
	return r, nil
}

// baseVs splits integers y into digits of base x: an atom base gives as
// many digits as the largest item needs, a vector of bases one digit for
// each. A list y gives one row per digit, each shaped like y.
func baseVs(x, y k.V) (k.V, error) {
	bases, ok := asInts(x)
	if !ok || len(bases) == 0 {
		return nil, k.ErrType
	}
	for _, b := range bases {
		if b == 0 && len(bases) == 1 || b < 0 {
			return nil, k.ErrDomain
		}
	}
	if isAtom(x) {
		if bases[0] < 2 {
			return nil, k.ErrDomain
		}
		w, ok := digitCount(bases[0], y)
		if !ok {
			return nil, k.ErrType
		}
		b := bases[0]
		bases = make([]int64, w)
		for i := range bases {
			bases[i] = b
		}
	}
	rows, ok := digitRows(bases, y)
	if !ok {
		return nil, k.ErrType
	}
	if isAtom(y) {
		r := make(k.Longs, len(rows))
		for i, e := range rows {
			r[i] = int64(e.(k.Long))
		}
		return r, nil
	}
	return k.List(rows), nil
}

// digitCount is the number of base-b digits of the largest integer in y
// (at least one).
func digitCount(b int64, y k.V) (int, bool) {
	if l, ok := y.(k.List); ok {
		w := 1
		for _, e := range l {
			n, ok := digitCount(b, e)
			if !ok {
				return 0, false
			}
			w = max(w, n)
		}
		return w, true
	}
	v, ok := asInts(y)
	if !ok {
		return 0, false
	}
	w := 1
	for _, n := range v {
		if n == k.NullLong {
			continue
		}
		c := 0
		for u := uint64(abs64(n)); u > 0; u /= uint64(b) {
			c++
		}
		w = max(w, c)
	}
	return w, true
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// digitRows returns, for each base in turn (most significant first), the
// digits of y's integers in that place, shaped like y.
func digitRows(bases []int64, y k.V) ([]k.V, bool) {
	w := len(bases)
	rows := make([]k.V, w)
	if l, ok := y.(k.List); ok {
		cols := make([][]k.V, w)
		for i := range cols {
			cols[i] = make([]k.V, len(l))
		}
		for j, e := range l {
			r, ok := digitRows(bases, e)
			if !ok {
				return nil, false
			}
			for i := range r {
				cols[i][j] = r[i]
			}
		}
		for i := range rows {
			rows[i] = k.Uniform(cols[i])
		}
		return rows, true
	}
	v, ok := asInts(y)
	if !ok {
		return nil, false
	}
	digits := make([]k.Longs, w)
	for i := range digits {
		digits[i] = make(k.Longs, len(v))
	}
	for j, n := range v {
		for i := w - 1; i >= 0; i-- {
			b := bases[i]
			if b == 0 { // an unbounded leading place takes the rest
				digits[i][j] = n
				n = 0
				continue
			}
			d := ((n % b) + b) % b
			digits[i][j] = d
			n = (n - d) / b
		}
	}
	for i := range rows {
		if isAtom(y) {
			rows[i] = k.Long(digits[i][0])
		} else {
			rows[i] = digits[i]
		}
	}
	return rows, true
}
