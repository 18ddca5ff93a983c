package prim

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"

	"kt/k"
)

// How iasc, idesc, asc and desc are made fast: grade says what the order
// is (a stable sort by cmpV's order); for vectors of numbers and symbols
// gradeFast gives the same order by a stable least-significant-digit
// radix sort of an unsigned key per item, whose order is the items'
// order. fastsort_test.go checks the two agree.

// radixMin is the count from which a vector is radix sorted; shorter
// ones sort by comparison.
const radixMin = 256

// gradeFast returns the indices that sort simple vector x ascending (desc
// for descending), stably, or false when x is not a vector of numbers or
// symbols, or is short.
func gradeFast(x k.V, desc bool) ([]int64, bool) {
	if k.Count(x) < radixMin {
		return nil, false
	}
	return gradeRadix(x, desc)
}

// gradeRadix is gradeFast at any length.
func gradeRadix(x k.V, desc bool) ([]int64, bool) {
	var keys []uint64
	switch v := x.(type) {
	case k.Longs:
		keys = intKeys(v)
	case k.Ints:
		keys = intKeys(v)
	case k.Shorts:
		keys = intKeys(v)
	case k.Bytes:
		keys = intKeys(v)
	case k.Chars:
		keys = intKeys(v)
	case k.Bools:
		keys = make([]uint64, len(v))
		for i, b := range v {
			keys[i] = uint64(b2u(b))
		}
	case k.Floats:
		keys = floatKeys(v)
	case k.Reals:
		keys = floatKeys(v)
	case k.Syms:
		keys = make([]uint64, len(v))
		for i, s := range v {
			keys[i] = symKey(s)
		}
	default:
		return nil, false
	}
	if desc {
		for i, e := range keys {
			keys[i] = ^e
		}
	}
	idx := iota64(0, len(keys))
	keys, idx = radixSort(keys, idx)
	if s, ok := x.(k.Syms); ok {
		symRuns(s, keys, idx, desc)
	}
	return idx, true
}

// intKeys are the keys of integers: their bits with the sign flipped, so
// that unsigned order is signed order (nulls, the least, first).
func intKeys[T uint8 | int16 | int32 | int64](v []T) []uint64 {
	keys := make([]uint64, len(v))
	for i, e := range v {
		keys[i] = uint64(int64(e)) ^ 1<<63
	}
	return keys
}

// floatKeys are the keys of floats.
func floatKeys[T float32 | float64](v []T) []uint64 {
	keys := make([]uint64, len(v))
	for i, f := range v {
		keys[i] = floatKey(float64(f))
	}
	return keys
}

// floatKey is the key of a float in q's order: null first, then -0w to
// 0w, -0 equal to 0.
func floatKey(f float64) uint64 {
	if f != f {
		return 0
	}
	if f == 0 {
		return 1 << 63
	}
	b := math.Float64bits(f)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// symKey is the key of a symbol: its first eight bytes, big-endian, zero
// padded. Symbols with equal keys may still differ (longer ones, or a
// trailing zero byte): symRuns orders those.
func symKey(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// symRuns sorts, by the whole symbol, each run of items whose keys are
// equal but whose symbols are not all equal.
func symRuns(s k.Syms, keys []uint64, idx []int64, desc bool) {
	sgn := 1
	if desc {
		sgn = -1
	}
	for lo := 0; lo < len(keys); {
		hi, differ := lo+1, false
		for hi < len(keys) && keys[hi] == keys[lo] {
			differ = differ || s[idx[hi]] != s[idx[lo]]
			hi++
		}
		if differ {
			slices.SortStableFunc(idx[lo:hi], func(i, j int64) int { return sgn * strings.Compare(s[i], s[j]) })
		}
		lo = hi
	}
}

// radixSort sorts keys ascending, stably, carrying idx along, a byte at a
// time from the least significant; a byte that is the same in every key
// (after the least key is subtracted) costs no pass. idx may be nil. It
// may return the arguments' storage or new storage.
func radixSort(keys []uint64, idx []int64) ([]uint64, []int64) {
	n := len(keys)
	if n < 2 {
		return keys, idx
	}
	lo := slices.Min(keys)
	var counts [8][256]int
	for i, e := range keys {
		e -= lo
		keys[i] = e
		for d := range 8 {
			counts[d][e>>(8*d)&255]++
		}
	}
	kb := make([]uint64, n)
	var ib []int64
	if idx != nil {
		ib = make([]int64, n)
	}
	for d := range 8 {
		c := &counts[d]
		if c[keys[0]>>(8*d)&255] == n {
			continue
		}
		var off [256]int
		sum := 0
		for b, m := range c {
			off[b] = sum
			sum += m
		}
		shift := uint(8 * d)
		if idx == nil {
			for _, e := range keys {
				b := e >> shift & 255
				kb[off[b]] = e
				off[b]++
			}
		} else {
			for i, e := range keys {
				b := e >> shift & 255
				p := off[b]
				off[b]++
				kb[p], ib[p] = e, idx[i]
			}
		}
		keys, kb = kb, keys
		idx, ib = ib, idx
	}
	for i := range keys {
		keys[i] += lo
	}
	return keys, idx
}

// sortFast is asc (desc for descending) of a vector of integers by
// sorting the values themselves, or false for other values or short
// vectors; other vectors sort by their grade.
func sortFast(x k.V, desc bool) (k.V, bool) {
	v, ok := x.(k.Longs)
	if !ok || len(v) < radixMin {
		return nil, false
	}
	return sortLongs(v, desc), true
}

// sortLongs sorts longs by their keys alone.
func sortLongs(v k.Longs, desc bool) k.Longs {
	keys := intKeys(v)
	if desc {
		for i, e := range keys {
			keys[i] = ^e
		}
	}
	keys, _ = radixSort(keys, nil)
	r := make(k.Longs, len(v))
	for i, e := range keys {
		if desc {
			e = ^e
		}
		r[i] = int64(e ^ 1<<63)
	}
	return r
}
