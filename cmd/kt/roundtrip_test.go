package main

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kt/codec"
	"kt/k"
)

// TestMain lets the test binary act as kt itself, so a test can start a
// second kt process without building one.
func TestMain(m *testing.M) {
	if os.Getenv("KT_TEST_AS_KT") == "1" {
		o, args, err := parseFlags(os.Args[1:])
		if err != nil {
			os.Exit(2)
		}
		os.Exit(run(args, o))
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
	// a partitioned database: one random table a date, saved by .Q.dpft
	// sorted by its symbols, read back by \l in the second process
	var parts []k.V
	for i := range 4 {
		tb := csvTable(r)
		in.Set("t", tb)
		day := k.Date(9000 + 2*i)
		in.Set("day", day)
		eval(".Q.dpft[" + f("hdb") + ";day;`s;`t]")
		parts = append(parts, partitionRows(tb, day))
	}
	script.WriteString("\\l " + filepath.Join(dir, "hdb") + "\n")
	fmt.Fprintf(&script, "%s 1: -8!select from t\n", f("hdbt"))
	fmt.Fprintf(&script, "%s 1: -8!select from t where date=%s\n", f("hdbday"), "2000.01.01+9002")
	expect(joinRows(parts), "hdbt")
	expect(parts[1], "hdbday")
	// the splayed tables' symbols are in the database's sym file, which
	// extends the domain the random values used
	s := strings.Replace(script.String(), "\\P 17\n", "\\P 17\nsym:get "+f("sym")+"\n", 1)
	if out := runKt(t, s); strings.Contains(out, "'") {
		t.Fatalf("second kt reported errors:\n%s", out)
	}
	if len(outs) != 2*n+22 {
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

// partitionRows is what .Q.dpft makes of table t in partition day: rows
// sorted by s (stably), s first, the date column before all.
func partitionRows(t *k.Table, day k.Date) *k.Table {
	syms := t.Data[2].(k.Syms)
	idx := make([]int, len(syms))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return syms[idx[a]] < syms[idx[b]] })
	order := []int{2, 0, 1, 3, 4, 5}
	out := &k.Table{Cols: k.Syms{"date"}, Data: k.List{}}
	dates := make(k.Dates, len(idx))
	for i := range dates {
		dates[i] = int32(day)
	}
	out.Data = append(out.Data, dates)
	for _, j := range order {
		out.Cols = append(out.Cols, t.Cols[j])
		items := make(k.List, len(idx))
		for i, r := range idx {
			items[i] = k.At(t.Data[j], r)
		}
		var col k.V = items
		if _, nested := t.Data[j].(k.List); !nested {
			col = retype(items, t.Data[j])
		}
		out.Data = append(out.Data, col)
	}
	return out
}

// retype makes the atoms of a column a vector of the column's type again.
func retype(items k.List, like k.V) k.V {
	if len(items) == 0 {
		return like // an empty column keeps its type
	}
	return k.Uniform(items)
}

// joinRows joins tables of the same columns.
func joinRows(ts []k.V) *k.Table {
	out := &k.Table{Cols: ts[0].(*k.Table).Cols, Data: make(k.List, len(ts[0].(*k.Table).Cols))}
	for j := range out.Cols {
		var items k.List
		var like k.V
		for _, t := range ts {
			c := t.(*k.Table).Data[j]
			like = c
			for i := range k.Count(c) {
				items = append(items, k.At(c, i))
			}
		}
		if _, nested := like.(k.List); nested {
			if items == nil {
				items = k.List{}
			}
			out.Data[j] = items
			continue
		}
		out.Data[j] = retype(items, like)
	}
	return out
}
