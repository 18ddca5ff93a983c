package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	ktPath    string
	buildErr  error
)

// ktBinary builds the console once for the tests that run it as a process.
func ktBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the kt binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kt-test")
		if err != nil {
			buildErr = err
			return
		}
		ktPath = filepath.Join(dir, "kt")
		out, err := exec.Command("go", "build", "-o", ktPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return ktPath
}

// coprocess is kt at the end of two pipes, as a program that drives it
// line by line sees it.
type coprocess struct {
	t   *testing.T
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startKT(t *testing.T, args ...string) *coprocess {
	t.Helper()
	return startCmd(t, exec.Command(ktBinary(t), args...))
}

// startCmd starts cmd, a command that runs kt, at the end of two pipes.
func startCmd(t *testing.T, cmd *exec.Cmd) *coprocess {
	t.Helper()
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return &coprocess{t, cmd, in, bufio.NewReader(out)}
}

// ask sends one line and reads the answer's first line, failing if it
// does not come within the time a flushed answer takes.
func (p *coprocess) ask(line string) string {
	p.t.Helper()
	if _, err := io.WriteString(p.in, line+"\n"); err != nil {
		p.t.Fatalf("%s: %v", line, err)
	}
	return p.read(line)
}

func (p *coprocess) read(what string) string {
	p.t.Helper()
	got := make(chan string, 1)
	go func() {
		s, _ := p.out.ReadString('\n')
		got <- s
	}()
	select {
	case s := <-got:
		return strings.TrimSuffix(s, "\n")
	case <-time.After(20 * time.Second):
		p.t.Fatalf("%s: no answer while the input is still open", what)
		return ""
	}
}

// TestPipe feeds kt line by line through a pipe and reads each answer
// before it sends the next line.
func TestPipe(t *testing.T) {
	p := startKT(t)
	for _, c := range []struct{ line, want string }{
		{"1+2", "3"},
		{"x:til 3", ""},
		{"-1 \"text\";", "text"},
		{"x", "0 1 2"},
		{"nosuch", "'nosuch"},
		{"sum x", "3"},
	} {
		if c.want == "" {
			io.WriteString(p.in, c.line+"\n")
			continue
		}
		if got := p.ask(c.line); !slices.Contains(strings.Split(c.want, "|"), got) {
			t.Errorf("%s: got %q, want %q", c.line, got, c.want)
		}
	}
	p.in.Close()
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("exit: %v", err)
	}
}

// TestSignals sends SIGTERM and SIGHUP to kt between lines: .z.exit runs
// with 0, what was computed is written, and kt exits 0, as q does.
func TestSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		p := startKT(t)
		if got := p.ask(`.z.exit:{-1 "exit ",string x}; 6*7`); got != "42" {
			t.Fatalf("got %q", got)
		}
		if err := p.cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		if got := p.read(sig.String()); got != "exit 0" {
			t.Errorf("%v: .z.exit wrote %q, want %q", sig, got, "exit 0")
		}
		if err := p.cmd.Wait(); err != nil {
			t.Errorf("%v: %v", sig, err)
		}
	}
}

// TestSignalStopsLine sends SIGTERM while a line runs without end: the
// line stops with 'stop, the line after it never runs, .z.exit does, and
// the process exits 0.
func TestSignalStopsLine(t *testing.T) {
	p := startKT(t)
	if got := p.ask(`.z.exit:{-1 "exit ",string x}; 6*7`); got != "42" {
		t.Fatalf("got %q", got)
	}
	if _, err := io.WriteString(p.in, "while[1b;a:1]\n-1 \"after\";\n"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the loop is running
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if got := p.read("the loop"); got != "'stop" {
		t.Errorf("the running line answered %q, want 'stop", got)
	}
	if got := p.read("SIGTERM"); got != "exit 0" {
		t.Errorf(".z.exit wrote %q, want %q", got, "exit 0")
	}
	if err := p.cmd.Wait(); err != nil {
		t.Error(err)
	}
}

// TestSurvives drives kt under a 2 GB address-space cap (prlimit --as)
// with the inputs that used to end the process: runaway allocations,
// impossible sizes and deep nesting. Each answers a q error and the next
// line still evaluates. Under the cap the Go runtime has little more
// than 300 MB of heap, so some deep inputs fill it before they reach the
// nesting limit (either error is q's), and the deep value is built in a
// session of its own.
func TestSurvives(t *testing.T) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("no prlimit")
	}
	kt := ktBinary(t)
	for _, lines := range [][]struct{ line, want string }{{
		{"til 10000000000", "'wsfull"},
		{"10000000000#0", "'wsfull"},
		{`1000000000#"a"`, "'wsfull"},
		{"1000000 1000000#0", "'wsfull"},
		{"{x,x}/[40;1]", "'wsfull"},
		{"where 0W", "'limit"},
		{"key 0Wi", "'wsfull"},
		{"tensor(`randn;100000 100000)", "'wsfull"},
		{"0W#1 2", "'limit"},
		{"til 0W", "'limit"},
		{"2 0W#1", "'limit"},
		{`10\\+1`, "'stack|'wsfull"},
		{`02\\\0`, "'stack|'wsfull"},
		{`()\\\()`, "'stack|'wsfull"},
	}, {
		{strings.Repeat("(", 500000), "'stack|'wsfull"},
		{strings.Repeat("{", 1000000), "'stack|'wsfull"},
	}, {
		{"x:{enlist x}/[200000;1]; count x", "1"},
		{"x", "'stack"},
		{"x+1", "'stack"},
		{"x~x", "'stack"},
	}} {
		p := startCmd(t, exec.Command(prlimit, "--as=2000000000", kt))
		for _, c := range lines {
			if got := p.ask(c.line); !slices.Contains(strings.Split(c.want, "|"), got) {
				t.Errorf("%.30s: got %q, want %q", c.line, got, c.want)
			}
			if got := p.ask("1+1"); got != "2" {
				t.Fatalf("after %.30s: %q", c.line, got)
			}
		}
	}
}

// TestInterrupt sends SIGINT while kt draws a large random tensor: the
// draw stops at its next chunk with 'stop, and the session goes on.
func TestInterrupt(t *testing.T) {
	p := startKT(t)
	// a kernel, steps, and one primitive through a value of 2^40 items
	// that share their parts
	for _, line := range []string{"tensor(`randn;12000 12000)", "{x+1}/[1000000000;0]", "x:{(x;x)}/[40;0]; x+1"} {
		io.WriteString(p.in, line+"\n")
		time.Sleep(300 * time.Millisecond)
		start := time.Now()
		if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		if got := p.read(line); got != "'stop" {
			t.Errorf("%s: got %q, want 'stop", line, got)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: stopped after %v", line, d)
		}
		if got := p.ask("1+1"); got != "2" {
			t.Fatalf("after %s: %q", line, got)
		}
	}
}
