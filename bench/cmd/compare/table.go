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
		fmt.Fprintf(w, "\n%d thread(s): torch.set_num_threads(%d), GOMAXPROCS=%d\n", th, th, th)
		r.writeLosses(w, th)
		r.writeSteps(w, th)
	}
}

// writeLosses prints the losses' table for th threads, if any loss row
// was timed.
func (r *results) writeLosses(w io.Writer, th int) {
	if !slices.ContainsFunc(r.order, func(id string) bool { return !r.isStep(th, id) }) {
		return
	}
	fmt.Fprintln(w, "\n| row | torch fwd µs | engine fwd µs | ratio | torch f+b µs | engine f+b µs | ratio |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	wins, total := 0, 0
	for _, id := range r.order {
		if r.isStep(th, id) {
			continue
		}
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
	r.writeCopyBound(w, th)
}

// isStep reports whether row id is an optimizer's: torch timed its step.
func (r *results) isStep(th int, id string) bool {
	_, ok := median(r.samples[torch][key{th, id, "step"}])
	_, ok2 := median(r.samples[engine][key{th, id, "step"}])
	return ok || ok2
}

// writeSteps prints the optimizer rows: torch.optim.SGD.step in its
// for-loop and foreach forms and the engine's step, with the ratio of
// the engine to each.
func (r *results) writeSteps(w io.Writer, th int) {
	var ids []string
	for _, id := range r.order {
		if r.isStep(th, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	fmt.Fprintln(w, "\n| optimizer row | torch step µs | torch foreach µs | engine step µs | ratio to step | ratio to foreach |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, id := range ids {
		loop := r.cell(th, id, "step")
		e, ok := median(r.samples[engine][key{th, id, "step"}])
		f, okf := median(r.samples[torch][key{th, id, "foreach"}])
		cols := []string{id, "-", "-", "-", "-", "-"}
		if loop.ok {
			cols[1], cols[4] = fmtUS(loop.torch), fmt.Sprintf("%.2f", loop.engine/loop.torch)
		}
		if okf && f > 0 {
			cols[2] = fmtUS(f)
			if ok {
				cols[5] = fmt.Sprintf("%.2f", e/f)
			}
		}
		if ok {
			cols[3] = fmtUS(e)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cols, " | "))
	}
}

// copyBound names the rows whose forward+backward the issue bounds by
// the time to copy the bytes they read: 1e7 elements of input and 1e7 of
// target, that is two copies of copy_1e7.
var copyBound = []string{"mse_1e7", "l1_1e7", "smoothl1_1e7", "huber_1e7"}

// writeCopyBound prints, for the rows of copyBound, the engine's f+b
// over the time to copy their two inputs: twice the faster side's
// copy_1e7. The goal is at most 1.5.
func (r *results) writeCopyBound(w io.Writer, th int) {
	c := r.cell(th, "copy_1e7", "fwd")
	if !c.ok {
		return
	}
	cp := 2 * min(c.torch, c.engine)
	var parts []string
	for _, id := range copyBound {
		if e, ok := median(r.samples[engine][key{th, id, "fwdbwd"}]); ok {
			parts = append(parts, fmt.Sprintf("%s %.2f", id, e/cp))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "engine f+b over the time to copy its two inputs (2 × the faster copy_1e7, %s µs; goal <= 1.5): %s\n",
			fmtUS(cp), strings.Join(parts, ", "))
	}
}
