package q_test

import (
	"path/filepath"
	"testing"

	"kt/q"
	"kt/q/qtest"
)

// TestTranscripts runs every transcript in testdata and testdata/ref, each
// with a fresh interpreter.
func TestTranscripts(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/*.q", "testdata/ref/*.q"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no transcripts")
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			qtest.RunTranscript(t, q.New(), f)
		})
	}
}
