package q

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"kt/codec"
	"kt/k"
)

// server is an interpreter listening on a loopback port, with the loop a
// host runs: each event served under the interpreter's lock.
type server struct {
	in   *Interp
	mu   sync.Mutex
	addr string
	done chan struct{}
	exit chan error
}

// startServer starts a server that first runs setup; it stops when the
// test ends.
func startServer(t testing.TB, setup string) *server {
	t.Helper()
	s := &server{in: New(), done: make(chan struct{}), exit: make(chan error, 1)}
	s.in.Stdout, s.in.Stderr = io.Discard, io.Discard
	if setup != "" {
		if err := s.in.Script(setup); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.in.Listen("0W"); err != nil {
		t.Fatal(err)
	}
	s.addr = "127.0.0.1:" + strconv.Itoa(s.in.Port())
	go func() {
		for {
			select {
			case ev := <-s.in.Events():
				s.mu.Lock()
				err := s.in.Serve(ev)
				s.mu.Unlock()
				if err != nil {
					s.exit <- err
				}
			case <-s.done:
				return
			}
		}
	}()
	t.Cleanup(func() {
		close(s.done)
		s.mu.Lock()
		s.in.CloseNet()
		s.mu.Unlock()
	})
	return s
}

// eval runs a line on the server's interpreter, under its lock.
func (s *server) eval(t testing.TB, src string) string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	out, err := s.in.Line(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return out
}

// rawClient is a kdb+ client written straight from the protocol: it
// takes no code from the server side.
type rawClient struct {
	c net.Conn
	r *bufio.Reader
}

// dialRaw opens a connection with credentials and capability 3.
func dialRaw(t testing.TB, addr, cred string) (*rawClient, error) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := c.Write(append([]byte(cred), 3, 0)); err != nil {
		return nil, err
	}
	r := bufio.NewReader(c)
	b, err := r.ReadByte()
	if err != nil {
		return nil, err
	}
	if b != 3 {
		t.Fatalf("capability %d, want 3", b)
	}
	return &rawClient{c, r}, nil
}

func mustDial(t testing.TB, addr string) *rawClient {
	t.Helper()
	c, err := dialRaw(t, addr, "test:")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// call sends x as a sync message and returns the response.
func (c *rawClient) call(t testing.TB, x k.V) (k.V, error) {
	t.Helper()
	b, err := codec.Message(x, codec.Sync, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.c.Write(b); err != nil {
		t.Fatal(err)
	}
	return c.read(t)
}

func (c *rawClient) read(t testing.TB) (k.V, error) {
	t.Helper()
	v, typ, err := codec.ReadMessage(c.r, nil)
	var ke *k.Error
	if err != nil && !errors.As(err, &ke) {
		t.Fatalf("read: %v", err)
	}
	if err == nil && typ != codec.Response {
		t.Fatalf("message type %d, want a response", typ)
	}
	return v, err
}

func (c *rawClient) async(t testing.TB, x k.V) {
	t.Helper()
	b, err := codec.Message(x, codec.Async, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.c.Write(b); err != nil {
		t.Fatal(err)
	}
}

func show(v k.V) string { return k.DefaultPrinter().String1(v) }

func TestServeSyncAsyncErrors(t *testing.T) {
	s := startServer(t, "f:{x*2}\nplus:{x+y}")
	c := mustDial(t, s.addr)
	tests := []struct {
		send k.V
		want string
		err  string
	}{
		{k.Chars("1+1"), "2", ""},
		{k.Chars("til 3"), "0 1 2", ""},
		{k.List{k.Sym("f"), k.Long(21)}, "42", ""},
		{k.List{k.Chars("plus"), k.Long(1), k.Long(2)}, "3", ""},
		{k.List{k.Sym("plus"), k.Floats{1, 2}, k.Float(0.5)}, "1.5 2.5", ""},
		{k.Chars("`a+1"), "", "type"},
		{k.Chars("undefinedname"), "", "undefinedname"},
		{k.Chars("'`custom"), "", "custom"},
		{k.Chars("([]a:1 2;b:`x`y)"), "+`a`b!(1 2;`x`y)", ""},
	}
	for _, tt := range tests {
		v, err := c.call(t, tt.send)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v, want '%s", show(tt.send), err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", show(tt.send), err)
			continue
		}
		if tt.want != "" && show(v) != tt.want {
			t.Errorf("%s: %s, want %s", show(tt.send), show(v), tt.want)
		}
	}
	// async messages are handled in order, before the sync one after them
	for i := range 100 {
		c.async(t, k.Chars("n:"+strconv.Itoa(i)))
	}
	c.async(t, k.Chars("1+`a")) // an async error has nobody to answer
	if v, err := c.call(t, k.Chars("n")); err != nil || show(v) != "99" {
		t.Errorf("n: %v %v, want 99", v, err)
	}
}

func TestServeHandlers(t *testing.T) {
	s := startServer(t, "opened:();closed:();seen:()\n"+
		".z.po:{opened::opened,x}\n"+
		".z.pc:{closed::closed,x}\n"+
		".z.pg:{seen::seen,enlist(.z.w;.z.u;x);$[x~\"who\";(.z.w;.z.u;.z.a);value x]}\n"+
		".z.ps:{seen::seen,enlist(.z.w;`async;x)}")
	c := mustDial(t, s.addr)
	v, err := c.call(t, k.Chars("who"))
	if err != nil {
		t.Fatal(err)
	}
	if got := show(v); got != "(3i;`test;2130706433i)" {
		t.Errorf("who: %s", got)
	}
	c.async(t, k.Chars("x"))
	if v, _ := c.call(t, k.Chars("count seen")); show(v) != "3" {
		t.Errorf("count seen: %s", show(v))
	}
	if v, _ := c.call(t, k.Chars("(opened;key .z.W)")); show(v) != "(,3i;,3i)" {
		t.Errorf("opened, .z.W: %s", show(v))
	}
	c.c.Close()
	deadline := time.Now().Add(5 * time.Second)
	for s.eval(t, "closed") != ",3i\n" {
		if time.Now().After(deadline) {
			t.Fatal(".z.pc was not called")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := s.eval(t, ".z.W"); got != "" && got != "(`int$())!`long$()\n" {
		t.Errorf(".z.W after close: %q", got)
	}
}

// TestServeBigEndian sends what a big-endian machine sends.
func TestServeBigEndian(t *testing.T) {
	s := startServer(t, "")
	c := mustDial(t, s.addr)
	// the string "2+3": type 10, attribute 0, count 3, then the bytes
	body := []byte{10, 0, 0, 0, 0, 3, '2', '+', '3'}
	msg := append([]byte{0, codec.Sync, 0, 0, 0, 0, 0, 0}, body...)
	binary.BigEndian.PutUint32(msg[4:], uint32(len(msg)))
	c.c.Write(msg)
	v, err := c.read(t)
	if err != nil || show(v) != "5" {
		t.Fatalf("big-endian 2+3: %v %v", show(v), err)
	}
}

func TestServeCompression(t *testing.T) {
	s := startServer(t, "")
	s.in.CompressLocal = true
	c := mustDial(t, s.addr)
	// a compressed request
	req, _ := codec.Message(k.List{k.Chars("{sum x}"), make(k.Longs, 10000)}, codec.Sync, nil)
	z := codec.Compress(req)
	if z[2] != 1 {
		t.Fatal("the request did not compress")
	}
	c.c.Write(z)
	if v, err := c.read(t); err != nil || show(v) != "0" {
		t.Fatalf("compressed request: %v %v", v, err)
	}
	// a compressed response
	c.c.Write(mustMessage(t, k.Chars("10000#1b")))
	var h [8]byte
	io.ReadFull(c.r, h[:])
	n := binary.LittleEndian.Uint32(h[4:])
	rest := make([]byte, n-8)
	io.ReadFull(c.r, rest)
	if h[2] != 1 {
		t.Fatalf("response not compressed: header % x", h)
	}
	v, _, err := codec.Unmessage(append(h[:], rest...), nil)
	if err != nil || k.Count(v) != 10000 {
		t.Fatalf("compressed response: %v", err)
	}
	// without the switch, a loopback peer gets it as it is
	s.mu.Lock()
	s.in.CompressLocal = false
	s.mu.Unlock()
	c.c.Write(mustMessage(t, k.Chars("10000#1b")))
	io.ReadFull(c.r, h[:])
	if h[2] != 0 || binary.LittleEndian.Uint32(h[4:]) != 8+6+10000 {
		t.Fatalf("loopback response: header % x", h)
	}
}

func mustMessage(t testing.TB, x k.V) []byte {
	t.Helper()
	b, err := codec.Message(x, codec.Sync, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestServeManyClients has 40 clients send at once while the console
// evaluates lines between their messages; go test -race checks that the
// one interpreter is never touched by two goroutines at a time.
func TestServeManyClients(t *testing.T) {
	s := startServer(t, "total:0\nadd:{total::total+x;total}")
	const clients, calls = 40, 50
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := dialRaw(t, s.addr, "c"+strconv.Itoa(i)+":")
			if err != nil {
				errs <- err
				return
			}
			for j := range calls {
				v, err := c.call(t, k.List{k.Chars("{(x;.z.u;add 1)}"), k.Long(j)})
				if err != nil {
					errs <- err
					return
				}
				l := v.(k.List)
				if l[0] != k.Long(j) || l[1] != k.Sym("c"+strconv.Itoa(i)) {
					errs <- errors.New("client " + strconv.Itoa(i) + ": " + show(v))
					return
				}
			}
		}()
	}
	for range 100 {
		s.eval(t, "total+:0")
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := s.eval(t, "total"); got != strconv.Itoa(clients*calls)+"\n" {
		t.Errorf("total %s, want %d", got, clients*calls)
	}
}

// TestServeDeferred: .z.pg defers its response with -30!(::); the
// console answers later with -30!(h;0b;x) or the error -30!(h;1b;msg).
func TestServeDeferred(t *testing.T) {
	s := startServer(t, "waiting:()\n.z.pg:{$[x~\"now\";1;[waiting::waiting,.z.w;-30!(::)]]}")
	c := mustDial(t, s.addr)
	if v, err := c.call(t, k.Chars("now")); err != nil || show(v) != "1" {
		t.Fatalf("now: %v %v", v, err)
	}
	for _, tt := range []struct{ answer, want, err string }{
		{"-30!(first waiting;0b;`later)", "`later", ""},
		{"-30!(first waiting;1b;\"nope\")", "", "nope"},
	} {
		got := make(chan string, 1)
		go func() {
			v, err := c.call(t, k.Chars("later"))
			if err != nil {
				got <- "'" + err.Error()
				return
			}
			got <- show(v)
		}()
		deadline := time.Now().Add(5 * time.Second)
		for s.eval(t, "count waiting") != "1\n" {
			if time.Now().After(deadline) {
				t.Fatal("the request never came")
			}
			time.Sleep(5 * time.Millisecond)
		}
		s.eval(t, tt.answer)
		s.eval(t, "waiting:()")
		want := tt.want
		if tt.err != "" {
			want = "'" + tt.err
		}
		if r := <-got; r != want {
			t.Errorf("%s: %s, want %s", tt.answer, r, want)
		}
	}
	// no response is owed now
	s.mu.Lock()
	_, err := s.in.Line("-30!(3i;0b;1)")
	s.mu.Unlock()
	if err == nil || !strings.Contains(err.Error(), "not expecting") {
		t.Errorf("a response nobody waits for: %v", err)
	}
}
