package tensor

import (
	"math"
	"sync"
	"testing"
	"unsafe"
)

// big is a float32 size whose storage is counted (at least cacheMin bytes).
const big = cacheMin/4 + 100

// freshCache empties the cache for a test and restores its limit after.
func freshCache(t *testing.T) {
	old := SetCacheLimit(0)
	SetCacheLimit(old)
	t.Cleanup(func() {
		SetCacheLimit(0)
		SetCacheLimit(old)
	})
}

// same reports whether two slices start at the same element.
func same[T float32 | float64](a, b []T) bool {
	return len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
}

func TestSizeClass(t *testing.T) {
	for n := 1; n < 1<<21; n += 1 + n/7 {
		c := sizeClass(n)
		if c < n || float64(c) > float64(n)*1.125+1 {
			t.Fatalf("sizeClass(%d) = %d", n, c)
		}
		if sizeClass(c) != c {
			t.Fatalf("sizeClass(sizeClass(%d) = %d) = %d, want a fixed point", n, c, sizeClass(c))
		}
	}
}

// TestFreeReuse checks that freed counted storage is handed out again, and
// small storage is not counted.
func TestFreeReuse(t *testing.T) {
	freshCache(t)
	a, sa, err := Alloc[float32](big)
	if err != nil {
		t.Fatal(err)
	}
	a.Free()
	if a.Numel() != 0 || a.Float32s() != nil || a.Dim() != 1 {
		t.Fatalf("freed tensor: %d elements, %d dims", a.Numel(), a.Dim())
	}
	if CachedBytes() == 0 {
		t.Fatal("freed storage not cached")
	}
	b, sb, _ := AllocLike[float32](Vector(make([]float32, big-3)...))
	if !same(sa, sb) {
		t.Fatal("storage of a slightly smaller tensor not reused")
	}
	if CachedBytes() != 0 {
		t.Fatalf("cache holds %d bytes after reuse", CachedBytes())
	}
	b.Free()
	b.Free() // a second Free does nothing
	if _, s64, _ := Alloc[float64](big); same32as64(sb, s64) {
		t.Fatal("float64 storage taken from the float32 shelf")
	}
	small, _, _ := Alloc[float32](10)
	small.Free()
	if CachedBytes() != sizeClass(big)*4 {
		t.Fatalf("cache holds %d bytes, want %d", CachedBytes(), sizeClass(big)*4)
	}
}

// same32as64 reports whether two slices of different types start at the
// same address.
func same32as64(a []float32, b []float64) bool {
	return len(a) > 0 && len(b) > 0 && unsafe.Pointer(&a[0]) == unsafe.Pointer(&b[0])
}

// TestFreeViews checks that storage shared by views goes back only with
// the last of them.
func TestFreeViews(t *testing.T) {
	freshCache(t)
	a, sa, _ := Alloc[float32](2, big)
	for i := range sa {
		sa[i] = float32(i)
	}
	r, err := a.Reshape(big, 2)
	if err != nil {
		t.Fatal(err)
	}
	d := a.Detach()
	a.Free()
	r.Free()
	if CachedBytes() != 0 {
		t.Fatal("storage cached while a view holds it")
	}
	if _, s, _ := Alloc[float32](2, big); same(s, sa) {
		t.Fatal("storage handed out while a view holds it")
	}
	if got := d.Float32s(); got[7] != 7 || !SameShape(d.Shape(), []int{2, big}) {
		t.Fatalf("view changed: element 7 is %v, shape %v", got[7], d.Shape())
	}
	d.Free()
	if _, s, _ := Alloc[float32](2, big); !same(s, sa) {
		t.Fatal("storage not reused after the last view went")
	}
}

// TestWrapNotCounted checks that storage from outside is never reused.
func TestWrapNotCounted(t *testing.T) {
	freshCache(t)
	v := make([]float32, big)
	w, _ := Wrap(v, big)
	w.Free()
	if CachedBytes() != 0 {
		t.Fatal("wrapped storage cached")
	}
}

// TestZerosReused checks that Zeros, Ones and Full clear reused storage.
func TestZerosReused(t *testing.T) {
	freshCache(t)
	for _, n := range []int{big, 3 * big} {
		a, s, _ := Alloc[float64](n)
		for i := range s {
			s[i] = -1
		}
		a.Free()
		z, _ := Zeros(Float64, n)
		for i, v := range z.Float64s() {
			if v != 0 {
				t.Fatalf("n=%d: Zeros element %d is %v", n, i, v)
			}
		}
		z.Free()
		o, _ := Full(Float64, 2.5, n)
		for i, v := range o.Float64s() {
			if v != 2.5 {
				t.Fatalf("n=%d: Full element %d is %v", n, i, v)
			}
		}
		o.Free()
	}
}

// TestPoison checks that a poisoned cache hands out NaNs.
func TestPoison(t *testing.T) {
	defer PoisonCache(PoisonCache(true))
	for _, n := range []int{3, big} {
		_, s, _ := Alloc[float32](n)
		for i, v := range s {
			if !math.IsNaN(float64(v)) {
				t.Fatalf("n=%d: element %d is %v, want NaN", n, i, v)
			}
		}
	}
}

// TestCacheLimit checks that a full cache drops storage.
func TestCacheLimit(t *testing.T) {
	freshCache(t)
	SetCacheLimit(sizeClass(big) * 4)
	a, _, _ := Alloc[float32](big)
	b, _, _ := Alloc[float32](big)
	a.Free()
	b.Free()
	if got := CachedBytes(); got != sizeClass(big)*4 {
		t.Fatalf("cache holds %d bytes, limit %d", got, sizeClass(big)*4)
	}
}

// double is a recorded operation y = 2x whose backward makes its
// gradient with Alloc; with same set it returns its output gradient
// itself.
func double(x *Tensor, same bool) *Tensor {
	y, ys, _ := AllocLike[float32](x)
	for i, v := range x.Float32s() {
		ys[i] = 2 * v
	}
	xs := x.Float32s()
	var c *Ctx
	c.Record(y, "MulBackward0", []*Tensor{x}, func(g *Tensor) ([]*Tensor, error) {
		if same {
			return []*Tensor{g}, nil
		}
		gx, gs, _ := AllocLike[float32](g)
		for i, v := range g.Float32s() {
			gs[i] = 2*v + 0*xs[i]
		}
		return []*Tensor{gx}, nil
	})
	return y
}

// TestBackwardFrees checks that Backward gives the gradients it made
// back, keeps what a pending backward reads, and never frees a gradient
// it handed to a leaf.
func TestBackwardFrees(t *testing.T) {
	for _, same := range []bool{false, true} {
		freshCache(t)
		x, _ := Full(Float32, 1, big)
		x.SetRequiresGrad(true)
		y := double(x, same)
		z := double(y, same)
		xs := x.Float32s()
		x.Free() // the graph still holds x's storage
		if CachedBytes() != 0 {
			t.Fatalf("same=%v: storage cached while the graph reads it", same)
		}
		// Storage of x's size class handed out now must not be x's.
		if _, s, _ := Alloc[float32](big); &s[0] == &xs[0] {
			t.Fatalf("same=%v: x's storage reused before backward", same)
		}
		x2, _ := Full(Float32, 3, big)
		x2.SetRequiresGrad(true)
		w := double(double(x2, same), same)
		g, _ := Ones(Float32, big)
		if err := Backward(w, g, false); err != nil {
			t.Fatal(err)
		}
		want := float32(4)
		if same {
			want = 1
		}
		for i, v := range x2.Grad.Float32s() {
			if v != want {
				t.Fatalf("same=%v: grad element %d is %v, want %v", same, i, v, want)
			}
		}
		for i, v := range g.Float32s() {
			if v != 1 {
				t.Fatalf("same=%v: the caller's gradient changed at %d: %v", same, i, v)
			}
		}
		if CachedBytes() == 0 {
			t.Fatalf("same=%v: no gradient given back", same)
		}
		x2.FreeGrad()
		if x2.Grad != nil {
			t.Fatal("FreeGrad left a gradient")
		}
		// z's graph holds x's storage until its backward.
		if err := Backward(z, g, false); err != nil {
			t.Fatal(err)
		}
		if x.Grad != nil {
			t.Fatalf("same=%v: a freed leaf got a gradient", same)
		}
	}
}

// TestFreeResult frees results of a recorded operation: without a
// backward, Free gives back the storage the node held and runs its
// OnFree once; after a backward, OnFree has run and Free does not run it
// again.
func TestFreeResult(t *testing.T) {
	freshCache(t)
	x, _ := Full(Float32, 1, big)
	x.SetRequiresGrad(true)
	calls := 0
	y := double(x, false)
	y.OnFree(func() { calls++ })
	ys := y.Float32s()
	y.Free()
	if calls != 1 {
		t.Fatalf("Free of a result ran OnFree %d times, want 1", calls)
	}
	if _, s, _ := Alloc[float32](big); !same(s, ys) {
		t.Fatal("a result's storage was not reused after its Free")
	}
	y = double(x, false)
	y.OnFree(func() { calls++ })
	g, _ := Ones(Float32, big)
	if err := Backward(y, g, false); err != nil {
		t.Fatal(err)
	}
	y.Free()
	if calls != 2 {
		t.Fatalf("OnFree ran %d times after a backward and a Free, want 2 in all", calls)
	}
	if x.Grad == nil || x.Grad.Float32s()[0] != 2 {
		t.Fatalf("x's gradient %v", x.Grad)
	}
	// A tensor without history: OnFree does nothing.
	z, _ := Full(Float32, 1, 3)
	z.OnFree(func() { calls++ })
	z.Free()
	if calls != 2 {
		t.Fatal("OnFree ran for a tensor without history")
	}
}

// TestCacheConcurrent allocates and frees from several goroutines (run
// with -race).
func TestCacheConcurrent(t *testing.T) {
	freshCache(t)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				a, s, _ := Alloc[float32](big + i)
				for j := range s {
					s[j] = float32(w)
				}
				r := a.Detach()
				a.Free()
				for j, v := range r.Float32s() {
					if v != float32(w) {
						t.Errorf("worker %d: element %d is %v", w, j, v)
						return
					}
				}
				r.Free()
			}
		}()
	}
	wg.Wait()
}
