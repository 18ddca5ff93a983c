package ipc

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// HandshakeTimeout is how long a new connection has to send its
// credentials before it is dropped.
const HandshakeTimeout = 10 * time.Second

// Server accepts kdb+ clients on one listening socket.
type Server struct {
	ln     net.Listener
	events chan<- Event
	wg     sync.WaitGroup
	// WriteTimeout is given to each accepted connection.
	WriteTimeout time.Duration
}

// Listen listens on addr ("host:port"; an empty host is every interface)
// and posts an Open event for each client that completes its handshake.
func Listen(addr string, events chan<- Event) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{ln: ln, events: events, WriteTimeout: time.Minute}
	s.wg.Add(1)
	go s.accept()
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Port is the port the server listens on.
func (s *Server) Port() int {
	if a, ok := s.ln.Addr().(*net.TCPAddr); ok {
		return a.Port
	}
	return 0
}

// Close stops listening. Connections already open stay open, as they do
// in kdb+ after \p 0.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.wg.Wait()
	return err
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		nc, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			// out of descriptors and the like: wait and go on serving
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go s.handshake(nc)
	}
}

// handshake reads the client's "user:password" string with its
// capability byte and zero terminator; a client that sends more than
// maxCredentials bytes without the zero, or nothing in time, is dropped.
func (s *Server) handshake(nc net.Conn) {
	c := newConn(nc, s.WriteTimeout)
	nc.SetReadDeadline(time.Now().Add(HandshakeTimeout))
	if startsHTTP(c) {
		s.http(c)
		return
	}
	cred, err := readCredentials(c)
	if err != nil {
		nc.Close()
		return
	}
	nc.SetReadDeadline(time.Time{})
	c.User, c.Password, c.Cap = splitCredentials(cred)
	s.events <- Event{Kind: Open, Conn: c}
}

// readCredentials reads up to and without the terminating zero byte.
func readCredentials(c *Conn) ([]byte, error) {
	var b []byte
	for len(b) <= maxCredentials {
		x, err := c.r.ReadByte()
		if err != nil {
			return nil, err
		}
		if x == 0 {
			return b, nil
		}
		b = append(b, x)
	}
	return nil, errors.New("handshake: credentials too long")
}

// splitCredentials splits "user:password\N" into its user, password and
// the capability shared with the client (no byte: 0, kdb+ V2.5's).
func splitCredentials(b []byte) (user, pass string, cap byte) {
	if n := len(b); n > 0 && b[n-1] < ' ' {
		cap = min(b[n-1], Capability)
		b = b[:n-1]
	}
	u, p, _ := bytes.Cut(b, []byte{':'})
	return string(u), string(p), cap
}

// maxHTTPBody bounds the body of an HTTP request.
const maxHTTPBody = 1 << 20

// httpMethods are the requests kt answers on its port, each with the
// space that follows it.
var httpMethods = []string{"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "PATCH "}

// startsHTTP reports whether a connection's first bytes are an HTTP
// request's. It looks at no more bytes than the longest method takes and
// stops at a zero byte, which ends a kdb+ handshake however short.
func startsHTTP(c *Conn) bool {
	for n := 1; n <= len("OPTIONS "); n++ {
		head, err := c.r.Peek(n)
		if err != nil || head[n-1] == 0 {
			return false
		}
		prefix := false
		for _, m := range httpMethods {
			if strings.HasPrefix(m, string(head)) {
				if len(m) == n {
					return true
				}
				prefix = true
			}
		}
		if !prefix {
			return false
		}
	}
	return false
}

// http reads one HTTP request (a body of at most maxHTTPBody bytes) and
// posts it; the interpreter answers it and closes the connection.
func (s *Server) http(c *Conn) {
	req, err := http.ReadRequest(c.r)
	if err != nil {
		c.Write([]byte("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))
		c.CloseWhenSent()
		return
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, maxHTTPBody+1))
	if err != nil || len(body) > maxHTTPBody {
		c.Write([]byte("HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))
		c.CloseWhenSent()
		return
	}
	c.nc.SetReadDeadline(time.Time{})
	s.events <- Event{Kind: HTTP, Conn: c, Request: req, Body: body}
}
