package q

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kt/internal/stop"
	"kt/internal/ws"
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

// fuzzWorkspace is the workspace limit the evaluator fuzz runs under: a
// huge size is 'wsfull or 'limit, as it is at the console.
const fuzzWorkspace = 256 << 20

// fuzzInterp is an interpreter with the bounds the evaluator fuzz uses.
func fuzzInterp() *Interp {
	in := New()
	in.Stdout, in.Stderr = io.Discard, io.Discard
	in.MaxSteps = 20000
	in.MaxDepth = 100
	in.MaxItems = 100000
	in.Confined = true
	return in
}

func FuzzEval(f *testing.F) {
	// the crashers are TestFuzzCrashers' (some take seconds)
	seeds(f)
	dir := f.TempDir() // where the programs' files go
	defer ws.SetLimit(ws.SetLimit(fuzzWorkspace))
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 200 || strings.Contains(src, "\\l") || strings.Contains(src, "exp") {
			return
		}
		t.Chdir(dir)
		ws.SetLimit(fuzzWorkspace) // \w n sets the process's limit
		stop.Clear()
		in := fuzzInterp()
		// a program may be finite and still take too long (a converge
		// whose results grow): like Ctrl-C, a deadline stops it
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		in.Ctx = ctx
		for _, line := range strings.Split(src, "\n") {
			in.Line(line)
		}
	})
}

// fuzzCrashers are inputs the evaluator fuzz found to end the process, by
// memory or recursion (prim's digit rows), or to hang.
var fuzzCrashers = []string{`10\\+1`, `02\\\0`, `&{x*2}\1`, `()\\\()`, `{x,x}/[40;1]`, `til 0W`, `0W#0`, `{0<10}{x!x}\1`, `2\\!0!0`, `()\\<()`, `0x\\\\\\45`, `2055555555$""`, ".Q.ty each\\!\\\\\\\\\\\\``", `{}/@/\\\2`, "7{x z}\\``", `raze\\\\\\(0)`, `10#[1 2 3]/[3]`, `string 10#[1 2 3]/[3]`, `-8!10#[1 2 3]/[3]`, `{x!x}/[40;1]`, `iasc{x!x}/[40;1]`, `reverse{x!x}/[40;1]`, `group(1!1)!1!1`, `0x700fffffff#0x`}

// TestFuzzCrashers runs them: each ends soon with a value or an error,
// and the session goes on. Soon is the fuzz engine's own bound: it gives
// up on a program that runs 10 s, and here each has a deadline of 3 s.
func TestFuzzCrashers(t *testing.T) {
	t.Chdir(t.TempDir())
	defer ws.SetLimit(ws.SetLimit(fuzzWorkspace))
	in := fuzzInterp()
	for _, src := range fuzzCrashers {
		done := make(chan struct{})
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		in.Ctx = ctx
		go func() {
			defer close(done)
			in.Line(src)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still running", src)
		}
		cancel()
		if out, err := in.Line("1+1"); err != nil || out != "2\n" {
			t.Fatalf("after %s: %q %v", src, out, err)
		}
	}
}

// TestConfined checks what a confined session refuses: a fuzz program
// must not run commands, listen or connect.
func TestConfined(t *testing.T) {
	in := fuzzInterp()
	for _, line := range []string{`\echo hi`, `system "echo hi"`, `\p 0W`, `hopen 1`, "hopen `:localhost:1"} {
		if _, err := in.Line(line); err == nil || err.Error() != "access" {
			t.Errorf("%s: %v, want access", line, err)
		}
	}
}
