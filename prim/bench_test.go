package prim

import (
	"testing"

	"kt/k"
)

const benchN = 1000000

func benchLongs() k.Longs {
	r := make(k.Longs, benchN)
	for i := range r {
		r[i] = int64(i)
	}
	return r
}

func benchFloats() k.Floats {
	r := make(k.Floats, benchN)
	for i := range r {
		r[i] = float64(i) * 0.5
	}
	return r
}

func BenchmarkSumLongs(b *testing.B) {
	x := benchLongs()
	b.ReportAllocs()
	for b.Loop() {
		Sum(x)
	}
}

func BenchmarkSumFloats(b *testing.B) {
	x := benchFloats()
	b.ReportAllocs()
	for b.Loop() {
		Sum(x)
	}
}

func BenchmarkAddLongs(b *testing.B) {
	x, y := benchLongs(), benchLongs()
	b.ReportAllocs()
	for b.Loop() {
		Add(x, y)
	}
}

func BenchmarkAddFloatsAtom(b *testing.B) {
	x := benchFloats()
	b.ReportAllocs()
	for b.Loop() {
		Add(x, k.Float(1))
	}
}

func BenchmarkMultiplyFloats(b *testing.B) {
	x, y := benchFloats(), benchFloats()
	b.ReportAllocs()
	for b.Loop() {
		Multiply(x, y)
	}
}

func BenchmarkMultiplyLongs(b *testing.B) {
	x, y := benchLongs(), benchLongs()
	b.ReportAllocs()
	for b.Loop() {
		Multiply(x, y)
	}
}

func BenchmarkTil(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Til(k.Long(benchN))
	}
}
