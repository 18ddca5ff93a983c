// Command prims times the interpreter's primitives on large vectors beside
// plain Go loops doing the same typed work, in one run, and prints the
// ratio of each pair.
//
// Run it from the module root (bash bench/prims.sh does):
//
//	go run ./bench/cmd/prims [-count 5] [-benchtime 300ms] [-rows regexp] [-v]
//
// It runs q's BenchmarkPrims with GOMAXPROCS=1; each repetition times
// every row's kt expression and then its Go loop, so both sides see the
// same load. The table quotes each side's median over the repetitions,
// the ratio of the medians (kt/go: 1 is the plain loop's speed) and the
// ratio of the best timings.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "prims:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("prims", flag.ContinueOnError)
	count := fs.Int("count", 5, "repetitions (the table quotes medians and bests)")
	benchtime := fs.String("benchtime", "300ms", "time spent on each timing")
	rows := fs.String("rows", "", "regular expression of the rows to time (go test -bench syntax, e.g. 'asc|group')")
	verbose := fs.Bool("v", false, "echo go test's output to stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	pattern := "^BenchmarkPrims$"
	if *rows != "" {
		pattern += "/" + *rows
	}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", pattern,
		"-count", strconv.Itoa(*count), "-benchtime", *benchtime, "./q/")
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	var echo io.Writer = io.Discard
	if *verbose {
		echo = os.Stderr
	}
	t := parse(io.TeeReader(out, echo))
	if err := cmd.Wait(); err != nil {
		return err
	}
	t.print(os.Stdout)
	return nil
}

// timings holds each row's ns/op per side, rows in order of appearance.
type timings struct {
	order []string
	ns    map[string]map[string][]float64 // row, side ("kt", "go")
}

// parse reads go test -bench output: lines such as
// "BenchmarkPrims/x+y/1e6/kt   300   1234567 ns/op".
func parse(r io.Reader) *timings {
	t := &timings{ns: map[string]map[string][]float64{}}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkPrims/") || f[3] != "ns/op" {
			continue
		}
		name := strings.TrimPrefix(f[0], "BenchmarkPrims/")
		if i := strings.LastIndexByte(name, '-'); i > strings.LastIndexByte(name, '/') {
			name = name[:i] // the -GOMAXPROCS suffix
		}
		i := strings.LastIndexByte(name, '/')
		if i < 0 {
			continue
		}
		row, side := name[:i], name[i+1:]
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			continue
		}
		if t.ns[row] == nil {
			t.ns[row] = map[string][]float64{}
			t.order = append(t.order, row)
		}
		t.ns[row][side] = append(t.ns[row][side], v)
	}
	return t
}

func (t *timings) print(w io.Writer) {
	fmt.Fprintln(w, "| kt expression | n | Go loop (ms) | kt (ms) | kt/go median | kt/go best |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, row := range t.order {
		g, q := t.ns[row]["go"], t.ns[row]["kt"]
		if len(g) == 0 || len(q) == 0 {
			continue
		}
		i := strings.LastIndexByte(row, '/')
		expr := strings.ReplaceAll(row[:i], "_", " ")
		fmt.Fprintf(w, "| `%s` | %s | %.2f | %.2f | %.1fx | %.1fx |\n", expr, row[i+1:],
			median(g)/1e6, median(q)/1e6, median(q)/median(g), slices.Min(q)/slices.Min(g))
	}
}

func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
