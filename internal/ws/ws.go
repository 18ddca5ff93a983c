// Package ws is the workspace limit, as q's -w: the one check every large
// allocation of vectors, strings and tensors makes before it is made.
//
// A size that cannot exist (negative, or bytes past any address space) is
// ErrLimit; a size that exists but does not fit in what is left of the
// limit is ErrWsfull. Allocations under Small bytes are not checked: the
// check reads the heap's size, which costs more than a small allocation.
package ws

import (
	"math"
	"math/bits"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Error is a workspace signal; its text is q's.
type Error string

func (e Error) Error() string { return string(e) }

// The workspace signals.
const (
	ErrWsfull = Error("wsfull")
	ErrLimit  = Error("limit")
)

// Small is the size in bytes under which Check allows an allocation
// without looking at the heap.
const Small = 1 << 20

// maxBytes is past any address space: a request for more is ErrLimit.
const maxBytes = 1 << 47

var (
	limit atomic.Int64
	peak  atomic.Int64
)

// The limit starts at Default, so that a program or test that never sets
// one still answers 'wsfull before the machine runs out of memory.
func init() { SetLimit(Default()) }

// SetLimit sets the workspace limit in bytes (0: none) and returns the
// previous one. It also tells the garbage collector to work harder as the
// heap nears the limit.
func SetLimit(bytes int64) int64 {
	if bytes < 0 {
		bytes = 0
	}
	if bytes > 0 {
		debug.SetMemoryLimit(bytes)
	} else {
		debug.SetMemoryLimit(math.MaxInt64)
	}
	return limit.Swap(bytes)
}

// Limit is the workspace limit in bytes (0: none).
func Limit() int64 { return limit.Load() }

// Check reports whether n items of size bytes each may be allocated.
func Check(n, size int) error {
	if n < 0 || size < 0 {
		return ErrLimit
	}
	hi, b := bits.Mul64(uint64(n), uint64(size))
	if hi != 0 || b > maxBytes {
		return ErrLimit
	}
	return CheckBytes(int64(b))
}

// CheckBytes reports whether b bytes may be allocated.
func CheckBytes(b int64) error {
	if b < 0 || b > maxBytes {
		return ErrLimit
	}
	if b < Small {
		return nil
	}
	lim := limit.Load()
	if lim <= 0 {
		if !fitsAddressSpace(b) {
			return ErrWsfull
		}
		return nil
	}
	if b > lim {
		return ErrWsfull
	}
	used := Used()
	if used+b > lim {
		runtime.GC() // what is garbage is not used
		used = Used()
	}
	if used+b > lim || !fitsAddressSpace(b) {
		return ErrWsfull
	}
	if p := used + b; p > peak.Load() {
		peak.Store(p)
	}
	return nil
}

// Full is ErrWsfull when the heap has outgrown the limit (its garbage
// collected first), or the process is near its address-space limit: it
// catches memory that grows by many small allocations, none of which
// Check sees. The evaluator calls it every so many steps.
func Full() error {
	if lim := limit.Load(); lim > 0 && Used() > lim {
		runtime.GC()
		if Used() > lim {
			return ErrWsfull
		}
	}
	if !fitsAddressSpace(0) {
		return ErrWsfull
	}
	return nil
}

// fitsAddressSpace reports whether b more bytes of heap fit under the
// process's address-space limit (ulimit -v), where there is one: the Go
// runtime reserves much more address space than it uses, and running out
// of it is fatal. What is left is the limit less the address space in
// use, plus the heap's free and released spans, which the heap reuses;
// b must fit in it twice over (a slice that grows by doubling holds its
// old and new storage at once), with 160 MB to spare for the runtime's
// own growth: it maps the heap in 64 MB arenas, and their metadata.
func fitsAddressSpace(b int64) bool {
	as := addressLimit()
	if as <= 0 {
		return true
	}
	spare := metric("/memory/classes/heap/free:bytes") + metric("/memory/classes/heap/released:bytes")
	return 2*b+160<<20 <= as-virtual()+spare
}

// Used is the heap's bytes in objects, garbage not yet collected included.
func Used() int64 { return metric("/memory/classes/heap/objects:bytes") }

// Heap is the bytes the Go runtime holds from the system.
func Heap() int64 { return metric("/memory/classes/total:bytes") }

// metric reads one of the runtime's byte counts (0 if it has none).
func metric(name string) int64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// Peak is the largest heap a checked allocation has brought about.
func Peak() int64 { return max(peak.Load(), Used()) }
