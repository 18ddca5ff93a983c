package prim

import (
	"math"
	"slices"

	"kt/k"
)

// How ? (find), in, except, distinct and group are made fast. findRef,
// distinctRef and groupRef say what they are, through a map from each
// item's bytes; for vectors of numbers the functions here do the same
// with a table from the item as a long (its bits for a float, with the
// null and -0 made one, as match does) to a position: an array indexed
// by the item when the items span a range not much larger than their
// count, otherwise open addressing with linear probing. fasthash_test.go
// checks they agree.

// longTable maps longs to non-negative int32 values.
type longTable struct {
	lo   int64   // direct: the least key
	dir  []int32 // direct: value+1 at key-lo, 0 when absent; nil when hashed
	keys []int64 // hashed
	vals []int32 // hashed: value+1, 0 for an empty slot
	used int     // hashed: slots in use
	bits uint    // hashed: log2 of the slot count
}

// directMax is the largest range of keys an array serves.
const directMax = 1 << 26

// newLongTable returns a table for keys like x's: an array when x's
// range is small, else a hash table that grows as it fills.
func newLongTable(x []int64) *longTable {
	if len(x) > 0 {
		lo, hi := slices.Min(x), slices.Max(x)
		if span := uint64(hi - lo); hi-lo >= 0 && span < directMax && span <= 2*uint64(len(x))+1024 {
			return &longTable{lo: lo, dir: make([]int32, span+1)}
		}
	}
	t := &longTable{}
	t.grow(4)
	return t
}

func (t *longTable) grow(bits uint) {
	keys, vals := t.keys, t.vals
	t.bits, t.used = bits, 0
	t.keys, t.vals = make([]int64, 1<<bits), make([]int32, 1<<bits)
	for i, v := range vals {
		if v != 0 {
			t.put(keys[i], v-1)
		}
	}
}

// slot is the first slot to probe for key e (Fibonacci hashing).
func (t *longTable) slot(e int64) uint64 {
	return uint64(e) * 0x9e3779b97f4a7c15 >> (64 - t.bits)
}

// get returns the value of key e, or -1.
func (t *longTable) get(e int64) int32 {
	if t.dir != nil {
		if u := uint64(e - t.lo); u < uint64(len(t.dir)) {
			return t.dir[u] - 1
		}
		return -1
	}
	m := uint64(len(t.keys) - 1)
	for h := t.slot(e); ; h = (h + 1) & m {
		switch v := t.vals[h]; {
		case v == 0:
			return -1
		case t.keys[h] == e:
			return v - 1
		}
	}
}

// put gives key e value v unless it has one, and returns e's value.
func (t *longTable) put(e int64, v int32) int32 {
	if t.dir != nil {
		p := &t.dir[e-t.lo]
		if *p == 0 {
			*p = v + 1
		}
		return *p - 1
	}
	m := uint64(len(t.keys) - 1)
	for h := t.slot(e); ; h = (h + 1) & m {
		switch w := t.vals[h]; {
		case w == 0:
			t.keys[h], t.vals[h] = e, v+1
			if t.used++; 2*t.used > len(t.keys) {
				t.grow(t.bits + 1)
			}
			return v
		case t.keys[h] == e:
			return w - 1
		}
	}
}

// hashKeys returns the items of simple vector x as longs that are equal
// exactly when the items match, or false for other values and for
// vectors too long for int32 positions.
func hashKeys(x k.V) ([]int64, bool) {
	if k.Count(x) >= math.MaxInt32 {
		return nil, false
	}
	switch v := x.(type) {
	case k.Longs:
		return v, true
	case k.Ints, k.Shorts, k.Bytes, k.Chars, k.Bools:
		return toI64(v), true
	case k.Floats:
		return floatHashKeys(v), true
	case k.Reals:
		return floatHashKeys(v), true
	}
	return nil, false
}

func floatHashKeys[T float32 | float64](v []T) []int64 {
	r := make([]int64, len(v))
	for i, f := range v {
		r[i] = int64(fbits(float64(f)))
	}
	return r
}

// sameVector reports whether x and y are vectors (or atoms) of one type.
func sameVector(x, y k.V) bool {
	tx, ty := x.Type(), y.Type()
	return tx == ty || tx == -ty
}

// findFast is findIn for a vector x and y of x's type, or false.
func findFast(x, y k.V) ([]int64, bool) {
	if !sameVector(x, y) || isAtom(x) {
		return nil, false
	}
	a, ok1 := hashKeys(x)
	b, ok2 := hashKeys(listOf(y))
	if !ok1 || !ok2 {
		return nil, false
	}
	t := newLongTable(a)
	for i, e := range a {
		t.put(e, int32(i))
	}
	r := make([]int64, len(b))
	for i, e := range b {
		if p := t.get(e); p >= 0 {
			r[i] = int64(p)
		} else {
			r[i] = int64(len(a))
		}
	}
	return r, true
}

// groupIDs numbers the distinct items of x in order of first occurrence:
// each item's number, and the first index of each number.
func groupIDs(a []int64) (ids []int32, firsts []int64) {
	t := newLongTable(a)
	ids = make([]int32, len(a))
	for i, e := range a {
		g := t.put(e, int32(len(firsts)))
		if int(g) == len(firsts) {
			firsts = append(firsts, int64(i))
		}
		ids[i] = g
	}
	return ids, nonNil(firsts)
}

// symGroupIDs is groupIDs of symbols, through a map.
func symGroupIDs(s k.Syms) (ids []int32, firsts []int64) {
	at := make(map[string]int32)
	ids = make([]int32, len(s))
	for i, e := range s {
		g, ok := at[e]
		if !ok {
			g = int32(len(firsts))
			at[e] = g
			firsts = append(firsts, int64(i))
		}
		ids[i] = g
	}
	return ids, nonNil(firsts)
}

// groupsOf is groupIDs of a vector of numbers or symbols, or false.
func groupsOf(x k.V) (ids []int32, firsts []int64, ok bool) {
	if s, ok := x.(k.Syms); ok && len(s) < math.MaxInt32 {
		ids, firsts = symGroupIDs(s)
		return ids, firsts, true
	}
	a, ok := hashKeys(x)
	if !ok {
		return nil, nil, false
	}
	ids, firsts = groupIDs(a)
	return ids, firsts, true
}

// distinctFast is distinct of a vector of numbers or symbols, or false.
func distinctFast(x k.V) (k.V, bool) {
	_, firsts, ok := groupsOf(x)
	if !ok {
		return nil, false
	}
	return pick(x, firsts), true
}

// groupFast is group of a vector of numbers or symbols, or false. The
// groups' indices share one backing vector, each capped at its own end.
func groupFast(x k.V) (k.V, bool) {
	ids, firsts, ok := groupsOf(x)
	if !ok {
		return nil, false
	}
	return &k.Dict{Keys: pick(x, firsts), Vals: groupLists(ids, len(firsts))}, true
}

// groupLists is, for each of ng groups, the indices i where ids[i] is
// that group.
func groupLists(ids []int32, ng int) k.List {
	off := make([]int, ng+1)
	for _, g := range ids {
		off[g+1]++
	}
	for g := range ng {
		off[g+1] += off[g]
	}
	all := make([]int64, len(ids))
	at := slices.Clone(off[:ng])
	for i, g := range ids {
		all[at[g]] = int64(i)
		at[g]++
	}
	vals := make(k.List, ng)
	for g := range vals {
		vals[g] = k.Longs(all[off[g]:off[g+1]:off[g+1]])
	}
	return vals
}
