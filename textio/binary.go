package textio

import (
	"encoding/binary"
	"math"
	"strconv"

	"kt/k"
)

// binaryWidth is the width 1: reads for each type letter.
var binaryWidth = map[byte]int{'b': 1, 'g': 16, 'x': 1, 'h': 2, 'i': 4, 'j': 8, 'e': 4, 'f': 8,
	'c': 1, 'p': 8, 'm': 4, 'd': 4, 'z': 8, 'n': 8, 'u': 4, 'v': 4, 't': 4}

// Records reads fixed-width binary records (1:): field j of each record is
// widths[j] bytes of type letter types[j] (a blank skips them, s is a
// symbol of that many bytes, trailing zero bytes dropped). It returns one
// column per non-blank letter; only whole records are read.
func Records(types string, widths []int, b []byte, little bool) ([]k.V, error) {
	if len(types) != len(widths) {
		return nil, k.ErrLength
	}
	var ord binary.ByteOrder = binary.BigEndian
	if little {
		ord = binary.LittleEndian
	}
	rec := 0
	for j, w := range widths {
		c := types[j]
		if want, ok := binaryWidth[c]; ok && w != want || w < 0 || (!ok && c != ' ' && c != 's') {
			return nil, k.Err("length: type " + string(c) + " has no width " + strconv.Itoa(w))
		}
		rec += w
	}
	if rec == 0 {
		return nil, k.ErrLength
	}
	n := len(b) / rec
	var cols []k.V
	at := 0
	for j, w := range widths {
		c := types[j]
		off := at
		field := func(i int) []byte { p := i*rec + off; return b[p : p+w] }
		at += w
		var col k.V
		switch c {
		case ' ':
			continue
		case 's':
			r := make(k.Syms, n)
			for i := range r {
				f := field(i)
				for len(f) > 0 && f[len(f)-1] == 0 {
					f = f[:len(f)-1]
				}
				r[i] = string(f)
			}
			col = r
		case 'b':
			r := make(k.Bools, n)
			for i := range r {
				r[i] = field(i)[0] != 0
			}
			col = r
		case 'x':
			r := make(k.Bytes, n)
			for i := range r {
				r[i] = field(i)[0]
			}
			col = r
		case 'c':
			r := make(k.Chars, n)
			for i := range r {
				r[i] = field(i)[0]
			}
			col = r
		case 'g':
			r := make(k.Guids, n)
			for i := range r {
				copy(r[i][:], field(i))
			}
			col = r
		case 'h':
			r := make(k.Shorts, n)
			for i := range r {
				r[i] = int16(ord.Uint16(field(i)))
			}
			col = r
		case 'e':
			r := make(k.Reals, n)
			for i := range r {
				r[i] = math.Float32frombits(ord.Uint32(field(i)))
			}
			col = r
		default:
			col = wide(c, n, field, ord)
		}
		cols = append(cols, col)
	}
	return cols, nil
}

// wide reads 4- and 8-byte columns: i j f and the temporal letters.
func wide(c byte, n int, field func(int) []byte, ord binary.ByteOrder) k.V {
	t := k.TypeOfChar(c)
	switch {
	case c == 'i' || binaryWidth[c] == 4 && t != 0:
		r := make(k.Ints, n)
		for i := range r {
			r[i] = int32(ord.Uint32(field(i)))
		}
		if t != 0 {
			return k.Retag(r, t)
		}
		return r
	case c == 'f' || c == 'z':
		r := make(k.Floats, n)
		for i := range r {
			r[i] = math.Float64frombits(ord.Uint64(field(i)))
		}
		if t != 0 {
			return k.Retag(r, t)
		}
		return r
	}
	r := make(k.Longs, n)
	for i := range r {
		r[i] = int64(ord.Uint64(field(i)))
	}
	if t != 0 {
		return k.Retag(r, t)
	}
	return r
}
