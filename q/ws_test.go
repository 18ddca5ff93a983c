package q

import (
	"runtime"
	"testing"

	"kt/internal/ws"
)

// TestWorkspace runs sizes that cannot exist or do not fit the workspace:
// each is a q error and the session goes on.
func TestWorkspace(t *testing.T) {
	defer ws.SetLimit(ws.SetLimit(256 << 20))
	checkLines(t, New(), []lineCase{
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
		{"0x700fffffff#0x", "'wsfull"},
		{"1000000 1000000 0#\"a\"", "'wsfull"},
		{"0W 2#1", "'limit"},
		{"@[til;0W;{x}]", "\"limit\"\n"},
		{"5#\"ab\"", "\"ababa\"\n"},
		{"-5#`a`b", "`b`a`b`a`b\n"},
		{"-2#1 2 3", "2 3\n"},
		{"x", "42\n"},
	})
}

// lineCase is a console line and what the console prints for it.
type lineCase struct{ line, want string }

// checkLines runs console lines in turn, an error giving its 'text.
func checkLines(t *testing.T, in *Interp, cases []lineCase) {
	t.Helper()
	for _, c := range cases {
		out, err := in.Line(c.line)
		if err != nil {
			out = FormatError(err)
		}
		if out != c.want {
			t.Errorf("%.20s: got %.40q, want %q", c.line, out, c.want)
		}
	}
}

// TestWorkspaceFiles reads files larger than what is left of the
// workspace: get, read1 and the append of a list file are 'wsfull, not a
// heap past the limit, and the next line goes on.
func TestWorkspaceFiles(t *testing.T) {
	t.Chdir(t.TempDir())
	in := New()
	checkLines(t, in, []lineCase{
		{"`:l set (til 400000;til 400000)", "`:l\n"},
		{"`:b 1: 6400000#0x00", "`:b\n"},
	})
	runtime.GC()
	defer ws.SetLimit(ws.SetLimit(ws.Used() + 2<<20))
	checkLines(t, in, []lineCase{
		{"get `:l", "'wsfull"},
		{"count read1 `:b", "'wsfull"},
		{"(hopen `:l) enlist 1", "'wsfull"},
		{"1+1", "2\n"},
	})
}
