package q

import (
	"fmt"
	"kt/internal/ws"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"kt/internal/stop"
	"kt/k"
)

// ExitError asks the console to exit (\\ or exit n).
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return "exit " + strconv.Itoa(e.Code) }

// Line evaluates one console line and returns what the console prints for
// its value: nothing for an assignment, a line ending in ;, a comment or
// ::. Output of show, 0N! and -1 goes to Stdout as it happens. A line
// starting with \ is a system command; \\ returns an *ExitError.
//
// A fault inside the interpreter (a bug, never an outcome of q's own
// rules) is returned as the error 'kt: ... rather than ending the session,
// so that no typed line loses the session's values.
func (in *Interp) Line(src string) (out string, err error) {
	defer guard(&err)
	defer settle(&out, &err)
	defer stop.Watch(in.Ctx)()
	in.steps, in.depth = 0, 0
	in.trace, in.suspended, in.trapping = nil, false, 0
	src = strings.TrimRight(src, "\r\n")
	if pi, ok := in.globals[".z.pi"]; ok && !strings.HasPrefix(src, "\\") {
		// the input handler: .z.pi gets the line; a string it returns
		// is printed as it is
		v, err := in.apply(pi, []k.V{k.Chars(src)})
		if err != nil {
			return "", err
		}
		if s, ok := v.(k.Chars); ok {
			return string(s), nil
		}
		if k.IsNil(v) {
			return "", nil
		}
		return in.show(v)
	}
	return in.lineIn(src, nil)
}

// lineIn evaluates one console line, in frame fr (nil: the top level, as
// the console; a suspended function's, as the debugger), and returns its
// display.
func (in *Interp) lineIn(src string, fr *frame) (string, error) {
	if strings.HasPrefix(src, "\\") {
		v, err := in.System(src[1:])
		if err != nil || v == nil {
			return "", err
		}
		return in.show(v)
	}
	st, err := Parse(src)
	if err != nil {
		return "", err
	}
	var v k.V
	if fr == nil {
		v, err = in.run(st)
	} else {
		v, err = in.runIn(st, fr)
	}
	if err != nil {
		return "", err
	}
	if len(st) == 0 || st[len(st)-1].Quiet {
		return "", nil
	}
	return in.show(v)
}

// show is the console's display of v, or 'stack if v nests too deep to
// display.
func (in *Interp) show(v k.V) (string, error) {
	if err := k.CheckNest(v); err != nil {
		return "", err
	}
	return in.Printer.Show(v), nil
}

// string1 is v in one line, as -3! and .Q.s1 give it, or 'stack.
func (in *Interp) string1(v k.V) (string, error) {
	if err := k.CheckNest(v); err != nil {
		return "", err
	}
	return in.Printer.String1(v), nil
}

// System runs a system command given without its backslash: P, c, t, ts,
// l, \ ...
func (in *Interp) System(cmd string) (k.V, error) {
	cmd = strings.TrimSpace(cmd)
	name, arg, _ := strings.Cut(cmd, " ")
	arg = strings.TrimSpace(arg)
	switch {
	case in.restricted():
		return nil, k.Err("access")
	case cmd == "\\" || cmd == "":
		return nil, &ExitError{}
	case name == "P":
		if arg == "" {
			return k.Int(in.Printer.Precision), nil
		}
		n, err := strconv.Atoi(arg)
		if err != nil || n < 0 {
			return nil, k.ErrDomain
		}
		if n > 17 {
			n = 17
		}
		in.Printer.Precision = n
		return nil, nil
	case name == "c":
		if arg == "" {
			return k.Ints{int32(in.Printer.Rows), int32(in.Printer.Cols)}, nil
		}
		f := strings.Fields(arg)
		if len(f) != 2 {
			return nil, k.ErrLength
		}
		r, err1 := strconv.Atoi(f[0])
		c, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || r < 10 || c < 10 {
			return nil, k.ErrDomain
		}
		in.Printer.Rows, in.Printer.Cols = r, min(c, 2000)
		return nil, nil
	case name == "t" && (arg == "" || isDigits(arg)):
		v, _, err := in.moreSystem(name, arg)
		return v, err
	case name == "t" || name == "ts" || strings.HasPrefix(name, "t:") || strings.HasPrefix(name, "ts:"):
		return in.timeIt(name, arg)
	case name == "d":
		return in.changeDir(arg)
	case name == "v" || name == "f" || name == "a":
		return in.varsOf(name[0], arg)
	case name == "b" || name == "B":
		return k.Syms{}, nil
	case name == "S":
		if arg == "" {
			return k.Long(in.rngOf().seed), nil
		}
		n, err := strconv.ParseInt(arg, 10, 64)
		if err != nil {
			return nil, k.ErrType
		}
		in.Seed(n)
		return nil, nil
	case name == "w":
		return setWorkspace(arg)
	case name == "p" || name == "T":
		v, err, _ := in.netSystem(name, arg)
		return v, err
	case name == "l":
		if arg == "" {
			return nil, k.ErrLength
		}
		if st, err := os.Stat(arg); err == nil && st.IsDir() {
			return nil, in.loadDir(arg)
		}
		return nil, in.Load(arg)
	}
	if v, ok, err := in.moreSystem(name, arg); ok {
		return v, err
	}
	switch name {
	case "p", "u", "r":
		return nil, k.Err("nyi: \\" + name)
	}
	// anything else is a command of the OS shell, as in q
	if in.Confined {
		return nil, k.Err("access")
	}
	return shell(cmd)
}

// isDigits reports whether s is a whole number.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// workspace is \w's memory use: bytes used, heap, peak, the workspace
// limit (-w), mapped (0: kt maps no files) and physical memory.
func workspace() k.Longs {
	return k.Longs{ws.Used(), ws.Heap(), ws.Peak(), ws.Limit(), 0, ws.Physical()}
}

// setWorkspace is \w [MB]: the memory use, or a new workspace limit in
// MB (0: none), answered in bytes.
func setWorkspace(arg string) (k.V, error) {
	if arg == "" {
		return workspace(), nil
	}
	mb, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || mb < 0 {
		return nil, k.ErrDomain
	}
	if mb > 1<<26 {
		return nil, k.Err("limit")
	}
	ws.SetLimit(mb << 20)
	return k.Long(ws.Limit()), nil
}

// timeIt is \t[:n] expr and \ts[:n] expr: milliseconds (and bytes
// allocated) to evaluate expr n times.
func (in *Interp) timeIt(name, expr string) (k.V, error) {
	n := 1
	if _, rep, ok := strings.Cut(name, ":"); ok {
		v, err := strconv.Atoi(rep)
		if err != nil || v < 0 {
			return nil, k.ErrDomain
		}
		n = v
	}
	st, err := Parse(expr)
	if err != nil {
		return nil, err
	}
	var m0, m1 runtime.MemStats
	space := strings.HasPrefix(name, "ts")
	if space {
		runtime.ReadMemStats(&m0)
	}
	start := time.Now()
	for range n {
		if _, err := in.run(st); err != nil {
			return nil, err
		}
	}
	ms := k.Long(time.Since(start).Milliseconds())
	if space {
		runtime.ReadMemStats(&m1)
		return k.Longs{int64(ms), int64(m1.TotalAlloc - m0.TotalAlloc)}, nil
	}
	return ms, nil
}

// Load runs a script file: its values are not shown. A relative path is
// taken from the current directory.
func (in *Interp) Load(path string) error {
	b, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return k.Err(path + ": " + "No such file or directory")
	}
	return in.script(string(b), path)
}

// Script runs q source as a script: lines that start with white space
// continue the line before, as do lines inside open brackets; / alone on
// a line opens a comment block that \ alone closes; \ alone elsewhere
// ends the script; lines starting with \ are system commands.
func (in *Interp) Script(src string) error { return in.script(src, "") }

// script runs a script read from file (or "" for none); an error's
// trace gives the file and line.
func (in *Interp) script(src, file string) error {
	for _, c := range scriptChunks(src) {
		in.steps, in.depth = 0, 0
		if strings.HasPrefix(c.text, "\\") {
			if _, err := in.System(c.text[1:]); err != nil {
				return err
			}
			continue
		}
		if err := in.evalChunk(c.text, file, c.line); err != nil {
			return err
		}
	}
	return nil
}

// evalChunk evaluates one unit of a script that starts at line of file.
func (in *Interp) evalChunk(src, file string, line int) (err error) {
	defer guard(&err)
	st, err := Parse(src)
	if err != nil {
		return err
	}
	for _, s := range st {
		if s.Spots != nil {
			s.Spots.File, s.Spots.Line = file, line
		}
	}
	_, err = in.run(st)
	return err
}

// ScriptChunks splits a script into the units the console evaluates one
// at a time: lines joined with their continuation lines, comments and
// blank lines removed.
func ScriptChunks(src string) []string {
	var out []string
	for _, c := range scriptChunks(src) {
		out = append(out, c.text)
	}
	return out
}

// chunk is one unit of a script and the line (from 1) it starts on.
type chunk struct {
	text string
	line int
}

func scriptChunks(src string) []chunk {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var out []chunk
	var cur []string
	depth, first := 0, 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, chunk{strings.Join(cur, "\n"), first})
			cur, depth = nil, 0
		}
	}
	inBlock := false
	for ln, line := range lines {
		trim := strings.TrimRight(line, " \t")
		switch {
		case inBlock:
			if trim == "\\" {
				inBlock = false
			}
			continue
		case trim == "/" && depth <= 0:
			flush()
			inBlock = true
			continue
		case trim == "\\" && depth <= 0:
			flush()
			return out
		}
		cont := len(cur) > 0 && (depth > 0 || line != "" && (line[0] == ' ' || line[0] == '\t'))
		if !cont {
			flush()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "/") {
				continue
			}
		}
		if len(cur) == 0 {
			first = ln + 1
		}
		cur = append(cur, line)
		depth += bracketDepth(line)
	}
	flush()
	return out
}

// bracketDepth is the net count of opening brackets on a line, outside
// strings and a trailing comment.
func bracketDepth(line string) int {
	d, _ := openBrackets(line)
	return d
}

// FormatError is how the console prints an error: 'msg.
func FormatError(err error) string {
	if e, ok := err.(*k.Error); ok {
		return "'" + e.Msg
	}
	return "'" + fmt.Sprint(err)
}

// Incomplete reports whether console input src still has an open bracket,
// brace or parenthesis, or an open string: the console then reads the
// next line into the same expression, as q does for a lambda typed over
// several lines. Input nested deeper than any expression can be is not
// waited on: it is evaluated, and answers 'stack.
func Incomplete(src string) bool {
	d, inStr := openBrackets(src)
	return d > 0 && d <= k.MaxNest || inStr
}

// openBrackets is the net count of brackets src opens, outside strings
// and comments, and whether it ends inside a string. Past k.MaxNest it
// stops counting.
func openBrackets(src string) (d int, inStr bool) {
	for _, line := range strings.Split(src, "\n") {
		for i := 0; i < len(line); i++ {
			c := line[i]
			if inStr {
				if c == '\\' {
					i++
				} else if c == '"' {
					inStr = false
				}
				continue
			}
			switch c {
			case '"':
				inStr = true
			case '(', '[', '{':
				if d++; d > k.MaxNest {
					return d, false
				}
			case ')', ']', '}':
				d--
			case '/':
				if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
					i = len(line) // a comment to the end of the line
				}
			}
		}
	}
	return d, inStr
}
