package q

import (
	"testing"

	"kt/internal/ws"
)

// TestWorkspace runs sizes that cannot exist or do not fit the workspace:
// each is a q error and the session goes on.
func TestWorkspace(t *testing.T) {
	defer ws.SetLimit(ws.SetLimit(256 << 20))
	in := New()
	for _, c := range []struct{ line, want string }{
		{"x:42", ""},
		{"til 10000000000", "'wsfull"},
		{"10000000000#0", "'wsfull"},
		{"1000000000#\"a\"", "'wsfull"},
		{"1000000 1000000#0", "'wsfull"},
		{"{x,x}/[40;1]", "'wsfull"},
		{"where 0W", "'limit"},
		{"key 0Wi", "'wsfull"},
		{"0W#x", "'limit"},
		{"-0W#1 2", "'limit"},
		{"til 0W", "'limit"},
		{"2 0W#1", "'limit"},
		{"0W 2#1", "'limit"},
		{"@[til;0W;{x}]", "\"limit\"\n"},
		{"5#\"ab\"", "\"ababa\"\n"},
		{"-5#`a`b", "`b`a`b`a`b\n"},
		{"-2#1 2 3", "2 3\n"},
		{"x", "42\n"},
	} {
		out, err := in.Line(c.line)
		if err != nil {
			out = FormatError(err)
		}
		if out != c.want {
			t.Errorf("%s: got %q, want %q", c.line, out, c.want)
		}
	}
}
