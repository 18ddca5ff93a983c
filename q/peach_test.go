package q

import (
	"strconv"
	"testing"

	"kt/k"
)

// TestPeachProcesses: with -s -N and .z.pd, peach spreads the items over
// other processes, each doing a run of them, and joins the results in
// order; without them it is each.
func TestPeachProcesses(t *testing.T) {
	w1 := startServer(t, "n:0")
	w2 := startServer(t, "n:0")
	gw := startServer(t, "")
	// a host function, as ktorch's are: it travels by name
	for _, s := range []*server{w1, w2, gw} {
		s.in.Register(&k.Builtin{Name: "count2", Rank: 1, Fn: func(a []k.V) (k.V, error) { return k.Long(2 * k.Count(a[0])), nil }})
	}
	if got := gw.eval(t, "{x*x} peach til 5"); got != "0 1 4 9 16\n" {
		t.Errorf("peach as each: %s", got)
	}
	gw.in.Settings.Secondary = -2
	gw.eval(t, ".z.pd:`u#hopen each "+strconv.Itoa(w1.in.Port())+" "+strconv.Itoa(w2.in.Port()))
	for _, c := range []struct{ expr, want string }{
		{"{n::n+1;x*x} peach til 10", "0 1 4 9 16 25 36 49 64 81\n"},
		{"sum peach (1 2;3 4 5;6)", "3 12 6\n"},
		{"{x+y}[10] peach 1 2 3", "11 12 13\n"},
		{"count2 peach (1 2 3;0 0)", "6 4\n"},
		{"@[{x+`a} peach;1 2;{\"remote '\",x}]", "\"remote 'type\"\n"},
		{"{x} peach enlist 7", ",7\n"},
	} {
		if got := gw.eval(t, c.expr); got != c.want {
			t.Errorf("%s: %q, want %q", c.expr, got, c.want)
		}
	}
	// the first ten items went half to each worker
	if n1, n2 := w1.eval(t, "n"), w2.eval(t, "n"); n1 != "5\n" || n2 != "5\n" {
		t.Errorf("the workers did %s and %s items", n1, n2)
	}
}

// TestDataParallel is the README's pattern for data-parallel training:
// each worker holds a shard and returns the gradient of its loss, the
// gateway averages the gradients over the handles and takes one step.
func TestDataParallel(t *testing.T) {
	// y = 3x - 1 over 8 points, half on each worker
	shard := map[int]string{0: "X:0 1 2 3f;Y:-1 2 5 8f", 1: "X:4 5 6 7f;Y:11 14 17 20f"}
	gw := startServer(t, "w:0 0f")
	var ports []string
	for i := range 2 {
		// the gradient of the mean squared error of w[0]*X+w[1]
		s := startServer(t, shard[i]+"\ngrad:{e:(x[0]*X)+x[1]-Y;2*(avg e*X;avg e)}")
		ports = append(ports, strconv.Itoa(s.in.Port()))
	}
	gw.eval(t, "h:hopen each "+ports[0]+" "+ports[1])
	gw.eval(t, "do[2000;w-:0.02*avg h@\\:(`grad;w)]")
	if got := gw.eval(t, "0.001>abs w-3 -1"); got != "11b\n" {
		t.Errorf("w: %s", gw.eval(t, "w"))
	}
}
