package ktorch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kt/q"
	"kt/q/qtest"
)

// newInterp is a q interpreter with a fresh session's functions defined
// as globals, as ktorch's are when loaded into q.
func newInterp(t testing.TB) (*q.Interp, *Session) {
	t.Helper()
	s := NewSession(42)
	in := q.New()
	for _, b := range s.Builtins() {
		in.Set(b.Name, b)
	}
	return in, s
}

// TestTranscripts runs the loss page's examples and the k-api's other
// transcripts, each in a fresh session.
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.q")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, _ := newInterp(t)
			qtest.RunTranscript(t, in, f)
		})
	}
}

// TestExampleScript checks that the console's example script is the loss
// page's transcript, input for input.
func TestExampleScript(t *testing.T) {
	tr, err := os.ReadFile("testdata/loss.q")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := os.ReadFile("../examples/loss.q")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range qtest.Parse(string(tr)) {
		want = append(want, c.Input)
	}
	got := strings.Split(strings.TrimRight(string(ex), "\n"), "\n")[1:] // after the header comment
	if !slices.Equal(got, want) {
		t.Errorf("examples/loss.q differs from the inputs of testdata/loss.q:\n%q\n%q", got, want)
	}
}
