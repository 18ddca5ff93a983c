package q

import (
	"io"
	"testing"

	"kt/k"
)

// benchEval evaluates a parsed expression repeatedly after a setup line.
func benchEval(b *testing.B, setup, expr string) {
	in := New()
	in.Stdout = io.Discard
	if _, err := in.Eval(setup); err != nil {
		b.Fatal(err)
	}
	st, err := Parse(expr)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := in.run(st); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLambdaCall(b *testing.B)     { benchEval(b, "f:{x+y}", "f[1;2]") }
func BenchmarkProjectionCall(b *testing.B) { benchEval(b, "f:{x+y};g:f[;2]", "g 1") }
func BenchmarkSum1e6(b *testing.B)         { benchEval(b, "x:til 1000000", "sum x") }
func BenchmarkOverPlus1e6(b *testing.B)    { benchEval(b, "x:til 1000000", "+/x") }
func BenchmarkAdd1e6(b *testing.B)         { benchEval(b, "x:til 1000000", "x+x") }
func BenchmarkTil1e6(b *testing.B)         { benchEval(b, "", "til 1000000") }

// TestBenchmarkShapes checks the values the benchmarks compute.
func TestBenchmarkShapes(t *testing.T) {
	in := New()
	for _, c := range []struct {
		src  string
		want k.V
	}{
		{"x:til 1000000; sum x", k.Long(499999500000)},
		{"x:til 1000000; +/x", k.Long(499999500000)},
		{"x:til 1000000; last x+x", k.Long(1999998)},
		{"f:{x+y};g:f[;2];g 1", k.Long(3)},
	} {
		v, err := in.Eval(c.src)
		if err != nil || v != c.want {
			t.Errorf("%s = %v, %v; want %v", c.src, v, err, c.want)
		}
	}
}
