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
	in.steps, in.depth = 0, 0
	src = strings.TrimRight(src, "\r\n")
	if strings.HasPrefix(src, "\\") {
		v, err := in.System(src[1:])
		if err != nil || v == nil {
			return "", err
		}
		return in.Printer.Show(v), nil
	}
	st, err := Parse(src)
	if err != nil {
		return "", err
	}
	v, err := in.run(st)
	if err != nil {
		return "", err
	}
	if len(st) == 0 || st[len(st)-1].Quiet {
		return "", nil
	}
	return in.Printer.Show(v), nil
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
	case name == "t" || name == "ts" || strings.HasPrefix(name, "t:") || strings.HasPrefix(name, "ts:"):
		return in.timeIt(name, arg)
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
	return nil, k.ErrNYI
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
	return in.Script(string(b))
}

// Script runs q source as a script: lines that start with white space
// continue the line before, as do lines inside open brackets; / alone on
// a line opens a comment block that \ alone closes; \ alone elsewhere
// ends the script; lines starting with \ are system commands.
func (in *Interp) Script(src string) error {
	for _, chunk := range ScriptChunks(src) {
		in.steps, in.depth = 0, 0
		if strings.HasPrefix(chunk, "\\") {
			if _, err := in.System(chunk[1:]); err != nil {
				return err
			}
			continue
		}
		if _, err := in.Eval(chunk); err != nil {
			return err
		}
	}
	return nil
}

// ScriptChunks splits a script into the units the console evaluates one
// at a time: lines joined with their continuation lines, comments and
// blank lines removed.
func ScriptChunks(src string) []string {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var out []string
	var cur []string
	depth := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur, depth = nil, 0
		}
	}
	inBlock := false
	for _, line := range lines {
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
		cur = append(cur, line)
		depth += bracketDepth(line)
	}
	flush()
	return out
}

// bracketDepth is the net count of opening brackets on a line, outside
// strings and comments.
func bracketDepth(line string) int {
	d := 0
	inStr := false
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
			d++
		case ')', ']', '}':
			d--
		case '/':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
				return d
			}
		}
	}
	return d
}

// FormatError is how the console prints an error: 'msg.
func FormatError(err error) string {
	if e, ok := err.(*k.Error); ok {
		return "'" + e.Msg
	}
	return "'" + fmt.Sprint(err)
}
