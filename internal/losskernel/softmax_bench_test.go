package losskernel

import (
	"testing"

	"kt/internal/vmath"
)

// BenchmarkCEKernel times the fast cross entropy's row kernels on a row of
// 1000 classes, beside vmath's.
func BenchmarkCEKernel(b *testing.B) {
	src := make([]float32, 1000)
	for i := range src {
		src[i] = float32(i%37)*0.1 - 3
	}
	dst := make([]float32, 1000)
	b.Run("expShiftSum32", func(b *testing.B) {
		for b.Loop() {
			ExpShiftSum32(dst, src, 1)
		}
	})
	b.Run("generic", func(b *testing.B) {
		for b.Loop() {
			expShiftSum32Generic(dst, src, 1)
		}
	})
	b.Run("vmath.ExpSum32", func(b *testing.B) {
		for b.Loop() {
			vmath.ExpSum32(dst, src, 1)
		}
	})
	b.Run("sumShift32", func(b *testing.B) {
		for b.Loop() {
			SumShift32(src, 1)
		}
	})
	b.Run("probSums32", func(b *testing.B) {
		for b.Loop() {
			ProbSums32(dst, src, 1, true)
		}
	})
	b.Run("probSums32/noshift", func(b *testing.B) {
		for b.Loop() {
			ProbSums32(dst, src, 1, false)
		}
	})
	b.Run("scale32", func(b *testing.B) {
		for b.Loop() {
			Scale32(dst, 1)
		}
	})
	b.Run("scaleSub32", func(b *testing.B) {
		for b.Loop() {
			ScaleSub32(dst, src, 1, 0, 0)
		}
	})
	b.Run("sumExpShift32", func(b *testing.B) {
		for b.Loop() {
			sumExpShift32(src, 1)
		}
	})
	b.Run("sumExpShift32Generic", func(b *testing.B) {
		for b.Loop() {
			sumExpShift32Generic(src, 1)
		}
	})
	b.Run("max", func(b *testing.B) {
		for b.Loop() {
			vmath.Max32(src)
		}
	})
}
