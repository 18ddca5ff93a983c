package q_test

import (
	"path/filepath"
	"testing"

	"kt/q/qtest"
)

// TestFiles runs the file transcripts in an empty folder of their own.
func TestFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/files/*.q")
	if err != nil || len(files) == 0 {
		t.Fatal("no transcripts", err)
	}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(f, func(t *testing.T) {
			t.Chdir(t.TempDir())
			qtest.RunTranscript(t, bounded(), abs)
		})
	}
}
