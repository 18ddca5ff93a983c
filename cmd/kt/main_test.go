package main

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"kt/q"
)

func TestBatch(t *testing.T) {
	for _, c := range []struct {
		in   string
		echo bool
		want string
		code int
	}{
		{"1+2\nx:3\nx*2\n", false, "3\n6\n", 0},
		{"1+2\nx:3\n", true, "q)1+2\n3\nq)x:3\n", 0},
		{"foo\n1\n", false, "'foo\n1\n", 0},
		{"-1 \"hi\";\n", false, "hi\n", 0},
		{"1\n\\\\\n2\n", false, "1\n", 0},
		{"exit 4\n", false, "", 4},
	} {
		var buf bytes.Buffer
		con := &console{in: NewInterp(), out: bufio.NewWriter(&buf)}
		con.in.Stdout = con.out
		code := con.batch(strings.NewReader(c.in), c.echo)
		if buf.String() != c.want || code != c.code {
			t.Errorf("batch(%q) = %q, %d; want %q, %d", c.in, buf.String(), code, c.want, c.code)
		}
	}
}

func TestHostsWired(t *testing.T) {
	in := NewInterp()
	for _, name := range []string{"loss", "tensor", "free", "mse"} {
		if _, ok := in.Get(name); !ok {
			t.Errorf("%s is not registered", name)
		}
	}
}

// TestTrainScript loads examples/train.q as kt file.q does; the losses and
// the final x are PyTorch's (scripts/doctraining.py prints the same run).
func TestTrainScript(t *testing.T) {
	var buf bytes.Buffer
	in := NewInterp()
	in.Stdout = &buf
	if err := in.Load("../../examples/train.q"); err != nil {
		t.Fatal(err)
	}
	want := "losses: 0.4166667 0.362963 0.3161811 0.2754289 0.2399291e\nx: 0.6458772 2 3.708246e\n"
	if buf.String() != want {
		t.Errorf("got %q\nwant %q", buf.String(), want)
	}
}

// TestLoadForms runs the lines ktorch's documentation starts a session
// with: the k-api loaded from the library into the root or a namespace.
func TestLoadForms(t *testing.T) {
	in := NewInterp()
	for _, c := range []struct{ line, want string }{
		{"{key[x]set'x;}(`ktorch 2:`fns,1)[];", ""},
		{"mse(1 2e;1 3e)", "0.5e\n"},
		{".nn:(`ktorch 2:`fns,1)[]", ""},
		{".nn.options .nn.loss`mse", "reduce| mean\n"},
		{"`nosuch 2:`fns,1", "'nosuch: cannot open shared object file: No such file or directory\n"},
		{"`ktorch 2:`nosuch,1", "'ktorch: nosuch: undefined symbol\n"},
	} {
		out, err := in.Line(c.line)
		if err != nil {
			out = q.FormatError(err) + "\n"
		}
		if out != c.want {
			t.Errorf("%s: got %q, want %q", c.line, out, c.want)
		}
	}
}

// TestCSVScript runs examples/csv.q: a table written as CSV, loaded back,
// made into tensors and fitted with mse.
func TestCSVScript(t *testing.T) {
	var buf bytes.Buffer
	in := NewInterp()
	in.Stdout = &buf
	if err := in.Load("../../examples/csv.q"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"matrix: (0 1f;0.1 1.2;0.2 1.4;0.3 1.6;0.4 1.8;0.5 2;0.6 2.2;0.7 2.4)\n",
		"first and last losses: 3.1 1.127773e-11\n",
		"target: 1 1.2 1.4 1.6 1.8 2 2.2 2.4\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, buf.String())
		}
	}
}
