package tensor

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestDTypeNames(t *testing.T) {
	want := []string{"float", "double", "long", "int", "short", "byte", "char", "bool"}
	for i, w := range want {
		if got := DType(i).String(); got != w {
			t.Errorf("DType(%d) = %q, want %q", i, got, w)
		}
	}
}

func TestPromote(t *testing.T) {
	tests := []struct{ a, b, want DType }{
		{Float32, Float64, Float64},
		{Int64, Float32, Float32},
		{Uint8, Int8, Int16},
		{Bool, Int32, Int32},
		{Int16, Int64, Int64},
		{Bool, Bool, Bool},
	}
	for _, tt := range tests {
		if got := Promote(tt.a, tt.b); got != tt.want {
			t.Errorf("Promote(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Promote(tt.b, tt.a); got != tt.want {
			t.Errorf("Promote(%v, %v) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestResultType(t *testing.T) {
	v32, _ := Zeros(Float32, 3)
	v64, _ := Zeros(Float64, 3)
	vi, _ := Zeros(Int64, 3)
	s64 := Scalar(2.0)
	tests := []struct {
		ts   []*Tensor
		want DType
	}{
		{[]*Tensor{v32, v64}, Float64},
		{[]*Tensor{v32, s64}, Float32}, // a 0-dim tensor does not raise within a category
		{[]*Tensor{vi, s64}, Float32},  // but does across: to the default float type
		{[]*Tensor{vi, v32}, Float32},
		{[]*Tensor{s64, Scalar(float32(1))}, Float64},
	}
	for i, tt := range tests {
		if got := ResultType(tt.ts...); got != tt.want {
			t.Errorf("%d: ResultType = %v, want %v", i, got, tt.want)
		}
	}
}

func TestNew(t *testing.T) {
	x, err := New([]float32{1, 2, 3, 4, 5, 6}, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if x.Dim() != 2 || x.Numel() != 6 || x.Size(-1) != 3 || x.DType() != Float32 {
		t.Errorf("got %v", x)
	}
	if _, err := New([]float64{1, 2}, 3); err == nil {
		t.Error("New with a shape of the wrong size: no error")
	}
	if _, err := New([]float64{1, 2}, -1, -2); err == nil {
		t.Error("New with a negative shape: no error")
	}
	s := Scalar(int64(7))
	if v, err := s.Item(); err != nil || v != 7 || s.Dim() != 0 {
		t.Errorf("Scalar(7).Item() = %v, %v", v, err)
	}
	if _, err := x.Item(); err == nil {
		t.Error("Item of 6 elements: no error")
	}
	a, err := Arange(Int64, 0, 5, 2)
	if err != nil || !equal(a.Int64s(), []int64{0, 2, 4}) {
		t.Errorf("Arange(0,5,2) = %v, %v", a, err)
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRandomSeeded(t *testing.T) {
	a, _ := Randn(rand.New(rand.NewPCG(1, 2)), Float32, 5)
	b, _ := Randn(rand.New(rand.NewPCG(1, 2)), Float32, 5)
	if !equal(a.Float32s(), b.Float32s()) {
		t.Error("same seed, different values")
	}
	u, _ := Rand(rand.New(rand.NewPCG(3, 4)), Float64, 100)
	for _, v := range u.Float64s() {
		if v < 0 || v >= 1 {
			t.Fatalf("Rand value %v outside [0,1)", v)
		}
	}
	if _, err := Rand(rand.New(rand.NewPCG(3, 4)), Int64, 2); err == nil {
		t.Error("Rand of Int64: no error")
	}
}

func TestConvert(t *testing.T) {
	x := Vector(-1.5, 0, 2.7)
	if got := x.To(Int64).Int64s(); !equal(got, []int64{-1, 0, 2}) {
		t.Errorf("To(Int64) = %v", got)
	}
	if got := x.To(Bool).Bools(); !equal(got, []bool{true, false, true}) {
		t.Errorf("To(Bool) = %v", got)
	}
	b := Vector(true, false)
	if got := b.To(Float32).Float32s(); !equal(got, []float32{1, 0}) {
		t.Errorf("bool To(Float32) = %v", got)
	}
	if x.To(Float64) != x {
		t.Error("To of the same type copies")
	}
}

func TestReshapeExpand(t *testing.T) {
	x, _ := New([]int64{1, 2, 3}, 3, 1)
	e, err := x.Expand(2, -1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !SameShape(e.Shape(), []int{2, 3, 2}) || !equal(e.Int64s(), []int64{1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}) {
		t.Errorf("Expand = %v %v", e.Shape(), e.Int64s())
	}
	if _, err := x.Expand(2, 2); err == nil {
		t.Error("Expand 3 to 2: no error")
	}
	r, err := e.Reshape(-1, 4)
	if err != nil || !SameShape(r.Shape(), []int{3, 4}) {
		t.Errorf("Reshape(-1,4) = %v, %v", r, err)
	}
	if _, err := e.Reshape(5, -1); err == nil || !strings.Contains(err.Error(), "invalid for input of size 12") {
		t.Errorf("Reshape(5,-1): %v", err)
	}
}

func TestBroadcastSumTo(t *testing.T) {
	s, err := BroadcastShapes([]int{3, 1}, []int{2, 1, 4})
	if err != nil || !SameShape(s, []int{2, 3, 4}) {
		t.Errorf("BroadcastShapes = %v, %v", s, err)
	}
	_, err = BroadcastShapes([]int{3}, []int{2})
	if err == nil || err.Error() != "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0" {
		t.Errorf("BroadcastShapes 3 vs 2: %v", err)
	}
	g, _ := Ones(Float64, 2, 3, 4)
	r, err := SumTo(g, []int{3, 1})
	if err != nil || !SameShape(r.Shape(), []int{3, 1}) || !equal(r.Float64s(), []float64{8, 8, 8}) {
		t.Errorf("SumTo = %v, %v", r, err)
	}
}

// TestAllocs checks that making a float tensor of a few dimensions is one
// allocation besides its elements, and that reading its storage is none.
func TestAllocs(t *testing.T) {
	x := make([]float32, 6)
	var s *Tensor
	cases := []struct {
		name string
		max  float64
		f    func()
	}{
		{"Wrap", 1, func() { s, _ = Wrap(x, 2, 3) }},
		{"Scalar", 2, func() { s = Scalar(float32(1)) }},
		{"Data", 0, func() { _ = Data[float32](s) }},
		{"Float64s", 0, func() { _ = s.Float64s() }},
		{"Detach", 1, func() { s = s.Detach() }},
	}
	for _, c := range cases {
		if n := testing.AllocsPerRun(100, c.f); n > c.max {
			t.Errorf("%s: %v allocations, want at most %v", c.name, n, c.max)
		}
	}
}
