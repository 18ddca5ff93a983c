package q

import (
	"strings"
	"testing"

	"kt/k"
)

// debugSession is a session with debug.md's f and g.
func debugSession(t *testing.T) *Interp {
	t.Helper()
	in := New()
	for _, l := range []string{`f:{g[x;2#y]}`, `g:{a:x*2;a+y}`} {
		if _, err := in.Line(l); err != nil {
			t.Fatal(err)
		}
	}
	return in
}

// TestDebugger drives a suspension as the console does: lines in the
// failed function's frame, then a resume or an abort.
func TestDebugger(t *testing.T) {
	in := debugSession(t)
	var seen []string
	in.Debugger = func(s *Suspension) (k.V, error) {
		seen = append(seen, s.Trace)
		for _, l := range []string{"a*4", "y", "x"} {
			out, err := s.Line(l)
			if err != nil {
				t.Fatal(err)
			}
			seen = append(seen, out)
		}
		return s.Value("42")
	}
	out, err := in.Line(`f[3;"hello"]`)
	if err != nil || out != "42\n" {
		t.Fatalf("resume: %q %v", out, err)
	}
	want := []string{"  [2]  g:{a:x*2;a+y}\n                 ^\n", "24\n", "\"he\"\n", "3\n"}
	if len(seen) != len(want) {
		t.Fatalf("saw %q", seen)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Errorf("%d: %q, want %q", i, seen[i], want[i])
		}
	}
	// an abort: the error goes on as Aborted; a top-level error does not
	// suspend
	in.Debugger = func(s *Suspension) (k.V, error) { return nil, Aborted }
	if _, err := in.Line(`f[3;"hello"]`); err != Aborted {
		t.Errorf("abort: %v", err)
	}
	calls := 0
	in.Debugger = func(s *Suspension) (k.V, error) { calls++; return nil, s.Err }
	if _, err := in.Line(`2+"hi"`); err == nil || calls != 0 {
		t.Errorf("a top-level error: %v, %d suspensions", err, calls)
	}
	// a trapped error is not suspended
	if _, err := in.Line(`@[{x+"a"};1;0]`); err != nil || calls != 0 {
		t.Errorf("trap: %v, %d suspensions", err, calls)
	}
	if _, err := in.Line(`.Q.trp[{x+"a"};1;{[e;b]e}]`); err != nil || calls != 0 {
		t.Errorf(".Q.trp: %v, %d suspensions", err, calls)
	}
}

// TestDebuggerStack walks the stack of a suspended error as debug.md's
// example does (` up, . down, & where, .Q.bt[] with >>), and runs a line
// in the frame it has moved to.
func TestDebuggerStack(t *testing.T) {
	in := debugSession(t)
	var seen []string
	in.Debugger = func(s *Suspension) (k.V, error) {
		seen = append(seen, s.Up(), s.Up(), s.Up(), s.Down())
		out, err := s.Line("y") // in f's frame now
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, out, s.Where())
		if out, err = s.Line(".Q.bt[]"); err != nil {
			t.Fatal(err)
		}
		seen = append(seen, out)
		return s.Value("0")
	}
	var bt strings.Builder
	in.Stdout = &bt
	if _, err := in.Line(`f[3;"hello"]`); err != nil {
		t.Fatal(err)
	}
	f1 := "  [1]  f:{g[x;2#y]}\n          ^\n"
	f0 := "  [0]  f[3;\"hello\"]\n       ^\n"
	want := []string{f1, f0, f0, f1, "\"hello\"\n", "'type\n" + f1, ""}
	if len(seen) != len(want) {
		t.Fatalf("saw %q", seen)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Errorf("%d: %q, want %q", i, seen[i], want[i])
		}
	}
	g2 := "  [2]  g:{a:x*2;a+y}\n                 ^\n"
	if got, w := bt.String(), g2+">>"+f1[2:]+f0; got != w {
		t.Errorf(".Q.bt[] at q)):\n%s\nwant\n%s", got, w)
	}
}

// TestBacktrace prints the stack with .Q.bt[], as debug.md's example, a
// lambda inside f named f@.
func TestBacktrace(t *testing.T) {
	in := New()
	var out strings.Builder
	in.Stdout = &out
	if _, err := in.Line(`f:{{.Q.bt[];x*2}x+1}`); err != nil {
		t.Fatal(err)
	}
	if got, err := in.Line(`f 4`); err != nil || got != "10\n" {
		t.Fatalf("f 4: %q %v", got, err)
	}
	want := "  [2]  f@:{.Q.bt[];x*2}\n           ^\n" +
		"  [1]  f:{{.Q.bt[];x*2}x+1}\n          ^\n" +
		"  [0]  f 4\n       ^\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}
