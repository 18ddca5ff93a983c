package q

import (
	"net"
	"strconv"
	"strings"
	"time"

	"kt/codec"
	"kt/ipc"
	"kt/k"
)

// netAddress reads what hopen may open as a connection: a port, a
// symbol `:host:port or `:host:port:user:password, or a pair of one of
// those and a timeout in milliseconds. ok is false for anything else (a
// file).
func netAddress(x k.V) (addr, user, pass string, timeout time.Duration, ok bool) {
	if l, isList := x.(k.List); isList && len(l) == 2 {
		ms, isInt := toInt(l[1])
		if !isInt {
			return "", "", "", 0, false
		}
		addr, user, pass, _, ok = netAddress(l[0])
		return addr, user, pass, time.Duration(ms) * time.Millisecond, ok
	}
	if p, isInt := toInt(x); isInt && k.IsAtom(x) {
		return net.JoinHostPort("localhost", strconv.FormatInt(p, 10)), "", "", 0, true
	}
	var s string
	switch v := x.(type) {
	case k.Sym:
		s = string(v)
	case k.Chars:
		s = string(v)
	default:
		return "", "", "", 0, false
	}
	s, isSym := strings.CutPrefix(s, ":")
	if !isSym {
		return "", "", "", 0, false
	}
	parts := strings.SplitN(s, ":", 4)
	if len(parts) < 2 || strings.ContainsAny(parts[0], "/\\") {
		return "", "", "", 0, false
	}
	if _, err := strconv.ParseUint(parts[1], 10, 16); err != nil {
		return "", "", "", 0, false
	}
	host := parts[0]
	if host == "" {
		host = "localhost"
	}
	if len(parts) > 2 {
		user = parts[2]
	}
	if len(parts) > 3 {
		pass = parts[3]
	}
	return net.JoinHostPort(host, parts[1]), user, pass, 0, true
}

// dial is hopen of a process.
func (in *Interp) dial(addr, user, pass string, timeout time.Duration) (k.V, error) {
	if in.Confined {
		return nil, k.Err("access")
	}
	if user == "" {
		user = in.userName()
	}
	c, err := ipc.Dial(addr, user, pass, timeout, in.net.events)
	if err != nil {
		if err.Error() == "access" {
			return nil, k.Err("access")
		}
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			return nil, k.Err("timeout")
		}
		return nil, k.Err("hop. OS reports: " + err.Error())
	}
	h := in.freeHandle()
	c.Handle = h
	in.net.conns[h] = c
	return k.Int(h), nil
}

// oneShot is `:host:port x: a sync request on a connection opened for
// it and closed after the response.
func (in *Interp) oneShot(addr, user, pass string, timeout time.Duration, x k.V) (k.V, error) {
	hv, err := in.dial(addr, user, pass, timeout)
	if err != nil {
		return nil, err
	}
	h := int64(hv.(k.Int))
	defer in.closeConn(h)
	return in.remote(h, x)
}

// userName is the user a connection names when hopen names none.
func (in *Interp) userName() string {
	u, _ := in.netVar(".z.u")
	return string(u.(k.Sym))
}

// isConnHandle reports whether h (or neg h) is a connection.
func (in *Interp) isConnHandle(h int64) bool {
	return in.net.conns[max(h, -h)] != nil
}

// isHandleAtom reports whether x is a connection's handle (or its
// negation), which h@x applies as h x.
func (in *Interp) isHandleAtom(x k.V) bool {
	h, ok := toInt(x)
	return ok && k.IsAtom(x) && in.isConnHandle(h)
}

// closeConn is hclose of a connection: .z.pc is not called.
func (in *Interp) closeConn(h int64) bool {
	c := in.net.conns[h]
	if c == nil {
		return false
	}
	delete(in.net.conns, h)
	c.Close()
	return true
}

// remote is h x and neg[h] x on a connection: a sync request answered by
// the peer's response (its error an error here), or an async message.
// neg[h][] and neg[h](::) wait until what is queued for h is sent.
func (in *Interp) remote(h int64, x k.V) (k.V, error) {
	c := in.net.conns[max(h, -h)]
	_, flush := x.(k.Nil)
	if c.WebSocket {
		if h > 0 {
			return nil, k.Err("nyi: a sync request on a websocket; send with neg[h]")
		}
		if flush {
			c.Flush()
			return k.Null, nil
		}
		return k.Null, sendWebSocket(c, x)
	}
	if h < 0 {
		if flush {
			c.Flush()
			return k.Null, nil
		}
		if err := in.send(c, x, codec.Async); err != nil {
			return nil, in.lost(h, err)
		}
		return k.Null, nil
	}
	if flush {
		return in.nextMessage(c, in.stopped())
	}
	if err := in.send(c, x, codec.Sync); err != nil {
		return nil, in.lost(h, err)
	}
	return in.response(c)
}

// stopped is closed when the evaluation is to stop.
func (in *Interp) stopped() <-chan struct{} {
	if in.Ctx != nil {
		return in.Ctx.Done()
	}
	return nil
}

// response waits for the response to a sync request sent on c.
func (in *Interp) response(c *ipc.Conn) (k.V, error) {
	select {
	case b := <-c.Response():
		v, _, err := codec.Unmessage(b, in.codecOptions(false))
		return v, err
	case <-c.Done():
		return nil, k.Err("rcv handle: " + strconv.FormatInt(c.Handle, 10) + ": connection closed")
	case <-in.stopped():
		// the response would come out of turn: the handle is closed, as
		// q's is after an interrupted request
		c.Close()
		return nil, k.Err("stop")
	}
}

// nextMessage is h[]: it waits for the next message the peer sends on
// h (the deferred answer to neg[h] x, sent back with neg[.z.w]) and
// returns its value.
func (in *Interp) nextMessage(c *ipc.Conn, stop <-chan struct{}) (k.V, error) {
	for closed := false; ; {
		if b := c.Next(); b != nil {
			v, _, err := codec.Unmessage(b, in.codecOptions(false))
			return v, err
		}
		if closed {
			return nil, k.Err("rcv handle: " + strconv.FormatInt(c.Handle, 10) + ": connection closed")
		}
		select {
		case <-c.Arrived():
		case <-c.Done():
			closed = true // what came before the close is still taken
		case <-stop:
			return nil, k.Err("stop")
		}
	}
}

// send writes x to c as a message of the given type.
func (in *Interp) send(c *ipc.Conn, x k.V, typ byte) error {
	b, err := codec.Message(x, typ, in.codecOptions(true))
	if err != nil {
		return err
	}
	if in.compressFor(c) {
		b = codec.Compress(b)
	}
	_, err = c.Write(b)
	return err
}

// lost reports a failed write on a connection.
func (in *Interp) lost(h int64, err error) error {
	if _, ok := err.(*k.Error); ok {
		return err // the value could not be serialized
	}
	return k.Err("Cannot write to handle " + strconv.FormatInt(max(h, -h), 10) + ". OS reports: " + err.Error())
}
