package q

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"kt/k"
)

func TestScriptChunks(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"a:1\nb:2\n", []string{"a:1", "b:2"}},
		{"f:{[x]\n  y:x+1;\n  y*2}\nf 1\n", []string{"f:{[x]\n  y:x+1;\n  y*2}", "f 1"}},
		{"f:{\n x\n }\n", []string{"f:{\n x\n }"}},
		{"a:1\n/\ncomment\n\\\nb:2\n", []string{"a:1", "b:2"}},
		{"/ line comment\na:1 / trailing\n", []string{"a:1 / trailing"}},
		{"a:1\n\\\nb:2\n", []string{"a:1"}},
		{"\\P 3\nx\n", []string{"\\P 3", "x"}},
		{"", nil},
	} {
		if got := ScriptChunks(c.src); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ScriptChunks(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.q")
	src := "f:{[a;b]\n  c:a+b;\n  c*2}\n/\nignored\n\\\ng:f[1;2]\nshow g\n\\P 3\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	in := New()
	var out bytes.Buffer
	in.Stdout = &out
	if _, err := in.Line(`\l ` + path); err != nil {
		t.Fatal(err)
	}
	if v, _ := in.Get("g"); v != k.Long(6) {
		t.Errorf("g = %v, want 6", v)
	}
	if out.String() != "6\n" {
		t.Errorf("output %q, want \"6\\n\"", out.String())
	}
	if in.Printer.Precision != 3 {
		t.Errorf("precision %d, want 3", in.Printer.Precision)
	}
	if _, err := in.Line(`\l ` + filepath.Join(dir, "missing.q")); err == nil {
		t.Error("loading a missing file: no error")
	}
}

func TestExit(t *testing.T) {
	in := New()
	for _, line := range []string{`\\`, "exit 3"} {
		_, err := in.Line(line)
		if _, ok := err.(*ExitError); !ok {
			t.Errorf("%s: %v, want an exit", line, err)
		}
	}
}
