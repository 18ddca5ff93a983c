package q

import (
	"bytes"
	"os"
	"os/exec"
	"os/user"
	"runtime"
	"strconv"
	"strings"

	"kt/k"
)

// The session's settings that system commands read and set, the process
// facts of .z, and the OS shell.

// Settings are the values of q's command-line options and the system
// commands that set them.
type Settings struct {
	Timer      int64    // \t and -t: the timer's interval in ms (0: off)
	ErrorTrap  int64    // \e and -e: 0, 1 or 2
	GCMode     int64    // \g and -g
	Offset     int64    // \o and -o: hours from UTC of local time (0N: the system's)
	Week       int64    // \W and -W: start of week, 0 Saturday ... 6 Friday
	Secondary  int64    // \s and -s: secondary threads or processes
	HTTPConsol [2]int64 // \C and -C: rows and columns of the HTTP view
	Quiet      bool     // -q: no banner
	Args       []string // .z.x: the command line after kt's own options
	Raw        []string // .z.X: the whole command line
	File       string   // .z.f: the script kt loaded, if any
}

// defaultSettings are q's defaults.
func defaultSettings() Settings {
	return Settings{Week: 2, Offset: k.NullLong, HTTPConsol: [2]int64{36, 2000}}
}

// setting is a system command that shows or sets one long.
func setting(arg string, p *int64, lo, hi int64) (k.V, error) {
	if arg == "" {
		return k.Long(*p), nil
	}
	n, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		return nil, k.ErrType
	}
	if n < lo || n > hi {
		return nil, k.ErrDomain
	}
	*p = n
	return nil, nil
}

// moreSystem runs the system commands of console.go's System that are
// settings, the working directory, output redirection, expunge and the OS
// shell. ok is false for a name it does not know.
func (in *Interp) moreSystem(name, arg string) (k.V, bool, error) {
	s := &in.Settings
	var v k.V
	var err error
	switch name {
	case "t":
		// \t alone or \t n: the timer (\t expr times expr: timeIt)
		v, err = setting(arg, &s.Timer, 0, 1<<31)
		if err == nil && arg != "" && in.TimerSet != nil {
			in.TimerSet()
		}
	case "e":
		v, err = setting(arg, &s.ErrorTrap, 0, 2)
	case "g":
		v, err = setting(arg, &s.GCMode, 0, 1)
	case "o":
		v, err = setting(arg, &s.Offset, -24, 24)
	case "W":
		v, err = setting(arg, &s.Week, 0, 6)
	case "s":
		if arg != "" {
			return nil, true, k.Err("nyi: \\s n: secondary threads are set on the command line (-s)")
		}
		v = k.Long(s.Secondary)
	case "z":
		if arg != "" && arg != "0" {
			return nil, true, k.Err("nyi: \\z 1 (mm/dd/yyyy dates)")
		}
		v = k.Long(0)
		if arg != "" {
			v = nil
		}
	case "C":
		if arg == "" {
			v = k.Longs{s.HTTPConsol[0], s.HTTPConsol[1]}
			break
		}
		f := strings.Fields(arg)
		if len(f) != 2 {
			return nil, true, k.ErrLength
		}
		r, e1 := strconv.ParseInt(f[0], 10, 64)
		c, e2 := strconv.ParseInt(f[1], 10, 64)
		if e1 != nil || e2 != nil || r < 10 || c < 10 {
			return nil, true, k.ErrDomain
		}
		s.HTTPConsol = [2]int64{r, min(c, 2000)}
	case "cd":
		if arg == "" {
			wd, e := os.Getwd()
			if e != nil {
				return nil, true, k.Err("os: " + e.Error())
			}
			v = k.Chars(wd)
			break
		}
		if e := os.Chdir(arg); e != nil {
			return nil, true, k.Err(arg + ". OS reports: No such file or directory")
		}
	case "x":
		if arg == "" {
			return nil, true, k.ErrLength
		}
		delete(in.globals, in.qualify(arg))
	case "1", "2":
		if arg == "" {
			return nil, true, k.ErrLength
		}
		f, e := os.OpenFile(arg, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if e != nil {
			return nil, true, k.Err(arg + ". OS reports: " + e.Error())
		}
		if name == "1" {
			in.Stdout = f
		} else {
			in.Stderr = f
		}
	case "_":
		return nil, true, k.Err("nyi: \\_ (scripts are not compiled)")
	case "p", "u", "r":
		return nil, false, nil
	default:
		return nil, false, nil
	}
	return v, true, err
}

// shell runs cmd in the OS shell, as q runs an unknown system command: its
// standard output as a list of strings, 'os where it fails.
func shell(cmd string) (k.V, error) {
	c := exec.Command("/bin/sh", "-c", cmd)
	var out, errOut bytes.Buffer
	c.Stdout, c.Stderr = &out, &errOut
	if err := c.Run(); err != nil {
		return nil, k.Err("os")
	}
	text := strings.TrimSuffix(out.String(), "\n")
	if text == "" {
		return k.List{}, nil
	}
	lines := strings.Split(text, "\n")
	r := make(k.List, len(lines))
	for i, l := range lines {
		r[i] = k.Chars(l)
	}
	return r, nil
}

// zValue is the value of a .z name that is a fact of the process or the
// session: .z.i .z.h .z.u .z.o .z.K .z.k .z.x .z.X .z.f .z.q .z.s.
func (in *Interp) zValue(name string, fr *frame) (k.V, bool) {
	switch name {
	case ".z.i":
		return k.Int(os.Getpid()), true
	case ".z.h":
		h, _ := os.Hostname()
		return k.Sym(h), true
	case ".z.u":
		if u, err := user.Current(); err == nil {
			return k.Sym(u.Username), true
		}
		return k.Sym(""), true
	case ".z.o":
		return k.Sym(osName()), true
	case ".z.K":
		return k.Float(Version), true
	case ".z.k":
		return k.Date(k.DaysFrom(ReleaseYear, ReleaseMonth, ReleaseDay)), true
	case ".z.x":
		return stringList(in.Settings.Args), true
	case ".z.X":
		return stringList(in.Settings.Raw), true
	case ".z.f":
		return k.Sym(in.Settings.File), true
	case ".z.q":
		return k.Bool(in.Settings.Quiet), true
	case ".z.s":
		if fr != nil && fr.lam != nil {
			return fr.lam, true
		}
		return nil, false
	}
	return nil, false
}

// The version kt reports as .z.K and .z.k: the kdb+ release whose
// behaviour it follows.
const (
	Version      = 4.1
	ReleaseYear  = 2026
	ReleaseMonth = 12
	ReleaseDay   = 6
)

// osName is q's name of the platform: l64, m64, w64 ...
func osName() string {
	p := map[string]string{"linux": "l", "darwin": "m", "windows": "w", "freebsd": "f", "solaris": "s"}[runtime.GOOS]
	if p == "" {
		p = "l"
	}
	if strings.HasSuffix(runtime.GOARCH, "64") {
		return p + "64"
	}
	return p + "32"
}

// stringList is a list of strings.
func stringList(s []string) k.V {
	r := make(k.List, len(s))
	for i, e := range s {
		r[i] = k.Chars(e)
	}
	return r
}

// envKeywords are getenv, setenv and tables.
func envKeywords() map[string]*Keyword {
	return map[string]*Keyword{
		"tables": unary("tables", func(in *Interp, x k.V) (k.V, error) {
			ns := ""
			switch v := x.(type) {
			case k.Sym:
				if v != "." && v != "" {
					ns = string(v)
				}
			case k.Nil:
			default:
				return nil, k.ErrType
			}
			if ns == "" {
				ns = "."
			}
			return in.varsOf('a', ns)
		}),
		"getenv": unary("getenv", func(in *Interp, x k.V) (k.V, error) {
			s, ok := x.(k.Sym)
			if !ok {
				return nil, k.ErrType
			}
			return k.Chars(os.Getenv(string(s))), nil
		}),
		"setenv": {Name: "setenv", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			s, ok := a[0].(k.Sym)
			v, ok2 := text(a[1])
			if !ok || !ok2 {
				return nil, k.ErrType
			}
			if err := os.Setenv(string(s), v); err != nil {
				return nil, k.Err("os")
			}
			return k.Null, nil
		}},
	}
}

// Timer runs one tick of the timer: .z.ts with the time (.z.P), if
// defined.
func (in *Interp) Timer() error {
	f, ok := in.globals[".z.ts"]
	if !ok {
		return nil
	}
	now, _ := in.clock(".z.P")
	_, err := in.Apply(f, now)
	return err
}
