package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseFlags(t *testing.T) {
	cases := []struct {
		argv   []string
		check  func(o options) bool
		script []string
		bad    bool
	}{
		{argv: []string{"-e"}, check: func(o options) bool { return o.echo }},
		{argv: []string{"-e", "1"}, check: func(o options) bool { return !o.echo && o.errorTrap == 1 }},
		{argv: []string{"-e", "f.q"}, check: func(o options) bool { return o.echo && o.file == "f.q" }, script: []string{"f.q"}},
		{argv: []string{"f.q", "-p", "5001", "-abc", "1", "2", "-P", "3"}, script: []string{"f.q"},
			check: func(o options) bool {
				return o.port == "5001" && o.precision == 3 && reflect.DeepEqual(o.args, []string{"-abc", "1", "2"})
			}},
		{argv: []string{"-c", "20", "100", "-C", "30", "200"}, check: func(o options) bool {
			return o.console == [2]int{20, 100} && o.http == [2]int{30, 200}
		}},
		{argv: []string{"-S", "42", "-t", "100", "-s", "4", "-q", "-g", "1", "-o", "-5", "-w", "100", "-T", "3"},
			check: func(o options) bool {
				return o.seedSet && o.seed == 42 && o.timer == 100 && o.secondary == 4 && o.quiet &&
					o.gcMode == 1 && o.offset == -5 && o.wsMB == 100 && o.timeout == 3
			}},
		{argv: []string{"-u", "1"}, check: func(o options) bool { return o.restrict && o.users == "" }},
		{argv: []string{"-U", "pw"}, check: func(o options) bool { return !o.restrict && o.users == "pw" }},
		{argv: []string{"-P", "x"}, bad: true},
		{argv: []string{"-P"}, bad: true},
		{argv: []string{"-c", "5", "100"}, bad: true},
		{argv: []string{"-b"}, bad: true},
		{argv: []string{"-r", ":h:1"}, bad: true},
	}
	for _, c := range cases {
		o, script, err := parseFlags(c.argv)
		switch {
		case c.bad && err == nil:
			t.Errorf("%q: no error", c.argv)
		case c.bad:
		case err != nil:
			t.Errorf("%q: %v", c.argv, err)
		case !c.check(o):
			t.Errorf("%q: options %+v", c.argv, o)
		case !reflect.DeepEqual(script, c.script):
			t.Errorf("%q: script %q, want %q", c.argv, script, c.script)
		}
	}
}

// TestCommandLine starts kt with options and checks their effect in the
// session it runs.
func TestCommandLine(t *testing.T) {
	bin := ktBinary(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "s.q")
	src := "show .z.x\nshow .z.f\nshow .z.q\nshow system\"P\"\nshow system\"c\"\nshow system\"e\"\nshow system\"S\"\nn:0\n.z.ts:{n::n+1}\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, script, "-P", "3", "-c", "20", "100", "-e", "2", "-S", "7", "-q", "-t", "10", "-abc", "123")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the timer ticks between lines
	io.WriteString(stdin, "n>0\n1%3\n")
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	out := buf.String()
	want := "\"-abc\"\n\"123\"\n`" + script + "\n1b\n3i\n20 100i\n2\n7\n1b\n0.333\n"
	if got := out; !strings.HasPrefix(got, want[:len(want)-len("1b\n0.333\n")]) || !strings.Contains(got, "1b\n0.333\n") {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
