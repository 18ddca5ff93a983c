// Command compare times the engine's losses and PyTorch's side by side
// and prints a table of the medians and their ratio.
//
// Run it from the module root (bash bench/compare.sh does):
//
//	go run ./bench/cmd/compare [-quick] [-reps 3] [-threads 1,2] [-rows regexp]
//
// For each repetition and each thread count it runs torch_bench.py with
// torch.set_num_threads(n) and the malloc settings of the reference, then
// the engine's BenchmarkRows with GOMAXPROCS=n, so that the two sides
// alternate on a shared machine. The table quotes the median over the
// repetitions of each side's timing, which is the median of its calls on
// both sides (the engine's BenchmarkRows reports it as med-ns/op besides
// go test's mean). The ratio is engine/torch: below 1 the engine is
// faster.
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// quickRows is the subset of rows -quick times.
const quickRows = "^(copy_1e7|mse_1e6|mse_1e7|bce_1e7|ce_4096x1000|nll_4096x1000|ctc_T50N16C20S30|cosine_4096x512)$"

// config holds the settings of a comparison.
type config struct {
	reps      int
	threads   []int
	rows      string // regexp of row ids; empty: all
	benchtime time.Duration
	python    string
}

func main() {
	if err := compare(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

// parseFlags returns the configuration of args.
func parseFlags(args []string) (config, bool, error) {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	quick := fs.Bool("quick", false, "fewer rows, one repetition, shorter timings")
	reps := fs.Int("reps", 3, "repetitions of each side (the table quotes medians)")
	threads := fs.String("threads", "1,2", "comma-separated thread counts")
	rows := fs.String("rows", "", "regular expression of the row ids to time (no '/'); empty: all")
	bt := fs.Duration("benchtime", 300*time.Millisecond, "time spent on each timing")
	python := fs.String("python", "/usr/bin/python3", "the python with torch")
	verbose := fs.Bool("v", false, "echo both sides' raw output to stderr")
	if err := fs.Parse(args); err != nil {
		return config{}, false, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	c := config{reps: *reps, rows: *rows, benchtime: *bt, python: *python}
	if *quick {
		if !set["reps"] {
			c.reps = 1
		}
		if !set["rows"] {
			c.rows = quickRows
		}
		if !set["benchtime"] {
			c.benchtime = 100 * time.Millisecond
		}
	}
	if c.reps < 1 {
		return c, false, fmt.Errorf("-reps %d: want at least 1", c.reps)
	}
	if c.benchtime <= 0 {
		return c, false, fmt.Errorf("-benchtime %v: want a positive duration", c.benchtime)
	}
	if strings.Contains(c.rows, "/") {
		return c, false, fmt.Errorf("-rows %q: row ids have no '/'", c.rows)
	}
	if _, err := regexp.Compile(c.rows); err != nil {
		return c, false, fmt.Errorf("-rows: %w", err)
	}
	for _, f := range strings.Split(*threads, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return c, false, fmt.Errorf("-threads %q: want positive integers", *threads)
		}
		c.threads = append(c.threads, n)
	}
	return c, *verbose, nil
}

// compare runs the comparison that args describe and prints its table.
func compare(args []string) error {
	cfg, verbose, err := parseFlags(args)
	if err != nil {
		return err
	}
	if _, err := os.Stat("bench/torch_bench.py"); err != nil {
		return fmt.Errorf("run from the module root (bash bench/compare.sh does): %w", err)
	}
	dir, err := os.MkdirTemp("", "ktbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	start, load, ev := time.Now(), loadAvg(), engineVersion()
	bin, err := build(dir)
	if err != nil {
		return err
	}
	r := &runner{cfg: cfg, testBin: bin, verbose: verbose}
	res := newResults()
	version := "?"
	for rep := 1; rep <= cfg.reps; rep++ {
		for _, th := range cfg.threads {
			t0 := time.Now()
			ts, v, err := r.torch(th)
			if err != nil {
				return err
			}
			version = v
			res.add(torch, th, ts)
			t1 := time.Now()
			es, err := r.engine(th)
			if err != nil {
				return err
			}
			res.add(engine, th, es)
			fmt.Fprintf(os.Stderr, "rep %d/%d, %d thread(s): torch %d timings in %.0fs, engine %d in %.0fs\n",
				rep, cfg.reps, th, len(ts), t1.Sub(t0).Seconds(), len(es), time.Since(t1).Seconds())
		}
	}
	fmt.Printf("%s; %s, nproc %d; torch %s; %s, %s; %d repetition(s), %v per timing; took %.0fs; load average %s before, %s after\n",
		time.Now().Format("2006-01-02 15:04 MST"), cpuModel(), runtime.NumCPU(), version, ev, runtime.Version(),
		cfg.reps, cfg.benchtime, time.Since(start).Seconds(), load, loadAvg())
	res.write(os.Stdout, cfg.threads)
	return nil
}
