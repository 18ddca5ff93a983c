package codec

import (
	"testing"

	"kt/k"
)

// The benchmarks report MB/s of the serialized bytes; BenchmarkPlainCopy
// moves the same 80 MB with copy, the limit of any codec on this machine.
// Compare them side by side: go test -bench . -run XXX ./codec

const benchN = 10_000_000

func benchFloats() k.Floats {
	f := make(k.Floats, benchN)
	for i := range f {
		f[i] = float64(i) * 0.5
	}
	return f
}

func BenchmarkPlainCopy(b *testing.B) {
	src := make([]byte, 8*benchN+14)
	dst := make([]byte, len(src))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		copy(dst, src)
	}
}

func BenchmarkEncodeFloats1e7(b *testing.B) {
	f := benchFloats()
	b.SetBytes(8*benchN + 14)
	for b.Loop() {
		if _, err := Message(f, Async, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeFloats1e7(b *testing.B) {
	msg, _ := Message(benchFloats(), Async, nil)
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		if _, _, err := Unmessage(msg, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompressLongs1e6(b *testing.B) {
	l := make(k.Longs, 1_000_000)
	for i := range l {
		l[i] = int64(i)
	}
	msg, _ := Message(l, Async, nil)
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		Compress(msg)
	}
}
