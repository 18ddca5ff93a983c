package ktorch

import (
	"os"
	"strings"
	"testing"

	"kt/q/qtest"
)

// fold collapses runs of white space, as the web page of the loss document
// does to the console's output.
func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// pageElides are output lines the loss page does not show: the training
// rows it cuts from the middle of the run to .1, and the checks that stand
// in for its random batch weights.
var pageElides = map[string]bool{
	"0.2754289 0.6205828 2 3.758835": true, "0.2399291 0.6458772 2 3.708246": true,
	"0.2090049 0.6694854 2 3.661029": true, "0.1820664 0.6915197 2 3.616961": true,
	"0.1586001 0.7120851 2 3.57583": true, "0.1381583 0.7312794 2 3.537441": true,
	"0.1203512 0.7491941 2 3.501612": true, "5 5 5": true, "1b": true,
}

// TestLossPage is the acceptance test: every line the console prints for
// the page's examples stands, in order, in the page itself (testdata/lossdoc.txt,
// the loss document as published, white space folded), but for the lines
// the page elides.
func TestLossPage(t *testing.T) {
	page, err := os.ReadFile("testdata/lossdoc.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(page), "\n") {
		lines = append(lines, fold(l))
	}
	tr, err := os.ReadFile("testdata/loss.q")
	if err != nil {
		t.Fatal(err)
	}
	in, _ := newInterp(t)
	j, found := 0, 0
	for _, c := range qtest.Parse(string(tr)) {
		for _, out := range strings.Split(strings.TrimRight(qtest.Output(in, c.Input), "\n"), "\n") {
			o := fold(out)
			if o == "" || pageElides[o] {
				continue
			}
			k := j
			for k < len(lines) && lines[k] != o && !strings.HasPrefix(lines[k], o+" /") { // the page may annotate a line
				k++
			}
			if k == len(lines) {
				t.Errorf("q)%s: %q is not in the page after line %d", c.Input, out, j+1)
				continue
			}
			j, found = k+1, found+1
		}
	}
	if found < 100 {
		t.Errorf("matched %d output lines of the page, want at least 100", found)
	}
}
