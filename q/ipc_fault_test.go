package q

import (
	"encoding/binary"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"kt/codec"
	"kt/internal/ws"
	"kt/k"
)

// alive checks that the server still answers a new client.
func alive(t *testing.T, s *server) {
	t.Helper()
	c := mustDial(t, s.addr)
	if v, err := c.call(t, k.Chars("1+1")); err != nil || show(v) != "2" {
		t.Fatalf("server no longer answers: %v %v", v, err)
	}
	c.c.Close()
}

// dropped reports whether the server closes c within a few seconds.
func dropped(c net.Conn) bool {
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err := io.ReadAll(c)
	return err == nil // io.ReadAll's nil error is the server's close
}

func TestServeHostile(t *testing.T) {
	s := startServer(t, "")
	handshaken := func() net.Conn {
		c := mustDial(t, s.addr)
		return c.c
	}
	huge := []byte{1, codec.Sync, 0, 0, 0xf0, 0xff, 0xff, 0xff, 10, 0}
	tests := []struct {
		name string
		conn func() net.Conn
		send []byte
		drop bool
	}{
		{"garbage before the handshake", rawConn(t, s), []byte(strings.Repeat("garbage ", 200)), true},
		{"a bad header", handshaken, []byte{7, 1, 0, 0, 20, 0, 0, 0, 1, 2, 3}, true},
		{"a length under 8", handshaken, []byte{1, 1, 0, 0, 3, 0, 0, 0}, true},
		{"a length of 4 GB", handshaken, huge, false},
		{"a truncated frame", handshaken, []byte{1, 1, 0, 0, 100, 0, 0, 0, 10, 0, 92, 0, 0, 0}, false},
	}
	for _, tt := range tests {
		c := tt.conn()
		c.Write(tt.send)
		if tt.drop {
			if !dropped(c) {
				t.Errorf("%s: the connection stays open", tt.name)
			}
		} else {
			c.Close() // the client dies mid-message
		}
		alive(t, s)
	}
	// a whole frame whose value is garbage is answered with an error
	c := mustDial(t, s.addr)
	c.c.Write([]byte{1, 1, 0, 0, 13, 0, 0, 0, 99, 1, 2, 3, 4})
	if _, err := c.read(t); err == nil || err.Error() != "badmsg" {
		t.Errorf("garbage value: %v, want 'badmsg", err)
	}
	if v, err := c.call(t, k.Chars("2+2")); err != nil || show(v) != "4" {
		t.Errorf("after badmsg: %v %v", v, err)
	}
}

// rawConn opens a connection that sends no handshake.
func rawConn(t *testing.T, s *server) func() net.Conn {
	return func() net.Conn {
		c, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
}

// TestServeManyConnections opens and closes 10 000 connections; the
// server keeps answering and its heap returns to about where it was.
func TestServeManyConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("10 000 connections")
	}
	s := startServer(t, "opens:0\n.z.po:{opens::opens+1}")
	alive(t, s)
	before := heap()
	const n = 10000
	var wg sync.WaitGroup
	sem := make(chan struct{}, 20)
	for range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			c, err := net.DialTimeout("tcp", s.addr, 5*time.Second)
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(10 * time.Second))
			c.Write([]byte{'u', ':', 3, 0})
			var b [1]byte
			if _, err := io.ReadFull(c, b[:]); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	deadline := time.Now().Add(20 * time.Second)
	for s.eval(t, "count .z.W") != "0\n" {
		if time.Now().After(deadline) {
			t.Fatalf("connections still open: %s", s.eval(t, "count .z.W"))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := s.eval(t, "opens"); got != "10001\n" { // and the first alive
		t.Errorf(".z.po ran %s times", got)
	}
	alive(t, s)
	after := heap()
	if after > before+8<<20 {
		t.Errorf("heap %d MB before, %d MB after", before>>20, after>>20)
	}
}

func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestServeTimeout(t *testing.T) {
	s := startServer(t, "")
	s.in.Timeout = 200 * time.Millisecond
	c := mustDial(t, s.addr)
	start := time.Now()
	if _, err := c.call(t, k.Chars("i:0;while[1b;i+:1]")); err == nil || err.Error() != "stop" {
		t.Errorf("runaway message: %v, want 'stop", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %v", d)
	}
	if v, err := c.call(t, k.Chars("1+1")); err != nil || show(v) != "2" {
		t.Errorf("after the timeout: %v %v", v, err)
	}
}

func TestServeAuth(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "users")
	// bob's is md5 "secret", carol's sha1 "pw"
	os.WriteFile(file, []byte("alice:plain\nbob:5ebe2294ecd0e0f08eab7690d2a6ee69\ncarol:1a91d62f7ca67399625a4368a6ab5d4a3baa6073\ndave:x\n"), 0o644)
	s := startServer(t, `.z.pw:{[u;p] not u~`+"`dave}")
	if err := s.in.SetUsers(file, true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cred string
		ok   bool
	}{
		{"alice:plain", true},
		{"alice:wrong", false},
		{"bob:secret", true},
		{"bob:5ebe2294ecd0e0f08eab7690d2a6ee69", true}, // the hash itself matches too, as the file holds it
		{"carol:pw", true},
		{"carol:", false},
		{"dave:x", false}, // .z.pw refuses
		{"eve:plain", false},
		{"", false},
	}
	for _, tt := range tests {
		c, err := dialRaw(t, s.addr, tt.cred)
		if (err == nil) != tt.ok {
			t.Errorf("%q: accepted %v, want %v", tt.cred, err == nil, tt.ok)
		}
		if err == nil {
			if v, err := c.call(t, k.Chars(".z.u")); err != nil || show(v) != "`"+strings.Split(tt.cred, ":")[0] {
				t.Errorf("%q: .z.u %v %v", tt.cred, v, err)
			}
			// -u: no system commands from a client
			for _, q := range []string{"\\p", "system\"p\"", "exit 0", "hopen`:x", "get`:/etc/hostname",
				"read0`:../x", "`:/tmp/x set 1", "`:/tmp/x 0: enlist\"a\"", "read1(`:/etc/hostname;0;1)", "hcount`:/etc/hostname"} {
				if _, err := c.call(t, k.Chars(q)); err == nil || err.Error() != "access" {
					t.Errorf("%s: %v, want 'access", q, err)
				}
			}
			// files in the current folder and below stay open to clients
			if v, err := c.call(t, k.Chars("0<count key`:testdata")); err != nil || show(v) != "1b" {
				t.Errorf("key`:testdata under -u: %v %v", v, err)
			}
		}
	}
}

func TestServeExit(t *testing.T) {
	s := startServer(t, "")
	c := mustDial(t, s.addr)
	c.async(t, k.Chars("\\\\"))
	select {
	case err := <-s.exit:
		if _, ok := err.(*ExitError); !ok {
			t.Errorf("\\\\: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("\\\\ from a client did not ask to exit")
	}
}

// TestServeBigMessage sends a message of 8 MB in pieces, slowly.
func TestServeBigMessage(t *testing.T) {
	s := startServer(t, "")
	c := mustDial(t, s.addr)
	b := mustMessage(t, k.List{k.Chars("{sum x}"), make(k.Floats, 1<<20)})
	if binary.LittleEndian.Uint32(b[4:]) != uint32(len(b)) {
		t.Fatal("length")
	}
	for len(b) > 0 {
		n := min(len(b), 1<<20)
		c.c.Write(b[:n])
		b = b[n:]
		time.Sleep(time.Millisecond)
	}
	if v, err := c.read(t); err != nil || show(v) != "0f" {
		t.Fatalf("8 MB: %v %v", v, err)
	}
}

// TestServeWorkspace: under -w, a message claiming more than the
// workspace drops its client at once, before any of it arrives; the
// server goes on answering others.
func TestServeWorkspace(t *testing.T) {
	defer ws.SetLimit(ws.SetLimit(256 << 20))
	s := startServer(t, "")
	c := mustDial(t, s.addr)
	start := time.Now()
	c.c.Write([]byte{1, codec.Sync, 0, 0, 0, 0, 0, 0x40}) // 1 GB claimed
	if !dropped(c.c) {
		t.Error("a 1 GB claim under a 256 MB workspace: the connection stays open")
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("dropped after %v", d)
	}
	alive(t, s)
}

// TestServeSlowClient: a client that asks for 16 MB and reads none of
// it holds up nobody: its answers wait in its own queue.
func TestServeSlowClient(t *testing.T) {
	s := startServer(t, "v:100000?1f")
	slow := mustDial(t, s.addr)
	for range 20 {
		slow.c.Write(mustMessage(t, k.Chars("v")))
	}
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	alive(t, s)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("another client waited %v", d)
	}
	if got := s.eval(t, "sum value .z.W"); got == "0\n" {
		t.Errorf("nothing queued for the slow client: .z.W %s", s.eval(t, ".z.W"))
	}
}

// TestServeShortHandshake: credentials shorter than an HTTP method
// ("\x03\x00", "G\x03\x00") are answered at once, not after the
// handshake's timeout.
func TestServeShortHandshake(t *testing.T) {
	s := startServer(t, "")
	for _, cred := range []string{"", "G", "GE", ":"} {
		start := time.Now()
		c, err := dialRaw(t, s.addr, cred)
		if err != nil {
			t.Fatalf("%q: %v", cred, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q: answered after %v", cred, d)
		}
		if v, err := c.call(t, k.Chars("1+1")); err != nil || show(v) != "2" {
			t.Errorf("%q: %v %v", cred, v, err)
		}
	}
}
