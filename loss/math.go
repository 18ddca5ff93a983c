package loss

import (
	"fmt"

	"kt/internal/vmath"
	"kt/tensor"
)

// The elementary functions at precision T: computed in float64 by
// package vmath (within a couple of float64 units of package math's, whose
// special cases they keep) and rounded to T, so a float32 overflow gives
// +Inf as it does in PyTorch's float32 kernels.

func exp[T tensor.Float](v T) T   { return T(vmath.Exp(float64(v))) }
func log[T tensor.Float](v T) T   { return T(vmath.Log(float64(v))) }
func log1p[T tensor.Float](v T) T { return T(vmath.Log1p(float64(v))) }

// round32 rounds v to float32 when r is set: a subexpression PyTorch
// computes in float32 before promoting to float64.
func round32[T tensor.Float](v T, r bool) T {
	if r {
		return T(float32(v))
	}
	return v
}

// weightShape checks that a weight of shape w broadcasts to shape without
// growing it, with PyTorch's messages.
func weightShape(shape, w []int) error {
	b, err := tensor.BroadcastShapes(shape, w)
	if err != nil {
		return err
	}
	if !tensor.SameShape(b, shape) {
		return fmt.Errorf("output with shape %s doesn't match the broadcast shape %s", tensor.SizeString(shape), tensor.SizeString(b))
	}
	return nil
}
