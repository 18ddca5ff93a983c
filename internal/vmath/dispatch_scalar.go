//go:build !(goexperiment.simd && amd64)

package vmath

func expTo32(dst, src []float32)                          { expTo32Generic(dst, src) }
func max32(s []float32) float32                           { return max32Generic(s) }
func sumExp32(s []float32, shift float64) float64         { return sumExp32Generic(s, shift) }
func expScale32(dst, src []float32, shift, scale float64) { expScale32Generic(dst, src, shift, scale) }
func expSum32(dst, src []float32, shift float64) float64  { return expSum32Generic(dst, src, shift) }
func logTo32(dst, src []float32)                          { logTo32Generic(dst, src) }
func log1pTo32(dst, src []float32)                        { log1pTo32Generic(dst, src) }
func logPick32(dst, x, y []float32)                       { logPick32Generic(dst, x, y) }
