package main

import (
	"fmt"
	"strconv"
	"strings"

	"kt/internal/ws"
)

// options are kt's command line: q's options (docs/basics/cmdline.md)
// where kt honours them, and kt's own -e (echo) and -compress.
type options struct {
	echo      bool
	wsMB      int64
	port      string // -p: host:port or port, "" for none
	users     string // -u or -U: the password file
	restrict  bool   // -u: remote system commands and files are 'access
	timeout   int    // -T: seconds a client's message may take
	compress  bool   // compress to loopback peers too
	console   [2]int // -c: rows and columns
	http      [2]int // -C: rows and columns of the HTTP view
	errorTrap int64  // -e 0|1|2
	gcMode    int64  // -g
	offset    int64  // -o: hours from UTC (0N: the system's)
	precision int    // -P: display precision (-1: the default)
	quiet     bool   // -q
	secondary int64  // -s
	seed      int64  // -S
	seedSet   bool
	timer     int64 // -t: timer ticks in ms
	file      string
	args      []string // .z.x: what kt does not read itself
	raw       []string // .z.X
}

// usage is the command line's synopsis.
const usage = "usage: kt [file.q] [-e] [-p port] [-u|-U file] [-T s] [-t ms] [-w MB] [-s n] [-S seed] [-P n] [-c r c] [-C r c] [-e 0|1|2] [-g 0|1] [-o hours] [-q] [args...]"

// refused are q's options that kt cannot honour: an error says so, not a
// silent ignore.
var refused = map[string]string{
	"b": "-b (blocked writes)", "E": "-E (TLS)", "l": "-l (log updates)", "L": "-L (log sync)",
	"m": "-m (memory domain)", "r": "-r (replicate)",
}

// parseFlags reads a command line as q does: the script first if given,
// then q's single-letter options with their values; every other argument
// (and its values) is left for the script in .z.x.
func parseFlags(argv []string) (options, []string, error) {
	o := options{wsMB: ws.Default() >> 20, offset: nullLong, precision: -1, http: [2]int{36, 2000}}
	o.raw = append([]string{"kt"}, argv...)
	var script []string
	i := 0
	if len(argv) > 0 && !strings.HasPrefix(argv[0], "-") {
		o.file = argv[0]
		script = []string{argv[0]}
		i = 1
	}
	next := func(name string) (string, error) {
		if i+1 >= len(argv) {
			return "", fmt.Errorf("-%s: a value is missing", name)
		}
		i++
		return argv[i], nil
	}
	num := func(name string, lo, hi int64) (int64, error) {
		s, err := next(name)
		if err != nil {
			return 0, err
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < lo || n > hi {
			return 0, fmt.Errorf("-%s: %q is not a number from %d to %d", name, s, lo, hi)
		}
		return n, nil
	}
	pair := func(name string) ([2]int, error) {
		r, err := num(name, 10, 2000)
		if err != nil {
			return [2]int{}, err
		}
		c, err := num(name, 10, 2000)
		return [2]int{int(r), int(c)}, err
	}
	for ; i < len(argv); i++ {
		a := argv[i]
		name, ok := strings.CutPrefix(a, "-")
		if !ok || name == "" {
			if o.file == "" && (strings.HasSuffix(a, ".q") || strings.HasSuffix(a, ".k")) {
				// a script after kt's own options (kt -e file.q)
				o.file = a
				script = []string{a}
				continue
			}
			o.args = append(o.args, a)
			continue
		}
		if what, no := refused[name]; no {
			return o, nil, fmt.Errorf("%s is not supported by kt", what)
		}
		var err error
		var n int64
		switch name {
		case "e":
			// -e 0|1|2 is q's error-trap mode; -e alone is kt's echo
			if i+1 < len(argv) && len(argv[i+1]) == 1 && argv[i+1][0] >= '0' && argv[i+1][0] <= '2' {
				o.errorTrap, err = num(name, 0, 2)
			} else {
				o.echo = true
			}
		case "compress":
			o.compress = true
		case "q":
			o.quiet = true
		case "w":
			o.wsMB, err = num(name, 0, 1<<26)
		case "p":
			o.port, err = next(name)
		case "u":
			var f string
			if f, err = next(name); err == nil {
				o.restrict = true
				if f != "1" {
					o.users = f
				}
			}
		case "U":
			o.users, err = next(name)
		case "T":
			n, err = num(name, 0, 1<<31)
			o.timeout = int(n)
		case "t":
			o.timer, err = num(name, 0, 1<<31)
		case "s":
			o.secondary, err = num(name, -1<<16, 1<<16)
		case "S":
			o.seed, err = num(name, -1<<62, 1<<62)
			o.seedSet = true
		case "P":
			n, err = num(name, 0, 17)
			o.precision = int(n)
		case "g":
			o.gcMode, err = num(name, 0, 1)
		case "o":
			o.offset, err = num(name, -24, 24)
		case "c":
			o.console, err = pair(name)
		case "C":
			o.http, err = pair(name)
		default:
			// not kt's: the script's, with the values that follow it
			o.args = append(o.args, a)
			for i+1 < len(argv) && !strings.HasPrefix(argv[i+1], "-") {
				i++
				o.args = append(o.args, argv[i])
			}
		}
		if err != nil {
			return o, nil, err
		}
	}
	return o, script, nil
}

// nullLong is q's long null, the default of -o (the system's offset).
const nullLong = -1 << 63
