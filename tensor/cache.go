package tensor

import (
	"math"
	"sync"
	"sync/atomic"
	"unsafe"
)

// The storage cache. PyTorch gives a tensor's memory back to its
// allocator when the last reference to it goes, and the next tensor of
// that size takes it without asking the system for fresh pages; Go's
// allocator clears every large slice it hands out, on one thread. Here
// float storage of at least cacheMin bytes that the package allocated
// (Alloc, AllocLike, Zeros, Ones, Full, Clone) is counted: each tensor
// that shares it (Reshape, Detach) holds a reference, and so does every
// recorded operation that reads it, until its backward has run. When the
// last reference goes (Free, or Backward done with a gradient it made),
// the slice goes to the cache, and Alloc hands it out again as it is.
//
// Storage that came from outside (Wrap, WrapAs) is never counted, so a
// slice someone else may hold is never reused. The cache keeps at most
// Limit bytes; SetCacheLimit(0) empties it and turns it off.

// cacheMin is the size in bytes below which storage is not counted:
// Go's allocator serves small slices from per-thread caches quickly.
const cacheMin = 64 << 10

// defaultCacheLimit is the most bytes the cache keeps unless set.
const defaultCacheLimit = 1 << 30

// block counts the references to one counted storage slice.
type block struct{ refs atomic.Int32 }

// shelf holds the free slices of one element type, by size class.
type shelf[T float32 | float64] map[int][][]T

// storeCache is the cache of free storage.
type storeCache struct {
	mu     sync.Mutex
	f32    shelf[float32]
	f64    shelf[float64]
	bytes  int         // held on the shelves
	limit  int         // the most bytes held
	poison atomic.Bool // Alloc fills storage with NaN
}

// cache is the package's storage cache; SetCacheLimit and PoisonCache
// reset it.
var cache = storeCache{f32: shelf[float32]{}, f64: shelf[float64]{}, limit: defaultCacheLimit}

// SetCacheLimit sets the most bytes of free storage the cache keeps and
// returns the previous limit. A limit of 0 empties the cache and stops
// it keeping storage; storage in use is not affected.
func SetCacheLimit(bytes int) int {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	old := cache.limit
	cache.limit = max(bytes, 0)
	if cache.bytes > cache.limit {
		cache.f32, cache.f64, cache.bytes = shelf[float32]{}, shelf[float64]{}, 0
	}
	return old
}

// CachedBytes returns the bytes of free storage the cache holds.
func CachedBytes() int {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	return cache.bytes
}

// PoisonCache sets whether Alloc and AllocLike fill the storage they
// return with NaN (of any size, new or reused), and returns the previous
// setting. Tests turn it on to prove that a kernel writes every element
// of the storage it was given.
func PoisonCache(on bool) bool { return cache.poison.Swap(on) }

// sizeClass returns the capacity, at least n, that storage of n elements
// is made with: n rounded up to an eighth of its power of two, so that a
// slice serves any later request within 12.5% below its size.
func sizeClass(n int) int {
	if n < 16 {
		return n
	}
	step := 1 << (bitLen(n-1) - 4) // an eighth of the next power of two
	return (n + step - 1) / step * step
}

// bitLen returns the number of bits needed to write n > 0.
func bitLen(n int) int {
	b := 0
	for ; n > 0; n >>= 1 {
		b++
	}
	return b
}

// take returns storage of n elements of type T, its block (nil when the
// storage is not counted), and whether its elements are zero. Counted
// storage comes from the cache when a slice of its size class is free.
func take[T float32 | float64](n int) ([]T, *block, bool) {
	var z T
	size := int(unsafe.Sizeof(z))
	if n*size < cacheMin {
		return make([]T, n), nil, true
	}
	c := sizeClass(n)
	b := &block{}
	b.refs.Store(1)
	cache.mu.Lock()
	sh := shelfOf[T]()
	if l := sh[c]; len(l) > 0 {
		s := l[len(l)-1]
		l[len(l)-1] = nil
		sh[c] = l[:len(l)-1]
		cache.bytes -= c * size
		cache.mu.Unlock()
		return s[:n], b, false
	}
	cache.mu.Unlock()
	return make([]T, n, c), b, true
}

// give puts s, counted storage whose last reference went, back in the
// cache, or leaves it to the garbage collector when the cache is full.
func give[T float32 | float64](s []T) {
	var z T
	size := int(unsafe.Sizeof(z))
	c := cap(s)
	if sizeClass(c) != c {
		return // not made by take
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if cache.bytes+c*size > cache.limit {
		return
	}
	sh := shelfOf[T]()
	sh[c] = append(sh[c], s[:c])
	cache.bytes += c * size
}

// shelfOf returns the shelf of element type T; the caller holds the lock.
func shelfOf[T float32 | float64]() shelf[T] {
	if sh, ok := any(cache.f32).(shelf[T]); ok {
		return sh
	}
	sh, _ := any(cache.f64).(shelf[T])
	return sh
}

// Alloc returns a float tensor of element type T and the given shape, and
// its storage, whose elements are unset: the caller writes every one
// before the tensor is read. Large storage comes from the cache (see
// Free), so it holds whatever the tensor that had it last left there.
func Alloc[T float32 | float64](shape ...int) (*Tensor, []T, error) {
	if err := checkSize(dtypeOf[T](), shape); err != nil {
		return nil, nil, err
	}
	t := header(dtypeOf[T](), shape)
	return t, allocInto[T](t), nil
}

// AllocLike is Alloc with the shape of like: the shape exists, but a
// second tensor of it may not fit in the workspace.
func AllocLike[T float32 | float64](like *Tensor) (*Tensor, []T, error) {
	return Alloc[T](like.shape...)
}

// allocInto gives t (of element type T, no storage yet) unset storage for
// its shape, and returns it.
func allocInto[T float32 | float64](t *Tensor) []T {
	takeInto[T](t)
	s := Data[T](t)
	if cache.poison.Load() {
		nan := T(math.NaN())
		for i := range s {
			s[i] = nan
		}
	}
	return s
}

// takeInto gives t (of element type T, no storage yet) storage for its
// shape as take makes it, and reports whether its elements are zero.
func takeInto[T float32 | float64](t *Tensor) bool {
	s, b, zero := take[T](numel(t.shape))
	t.blk = b
	setData(t, s)
	return zero
}

// release drops t's reference to its storage; the last reference gives
// counted storage back to the cache.
func (t *Tensor) release() {
	b := t.blk
	t.blk = nil
	if b == nil || b.refs.Add(-1) != 0 {
		return
	}
	switch t.dtype {
	case Float32:
		give(t.f32)
	case Float64:
		give(t.f64)
	}
}

// retain adds a reference to t's storage, if it is counted, and returns
// its block (nil if not).
func (t *Tensor) retain() *block {
	if t.blk != nil {
		t.blk.refs.Add(1)
	}
	return t.blk
}

// Free releases t: t becomes an empty tensor (shape [0]) without a
// gradient or history, and its storage, when no other tensor or pending
// backward shares it, goes back to the cache for the next tensor of its
// size. The caller must not use t's elements, or slices of them it took
// before, afterwards. Free of a tensor already freed does nothing. A
// result of a recorded operation takes its history with it: the storage
// its operation saved for the backward is given back (the graph through t
// ends at t, as its history is dropped).
func (t *Tensor) Free() {
	if n := t.node; n != nil {
		n.free()
	}
	t.release()
	t.f32, t.f64, t.data = nil, nil, nil
	t.dims = [4]int{}
	t.shape = t.dims[:1:1]
	t.node, t.requiresGrad, t.Grad = nil, false, nil
}

// FreeGrad sets t's Grad to nil, as PyTorch's t.grad = None, and frees
// the gradient it had (see Free): the caller must hold no other use of
// that gradient.
func (t *Tensor) FreeGrad() {
	if g := t.Grad; g != nil {
		t.Grad = nil
		g.Free()
	}
}

// AllocZeros is Alloc with every element zero: reused storage is
// cleared, in parallel when it is large.
func AllocZeros[T float32 | float64](shape ...int) (*Tensor, []T, error) {
	t, err := Zeros(dtypeOf[T](), shape...)
	if err != nil {
		return nil, nil, err
	}
	return t, Data[T](t), nil
}
