package main

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseTorch(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []sample
		err      bool
	}{
		{"rows", "# torch 1.13.0a0 threads 1\nmse_1e6 fwd 263.5 120\nmse_1e6 fwdbwd 702.0 40\n\n",
			[]sample{{"mse_1e6", "fwd", 263.5}, {"mse_1e6", "fwdbwd", 702}}, false},
		{"empty", "", nil, false},
		{"short line", "mse_1e6 fwd 263.5\n", nil, true},
		{"bad number", "mse_1e6 fwd x 3\n", nil, true},
		{"bad mode", "mse_1e6 back 1 3\n", nil, true},
		{"steps", "sgd_1e7 step 10 3\nsgd_1e7 foreach 12 3\n", []sample{{"sgd_1e7", "step", 10}, {"sgd_1e7", "foreach", 12}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseTorch(strings.NewReader(tc.in))
			if (err != nil) != tc.err {
				t.Fatalf("error %v, want error %v", err, tc.err)
			}
			if !tc.err && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParseGoBench(t *testing.T) {
	out := `goos: linux
goarch: amd64
pkg: kt/bench
cpu: AMD EPYC
BenchmarkRows/mse_1e6/fwd     	     134	    893153 ns/op	     728 B/op	      12 allocs/op
BenchmarkRows/ce-smooth0.1_4096x1000/fwdbwd-2   	      27	   4016455 ns/op	 4007216 B/op	      24 allocs/op
BenchmarkRows/copy_1e7/fwd-16 	       1	1.5e+07 ns/op
BenchmarkRows/nll_4096x1000/fwd-2         	    8754	     42961 ns/op	     39203 med-ns/op	     392 B/op	       7 allocs/op
BenchmarkSteps/sgd_1e7/step-2         	    100	     2961 ns/op	     2900 med-ns/op	     0 B/op	       0 allocs/op
PASS
`
	want := []sample{{"mse_1e6", "fwd", 893.153}, {"ce-smooth0.1_4096x1000", "fwdbwd", 4016.455}, {"copy_1e7", "fwd", 15000},
		{"nll_4096x1000", "fwd", 39.203}, {"sgd_1e7", "step", 2.9}}
	got, err := parseGoBench(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for _, bad := range []string{"--- FAIL: BenchmarkRows/mse_1e6/fwd\n", "panic: boom\n", "FAIL\tkt/bench\t0.1s\n"} {
		if _, err := parseGoBench(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
		ok   bool
	}{
		{nil, 0, false},
		{[]float64{3}, 3, true},
		{[]float64{5, 1, 3}, 3, true},
		{[]float64{4, 1, 3, 2}, 2.5, true},
	} {
		in := append([]float64(nil), tc.in...)
		got, ok := median(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("median(%v) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if !reflect.DeepEqual(in, tc.in) {
			t.Errorf("median modified its input: %v", tc.in)
		}
	}
}

func TestWrite(t *testing.T) {
	r := newResults()
	for _, us := range []float64{100, 300, 200} {
		r.add(torch, 1, []sample{{"mse_1e6", "fwd", us}, {"mse_1e6", "fwdbwd", 2 * us}})
	}
	for _, us := range []float64{50, 70, 60} {
		r.add(engine, 1, []sample{{"mse_1e6", "fwd", us}, {"mse_1e6", "fwdbwd", 10 * us}})
	}
	r.add(torch, 1, []sample{{"copy_1e7", "fwd", 3000}})
	var b bytes.Buffer
	r.write(&b, []int{1})
	if strings.Contains(b.String(), "copy its two inputs") {
		t.Errorf("copy bound printed without both copy timings:\n%s", b.String())
	}
	r.add(engine, 1, []sample{{"copy_1e7", "fwd", 2500}, {"mse_1e7", "fwdbwd", 7500}})
	b.Reset()
	r.write(&b, []int{1})
	got := b.String()
	for _, want := range []string{
		"| mse_1e6 | 200 | 60.0 | 0.30 | 400 | 600 | 1.50 |",
		"| copy_1e7 | 3000 | 2500 | 0.83 | - | - | - |",
		"engine faster in 2 of 3 timings",
		"(2 × the faster copy_1e7, 5000 µs; goal <= 1.5): mse_1e7 1.50",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
}

func TestWriteSteps(t *testing.T) {
	r := newResults()
	r.add(torch, 1, []sample{{"mse_1e6", "fwd", 100}, {"sgd_1e7", "step", 4000}, {"sgd_1e7", "foreach", 5000}})
	r.add(engine, 1, []sample{{"mse_1e6", "fwd", 50}, {"sgd_1e7", "step", 2000}})
	var b bytes.Buffer
	r.write(&b, []int{1})
	got := b.String()
	if !strings.Contains(got, "| sgd_1e7 | 4000 | 5000 | 2000 | 0.50 | 0.40 |") {
		t.Errorf("table lacks the optimizer row:\n%s", got)
	}
	if strings.Contains(got, "| sgd_1e7 | -") || !strings.Contains(got, "engine faster in 1 of 1 timings") {
		t.Errorf("the optimizer row is in the losses' table:\n%s", got)
	}
}

func TestParseFlags(t *testing.T) {
	c, _, err := parseFlags([]string{"-quick"})
	if err != nil {
		t.Fatal(err)
	}
	if c.reps != 1 || c.rows != quickRows || c.benchtime != 100*time.Millisecond || !reflect.DeepEqual(c.threads, []int{1, 2}) {
		t.Errorf("-quick gives %+v", c)
	}
	c, _, err = parseFlags([]string{"-quick", "-reps", "2", "-threads", "2"})
	if err != nil || c.reps != 2 || !reflect.DeepEqual(c.threads, []int{2}) {
		t.Errorf("-quick -reps 2 -threads 2 gives %+v, %v", c, err)
	}
	for _, bad := range [][]string{{"-reps", "0"}, {"-threads", "1,x"}, {"-threads", "0"}, {"-rows", "a/b"}, {"-rows", "("}, {"-benchtime", "0s"}} {
		if _, _, err := parseFlags(bad); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
