package vmath

import (
	"math"
	"testing"
)

// TestLog12 checks log12 against log24 bit for bit on every 61st float32
// in [1, 2], the two ends, the values next to the table's points and NaN.
func TestLog12(t *testing.T) {
	check := func(f float32) {
		t.Helper()
		got, want := Log12(f), log24(float64(f))
		if math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
			t.Errorf("Log12(%g) = %v, want %v", f, got, want)
		}
	}
	for b := uint32(0x3f800000); b <= 0x40000000; b += 61 {
		check(math.Float32frombits(b))
	}
	for j := range 257 {
		c := float32(1 + float64(j)/256)
		for _, f := range []float32{c, math.Nextafter32(c, 0), math.Nextafter32(c, 3),
			float32(1 + (float64(j)+0.5)/256), math.Nextafter32(float32(1+(float64(j)+0.5)/256), 0)} {
			if f >= 1 && f <= 2 {
				check(f)
			}
		}
	}
	check(2)
	if v := Log12(float32(math.NaN())); v == v {
		t.Errorf("Log12(NaN) = %v", v)
	}
}
