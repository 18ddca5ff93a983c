// Package qtest runs console transcripts against a q interpreter.
//
// A transcript is a text file of console input and expected output. A
// line starting with q) is an input line (with the lines after it while a
// bracket or string is open, as the console reads them); the lines after
// it, up to the next q) line, are what the console prints for it
// (trailing blank lines ignored). Lines before the first q) line are a header. An error prints
// as 'msg on one line.
package qtest

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"kt/q"
)

// Case is one input line of a transcript with its expected output.
type Case struct {
	Line  int    // line number of the input in the file
	Input string // the text after q)
	Want  string // expected output, without trailing blank lines
}

// Parse splits a transcript into cases.
func Parse(text string) []Case {
	var cases []Case
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	cur := -1
	var want []string
	flush := func() {
		if cur >= 0 {
			cases[cur].Want = trimBlank(strings.Join(want, "\n"))
		}
		want = nil
	}
	open := false // the input so far has an open bracket or string
	for i, l := range lines {
		if open {
			// a continuation line of the input, as the console reads it
			cases[cur].Input += "\n" + l
			open = q.Incomplete(cases[cur].Input)
			continue
		}
		if in, ok := strings.CutPrefix(l, "q)"); ok {
			flush()
			cases = append(cases, Case{Line: i + 1, Input: in})
			cur = len(cases) - 1
			open = q.Incomplete(in)
			continue
		}
		if cur >= 0 {
			want = append(want, l)
		}
	}
	flush()
	return cases
}

// trimEnds drops the blanks at the end of each line.
func trimEnds(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

func trimBlank(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], "\r")
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// Output evaluates one console line as the console does and returns all
// it prints: output written while evaluating, then the value's display or
// the error as 'msg.
func Output(in *q.Interp, line string) string {
	var buf bytes.Buffer
	return outputOf(&buf, in, line)
}

func outputOf(buf *bytes.Buffer, in *q.Interp, line string) string {
	so, se := in.Stdout, in.Stderr
	in.Stdout, in.Stderr = buf, buf
	defer func() { in.Stdout, in.Stderr = so, se }()
	out, err := in.Line(line)
	var exit *q.ExitError
	switch {
	case errors.As(err, &exit):
	case err != nil:
		buf.WriteString(q.FormatError(err) + "\n")
	default:
		buf.WriteString(out)
	}
	return buf.String()
}

// RunTranscript runs every case of the transcript file at path through
// in, in order, and reports each case whose output differs, with its
// file and line, input, expected and actual output.
func RunTranscript(t testing.TB, in *q.Interp, path string) {
	t.Helper()
	run(t, in, path, false)
}

// RunTranscriptTrimmed is RunTranscript with blanks at the ends of lines
// ignored, for transcripts taken from pages that drop them (q pads table
// lines to their full width).
func RunTranscriptTrimmed(t testing.TB, in *q.Interp, path string) {
	t.Helper()
	run(t, in, path, true)
}

func run(t testing.TB, in *q.Interp, path string, trim bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Parse(string(b)) {
		var buf bytes.Buffer
		got := trimBlank(outputOf(&buf, in, c.Input))
		want := c.Want
		if trim {
			got, want = trimEnds(got), trimEnds(want)
		}
		if got != want {
			t.Errorf("%s:%d: q)%s\n--- want:\n%s\n--- got:\n%s", path, c.Line, c.Input, c.Want, got)
		}
	}
}
