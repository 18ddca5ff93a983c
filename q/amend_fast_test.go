package q

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestAmendFast runs amends through the fast paths and through the
// reference, in two sessions, and checks each line gives the same display
// and the same bytes (-8!, so the same types at every level) or the same
// error.
func TestAmendFast(t *testing.T) {
	lines := []string{
		"l:g:x:s:c:b:f:d:e:n:m:dd:kd:t:r:q:0",
		"l:til 10", "l[3]:99", "l[3 3]+:1", "@[l;0 1;+;1]", ".[l;enlist 2;neg]", "l[20]:1", "l[0]:1.5", "l[-1]:0",
		"g:(1;`a;\"x\")", "g[1]:2", "g[2]:3", "g[0]:(1 2;3)", ".[(1 2;3 4);0 1;:;9]", "@[(1 2;3 4);1;,;5]",
		"x:2001.01.01 2001.01.02", "x[0]:2002.01.01", "x[1]:2", "x[0 1]:2003.01.01", "s:`a`b`c", "s[1]:`z", "s[1]:1",
		"c:\"abc\"", "c[1]:\"z\"", "c[0 2]:\"xy\"", "b:101b", "b[1]:1b", "f:1.5 2.5", "f[0]:0n", "f[1]+:1",
		"d:`a`b!1 2", "d[`c]:3", "d[`a`a]+:1", "d[`x`y]:4 5", "d[`z]:`s", "d[`q]+:1", "d",
		"e:`a`b!(1 2;`x)", "e[`c]:\"str\"", "e[`a]:0", "e[`b`d]:(1;2)",
		"n:()!()", "n[`a]:1", "n[`b`c]:2 3", "n", "m:(1 2 3)!4 5 6", "m[1 4]:7 8", "m[9 9]:1 2", "m:(til 1000)!1000#0", "m[(990+til 20),995 1005 1005]:til 23", "m[1200 1200]+:1 2",
		"dd:`a`b!2001.01.01 2001.01.02", "dd[`c]:2003.01.01", "dd[`a]:1",
		"kd:(2001.01.01 2001.01.02)!1 2", "kd[2001.01.03]:3", "kd[2001.01.01]+:10",
		"t:([]a:1 2)", "t[`a]:3 4", "t[`b]:5 6", "t",
		"@[`a`b!1 2;`a;neg]", "@[1 2 3;::;neg]", "@[til 100;til 50;neg]", "@[(til 100)!til 100;til 50;neg]",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		n := 1 + rng.IntN(200)
		i, j := rng.IntN(n+2), rng.IntN(n+2)
		lines = append(lines,
			fmt.Sprintf("r:til %d", n), fmt.Sprintf("r[%d %d]:%d %d", i, j, i, j),
			fmt.Sprintf("q:(til %d)!%d#`x`y", n, n), fmt.Sprintf("q[%d]:`z", i), fmt.Sprintf("q[%d %d]:`u`v", j, i+n),
		)
	}
	fast, ref := New(), New()
	ref.referenceAmend = true
	for _, line := range lines {
		for _, l := range []string{line, "-8!(l;g;x;s;c;b;f;d;e;n;m;dd;kd;t;r;q)"} {
			a, errA := fast.Line(l)
			b, errB := ref.Line(l)
			if a != b || fmt.Sprint(errA) != fmt.Sprint(errB) {
				t.Fatalf("%s (after %s): fast %q %v, reference %q %v", l, line, a, errA, b, errB)
			}
		}
	}
}
