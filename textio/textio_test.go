package textio

import (
	"math"
	"reflect"
	"testing"

	"kt/k"
)

func TestParseColumn(t *testing.T) {
	f := func(s ...string) [][]byte {
		r := make([][]byte, len(s))
		for i, x := range s {
			r[i] = []byte(x)
		}
		return r
	}
	for _, c := range []struct {
		c    byte
		in   [][]byte
		want k.V
	}{
		{'J', f("1", "", "x", "0W", "-0W", " 42 ", "-7"), k.Longs{1, k.NullLong, k.NullLong, k.InfLong, -k.InfLong, 42, -7}},
		{'I', f("1", "3000000000", "0N"), k.Ints{1, k.NullInt, k.NullInt}},
		{'H', f("-32768", "32767", "12"), k.Shorts{k.NullShort, k.InfShort, 12}},
		{'B', f("1", "0", "t", "n", ""), k.Bools{true, false, true, false, false}},
		{'X', f("ff", "0a", "zz"), k.Bytes{255, 10, 0}},
		{'S', f("a", " b ", ""), k.Syms{"a", "b", ""}},
		{'C', f("ab", ""), k.Chars("a ")},
		{'D', f("2024.01.15", "2024-01-15", "20240115", "2024.02.30", ""),
			k.Dates{8780, 8780, 8780, k.NullInt, k.NullInt}},
		{'*', f("a,b", ""), k.List{k.Chars("a,b"), k.Chars{}}},
	} {
		got, err := ParseColumn(c.c, c.in)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%c: got %#v %v, want %#v", c.c, got, err, c.want)
		}
	}
	fl, _ := ParseColumn('F', f("1.5", "", "0w", "-0w", "1e400", "x"))
	x := fl.(k.Floats)
	if x[0] != 1.5 || x[1] == x[1] || !math.IsInf(x[2], 1) || !math.IsInf(x[3], -1) || !math.IsInf(x[4], 1) || x[5] == x[5] {
		t.Errorf("F: %v", x)
	}
}

func TestSplitCSV(t *testing.T) {
	got := SplitCSV([]byte(`a,"b,c","d""e",,f`), ',')
	want := []string{"a", "b,c", `d"e`, "", "f"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if string(got[i]) != want[i] {
			t.Errorf("field %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestPrepareRoundTrip(t *testing.T) {
	tb := &k.Table{Cols: k.Syms{"j", "s", "c"}, Data: k.List{k.Longs{1, k.NullLong}, k.Syms{"a", "b"},
		k.List{k.Chars(`x,"y"`), k.Chars("")}}}
	lines := Prepare(tb, ',', 17)
	var raw [][]byte
	for _, l := range lines[1:] {
		raw = append(raw, l.(k.Chars))
	}
	cols, err := Columns("JS*", raw, ',')
	if err != nil || !reflect.DeepEqual(k.List(cols), tb.Data) {
		t.Fatalf("got %#v %v", cols, err)
	}
}

func TestRecords(t *testing.T) {
	cols, err := Records("ich", []int{4, 1, 2}, []byte("\x00\x00\x00\x00A\x00\x00\xff\x00\x00\x00B\xff\xff"), true)
	want := []k.V{k.Ints{0, 255}, k.Chars("AB"), k.Shorts{0, -1}}
	if err != nil || !reflect.DeepEqual(cols, want) {
		t.Fatalf("got %#v %v", cols, err)
	}
	if _, err := Records("i", []int{3}, []byte{1, 2, 3}, true); err == nil {
		t.Error("a 3-byte int read")
	}
}

func FuzzColumns(f *testing.F) {
	f.Add("JFS*DB", []byte("1,2.5,a,\"x,y\",2024.01.15,1\n,,,,,\n"))
	f.Add("PNTZ", []byte("2024.01.15D12:00:00,0D01,12:00:00.000,2024.01.15T12:00:00.000\n"))
	f.Fuzz(func(t *testing.T, types string, text []byte) {
		if len(types) > 16 {
			return
		}
		cols, err := Columns(types, Lines(text), ',')
		if err != nil {
			return
		}
		for _, c := range cols {
			if k.Count(c) != k.Count(cols[0]) {
				t.Fatal("columns of different counts")
			}
		}
	})
}

func FuzzRecords(f *testing.F) {
	f.Add("ich", []byte{4, 1, 2}, []byte("arthur!"))
	f.Fuzz(func(t *testing.T, types string, widths []byte, b []byte) {
		if len(types) != len(widths) || len(types) > 16 {
			return
		}
		w := make([]int, len(widths))
		for i, x := range widths {
			w[i] = int(x)
		}
		Records(types, w, b, len(b)%2 == 0)
	})
}
