package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// side names the two things measured.
type side int

const (
	torch side = iota
	engine
)

// key identifies a timing: thread count, row and mode.
type key struct {
	threads int
	id      string
	mode    string
}

// results gathers the samples of repeated runs of both sides.
type results struct {
	order   []string // row ids in order of first appearance
	seen    map[string]bool
	samples [2]map[key][]float64
}

func newResults() *results {
	return &results{seen: map[string]bool{}, samples: [2]map[key][]float64{{}, {}}}
}

// add records the samples of one run of side s with the given threads.
func (r *results) add(s side, threads int, ss []sample) {
	for _, x := range ss {
		if !r.seen[x.id] {
			r.seen[x.id] = true
			r.order = append(r.order, x.id)
		}
		k := key{threads, x.id, x.mode}
		r.samples[s][k] = append(r.samples[s][k], x.us)
	}
}

// median returns the median of v (the mean of the middle two for an even
// count) and whether v is not empty.
func median(v []float64) (float64, bool) {
	if len(v) == 0 {
		return 0, false
	}
	s := slices.Sorted(slices.Values(v))
	n := len(s)
	if n%2 == 1 {
		return s[n/2], true
	}
	return (s[n/2-1] + s[n/2]) / 2, true
}

// cell is one column group of the table: the medians of both sides and
// their ratio.
type cell struct {
	torch, engine float64
	ok            bool // both sides measured
}

func (r *results) cell(threads int, id, mode string) cell {
	t, ok1 := median(r.samples[torch][key{threads, id, mode}])
	e, ok2 := median(r.samples[engine][key{threads, id, mode}])
	return cell{t, e, ok1 && ok2 && t > 0}
}

func (c cell) columns() []string {
	if !c.ok {
		return []string{"-", "-", "-"}
	}
	return []string{fmtUS(c.torch), fmtUS(c.engine), fmt.Sprintf("%.2f", c.engine/c.torch)}
}

// fmtUS formats microseconds with about three significant digits.
func fmtUS(us float64) string {
	switch {
	case us >= 100:
		return fmt.Sprintf("%.0f", us)
	case us >= 10:
		return fmt.Sprintf("%.1f", us)
	}
	return fmt.Sprintf("%.2f", us)
}

// write prints one markdown table per thread count: for each row the
// torch and engine medians in µs and the ratio engine/torch, forward and
// forward+backward, then a count of the wins.
func (r *results) write(w io.Writer, threads []int) {
	for _, th := range threads {
		fmt.Fprintf(w, "\n%d thread(s): torch.set_num_threads(%d), GOMAXPROCS=%d\n\n", th, th, th)
		fmt.Fprintln(w, "| row | torch fwd µs | engine fwd µs | ratio | torch f+b µs | engine f+b µs | ratio |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
		wins, total := 0, 0
		for _, id := range r.order {
			cols := []string{id}
			for _, mode := range []string{"fwd", "fwdbwd"} {
				c := r.cell(th, id, mode)
				cols = append(cols, c.columns()...)
				if c.ok {
					total++
					if c.engine < c.torch {
						wins++
					}
				}
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cols, " | "))
		}
		fmt.Fprintf(w, "\nengine faster in %d of %d timings\n", wins, total)
	}
}
