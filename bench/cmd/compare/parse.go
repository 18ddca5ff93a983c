package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// A sample is one timing of one row in one mode: microseconds per call.
type sample struct {
	id   string // the row, e.g. "mse_1e7"
	mode string // "fwd" or "fwdbwd"; an optimizer row's "step" or "foreach"
	us   float64
}

// parseTorch reads torch_bench.py's output: "<id> <mode> <µs> <calls>"
// lines, and # comments.
func parseTorch(r io.Reader) ([]sample, error) {
	var out []sample
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 4 {
			return nil, fmt.Errorf("torch output line %d: want 4 fields: %q", n, line)
		}
		us, err := strconv.ParseFloat(f[2], 64)
		if err != nil || !validMode(f[1]) {
			return nil, fmt.Errorf("torch output line %d: bad timing: %q", n, line)
		}
		out = append(out, sample{id: f[0], mode: f[1], us: us})
	}
	return out, sc.Err()
}

// goBenchLine matches a result line of BenchmarkRows or BenchmarkSteps;
// the name may end in -GOMAXPROCS.
var goBenchLine = regexp.MustCompile(`^Benchmark(?:Rows|Steps)/(\S+)/(fwd|fwdbwd|step)(?:-\d+)?\s+\d+\s+([0-9.e+]+) ns/op`)

// goMedian matches the median of the calls that BenchmarkRows reports
// besides go test's mean.
var goMedian = regexp.MustCompile(`\s([0-9.e+]+) med-ns/op`)

// parseGoBench reads the output of go test -bench for BenchmarkRows (and
// BenchmarkSteps) and
// returns its timings: the median of the calls (med-ns/op), or go test's
// mean (ns/op) on a line without one. Lines that are not results are skipped; a FAIL or
// panic is an error.
func parseGoBench(r io.Reader) ([]sample, error) {
	var out []sample
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "--- FAIL") || strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "panic:") {
			return nil, fmt.Errorf("engine benchmark failed: %s", line)
		}
		m := goBenchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		v := m[3] // the mean, when a line has no median
		if md := goMedian.FindStringSubmatch(line); md != nil {
			v = md[1]
		}
		ns, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("engine output: bad timing: %q", line)
		}
		out = append(out, sample{id: m[1], mode: m[2], us: ns / 1e3})
	}
	return out, sc.Err()
}

func validMode(m string) bool { return m == "fwd" || m == "fwdbwd" || m == "step" || m == "foreach" }
