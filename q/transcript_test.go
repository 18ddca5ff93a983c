package q_test

import (
	"path/filepath"
	"testing"

	"kt/q"
	"kt/q/qtest"
)

// TestTranscripts runs every transcript in testdata, each with a fresh
// interpreter, comparing output exactly.
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.q")
	if err != nil || len(files) == 0 {
		t.Fatal("no transcripts", err)
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			qtest.RunTranscript(t, bounded(), f)
		})
	}
}

// TestReference runs the transcripts taken from the q reference in
// testdata/ref. The reference pages drop the blanks q pads table lines
// with, so blanks at line ends are ignored.
func TestReference(t *testing.T) {
	files, err := filepath.Glob("testdata/ref/*.q")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			qtest.RunTranscriptTrimmed(t, bounded(), f)
		})
	}
}

// bounded is an interpreter whose runaway loops fail instead of hanging
// the test.
func bounded() *q.Interp {
	in := q.New()
	in.MaxSteps = 10_000_000
	in.MaxItems = 100_000_000
	return in
}
