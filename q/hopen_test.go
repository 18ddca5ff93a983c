package q

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestKtToKt has one interpreter call another through hopen.
func TestKtToKt(t *testing.T) {
	srv := startServer(t, "f:{x*2}\nlast5:()\n.z.ps:{last5::x;value x}")
	cli := startServer(t, "lost:()\n.z.pc:{lost::lost,x}")
	port := strconv.Itoa(srv.in.Port())
	tests := []struct{ line, want string }{
		{"h:hopen`$\"::" + port + "\"", ""},
		{"h\"1+1\"", "2\n"},
		{"h(`f;21)", "42\n"},
		{"h({x+y};2;3)", "5\n"},
		{"h(+;1 2;3)", "4 5\n"},
		{"neg[h]\"a:5\"", ""},
		{"neg[h][]", ""},
		{"h\"a\"", "5\n"},
		{"h\"last5\"", "\"a:5\"\n"},
		{"@[{h x};\"`a+1\";{\"remote '\",x}]", "\"remote 'type\"\n"},
		{"h\"([]x:1 2;y:`a`b)\"", "x y\n---\n1 a\n2 b\n"},
		{"h\"2000.01.02D03:04:05.000000006 + 0D\"", "2000.01.02D03:04:05.000000006\n"},
		{"h\"\\\\p\"", port + "i\n"},
		{"(`$\"::" + port + "\")\"2+3\"", "5\n"}, // one-shot
		{"h2:hopen(`$\":localhost:" + port + ":ann:pw\";1000)", ""},
		{"h2\".z.u\"", "`ann\n"},
		{"(h;h2) in key .z.W", "11b\n"},
		// deferred sync, as q's documentation shows it: the server answers
		// with neg[.z.w], the client waits with h[]
		{"h\"proc:{neg[.z.w] sum x};\"", ""},
		{"neg[h](`proc;1 2 3);res:h[];res", "6\n"},
		{"neg[h](`proc;til 10);neg[h](`proc;1 1);(h[];h[])", "2 45\n"}, // right to left
		// an async message nobody waits for goes to .z.ps
		{"got:();.z.ps:{got::got,x}", ""},
		{"h\"neg[.z.w] 42\"", ""},
		{"hclose h2", ""},
		{"h2 in key .z.W", "0b\n"},
		{"@[{h2 x};\"1\";{x}]", "\"type\"\n"},
	}
	for _, tt := range tests {
		if got := cli.eval(t, tt.line); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.line, got, tt.want)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for cli.eval(t, "got") != ",42\n" {
		if time.Now().After(deadline) {
			t.Fatalf("an async message to the client: got %q", cli.eval(t, "got"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	// the server closes the connection: the request fails and .z.pc runs
	cli.mu.Lock()
	_, err := cli.in.Line("h\"hclose .z.w\"")
	cli.mu.Unlock()
	if err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("request on a connection the server closed: %v", err)
	}
	deadline = time.Now().Add(5 * time.Second)
	for cli.eval(t, "lost") == "" || cli.eval(t, "lost~enlist h") != "1b\n" {
		if time.Now().After(deadline) {
			t.Fatalf(".z.pc on the client: lost is %s", cli.eval(t, "lost"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	// a port nobody listens on
	cli.mu.Lock()
	_, err = cli.in.Line("hopen 1")
	cli.mu.Unlock()
	if err == nil || !strings.Contains(err.Error(), "hop") {
		t.Errorf("hopen 1: %v", err)
	}
}
