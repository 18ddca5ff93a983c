package q

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTrace checks the location shown under an error against the
// examples of docs/basics/debug.md: the frame, the source and a caret
// under the primitive that failed.
func TestTrace(t *testing.T) {
	cases := []struct {
		setup []string
		line  string
		want  string
	}{
		{nil, `2+"hi"`, "  [0]  2+\"hi\"\n        ^\n"},
		{[]string{`f:{g[x;2#y]}`, `g:{a:x*2;a+y}`}, `f[3;"hello"]`, "  [2]  g:{a:x*2;a+y}\n                 ^\n"},
		{nil, "{x+y}[1;`a]", "  [1]  {x+y}\n         ^\n"},
		{nil, "count 1 2 3+til 2", "  [0]  count 1 2 3+til 2\n                  ^\n"},
		{nil, "@[{x+`a};1;0]", ""},
		{nil, "1+1", ""},
		// an application by brackets, inside a function and at the line
		{[]string{`h:{1+til[x;1]}`}, `h 3`, "  [1]  h:{1+til[x;1]}\n            ^\n"},
		{nil, `1+til[3;1]`, "  [0]  1+til[3;1]\n         ^\n"},
		{nil, "'`custom", ""},
	}
	for _, c := range cases {
		in := New()
		for _, s := range c.setup {
			if _, err := in.Line(s); err != nil {
				t.Fatal(err)
			}
		}
		in.Line(c.line)
		if got := in.Trace(); got != c.want {
			t.Errorf("%s: trace\n%q\nwant\n%q", c.line, got, c.want)
		}
	}
}

// TestTraceScript checks that an error in a loaded script names its file
// and line.
func TestTraceScript(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.q")
	src := "a:1\nf:{[x]\n  y:x+1;\n  y+`a}\nb:f 2\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	in := New()
	if err := in.Load(path); err == nil {
		t.Fatal("no error")
	}
	want := "  [1]  " + path + ":4:   y+`a}\n" + spaces(14+len(path)) + "^\n"
	if got := in.Trace(); got != want {
		t.Errorf("trace\n%q\nwant\n%q", got, want)
	}
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}
