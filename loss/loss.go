package loss

import (
	"fmt"

	"kt/tensor"
)

// Loss is a loss module: its options are fixed when it is made, its
// tensors are given to Forward in PyTorch's order (input, target, ...).
type Loss interface {
	// Name returns ktorch's name of the loss, e.g. "mse".
	Name() string
	// Forward computes the loss. Under a recording c (nil records), the
	// result carries one graph node whose backward gives the gradient of
	// every input that requires grad.
	Forward(c *tensor.Ctx, inputs ...*tensor.Tensor) (*tensor.Tensor, error)
}

// arity checks that a loss got between lo and hi tensors, none nil
// except optional ones past lo.
func arity(name string, in []*tensor.Tensor, lo, hi int) error {
	if len(in) < lo || len(in) > hi {
		if lo == hi {
			return fmt.Errorf("%s: expects %d tensors, given %d", name, lo, len(in))
		}
		return fmt.Errorf("%s: expects %d to %d tensors, given %d", name, lo, hi, len(in))
	}
	for i := 0; i < lo; i++ {
		if in[i] == nil {
			return fmt.Errorf("%s: tensor %d is undefined", name, i)
		}
	}
	return nil
}

// floatResult returns the promoted type of ts (torch.result_type), or the
// error PyTorch's kernel named kernel gives when it is not a float type.
func floatResult(kernel string, ts ...*tensor.Tensor) (tensor.DType, error) {
	d := tensor.ResultType(ts...)
	if !d.IsFloat() {
		return d, notImplemented(kernel, d)
	}
	return d, nil
}

// notImplemented is PyTorch's error for a kernel without a dtype.
func notImplemented(kernel string, d tensor.DType) error {
	return fmt.Errorf("%q not implemented for '%s'", kernel, d.Title())
}

// castError is PyTorch's error for a result that cannot be written to an
// output of another type.
func castError(from, to tensor.DType) error {
	return fmt.Errorf("result type %s can't be cast to the desired output type %s", from.Title(), to.Title())
}

// dtypeMismatch is PyTorch's error for a tensor of the wrong dtype.
func dtypeMismatch(found, expected tensor.DType) error {
	return fmt.Errorf("Found dtype %s but expected %s", found.Title(), expected.Title())
}

// pair checks that a loss got exactly input and target and returns them
// with the shape they broadcast to (PyTorch's message if they do not),
// nil when they have the same shape (see broadcast).
func pair(name string, in []*tensor.Tensor) (x, y *tensor.Tensor, shape []int, err error) {
	if err := arity(name, in, 2, 2); err != nil {
		return nil, nil, nil, err
	}
	x, y = in[0], in[1]
	shape, err = broadcast(x, y)
	return x, y, shape, err
}
