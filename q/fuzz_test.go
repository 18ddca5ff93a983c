package q

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// seeds adds the inputs of the transcripts as seeds.
func seeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.q")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if in, ok := strings.CutPrefix(l, "q)"); ok {
				f.Add(in)
			}
		}
	}
	for _, s := range []string{"", "{", "(", "[", "\"", "`", "1 2 3e", "0x0", "-", "'", "/", "\\", "{[x;y]}", "f'[", "{x}/[", ")(", "1e-", "0N!", "a:b:c:", "$[", "if[", "@[;;]"} {
		f.Add(s)
	}
}

func FuzzScan(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		toks, err := scan(src)
		if err == nil && (len(toks) == 0 || toks[len(toks)-1].kind != tEOF) {
			t.Fatalf("scan %q: no end token", src)
		}
	})
}

func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		st, err := Parse(src)
		if err == nil && len(st) == 0 {
			t.Fatalf("parse %q: no statements", src)
		}
	})
}

// bigNumber matches literals that may legitimately ask for huge memory
// (til 1000000000): the evaluator fuzz skips them.
var bigNumber = regexp.MustCompile(`[0-9]{5}|[0-9][eE][0-9]|0[wW]`)

func FuzzEval(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 200 || bigNumber.MatchString(src) || strings.Contains(src, "\\l") ||
			strings.Contains(src, "xexp") || strings.Contains(src, "exp") {
			return
		}
		in := New()
		in.Stdout, in.Stderr = io.Discard, io.Discard
		in.MaxSteps = 20000
		in.MaxDepth = 100
		in.MaxItems = 100000
		for _, line := range strings.Split(src, "\n") {
			in.Line(line)
		}
	})
}
