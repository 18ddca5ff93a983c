// Command kt is a q console with PyTorch's loss modules.
//
// Usage:
//
//	kt [file.q] [-e] [-p port] [-u|-U file] [-T s] [-t ms] [-w MB] [-s n]
//	   [-S seed] [-P n] [-c r c] [-C r c] [-e 0|1|2] [-g 0|1] [-o hours] [-q] [args...]
//
// kt loads file.q if given (its values are not shown), then reads q from
// standard input. At a terminal it prompts with q) and offers line editing
// and history; otherwise it evaluates each line and prints what the q
// console would, flushing the output after each line, so that kt can serve
// a program that writes a line and waits for its answer. A line with an
// open bracket or string continues on the next. With -e each input line
// is echoed behind q) before its output, so that kt -e < script.q prints a
// transcript. \\ exits.
//
// The options are q's (docs/basics/cmdline.md): -p listens for kdb+
// clients (on the loopback unless host:port names an address; a listening
// kt goes on serving when its input ends), -u and -U read a password file, -T bounds a client's message,
// -t starts the timer (.z.ts), -P sets the display precision, -c the
// console size, -C the HTTP view's, -S the seed of ?, -s the secondary
// threads, -e 0|1|2 the error-trap mode, -g the garbage collection mode,
// -o the offset of local time; -q is quiet. -w sets the workspace limit in
// MB: an allocation past it is the error 'wsfull and the session goes on;
// the default is half of the machine's physical memory, or of the
// address-space limit (ulimit -v) where that is lower; -w 0 is no limit.
// q's options that kt cannot honour (-b -E -l -L -m -r) are refused; any
// other argument is the script's, in .z.x.
//
// SIGTERM and SIGHUP end the session as exit 0 does: a line or message
// being evaluated is stopped ('stop, as Ctrl-C), then .z.exit runs, the
// output is flushed and the terminal restored.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/chzyer/readline"

	"kt/internal/stop"
	"kt/internal/ws"
	"kt/k"
	"kt/q"
)

func main() {
	o, args, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "kt:", err)
		os.Exit(2)
	}
	ws.SetLimit(o.wsMB << 20)
	os.Exit(run(args, o))
}

// console is one session: the interpreter, its buffered output and the
// lock that a signal's exit takes so that it never runs inside a line.
type console struct {
	mu  sync.Mutex
	in  *q.Interp
	out *bufio.Writer
	// term is the terminal's state before line editing, restored on exit.
	term *readline.State
	// traces shows where an error happened under it, as q 4's console
	// does (at a terminal: piped input gets the error line alone).
	traces bool
	// quitting is set by SIGTERM or SIGHUP: the line running then is
	// stopped, and no other starts.
	quitting atomic.Bool
}

// run is the console: it returns the process's exit code.
func run(args []string, o options) int {
	c := &console{in: NewInterp(), out: bufio.NewWriter(os.Stdout)}
	c.in.Stdout = c.out
	c.settings(o)
	if err := c.listen(o); err != nil {
		fmt.Fprintln(os.Stderr, "kt:", err)
		return 1
	}
	go c.serve()
	var ticking sync.Once
	c.in.TimerSet = func() { ticking.Do(func() { go c.tick() }) }
	if o.timer > 0 {
		c.in.TimerSet()
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sig)
	go func() {
		if _, ok := <-sig; ok {
			c.quitting.Store(true)
			stop.Request()
			c.mu.Lock()  // held to the end: no line runs after this
			stop.Clear() // for .z.exit
			os.Exit(c.exitLocked(0))
		}
	}()
	c.mu.Lock()
	if len(args) > 0 {
		if err := c.in.Load(args[0]); err != nil {
			if code, ok := exitCode(err); ok {
				c.mu.Unlock()
				return c.exit(code)
			}
			fmt.Fprintln(c.out, q.FormatError(err))
			io.WriteString(c.out, c.in.Trace())
		}
	}
	c.out.Flush()
	c.mu.Unlock()
	if readline.IsTerminal(int(os.Stdin.Fd())) {
		return c.interactive()
	}
	return c.batch(os.Stdin, o.echo)
}

// settings gives the session the command line's settings.
func (c *console) settings(o options) {
	in := c.in
	if o.console[0] > 0 {
		in.Printer.Rows, in.Printer.Cols = o.console[0], o.console[1]
	}
	if o.precision >= 0 {
		in.Printer.Precision = o.precision
	}
	if o.seedSet {
		in.Seed(o.seed)
	}
	s := &in.Settings
	s.Timer, s.ErrorTrap, s.GCMode, s.Offset = o.timer, o.errorTrap, o.gcMode, o.offset
	s.Secondary, s.Quiet = o.secondary, o.quiet
	s.HTTPConsol = [2]int64{int64(o.http[0]), int64(o.http[1])}
	s.Args, s.Raw, s.File = o.args, o.raw, o.file
	if s.Args == nil {
		s.Args = []string{}
	}
}

// tick fires the timer: .z.ts every \t milliseconds, in turn with console
// lines and clients' messages. An error in .z.ts is shown and the session
// goes on.
func (c *console) tick() {
	for {
		c.mu.Lock()
		ms := c.in.Settings.Timer
		c.mu.Unlock()
		if ms <= 0 {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		time.Sleep(time.Duration(ms) * time.Millisecond)
		c.mu.Lock()
		if c.in.Settings.Timer > 0 {
			if err := c.in.Timer(); err != nil {
				if code, ok := exitCode(err); ok {
					os.Exit(c.exitLocked(code))
				}
				fmt.Fprintln(c.out, q.FormatError(err))
			}
			c.out.Flush()
		}
		c.mu.Unlock()
	}
}

// listen sets up the server from the options: the password file, the
// timeout and the port.
func (c *console) listen(o options) error {
	c.in.Timeout = time.Duration(o.timeout) * time.Second
	c.in.CompressLocal = o.compress
	if o.users != "" || o.restrict {
		if err := c.in.SetUsers(o.users, o.restrict); err != nil {
			return err
		}
	}
	if o.port != "" {
		return c.in.Listen(o.port)
	}
	return nil
}

// serve hands each event of the interpreter's connections to it, one at
// a time, between console lines: one interpreter answers every client
// in the order their messages arrive.
func (c *console) serve() {
	for ev := range c.in.Events() {
		c.mu.Lock()
		err := c.in.Serve(ev)
		c.out.Flush()
		if code, ok := exitCode(err); ok {
			os.Exit(c.exitLocked(code))
		}
		c.mu.Unlock()
	}
}

// exit runs .z.exit with the exit code, flushes the output and restores
// the terminal; it returns the code.
func (c *console) exit(code int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.exitLocked(code)
}

// exitLocked is exit with c.mu held.
func (c *console) exitLocked(code int) int {
	if f, ok := c.in.Get(".z.exit"); ok {
		if _, err := c.in.Apply(f, k.Long(code)); err != nil {
			fmt.Fprintln(c.out, q.FormatError(err))
			io.WriteString(c.out, c.in.Trace())
		}
	}
	c.out.Flush()
	if c.term != nil {
		readline.Restore(int(os.Stdin.Fd()), c.term)
	}
	return code
}

// exitCode reports whether err asks the console to exit, and with what code.
func exitCode(err error) (int, bool) {
	var e *q.ExitError
	if errors.As(err, &e) {
		return e.Code, true
	}
	return 0, false
}

// evalLine evaluates one line, printing its value or its error to w and
// flushing the output; Ctrl-C stops a long evaluation, in the interpreter
// or in an engine kernel, with 'stop.
func (c *console) evalLine(line string, w io.Writer) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.out.Flush()
	if c.quitting.Load() {
		return 0, false // the session is ending: the signal's goroutine waits for the lock
	}
	ctx, done := interruptible()
	c.in.Ctx = ctx
	s, err := c.in.Line(line)
	c.in.Ctx = nil
	done()
	if err != nil {
		if code, ok := exitCode(err); ok {
			return code, true
		}
		if err == q.Aborted {
			return 0, false // the debugger was left with \
		}
		fmt.Fprintln(w, q.FormatError(err))
		if c.traces {
			io.WriteString(w, c.in.Trace())
		}
		return 0, false
	}
	io.WriteString(w, s)
	return 0, false
}

// interruptible returns a context that SIGINT cancels, also asking the
// engine's kernels to stop, and the function that ends it. Once that has
// returned no request from this line is left over for the next.
func interruptible() (context.Context, func()) {
	stop.Clear()
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	end := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-sig:
			stop.Request()
			cancel()
		case <-end:
		}
	}()
	return ctx, func() {
		signal.Stop(sig)
		close(end)
		wg.Wait()
		cancel()
		stop.Clear()
	}
}

// batch evaluates each line of r, as the console does for piped input,
// writing each answer before it reads the next line.
func (c *console) batch(r io.Reader, echo bool) int {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	pending := ""
	for sc.Scan() {
		line := sc.Text()
		if echo {
			if pending == "" {
				fmt.Fprintf(c.out, "q)%s\n", line)
			} else {
				fmt.Fprintf(c.out, "%s\n", line)
			}
		}
		if pending != "" {
			line = pending + "\n" + line
		}
		if q.Incomplete(line) && !strings.HasPrefix(line, "\\") {
			pending = line // an open bracket or string: read on
			continue
		}
		pending = ""
		if code, exit := c.evalLine(line, c.out); exit {
			return c.exit(code)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		c.exit(1)
		return 1
	}
	if pending != "" {
		// input ended inside an open bracket or string: q's error for it
		if code, exit := c.evalLine(pending, c.out); exit {
			return c.exit(code)
		}
	}
	c.mu.Lock()
	listening := c.in.Listening()
	c.mu.Unlock()
	if listening {
		select {} // the end of input ends no server: clients, \\ or a signal do
	}
	return c.exit(0)
}

// interactive is the console at a terminal, with line editing and history.
func (c *console) interactive() int {
	if st, err := readline.GetState(int(os.Stdin.Fd())); err == nil {
		c.term = st
	}
	c.in.Stdout = os.Stdout
	c.traces = true
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
	c.in.Debugger = func(s *q.Suspension) (k.V, error) { return c.debug(rl, s) }
	pending := ""
	for {
		line, err := rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			pending = ""
			rl.SetPrompt("q)")
			continue
		}
		if err != nil { // end of input
			return c.exit(0)
		}
		if pending != "" {
			line = pending + "\n" + line
		}
		if q.Incomplete(line) && !strings.HasPrefix(line, "\\") {
			pending = line // an open bracket or string: read on
			rl.SetPrompt("")
			continue
		}
		pending = ""
		rl.SetPrompt("q)")
		if code, exit := c.evalLine(line, os.Stdout); exit {
			return c.exit(code)
		}
	}
}

// debug is the console's debugger: an error inside a function shows it
// and its place, then reads lines at q)) in the function's frame until
// :e resumes with e as the result of the failed operation, 'e signals e
// instead, or \ abandons the line (docs/basics/debug.md). ` and . move up
// and down the stack (lines then run in that frame), & shows where it is.
func (c *console) debug(rl *readline.Instance, s *q.Suspension) (k.V, error) {
	fmt.Fprintln(os.Stdout, q.FormatError(s.Err))
	io.WriteString(os.Stdout, s.Trace)
	rl.SetPrompt("q))")
	defer rl.SetPrompt("q)")
	for {
		line, err := rl.Readline()
		if err != nil {
			return nil, q.Aborted
		}
		switch t := strings.TrimSpace(line); {
		case t == "\\":
			return nil, q.Aborted
		case t == "`":
			io.WriteString(os.Stdout, s.Up())
		case t == ".":
			io.WriteString(os.Stdout, s.Down())
		case t == "&":
			io.WriteString(os.Stdout, s.Where())
		case strings.HasPrefix(t, ":"):
			v, err := s.Value(t[1:])
			if err != nil {
				fmt.Fprintln(os.Stdout, q.FormatError(err))
				continue
			}
			return v, nil
		case strings.HasPrefix(t, "'"):
			return nil, k.Err(strings.TrimSpace(t[1:]))
		default:
			out, err := s.Line(line)
			if err != nil {
				if _, ok := exitCode(err); ok {
					return nil, err
				}
				fmt.Fprintln(os.Stdout, q.FormatError(err))
				continue
			}
			io.WriteString(os.Stdout, out)
		}
	}
}
