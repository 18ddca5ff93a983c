package ipc

import (
	"bufio"
	"bytes"
	"net"
	"testing"
	"time"
)

func TestSplitCredentials(t *testing.T) {
	tests := []struct {
		in         string
		user, pass string
		cap        byte
	}{
		{"ann:pw\x03", "ann", "pw", 3},
		{"ann:pw\x06", "ann", "pw", 3}, // kt shares at most 3
		{"ann:pw\x01", "ann", "pw", 1},
		{"ann:pw", "ann", "pw", 0}, // kdb+ V2.5's handshake, no byte
		{"ann:p:w\x03", "ann", "p:w", 3},
		{"\x03", "", "", 3},
		{"", "", "", 0},
	}
	for _, tt := range tests {
		u, p, c := splitCredentials([]byte(tt.in))
		if u != tt.user || p != tt.pass || c != tt.cap {
			t.Errorf("%q: %q %q %d, want %q %q %d", tt.in, u, p, c, tt.user, tt.pass, tt.cap)
		}
	}
}

func TestStartsHTTP(t *testing.T) {
	for in, want := range map[string]bool{
		"GET / HTTP/1.1\r\n": true, "POST /": true, "HEAD /": true, "OPTIONS /": true, "DELETE /": true, "PUT /": true,
		"PUTx": false, "OPTION\x03\x00": false,
		"\x03\x00": false, "G\x03\x00": false, "GE:\x03\x00": false, "GETx": false, "ann:pw\x03\x00": false,
	} {
		a, b := net.Pipe()
		go func() { b.Write([]byte(in)); b.Close() }()
		c := &Conn{nc: a, r: bufio.NewReader(a)}
		if got := startsHTTP(c); got != want {
			t.Errorf("%q: %v, want %v", in, got, want)
		}
		a.Close()
	}
}

func TestFrame(t *testing.T) {
	// the length takes 7 bits, then 16, then 64
	for _, c := range []struct{ n, head int }{{0, 2}, {125, 2}, {126, 4}, {65535, 4}, {65536, 10}} {
		n := c.n
		f := frame(opText, bytes.Repeat([]byte("x"), n))
		if len(f) != c.head+n || f[0] != 0x81 {
			t.Errorf("%d bytes: a frame of %d, first byte %x", n, len(f), f[0])
		}
	}
}

// TestQueue: writes return at once however slowly the peer reads, and
// arrive in order.
func TestQueue(t *testing.T) {
	a, b := net.Pipe()
	c := newConn(a, time.Minute)
	defer c.Close()
	start := time.Now()
	for i := range 100 {
		if _, err := c.Write([]byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("100 writes to a peer that reads nothing took %v", d)
	}
	got := make([]byte, 100)
	for i := range got {
		b.Read(got[i : i+1])
		if got[i] != byte(i) {
			t.Fatalf("byte %d is %d", i, got[i])
		}
	}
	c.Flush()
	if c.Queued() != 0 {
		t.Errorf("%d bytes still queued", c.Queued())
	}
}
