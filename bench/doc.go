// Package bench measures the engine's losses against PyTorch 1.13, side
// by side on the same machine.
//
// The package has no API of its own: its benchmarks (engine_test.go)
// time every row of the reference table, forward alone and forward plus
// the gradient of the inputs, and torch_bench.py times the same rows
// through torch. The compare command (cmd/compare, run by compare.sh)
// runs both sides alternately, with one thread and then two, and prints
// the medians and the ratio engine/torch. See README.md.
//
// Rows are named op_shape (mse_1e7, ce_4096x1000, ...), the same on both
// sides, so that the two outputs can be matched.
package bench
