package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// torchMalloc is the glibc setting of the reference timings: freed
// buffers are reused rather than returned to the system, so a call does
// not pay page faults for a fresh 40 MB buffer.
var torchMalloc = []string{"MALLOC_MMAP_THRESHOLD_=4294967296", "MALLOC_TRIM_THRESHOLD_=4294967296"}

// runner runs the two sides.
type runner struct {
	cfg     config
	testBin string // the compiled benchmarks of package bench
	verbose bool
}

// build compiles the engine's benchmarks into dir.
func build(dir string) (string, error) {
	bin := filepath.Join(dir, "bench.test")
	cmd := exec.Command("go", "test", "-c", "-o", bin, "./bench")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("building the engine's benchmarks: %w", err)
	}
	return bin, nil
}

// torch runs torch_bench.py with the given threads.
func (r *runner) torch(threads int) ([]sample, string, error) {
	args := []string{"bench/torch_bench.py", "--threads", fmt.Sprint(threads),
		"--budget", fmt.Sprint(r.cfg.benchtime.Seconds()), "--rows", r.cfg.rows}
	cmd := exec.Command(r.cfg.python, args...)
	cmd.Env = append(os.Environ(), torchMalloc...)
	cmd.Env = append(cmd.Env, fmt.Sprintf("OMP_NUM_THREADS=%d", threads))
	out, err := r.run(cmd)
	if err != nil {
		return nil, "", fmt.Errorf("torch: %w", err)
	}
	ss, err := parseTorch(bytes.NewReader(out))
	return ss, torchVersion(out), err
}

// engine runs BenchmarkRows and BenchmarkSteps with GOMAXPROCS=threads.
func (r *runner) engine(threads int) ([]sample, error) {
	pat := "^Benchmark(Rows|Steps)$"
	if r.cfg.rows != "" {
		pat += "/" + r.cfg.rows
	}
	cmd := exec.Command(r.testBin, "-test.run", "^$", "-test.bench", pat,
		"-test.benchtime", r.cfg.benchtime.String(), "-test.benchmem", "-test.timeout", "0")
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", threads))
	out, err := r.run(cmd)
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	return parseGoBench(bytes.NewReader(out))
}

// run runs cmd and returns its output, echoing it to stderr when verbose.
func (r *runner) run(cmd *exec.Cmd) ([]byte, error) {
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if r.verbose {
		os.Stderr.Write(out)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w\n%s%s", cmd.Path, err, out, errb.Bytes())
	}
	return out, nil
}

// torchVersion returns the version torch_bench.py reports in its first
// comment, or "?".
func torchVersion(out []byte) string {
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "#" && f[1] == "torch" {
			return f[2]
		}
	}
	return "?"
}

// cpuModel returns the first model name of /proc/cpuinfo, or "unknown".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// loadAvg returns the 1-minute load average of /proc/loadavg, or "?".
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// engineVersion describes the engine being timed: the commit, and whether
// the engine's packages had uncommitted changes when it was built.
func engineVersion() string {
	head, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "engine at an unknown commit"
	}
	v := "engine at " + strings.TrimSpace(string(head))
	dirty, err := exec.Command("git", "status", "--porcelain", "--", "tensor", "loss", "optim", "internal").Output()
	if err == nil && len(bytes.TrimSpace(dirty)) > 0 {
		v += " with uncommitted changes"
	}
	if exp := os.Getenv("GOEXPERIMENT"); exp != "" {
		v += ", built with GOEXPERIMENT=" + exp
	}
	return v
}
