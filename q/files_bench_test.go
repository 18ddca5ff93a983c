package q_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kt/q"
)

// File benchmarks, each beside a plain os.ReadFile of the same bytes (the
// physical limit): go test -bench File -run XXX ./q

func benchFile(b *testing.B, setup func(in *q.Interp, path string), read string) {
	dir := b.TempDir()
	path := filepath.Join(dir, "f")
	in := q.New()
	setup(in, path)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("kt", func(b *testing.B) {
		b.SetBytes(st.Size())
		src := strings.ReplaceAll(read, "PATH", path)
		for b.Loop() {
			if _, err := in.Eval(src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("readfile", func(b *testing.B) {
		b.SetBytes(st.Size())
		for b.Loop() {
			if _, err := os.ReadFile(path); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFileGetColumn is get of a 1e7-float column file (80 MB): a
// mapping, whose pages are read when touched.
func BenchmarkFileGetColumn(b *testing.B) {
	benchFile(b, func(in *q.Interp, path string) {
		if _, err := in.Eval("`:" + path + " set 0.5*til 10000000"); err != nil {
			b.Fatal(err)
		}
	}, "count get `:PATH")
}

// BenchmarkFileSumColumn is sum get of the same column: every page read.
func BenchmarkFileSumColumn(b *testing.B) {
	benchFile(b, func(in *q.Interp, path string) {
		if _, err := in.Eval("`:" + path + " set 0.5*til 10000000"); err != nil {
			b.Fatal(err)
		}
	}, "sum get `:PATH")
}

// BenchmarkFileCSVLoad is 0: of a 1e6-row CSV of longs, floats, symbols,
// dates and strings.
func BenchmarkFileCSVLoad(b *testing.B) {
	benchFile(b, func(in *q.Interp, path string) {
		var sb strings.Builder
		sb.WriteString("j,f,s,d,c\n")
		for i := range 1_000_000 {
			fmt.Fprintf(&sb, "%d,%g,%s,2024.01.%02d,text%d\n", i, float64(i)*0.25, []string{"IBM", "MSFT", "AAPL"}[i%3], 1+i%28, i%100)
		}
		if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}, "count (\"JFSD*\";enlist\",\") 0: `:PATH")
}
