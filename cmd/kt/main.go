// Command kt is a q console with PyTorch's loss modules.
//
// Usage:
//
//	kt [-e] [-w MB] [-p port] [-u|-U file] [-T seconds] [file.q]
//
// kt loads file.q if given (its values are not shown), then reads q from
// standard input. At a terminal it prompts with q) and offers line editing
// and history; otherwise it evaluates each line and prints what the q
// console would, flushing the output after each line, so that kt can serve
// a program that writes a line and waits for its answer. With -e each
// input line is echoed behind q) before its output, so that kt -e <
// script.q prints a transcript. \\ exits.
//
// -w sets the workspace limit in MB, as q's -w does: an allocation past it
// is the error 'wsfull and the session goes on. The default is half of the
// machine's physical memory, or of the address-space limit (ulimit -v)
// where that is lower; -w 0 is no limit.
//
// -p listens for kdb+ clients on a port (0W: any free one), on the
// loopback unless host:port names an address; -U admits only the users of
// a password file, -u as well refuses clients' system commands; -T bounds
// each client's message in seconds. A listening kt goes on serving when
// its input ends. See the README.
//
// SIGTERM and SIGHUP end the session as exit 0 does, once the current line
// is done: .z.exit runs, the output is flushed and the terminal restored.
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
	"sync"
	"syscall"
	"time"

	"github.com/chzyer/readline"

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

// options are kt's command-line flags, q's where q has one.
type options struct {
	echo     bool
	wsMB     int64
	port     string // -p: host:port or port, "" for none
	users    string // -u or -U: the password file
	restrict bool   // -u: remote system commands and files are 'access
	timeout  int    // -T: seconds a client's message may take
	compress bool   // compress to loopback peers too
}

// parseFlags reads the command line: the options, then the script and
// its arguments.
func parseFlags(argv []string) (options, []string, error) {
	var o options
	fs := flag.NewFlagSet("kt", flag.ContinueOnError)
	fs.BoolVar(&o.echo, "e", false, "echo each input line behind q) before its output (non-terminal input)")
	fs.Int64Var(&o.wsMB, "w", ws.Default()>>20, "workspace limit in MB (0: none); past it a value is 'wsfull")
	fs.StringVar(&o.port, "p", "", "listen for kdb+ clients on `port`, 0W (any free port) or host:port; loopback only unless a host is named")
	restrictFile := fs.String("u", "", "password `file` (or 1 for none): as -U, and a client may not run system commands")
	fs.StringVar(&o.users, "U", "", "password `file`: one user:password a line, plain or md5 or sha1 in hex")
	fs.IntVar(&o.timeout, "T", 0, "timeout in `seconds` for each client's message (0: none)")
	fs.BoolVar(&o.compress, "compress", false, "compress messages over 2000 bytes to loopback peers too, as kdb+ does to remote ones")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: kt [-e] [-w MB] [-p port] [-u|-U file] [-T seconds] [file.q]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(argv); err != nil {
		return o, nil, err
	}
	if o.wsMB < 0 || o.wsMB > 1<<26 {
		return o, nil, errors.New("-w: not a size in MB")
	}
	if o.timeout < 0 {
		return o, nil, errors.New("-T: not a number of seconds")
	}
	if *restrictFile != "" {
		o.restrict = true
		if *restrictFile != "1" {
			o.users = *restrictFile
		}
	}
	return o, fs.Args(), nil
}

// console is one session: the interpreter, its buffered output and the
// lock that a signal's exit takes so that it never runs inside a line.
type console struct {
	mu  sync.Mutex
	in  *q.Interp
	out *bufio.Writer
	// term is the terminal's state before line editing, restored on exit.
	term *readline.State
}

// run is the console: it returns the process's exit code.
func run(args []string, o options) int {
	c := &console{in: NewInterp(), out: bufio.NewWriter(os.Stdout)}
	c.in.Stdout = c.out
	if err := c.listen(o); err != nil {
		fmt.Fprintln(os.Stderr, "kt:", err)
		return 1
	}
	go c.serve()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sig)
	go func() {
		if _, ok := <-sig; ok {
			c.mu.Lock() // held to the end: no line runs after this
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
		}
	}
	c.out.Flush()
	c.mu.Unlock()
	if readline.IsTerminal(int(os.Stdin.Fd())) {
		return c.interactive()
	}
	return c.batch(os.Stdin, o.echo)
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
// flushing the output; Ctrl-C stops a long evaluation.
func (c *console) evalLine(line string, w io.Writer) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.out.Flush()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c.in.Ctx = ctx
	s, err := c.in.Line(line)
	c.in.Ctx = nil
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

// batch evaluates each line of r, as the console does for piped input,
// writing each answer before it reads the next line.
func (c *console) batch(r io.Reader, echo bool) int {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	for sc.Scan() {
		line := sc.Text()
		if echo {
			fmt.Fprintf(c.out, "q)%s\n", line)
		}
		if code, exit := c.evalLine(line, c.out); exit {
			return c.exit(code)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		c.exit(1)
		return 1
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
			return c.exit(0)
		}
		if code, exit := c.evalLine(line, os.Stdout); exit {
			return c.exit(code)
		}
	}
}
