// Package ipc is kdb+'s wire protocol over TCP: the handshake with its
// capability byte, a listener that hands each event (a connection asking
// to open, a message, a close) to one channel in the order it happened,
// and connections that write whole messages and read them as they
// arrive. It knows nothing of q: the interpreter decides who may open,
// decodes each message and answers it, all in its own loop, so that one
// interpreter serves every client in arrival order.
package ipc

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"kt/codec"
)

// Capability is the capability byte kt answers with at most: 3, kdb+
// V3.0's compression, timestamps, timespans and guids.
const Capability = 3

// maxCredentials bounds the handshake's "user:password" string, so that
// a peer sending bytes without the terminating zero is dropped early.
const maxCredentials = 1024

// Kind tells what an Event reports.
type Kind int

// The kinds of event.
const (
	Open      Kind = iota // a client completed its handshake and waits for Accept or Refuse
	Message               // a whole message arrived: Event.Frame
	Closed                // the connection is gone: Event.Err says why (nil: the peer closed it)
	HTTP                  // an HTTP request on the same port: Event.Request, Event.Body; answer with Write, then Close
	WebSocket             // a websocket message: Event.Frame, its payload, Event.Text for a text frame
)

// Event is one thing that happened on the wire, for the interpreter's
// loop.
type Event struct {
	Kind  Kind
	Conn  *Conn
	Frame []byte // Message: the message's bytes, header included, undecoded
	Err   error  // Closed: the reason, nil for an orderly close
	// Request and Body are an HTTP request and its body.
	Request *http.Request
	Body    []byte
	Text    bool
}

// Conn is one kdb+ connection, accepted by a Server or opened by Dial.
// Writes are whole messages, safe from any goroutine; reads happen on the
// connection's own goroutine, which posts each message as an Event (a
// response on a connection from Dial goes to Response instead). Writes
// are queued and sent by the connection's writer.
type Conn struct {
	// User and Password are what the client sent in its handshake (for a
	// connection from Dial, what was sent). Password is cleared by Accept.
	User, Password string
	// Cap is the capability both sides share.
	Cap byte
	// Local is true for a peer on the loopback, to which kdb+ never
	// compresses.
	Local bool
	// Handle is the interpreter's number for the connection.
	Handle int64
	// WebSocket is true once an HTTP request upgraded the connection.
	WebSocket bool
	// WriteTimeout bounds one write: a peer that reads nothing for that
	// long is dropped. Zero: none.
	WriteTimeout time.Duration

	nc     net.Conn
	r      *bufio.Reader
	out    chan []byte
	queued atomic.Int64
	once   sync.Once
	done   chan struct{}
	resp   chan []byte
	client bool
	// a connection from Dial keeps the requests it receives here, so that
	// h[] can take the next one; its Message events carry no Frame
	imu     sync.Mutex
	inbox   [][]byte
	arrived chan struct{}
}

// Next takes the oldest request received on a connection from Dial, nil
// if there is none.
func (c *Conn) Next() []byte {
	c.imu.Lock()
	defer c.imu.Unlock()
	if len(c.inbox) == 0 {
		return nil
	}
	b := c.inbox[0]
	c.inbox = c.inbox[1:]
	return b
}

// Arrived is signalled when a request arrives on a connection from Dial.
func (c *Conn) Arrived() <-chan struct{} { return c.arrived }

// Remote is the peer's address.
func (c *Conn) Remote() net.Addr { return c.nc.RemoteAddr() }

// IPv4 is the peer's IPv4 address as a 32-bit number, as .z.a gives it
// (0 for a peer that is not IPv4).
func (c *Conn) IPv4() uint32 {
	a, ok := c.nc.RemoteAddr().(*net.TCPAddr)
	if !ok {
		return 0
	}
	ip := a.IP.To4()
	if ip == nil {
		return 0
	}
	return uint32(ip[0])<<24 | uint32(ip[1])<<16 | uint32(ip[2])<<8 | uint32(ip[3])
}

// MaxQueued bounds the bytes waiting to be sent to one peer, and
// maxPending the messages: past either the peer, which reads too
// slowly, is dropped.
const (
	MaxQueued  = 512 << 20
	maxPending = 1 << 14
)

// Write queues one whole message (or the capability byte, or an HTTP
// response) for the peer, as kdb+ queues what it sends: the caller never
// waits for a slow reader. The connection's writer sends the queue in
// order; a peer that lets MaxQueued bytes or maxPending messages pile
// up, or reads nothing for WriteTimeout, is dropped.
func (c *Conn) Write(b []byte) (int, error) {
	select {
	case <-c.done:
		return 0, net.ErrClosed
	default:
	}
	if c.queued.Add(int64(len(b))) > MaxQueued {
		c.Close()
		return 0, errors.New("the peer reads too slowly: dropped")
	}
	select {
	case c.out <- b:
		return len(b), nil
	case <-c.done:
		return 0, net.ErrClosed
	default:
		c.Close() // maxPending messages wait already
		return 0, errors.New("the peer reads too slowly: dropped")
	}
}

// Queued is the bytes waiting to be sent, as .z.W reports them.
func (c *Conn) Queued() int64 { return c.queued.Load() }

// Flush waits until everything queued is sent, or the connection closes.
func (c *Conn) Flush() {
	for c.queued.Load() > 0 {
		select {
		case <-c.done:
			return
		case <-time.After(time.Millisecond):
		}
	}
}

// CloseWhenSent closes the connection once what is queued is sent.
func (c *Conn) CloseWhenSent() {
	select {
	case c.out <- nil:
	case <-c.done:
	default:
		c.Close()
	}
}

// write sends the queue, in order, until the connection closes.
func (c *Conn) write() {
	for {
		select {
		case b := <-c.out:
			if b == nil {
				c.Close()
				return
			}
			if c.WriteTimeout > 0 {
				c.nc.SetWriteDeadline(time.Now().Add(c.WriteTimeout))
			}
			_, err := c.nc.Write(b)
			c.queued.Add(-int64(len(b)))
			if err != nil {
				c.Close()
				return
			}
		case <-c.done:
			return
		}
	}
}

// Close closes the connection; its reading goroutine then posts Closed.
// It is safe to call more than once.
func (c *Conn) Close() error {
	var err error
	c.once.Do(func() {
		err = c.nc.Close()
		close(c.done)
	})
	return err
}

// Done is closed once the connection is closed, by either side.
func (c *Conn) Done() <-chan struct{} { return c.done }

// Response delivers the responses that arrive on a connection from Dial,
// each as the message's bytes.
func (c *Conn) Response() <-chan []byte { return c.resp }

// Accept completes a client's handshake: it sends the shared capability
// byte and starts reading the client's messages into events.
func (c *Conn) Accept(events chan<- Event) error {
	c.Password = ""
	if _, err := c.Write([]byte{c.Cap}); err != nil {
		return err
	}
	go c.read(events)
	return nil
}

// Refuse closes a client's connection at once, as kdb+ refuses
// credentials.
func (c *Conn) Refuse() { c.Close() }

// read posts each message of the connection until it fails or closes.
func (c *Conn) read(events chan<- Event) {
	for {
		b, err := codec.ReadFrame(c.r)
		if err != nil {
			c.Close()
			if errors.Is(err, net.ErrClosed) || errors.Is(err, io.EOF) {
				err = nil
			}
			events <- Event{Kind: Closed, Conn: c, Err: err}
			return
		}
		if c.client && b[1] == codec.Response {
			select {
			case c.resp <- b:
			case <-c.done:
			}
			continue
		}
		if c.client {
			// kept for whoever takes it first: h[] or the loop
			c.imu.Lock()
			c.inbox = append(c.inbox, b)
			c.imu.Unlock()
			select {
			case c.arrived <- struct{}{}:
			default:
			}
			b = nil
		}
		events <- Event{Kind: Message, Conn: c, Frame: b}
	}
}

// newConn wraps nc and starts its writer.
func newConn(nc net.Conn, writeTimeout time.Duration) *Conn {
	c := &Conn{nc: nc, r: bufio.NewReaderSize(nc, 64<<10), done: make(chan struct{}),
		out: make(chan []byte, maxPending), WriteTimeout: writeTimeout}
	go c.write()
	if a, ok := nc.RemoteAddr().(*net.TCPAddr); ok {
		c.Local = a.IP.IsLoopback()
	}
	return c
}
