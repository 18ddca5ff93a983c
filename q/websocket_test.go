package q

import (
	"bufio"
	"encoding/binary"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// wsClient is a websocket client written from RFC 6455.
type wsClient struct {
	c net.Conn
	r *bufio.Reader
}

func dialWS(t *testing.T, addr string) (*wsClient, *http.Response) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(10 * time.Second))
	// the RFC's own example key, whose accept value it gives
	io.WriteString(c, "GET /chat HTTP/1.1\r\nHost: kt\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
	r := bufio.NewReader(c)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &wsClient{c, r}, resp
}

// send writes one masked frame.
func (w *wsClient) send(fin bool, op byte, payload []byte) {
	b := []byte{op}
	if fin {
		b[0] |= 0x80
	}
	switch n := len(payload); {
	case n < 126:
		b = append(b, 0x80|byte(n))
	case n < 1<<16:
		b = append(b, 0x80|126, byte(n>>8), byte(n))
	default:
		b = append(b, 0x80|127)
		b = binary.BigEndian.AppendUint64(b, uint64(n))
	}
	mask := []byte{1, 2, 3, 4}
	b = append(b, mask...)
	for i, x := range payload {
		b = append(b, x^mask[i%4])
	}
	w.c.Write(b)
}

// recv reads one frame from the server, which sends them unmasked.
func (w *wsClient) recv(t *testing.T) (byte, []byte) {
	t.Helper()
	var h [2]byte
	if _, err := io.ReadFull(w.r, h[:]); err != nil {
		t.Fatal(err)
	}
	n := int(h[1] & 0x7f)
	switch n {
	case 126:
		var b [2]byte
		io.ReadFull(w.r, b[:])
		n = int(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		io.ReadFull(w.r, b[:])
		n = int(binary.BigEndian.Uint64(b[:]))
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(w.r, p); err != nil {
		t.Fatal(err)
	}
	return h[0] & 0x0f, p
}

func TestWebSocket(t *testing.T) {
	s := startServer(t, "opened:0Ni;closedws:0Ni\n"+
		".z.wo:{opened::x}\n.z.wc:{closedws::x}\n"+
		".z.ws:{neg[.z.w] $[10h=type x;\"echo \",x;reverse x]}")
	w, resp := dialWS(t, s.addr)
	if resp.StatusCode != 101 || resp.Header.Get("Sec-WebSocket-Accept") != "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" {
		t.Fatalf("upgrade: %s %v", resp.Status, resp.Header)
	}
	if got := s.eval(t, "opened in key .z.W"); got != "1b\n" {
		t.Errorf(".z.wo: %s", got)
	}
	w.send(true, 1, []byte("hi"))
	if op, p := w.recv(t); op != 1 || string(p) != "echo hi" {
		t.Errorf("text: %d %q", op, p)
	}
	w.send(true, 2, []byte{1, 2, 3})
	if op, p := w.recv(t); op != 2 || string(p) != "\x03\x02\x01" {
		t.Errorf("binary: %d %v", op, p)
	}
	long := strings.Repeat("x", 70000)
	w.send(false, 1, []byte("a"))
	w.send(true, 0, []byte(long))
	if op, p := w.recv(t); op != 1 || string(p) != "echo a"+long {
		t.Errorf("fragmented: %d %d bytes", op, len(p))
	}
	w.send(true, 9, []byte("ping"))
	if op, p := w.recv(t); op != 10 || string(p) != "ping" {
		t.Errorf("ping: %d %q", op, p)
	}
	w.send(true, 8, nil)
	if op, _ := w.recv(t); op != 8 {
		t.Errorf("close: %d", op)
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.eval(t, "closedws=opened") != "1b\n" {
		if time.Now().After(deadline) {
			t.Fatal(".z.wc was not called")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// an unmasked frame is no client's: dropped
	w, _ = dialWS(t, s.addr)
	w.c.Write([]byte{0x81, 2, 'h', 'i'})
	if !dropped(w.c) {
		t.Error("an unmasked frame: the connection stays open")
	}
	alive(t, s)
}

func TestWebSocketWithoutHandler(t *testing.T) {
	s := startServer(t, "")
	_, resp := dialWS(t, s.addr)
	if resp.StatusCode != 404 {
		t.Errorf("without .z.ws: %s", resp.Status)
	}
}
