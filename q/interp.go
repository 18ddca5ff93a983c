package q

import (
	"context"
	"io"
	"os"
	"strings"
	"time"
	"unicode"

	"kt/internal/stop"
	"kt/internal/ws"
	"kt/k"
	"kt/prim"
)

// Interp is a q session: global variables, the console's display settings,
// the keywords and the functions a host has registered. The zero value is
// not ready for use; call New.
type Interp struct {
	// Printer formats values for the console (\P and \c change it).
	Printer *k.Printer
	// Stdout and Stderr receive show, 0N!, -1 and -2 output.
	Stdout, Stderr io.Writer
	// MaxSteps, when positive, bounds the evaluation steps of one call to
	// Eval, Line or Load; past it evaluation stops with 'limit.
	MaxSteps int64
	// MaxDepth bounds the nesting of function calls ('stack past it).
	MaxDepth int
	// MaxItems, when positive, bounds the count of any value a function
	// returns ('limit past it), so a runaway loop cannot exhaust memory.
	MaxItems int
	// Confined, when set, refuses with 'access what reaches outside the
	// process: the commands of the OS shell (\ls, system "ls"),
	// listening on a port (\p) and opening a connection (hopen): for a
	// host that runs programs it did not write, as a fuzz test does.
	Confined bool
	// referenceAmend turns off amend's fast paths (amend_fast.go), for
	// the tests that check them against the reference.
	referenceAmend bool
	// Ctx, when set, stops evaluation with 'stop once it is done.
	Ctx context.Context
	// Settings are the values of the command line's options and of the
	// system commands that set them (\t \T \e \o ...), and .z.x .z.f.
	Settings Settings
	// TimerSet, when set, is called when \t changes the timer, so that a
	// host starts ticking only once there is a timer.
	TimerSet func()
	// Debugger, when set, is offered an error inside a function before
	// the stack unwinds (debug.go): it returns the value to resume with,
	// or the error to go on with. The console sets it at a terminal.
	Debugger func(*Suspension) (k.V, error)
	// Now, when set, is the clock of .z.p and its kin (else time.Now).
	Now func() time.Time
	// Libraries are the host libraries `lib 2:(`fn;rank) loads from: each
	// returns the named function of the given rank, or an error.
	Libraries map[string]func(fn string, rank int) (k.V, error)
	// Timeout bounds the evaluation of one client's message (-T, \T):
	// past it the client gets 'stop. Zero: no bound.
	Timeout time.Duration
	// CompressLocal compresses messages to peers on the loopback too,
	// which kdb+ never does; tests use it.
	CompressLocal bool

	globals  map[string]k.V
	keywords map[string]k.V
	handles  map[int64]string // files hopen opened, by handle
	net      *netState        // the listening port and connections
	steps    int64
	depth    int
	rng      *random
	ns       string     // the current namespace (\d), "" for the root
	trace    *errorSpot // where the last error came from (trace.go)
	top      *SourceMap // the console line's applications
	// calls is the stack of lambdas running, outermost first, each with
	// the application that called it; site and siteFr are the
	// application being made now, and its frame (trace.go).
	calls  []callSite
	site   *k.V
	siteFr *frame
	// susp is the suspension the debugger is at, nil if none.
	susp *Suspension
	// suspended is set while the debugger has a function suspended;
	// trapping counts the traps under way, whose errors never suspend.
	suspended bool
	trapping  int
}

// New returns an interpreter with q's keywords and an empty workspace,
// writing to the process's standard output and error.
func New() *Interp {
	in := &Interp{
		Printer:  k.DefaultPrinter(),
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		MaxDepth: 4000,
		globals:  map[string]k.V{},
		keywords: map[string]k.V{},
		Settings: defaultSettings(),
		net:      newNet(),
	}
	for name, m := range prim.Monads {
		if isWord(name) {
			in.keywords[name] = &Keyword{Name: name, Rank: 1, M: m, D: prim.Dyads[name]}
		}
	}
	for name, d := range prim.Dyads {
		if isWord(name) && prim.Monads[name] == nil {
			in.keywords[name] = &Keyword{Name: name, Rank: 2, D: d}
		}
	}
	in.Printer.Domain = in.domain
	for name, kw := range in.evalKeywords() {
		in.keywords[name] = kw
	}
	for name, kw := range in.nameKeywords() {
		in.keywords[name] = kw
	}
	for name, kw := range in.fileKeywords() {
		in.keywords[name] = kw
	}
	in.keywords["csv"] = k.Char(',') // the delimiter of 0:'s CSV forms
	for name, kw := range joinKeywords() {
		in.keywords[name] = kw
	}
	for name, kw := range envKeywords() {
		in.keywords[name] = kw
	}
	for name, kw := range jsonKeywords() {
		in.keywords[name] = kw
	}
	for name, kw := range dotQKeywords() {
		in.keywords[name] = kw
	}
	in.loadPrelude()
	return in
}

func isWord(s string) bool {
	return s != "" && (unicode.IsLetter(rune(s[0])) || s[0] == '.')
}

// Register adds a host function under its name, replacing any keyword or
// earlier builtin of that name. Like any function it can be applied,
// projected, composed and used with iterators.
func (in *Interp) Register(b *k.Builtin) { in.keywords[b.Name] = b }

// Get returns the value of a global variable, keyword or builtin.
func (in *Interp) Get(name string) (k.V, bool) {
	if _, ok := in.globals[name]; ok {
		v, err := in.lookup(name, nil)
		return v, err == nil
	}
	v, ok := in.keywords[name]
	return v, ok
}

// Set assigns a global variable.
func (in *Interp) Set(name string, v k.V) { in.globals[name] = v }

// frame holds the arguments and locals of one lambda call.
type frame struct {
	lam  *Lambda
	vals []k.V
}

func (fr *frame) slot(name string) int {
	if fr == nil {
		return -1
	}
	for i, n := range fr.lam.Names {
		if n == name {
			return i
		}
	}
	return -1
}

// lookup finds a name: a local, a global, then a keyword or builtin.
func (in *Interp) lookup(name string, fr *frame) (k.V, error) {
	if i := fr.slot(name); i >= 0 && fr.vals[i] != nil {
		return fr.vals[i], nil
	}
	if in.ns != "" {
		if v, ok := in.globals[in.qualify(name)]; ok {
			return v, nil
		}
	}
	if v, ok := in.globals[name]; ok {
		if p, ok := v.(*partedTable); ok {
			return p.join(nil) // a partitioned table, joined when named
		}
		return v, nil
	}
	if v, ok := in.keywords[name]; ok {
		return v, nil
	}
	if kw, ok := strings.CutPrefix(name, ".q."); ok {
		// the keywords live in the .q namespace too
		if v, ok := in.keywords[kw]; ok {
			return v, nil
		}
	}
	if v, ok := in.inNamespace(name); ok {
		return v, nil
	}
	if v, ok := in.netVar(name); ok {
		return v, nil
	}
	if v, ok := in.clock(name); ok {
		return v, nil
	}
	if v, ok := in.zValue(name, fr); ok {
		return v, nil
	}
	if v, ok := in.dotField(name, fr); ok {
		return v, nil
	}
	if in.isNamespace(name) {
		return in.nsValue(name), nil
	}
	return nil, k.Err(name)
}

// inNamespace finds a dotted name such as .nn.mse as an entry of the
// dictionary its prefix names, as q's namespaces are dictionaries.
func (in *Interp) inNamespace(name string) (k.V, bool) {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 {
		return nil, false
	}
	d, ok := in.globals[name[:i]].(*k.Dict)
	if !ok {
		return nil, false
	}
	keys, ok := d.Keys.(k.Syms)
	if !ok {
		return nil, false
	}
	for j, key := range keys {
		if key == name[i+1:] {
			return k.At(d.Vals, j), true
		}
	}
	return nil, false
}

// setVar assigns a local when the name is one of the lambda's, else a
// global.
func (in *Interp) setVar(name string, v k.V, global bool, fr *frame) {
	if !global {
		if i := fr.slot(name); i >= 0 {
			fr.vals[i] = v
			return
		}
	}
	in.globals[in.qualify(name)] = v
}

// step counts one evaluation step against MaxSteps, checks Ctx every 8
// steps (a step may be a long primitive) and the workspace every 128
// (memory that grows by small values).
func (in *Interp) step() error {
	in.steps++
	if in.MaxSteps > 0 && in.steps > in.MaxSteps {
		return k.Err("limit")
	}
	if in.steps&7 == 0 {
		if in.Ctx != nil && in.Ctx.Err() != nil {
			return k.ErrStop
		}
		if stop.Flagged() { // the watched contexts' lock is for loops that do not see Ctx
			return k.Stopped()
		}
	}
	if in.steps&127 != 0 {
		return nil
	}
	if err := ws.Full(); err != nil {
		return k.Err(err.Error())
	}
	return nil
}
