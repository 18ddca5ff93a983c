// Command kt is a q console with PyTorch's loss modules.
//
// Usage:
//
//	kt [-e] [file.q]
//
// kt loads file.q if given (its values are not shown), then reads q from
// standard input. At a terminal it prompts with q) and offers line editing
// and history; otherwise it evaluates each line and prints what the q
// console would. With -e each input line is echoed behind q) before its
// output, so that kt -e < script.q prints a transcript. \\ exits.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/chzyer/readline"

	"kt/q"
)

func main() {
	echo := flag.Bool("e", false, "echo each input line behind q) before its output (non-terminal input)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: kt [-e] [file.q]")
		flag.PrintDefaults()
	}
	flag.Parse()
	os.Exit(run(flag.Args(), *echo))
}

// run is the console: it returns the process's exit code.
func run(args []string, echo bool) int {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	in := NewInterp()
	in.Stdout = out
	if len(args) > 0 {
		if err := in.Load(args[0]); err != nil {
			if code, ok := exitCode(err); ok {
				return code
			}
			fmt.Fprintln(out, q.FormatError(err))
		}
	}
	if readline.IsTerminal(int(os.Stdin.Fd())) {
		out.Flush()
		in.Stdout = os.Stdout
		return interactive(in)
	}
	return batch(in, os.Stdin, out, echo)
}

// exitCode reports whether err asks the console to exit, and with what code.
func exitCode(err error) (int, bool) {
	var e *q.ExitError
	if errors.As(err, &e) {
		return e.Code, true
	}
	return 0, false
}

// evalLine evaluates one line, printing its value or its error; Ctrl-C
// stops a long evaluation.
func evalLine(in *q.Interp, line string, w io.Writer) (int, bool) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	in.Ctx = ctx
	s, err := in.Line(line)
	in.Ctx = nil
	if err != nil {
		if code, ok := exitCode(err); ok {
			return code, true
		}
		fmt.Fprintln(w, q.FormatError(err))
		return 0, false
	}
	io.WriteString(w, s)
	return 0, false
}

// batch evaluates each line of r, as the console does for piped input.
func batch(in *q.Interp, r io.Reader, w *bufio.Writer, echo bool) int {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	for sc.Scan() {
		line := sc.Text()
		if echo {
			fmt.Fprintf(w, "q)%s\n", line)
		}
		if code, exit := evalLine(in, line, w); exit {
			return code
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// interactive is the console at a terminal, with line editing and history.
func interactive(in *q.Interp) int {
	cfg := &readline.Config{Prompt: "q)"}
	if home, err := os.UserHomeDir(); err == nil {
		cfg.HistoryFile = filepath.Join(home, ".kt_history")
	}
	rl, err := readline.NewEx(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer rl.Close()
	for {
		line, err := rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			continue
		}
		if err != nil { // end of input
			return 0
		}
		if code, exit := evalLine(in, line, os.Stdout); exit {
			return code
		}
	}
}
