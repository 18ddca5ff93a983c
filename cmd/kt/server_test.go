package main

import (
	"bufio"
	"errors"
	"net"
	"os/exec"
	"strings"
	"testing"
	"time"

	"kt/codec"
	"kt/k"
)

// client is a kdb+ client on kt's port, written from the protocol.
type client struct {
	t *testing.T
	c net.Conn
	r *bufio.Reader
}

func dialKT(t *testing.T, port string) *client {
	t.Helper()
	c, err := net.DialTimeout("tcp", "127.0.0.1:"+port, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(20 * time.Second))
	c.Write([]byte("me:\x03\x00"))
	r := bufio.NewReader(c)
	if b, err := r.ReadByte(); err != nil || b != 3 {
		t.Fatalf("handshake: %v %v", b, err)
	}
	return &client{t, c, r}
}

func (c *client) send(x string, typ byte) {
	c.t.Helper()
	b, err := codec.Message(k.Chars(x), typ, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := c.c.Write(b); err != nil {
		c.t.Fatal(err)
	}
}

// call sends a sync request and returns the response as the console
// shows it in one line, or the error.
func (c *client) call(x string) string {
	c.t.Helper()
	c.send(x, codec.Sync)
	v, _, err := codec.ReadMessage(c.r, nil)
	var ke *k.Error
	if errors.As(err, &ke) {
		return "'" + ke.Msg
	}
	if err != nil {
		c.t.Fatalf("%s: %v", x, err)
	}
	return k.DefaultPrinter().String1(v)
}

// TestServer runs kt -p 0W: the console and a client share one
// session; the end of the console's input leaves the server serving; a
// client's exit ends the process with .z.exit.
func TestServer(t *testing.T) {
	p := startKT(t, "-p", "0W", "-T", "5")
	port := strings.TrimSuffix(p.ask(`\p`), "i")
	if port == "0" {
		t.Fatal("not listening")
	}
	c := dialKT(t, port)
	p.ask(`a:6;-1 "set";`)
	if got := c.call("a*7"); got != "42" {
		t.Errorf("a*7: %s", got)
	}
	c.send("b:`fromclient", codec.Async)
	if got := c.call("b"); got != "`fromclient" {
		t.Errorf("b: %s", got)
	}
	if got := p.ask("b"); got != "`fromclient" {
		t.Errorf("console b: %s", got)
	}
	if got := c.call(`\T`); got != "5i" {
		t.Errorf(`\T: %s`, got)
	}
	if got := c.call("1+`a"); got != "'type" {
		t.Errorf("1+`a: %s", got)
	}
	p.ask(`.z.exit:{-1 "exit ",string x};-1 "ok";`)
	p.in.Close()
	time.Sleep(100 * time.Millisecond)
	if got := c.call("a"); got != "6" {
		t.Errorf("after the console's input ended: %s", got)
	}
	c.send("exit 3", codec.Async)
	if got := p.read("exit"); got != "exit 3" {
		t.Errorf(".z.exit wrote %q", got)
	}
	err := p.cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Errorf("exit: %v, want code 3", err)
	}
}

func TestServerFlags(t *testing.T) {
	for _, args := range [][]string{{"-p", "nonsense"}, {"-U", "/nonexistent/users"}, {"-T", "-1"}} {
		out, err := exec.Command(ktBinary(t), args...).CombinedOutput()
		if err == nil {
			t.Errorf("%v: no error; output %q", args, out)
		}
	}
}

// TestServerTimer: the timer goes on firing while kt serves clients.
func TestServerTimer(t *testing.T) {
	p := startKT(t, "-p", "0W", "-t", "20")
	p.ask(`ticks:0;.z.ts:{ticks::ticks+1};-1 "ok";`)
	port := strings.TrimSuffix(p.ask(`\p`), "i")
	c := dialKT(t, port)
	first := c.call("ticks")
	deadline := time.Now().Add(10 * time.Second)
	for c.call("ticks") == first {
		if time.Now().After(deadline) {
			t.Fatalf("ticks stays %s", first)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
