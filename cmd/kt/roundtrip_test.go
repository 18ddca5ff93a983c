package main

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kt/codec"
	"kt/k"
)

// TestMain lets the test binary act as kt itself, so a test can start a
// second kt process without building one.
func TestMain(m *testing.M) {
	if os.Getenv("KT_TEST_AS_KT") == "1" {
		os.Exit(run(os.Args[1:], false))
	}
	os.Exit(m.Run())
}

// runKt runs a second kt process on a script and returns its output.
func runKt(t *testing.T, script string) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "KT_TEST_AS_KT=1")
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("second kt: %v\n%s", err, out)
	}
	return string(out)
}

// TestCrossProcess writes random values of every type from this process
// (set, a splayed set, -8! bytes, CSV through 0:) and has a second kt
// process read each back and write it out again as -8! bytes; the values
// this process reads from those bytes must match the originals (~).
func TestCrossProcess(t *testing.T) {
	dir := t.TempDir()
	in := NewInterp()
	r := rand.New(rand.NewSource(13))
	syms := k.Syms{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	in.Set("sym", syms)
	in.Printer.Precision = 17 // floats as text that reads back exactly
	eval := func(src string) k.V {
		t.Helper()
		v, err := in.Eval(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		return v
	}
	f := func(name string) string { return "`:" + filepath.Join(dir, name) }
	var script strings.Builder
	fmt.Fprintf(&script, "sym:`a`b`c`d`e`f`g`h`i\n\\P 17\n")
	var want []k.V
	var outs []string
	expect := func(v k.V, out string) { want = append(want, v); outs = append(outs, out) }
	const n = 60
	for i := range n {
		v := codec.RandomValue(r, 3)
		in.Set("v", v)
		resolved := eval("-9!-8!v") // enumerations resolved, as a reader sees them
		eval(f(fmt.Sprint("v", i)) + " set v")
		fmt.Fprintf(&script, "%s 1: -8!get %s\n", f(fmt.Sprint("o", i)), f(fmt.Sprint("v", i)))
		expect(resolved, fmt.Sprint("o", i))
		eval(f(fmt.Sprint("b", i)) + " 1: -8!v")
		fmt.Fprintf(&script, "%s 1: -8!-9!read1 %s\n", f(fmt.Sprint("p", i)), f(fmt.Sprint("b", i)))
		expect(resolved, fmt.Sprint("p", i))
	}
	for i := range 10 {
		tb := csvTable(r)
		in.Set("t", tb)
		eval(f(fmt.Sprint("c", i, ".csv")) + " 0: csv 0: t")
		fmt.Fprintf(&script, "%s 1: -8!(\"JFS*DB\";enlist\",\") 0: %s\n", f(fmt.Sprint("r", i)), f(fmt.Sprint("c", i, ".csv")))
		expect(tb, fmt.Sprint("r", i))
		eval(f(fmt.Sprint("s", i)) + "/ set .Q.en[" + f("") + "] t")
		fmt.Fprintf(&script, "%s 1: -8!get %s\n", f(fmt.Sprint("q", i)), f(fmt.Sprint("s", i)))
		expect(tb, fmt.Sprint("q", i))
	}
	// the splayed tables' symbols are in the database's sym file, which
	// extends the domain the random values used
	s := strings.Replace(script.String(), "\\P 17\n", "\\P 17\nsym:get "+f("sym")+"\n", 1)
	if out := runKt(t, s); strings.Contains(out, "'") {
		t.Fatalf("second kt reported errors:\n%s", out)
	}
	if len(outs) != 2*n+20 {
		t.Fatalf("%d values checked", len(outs))
	}
	for i, name := range outs {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := codec.Unmessage(b, nil)
		if err != nil || !codec.Same(got, want[i]) {
			t.Errorf("%s: got %#v (%v), want %#v", name, got, err, want[i])
		}
	}
}

// csvTable is a random table of the types whose text q reads back as it
// wrote it: longs, floats (at 17 digits), symbols, strings, dates and
// booleans.
func csvTable(r *rand.Rand) *k.Table {
	rows := r.Intn(6)
	str := make(k.List, rows)
	for i := range str {
		str[i] = codec.RandomVector(r, k.TChar, r.Intn(5))
	}
	sy := make(k.Syms, rows)
	for i := range sy {
		sy[i] = []string{"", "a", "IBM", "x y", "ü"}[r.Intn(5)]
	}
	return &k.Table{Cols: k.Syms{"j", "f", "s", "c", "d", "b"}, Data: k.List{
		codec.RandomVector(r, k.TLong, rows), codec.RandomVector(r, k.TFloat, rows), sy, str,
		codec.RandomVector(r, k.TDate, rows), codec.RandomVector(r, k.TBool, rows)}}
}
