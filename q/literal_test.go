package q

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"kt/k"
)

// TestLiteralForms feeds the literal forms of docs/basics/datatypes.md
// (atoms, nulls and infinities of every type, and vectors of them) and
// checks each is read as its type; malformed ones must be refused, never
// read as something else.
func TestLiteralForms(t *testing.T) {
	cases := []struct {
		src  string
		typ  int // the type read; 0 means refused with an error
		show string
	}{
		{"0b", -1, "0b"}, {"0x00", -4, "0x00"}, {"0h", -5, "0h"}, {"0i", -6, "0i"},
		{"0j", -7, "0"}, {"0", -7, "0"}, {"0e", -8, "0e"}, {"0.0", -9, "0f"}, {"0f", -9, "0f"},
		{`" "`, -10, `" "`}, {"`", -11, "`"}, {"0Ng", -2, "00000000-0000-0000-0000-000000000000"},
		{"2000.01.01D00:00:00.000000000", -12, "2000.01.01D00:00:00.000000000"},
		{"2000.01m", -13, "2000.01m"}, {"2000.01.01", -14, "2000.01.01"},
		{"2000.01.01T00:00:00.000", -15, "2000.01.01T00:00:00.000"},
		{"00:00:00.000000000", -16, "0D00:00:00.000000000"}, {"0D", -16, "0D00:00:00.000000000"},
		{"00:00", -17, "00:00"}, {"00:00:00", -18, "00:00:00"}, {"00:00:00.000", -19, "00:00:00.000"},
		{"0Nh", -5, "0Nh"}, {"0Ni", -6, "0Ni"}, {"0N", -7, "0N"}, {"0Ne", -8, "0Ne"}, {"0n", -9, "0n"},
		{"0Np", -12, "0Np"}, {"0Nm", -13, "0Nm"}, {"0Nd", -14, "0Nd"}, {"0Nz", -15, "0Nz"},
		{"0Nn", -16, "0Nn"}, {"0Nu", -17, "0Nu"}, {"0Nv", -18, "0Nv"}, {"0Nt", -19, "0Nt"},
		{"0Wh", -5, "32767h"}, {"0Wi", -6, "0Wi"}, {"0W", -7, "0W"}, {"0We", -8, "0we"}, {"0w", -9, "0w"},
		{"0Wp", -12, "0Wp"}, {"0Wm", -13, "0Wm"}, {"0Wd", -14, "0Wd"}, {"0wz", -15, "0wz"},
		{"0Wn", -16, "0Wn"}, {"0Wu", -17, "0Wu"}, {"0Wv", -18, "0Wv"}, {"0Wt", -19, "0Wt"},
		{"-0Wd", -14, "-0Wd"}, {"0p", -12, "2000.01.01D00:00:00.000000000"},
		{"2000.01.01 2000.01.02", 14, "2000.01.01 2000.01.02"},
		{"2000.01 2000.02m", 13, "2000.01 2000.02m"},
		{"12:30 12:31", 17, "12:30 12:31"}, {"12:30:00 0N", 18, "12:30:00 0N"},
		{"0N 0Nd", 14, "0N 0Nd"}, {"2000.01.01 0Wd", 14, "2000.01.01 0W"},
		{"2000.01", -9, "2000.01"},
		// refused: not a value of any type
		{"2000.13.01", 0, ""}, {"2000.02.30", 0, ""}, {"2000.01.32", 0, ""},
		{"25:60", 0, ""}, {"12:3", 0, ""}, {"12:30:00.1234567891", 0, ""},
		{"2000.01.01X", 0, ""}, {"2000.01.01e", 0, ""}, {"1t", 0, ""}, {"12:30x", 0, ""},
		{"2000.01.01 12:30", 0, ""}, {"2000.01m 2000.02m", 14 - 1, "2000.01 2000.02m"},
		{"0Nd 0Np", 0, ""},
	}
	for _, c := range cases {
		in := New()
		v, err := in.Eval(c.src)
		switch {
		case c.typ == 0 && err == nil:
			t.Errorf("%s: read as %s (type %d), want an error", c.src, in.Printer.String1(v), v.Type())
		case c.typ == 0:
		case err != nil:
			t.Errorf("%s: %v, want type %d", c.src, err, c.typ)
		case v.Type() != c.typ:
			t.Errorf("%s: type %d, want %d", c.src, v.Type(), c.typ)
		case in.Printer.String1(v) != c.show:
			t.Errorf("%s: shows %s, want %s", c.src, in.Printer.String1(v), c.show)
		}
	}
}

// TestTemporalRoundTrip is the property of q's text forms: for random
// values x of each temporal type, x~"T"$string x, and x~value string x
// where the text is a literal of the type (not months: 2000.01 is a float).
func TestTemporalRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	types := []struct {
		letter byte
		gen    func() k.V
		value  bool
	}{
		{'p', func() k.V { return k.Timestamp(rng.Int64N(2*140*365*k.NanosPerDay) - 140*365*k.NanosPerDay) }, true},
		{'m', func() k.V { return k.Month(rng.Int32N(2*12*900) - 12*900) }, false},
		{'d', func() k.V { return k.Date(rng.Int32N(2*365*1900) - 365*1900) }, true},
		{'z', func() k.V {
			return k.Datetime(float64(rng.Int64N(2*100*365*k.MillisPerDay)-100*365*k.MillisPerDay) / k.MillisPerDay)
		}, true},
		{'n', func() k.V { return k.Timespan(rng.Int64N(2*1000*k.NanosPerDay) - 1000*k.NanosPerDay) }, true},
		{'u', func() k.V { return k.Minute(rng.Int32N(2*99*60) - 99*60) }, true},
		{'v', func() k.V { return k.Second(rng.Int32N(2*99*3600) - 99*3600) }, true},
		{'t', func() k.V { return k.Time(rng.Int32N(2*24*3600000) - 24*3600000) }, true},
	}
	in := New()
	for _, ty := range types {
		for range 300 {
			x := ty.gen()
			in.Set("x", x)
			src := fmt.Sprintf(`(x~"%c"$string x)`, ty.letter-'a'+'A')
			if ty.value {
				src += ",x~value string x"
			}
			v, err := in.Eval(src)
			if err != nil {
				t.Fatalf("%c %s: %s: %v", ty.letter, in.Printer.String1(x), src, err)
			}
			if s := in.Printer.String1(v); strings.Contains(s, "0") {
				t.Errorf("%c: x is %s: %s gives %s", ty.letter, in.Printer.String1(x), src, s)
			}
		}
	}
}
