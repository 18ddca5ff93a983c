package q

import (
	"context"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"kt/codec"
	"kt/internal/stop"
	"kt/ipc"
	"kt/k"
)

// The interpreter on the wire: \p and -p listen (on the loopback unless
// a host is named), every connection's events arrive on one channel
// (Events) and the host's loop hands each to Serve, one at a time and in
// arrival order, so one interpreter answers every client. hopen of
// `:host:port opens a connection to another process; h x, neg[h] x and
// hclose h use it.

// netState is the interpreter's connections.
type netState struct {
	events   chan ipc.Event
	srv      *ipc.Server
	conns    map[int64]*ipc.Conn
	cur      int64             // .z.w: the handle whose message is being handled, 0 for the console
	users    map[string]string // -u, -U: each user's password, plain or its md5 or sha1 in hex
	restrict bool              // -u: a remote system command is 'access
	inSync   bool              // a sync message is being answered
	deferred bool              // -30!(::) said its response comes later
	owed     map[int64]int     // deferred responses each handle waits for
}

func newNet() *netState {
	return &netState{events: make(chan ipc.Event, 256), conns: map[int64]*ipc.Conn{}, owed: map[int64]int{}}
}

// Events is the channel on which the interpreter's connections report;
// the host hands each event to Serve.
func (in *Interp) Events() <-chan ipc.Event { return in.net.events }

// Listening reports whether the interpreter listens on a port.
func (in *Interp) Listening() bool { return in.net.srv != nil }

// Port is the port the interpreter listens on, 0 for none (\p).
func (in *Interp) Port() int {
	if in.net.srv == nil {
		return 0
	}
	return in.net.srv.Port()
}

// Listen is -p and \p: spec is a port, 0W for any free port, or
// host:port. Without a host kt listens on the loopback only (127.0.0.1);
// a named host, 0.0.0.0 or [::] for every interface, binds that address.
// Port 0 stops listening; connections already open stay open.
func (in *Interp) Listen(spec string) error {
	if in.Confined {
		return k.Err("access")
	}
	host, port := "127.0.0.1", spec
	if i := strings.LastIndexByte(spec, ':'); i >= 0 {
		host, port = strings.Trim(spec[:i], "[]"), spec[i+1:]
	}
	var p int
	switch port {
	case "0W", "0w":
		p = -1
	default:
		n, err := strconv.Atoi(port)
		if err != nil || n < 0 || n > 65535 {
			return k.Err("nyi: \\p " + spec + ": kt listens on a port number, 0W or host:port")
		}
		p = n
	}
	if in.net.srv != nil {
		in.net.srv.Close()
		in.net.srv = nil
	}
	if p == 0 {
		return nil
	}
	srv, err := ipc.Listen(net.JoinHostPort(host, strconv.Itoa(max(p, 0))), in.net.events)
	if err != nil {
		return k.Err("p: " + err.Error())
	}
	in.net.srv = srv
	return nil
}

// SetUsers reads a password file, as -U and -u do: one user:password a
// line, the password plain or its md5 or sha1 in hex. Only its users may
// then open a connection. With restrict (-u), a system command from a
// remote client is 'access.
func (in *Interp) SetUsers(path string, restrict bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	users := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		u, p, _ := strings.Cut(line, ":")
		users[u] = p
	}
	in.net.users, in.net.restrict = users, restrict
	return nil
}

// CloseNet stops listening and closes every connection.
func (in *Interp) CloseNet() {
	if in.net.srv != nil {
		in.net.srv.Close()
		in.net.srv = nil
	}
	for h, c := range in.net.conns {
		c.Close()
		delete(in.net.conns, h)
	}
}

// Serve handles one event from Events: a client's handshake (checked
// against -u/-U and .z.pw, then .z.po), a message (.z.pg for a sync one,
// whose value or error is the response, .z.ps for an async one) or a
// close (.z.pc). An *ExitError says a client asked the process to exit.
func (in *Interp) Serve(ev ipc.Event) (err error) {
	defer guard(&err)
	switch ev.Kind {
	case ipc.Open:
		return in.open(ev.Conn)
	case ipc.Message:
		if in.net.conns[ev.Conn.Handle] != ev.Conn {
			return nil // hclose closed it; what it sent since is dropped
		}
		frame := ev.Frame
		if frame == nil {
			if frame = ev.Conn.Next(); frame == nil {
				return nil // h[] took it
			}
		}
		return in.message(ev.Conn, frame)
	case ipc.HTTP:
		return in.httpRequest(ev.Conn, ev.Request, ev.Body)
	case ipc.WebSocket:
		if in.net.conns[ev.Conn.Handle] != ev.Conn {
			return nil
		}
		var x k.V = k.Bytes(ev.Frame)
		if ev.Text {
			x = k.Chars(ev.Frame)
		}
		_, err := in.callback(".z.ws", ev.Conn.Handle, x)
		return exitOnly(err)
	case ipc.Closed:
		if in.net.conns[ev.Conn.Handle] != ev.Conn {
			return nil
		}
		delete(in.net.conns, ev.Conn.Handle)
		delete(in.net.owed, ev.Conn.Handle)
		handler := ".z.pc"
		if ev.Conn.WebSocket {
			handler = ".z.wc"
		}
		_, err := in.callback(handler, 0, k.Int(ev.Conn.Handle))
		return exitOnly(err)
	}
	return nil
}

// exitOnly passes on an exit and drops any other error of a handler that
// has nobody to answer.
func exitOnly(err error) error {
	var e *ExitError
	if errors.As(err, &e) {
		return err
	}
	return nil
}

// open decides on a client's handshake.
func (in *Interp) open(c *ipc.Conn) error {
	if !in.authorized(c) {
		c.Refuse()
		return nil
	}
	h := in.freeHandle()
	c.Handle = h
	in.net.conns[h] = c
	if err := c.Accept(in.net.events); err != nil {
		delete(in.net.conns, h)
		return nil
	}
	_, err := in.callback(".z.po", h, k.Int(h))
	return exitOnly(err)
}

// authorized checks a client's credentials against the password file,
// then .z.pw.
func (in *Interp) authorized(c *ipc.Conn) bool {
	if in.net.users != nil {
		want, ok := in.net.users[c.User]
		if !ok || !passwordMatches(want, c.Password) {
			return false
		}
	}
	pw, ok := in.globals[".z.pw"]
	if !ok {
		return true
	}
	prev := in.net.cur
	in.net.cur = 0
	defer func() { in.net.cur = prev }()
	in.steps, in.depth = 0, 0
	v, err := in.apply(pw, []k.V{k.Sym(c.User), k.Chars(c.Password)})
	if err != nil {
		return false
	}
	b, ok := v.(k.Bool)
	return ok && bool(b)
}

// passwordMatches compares a password with a password file's entry:
// the password itself, or its md5 or sha1 in hex.
func passwordMatches(want, got string) bool {
	m := md5.Sum([]byte(got))
	s := sha1.Sum([]byte(got))
	switch strings.ToLower(want) {
	case hex.EncodeToString(m[:]), hex.EncodeToString(s[:]):
		return true
	}
	return want == got
}

// freeHandle is the lowest handle neither a file nor a connection holds.
func (in *Interp) freeHandle() int64 {
	h := int64(firstFileHandle)
	for in.handles[h] != "" || in.net.conns[h] != nil {
		h++
	}
	return h
}

// message answers one message from a connection.
func (in *Interp) message(c *ipc.Conn, frame []byte) error {
	x, typ, err := codec.Unmessage(frame, in.codecOptions(false))
	if typ == codec.Response {
		return nil // nobody asked
	}
	var v k.V
	if err == nil {
		name := ".z.ps"
		if typ == codec.Sync {
			name = ".z.pg"
		}
		prevSync, prevDeferred := in.net.inSync, in.net.deferred
		in.net.inSync, in.net.deferred = typ == codec.Sync, false
		v, err = in.callback(name, c.Handle, x)
		deferred := in.net.deferred
		in.net.inSync, in.net.deferred = prevSync, prevDeferred
		if deferred && err == nil {
			in.net.owed[c.Handle]++
			return nil
		}
	}
	if typ != codec.Sync {
		return exitOnly(err)
	}
	var e *ExitError
	if errors.As(err, &e) {
		return err
	}
	if err != nil {
		c.Write(codec.ErrorMessage(errorText(err)))
		return nil
	}
	codec.WriteMessage(c, v, codec.Response, in.compressFor(c), in.codecOptions(true))
	return nil
}

// errorText is an error as it travels: its message without the quote.
func errorText(err error) string {
	return strings.TrimPrefix(FormatError(err), "'")
}

// compressFor reports whether messages to c are compressed as kdb+
// compresses them for a remote peer.
func (in *Interp) compressFor(c *ipc.Conn) bool {
	return c.Cap > 0 && (!c.Local || in.CompressLocal)
}

// callback calls a handler (.z.pg .z.ps .z.po .z.pc) on x with .z.w set
// to h: the user's definition when there is one, else value for .z.pg
// and .z.ps, nothing for the others. A message's evaluation is bounded
// by Timeout (-T).
func (in *Interp) callback(name string, h int64, x k.V) (v k.V, err error) {
	defer guard(&err)
	f, ok := in.globals[name]
	if !ok && name != ".z.pg" && name != ".z.ps" {
		return k.Null, nil
	}
	prev, prevCtx := in.net.cur, in.Ctx
	in.net.cur = h
	defer func() { in.net.cur, in.Ctx = prev, prevCtx }()
	in.steps, in.depth = 0, 0
	if in.Timeout > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), in.Timeout)
		defer cancel()
		in.Ctx = ctx
	}
	defer stop.Watch(in.Ctx)()
	if !ok {
		return in.valueOf(x)
	}
	return in.apply(f, []k.V{x})
}

// netVar is .z.w, .z.a, .z.u and .z.W.
func (in *Interp) netVar(name string) (k.V, bool) {
	switch name {
	case ".z.w":
		return k.Int(in.net.cur), true
	case ".z.a":
		if c := in.net.conns[in.net.cur]; c != nil {
			return k.Int(int32(c.IPv4())), true
		}
		return k.Int(0x7f000001), true
	case ".z.u":
		if c := in.net.conns[in.net.cur]; c != nil {
			return k.Sym(c.User), true
		}
		return k.Sym(os.Getenv("USER")), true
	case ".z.W":
		hs := k.Ints{}
		for h := range in.net.conns {
			hs = append(hs, int32(h))
		}
		slices.Sort(hs)
		queued := make(k.Longs, len(hs))
		for i, h := range hs {
			queued[i] = in.net.conns[int64(h)].Queued()
		}
		return &k.Dict{Keys: hs, Vals: queued}, true
	}
	return nil, false
}

// netSystem is \p and \T; ok is false for other commands.
func (in *Interp) netSystem(name, arg string) (v k.V, err error, ok bool) {
	switch name {
	case "p":
		if arg == "" {
			return k.Int(in.Port()), nil, true
		}
		return nil, in.Listen(arg), true
	case "T":
		if arg == "" {
			return k.Int(in.Timeout / time.Second), nil, true
		}
		n, err := strconv.Atoi(arg)
		if err != nil || n < 0 {
			return nil, k.ErrType, true
		}
		in.Timeout = time.Duration(n) * time.Second
		return nil, nil, true
	}
	return nil, nil, false
}

// deferResponse is -30!x: -30!(::) in a sync message's handler sends
// no response now; -30!(h;0b;x) sends x later as that response and
// -30!(h;1b;msg) the error msg.
func (in *Interp) deferResponse(x k.V) (k.V, error) {
	if _, ok := x.(k.Nil); ok {
		if !in.net.inSync {
			return nil, k.Err("domain: -30!(::) defers the response to a sync message, in its handler")
		}
		in.net.deferred = true
		return k.Null, nil
	}
	l, ok := x.(k.List)
	if !ok || len(l) != 3 {
		return nil, k.ErrType
	}
	h, okh := toInt(l[0])
	isErr, oke := l[1].(k.Bool)
	if !okh || !oke {
		return nil, k.ErrType
	}
	c := in.net.conns[h]
	if c == nil {
		return nil, k.ErrDomain
	}
	if in.net.owed[h] == 0 {
		return nil, k.Err("Handle " + strconv.FormatInt(h, 10) + " was not expecting a response msg")
	}
	in.net.owed[h]--
	if isErr {
		msg, ok := text(l[2])
		if !ok {
			return nil, k.ErrType
		}
		c.Write(codec.ErrorMessage(msg))
		return k.Null, nil
	}
	return k.Null, codec.WriteMessage(c, l[2], codec.Response, in.compressFor(c), in.codecOptions(true))
}

// fileAccess is -u's rule for files: a client may name files in the
// current folder and below, no others ('access).
func (in *Interp) fileAccess(x k.V) error {
	if !in.restricted() {
		return nil
	}
	if l, ok := x.(k.List); ok && len(l) > 0 {
		x = l[0] // (`:file;...)
	}
	p, ok := filePath(x)
	if !ok {
		return nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return k.Err("access")
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return k.Err("access")
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return k.Err("access")
	}
	return nil
}

// restricted reports whether the interpreter is handling a client's message
// under -u, where system commands and exit are 'access.
func (in *Interp) restricted() bool { return in.net.restrict && in.net.cur != 0 }
