package ktorch

import (
	"testing"

	"kt/k"
)

// BenchmarkAPI measures the cost of the k-api itself on tiny inputs: the
// functional form on k arrays, and a module on tensor pointers.
func BenchmarkAPI(b *testing.B) {
	s := NewSession(1)
	mse := func(x k.V) (k.V, error) { return s.lossFunc("mse", x) }
	arg := k.List{k.Reals{1, 2, 3}, k.Reals{0, 2, 4}}
	b.Run("mse(k;k)", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := mse(arg); err != nil {
				b.Fatal(err)
			}
		}
	})
	l, _ := s.lossFn(k.Sym("mse"))
	x, _ := s.tensorFn(k.Reals{1, 2, 3})
	y, _ := s.tensorFn(k.Reals{0, 2, 4})
	b.Run("loss(l;x;y)", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			z, err := s.lossFn(k.List{l, x, y})
			if err != nil {
				b.Fatal(err)
			}
			s.free(z)
		}
	})
}
