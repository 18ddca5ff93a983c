package q

import (
	"strings"
	"testing"

	"kt/k"
)

// TestGuard shows that a fault in a host function (or in the interpreter)
// becomes a q error and the session keeps its values.
func TestGuard(t *testing.T) {
	in := New()
	in.Set("boom", &k.Builtin{Name: "boom", Rank: 1, Fn: func(a []k.V) (k.V, error) {
		var l k.List
		return l[len(a)+1], nil
	}})
	if _, err := in.Line("x:42"); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"boom 1", "1+boom 2", "{boom x} 3"} {
		_, err := in.Line(line)
		if err == nil || !strings.HasPrefix(err.Error(), "kt: ") {
			t.Errorf("%s: got error %v, want a kt: fault", line, err)
		}
	}
	if _, err := in.Eval("boom 1"); err == nil {
		t.Error("Eval: no error from a faulting host function")
	}
	if out, err := in.Line("x"); err != nil || out != "42\n" {
		t.Errorf("x after the faults: %q, %v", out, err)
	}
}
