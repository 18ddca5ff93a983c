// Package kdbgo_test checks a running kt server with the open-source Go
// client github.com/sv/kdbgo, which this project did not write. The
// server's address is $KT_ADDR (started with -compress, so that it
// compresses its responses to this loopback client as kdb+ does to a
// remote one) and $KT_AUTH_ADDR (started with a password file);
// test/clients/run.sh starts both.
package kdbgo_test

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	uuid "github.com/nu7hatch/gouuid"
	kdb "github.com/sv/kdbgo"
)

func addr(t *testing.T, env string) (string, int) {
	t.Helper()
	a := os.Getenv(env)
	if a == "" {
		t.Fatalf("$%s is not set: run test/clients/run.sh", env)
	}
	host, port, err := net.SplitHostPort(a)
	if err != nil {
		t.Fatal(err)
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		t.Fatal(err)
	}
	return host, p
}

func dial(t *testing.T) *kdb.KDBConn {
	t.Helper()
	host, port := addr(t, "KT_ADDR")
	c, err := kdb.DialKDBTimeout(host, port, "kdbgo:", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func call(t *testing.T, c *kdb.KDBConn, q string, args ...*kdb.K) *kdb.K {
	t.Helper()
	r, err := c.Call(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return r
}

func k(typ int8, data any) *kdb.K { return &kdb.K{Type: typ, Attr: kdb.NONE, Data: data} }

// clock builds the time-of-day values kdbgo decodes minutes, seconds and
// times to.
func clock(d time.Duration) time.Time { return time.Time{}.Add(d) }

var guid = uuid.UUID{0x0a, 0x36, 0x90, 0x37, 0x75, 0xd3, 0xb2, 0x4d, 0x67, 0x21, 0x5a, 0x1d, 0x44, 0xd4, 0xbe, 0xd5}

const guidText = `"G"$"0a369037-75d3-b24d-6721-5a1d44d4bed5"`

// types pairs q text with the value kdbgo gives for it. Each is checked
// both ways: kt's answer to the text decodes to the value, and the value
// sent to kt matches the text there.
var types = []struct {
	q    string
	want *kdb.K
	send *kdb.K // what kdbgo sends for the type, when its encoder differs from its decoder
}{
	{"1b", k(-kdb.KB, true), nil},
	{"0x2a", k(-kdb.KG, byte(42)), nil},
	{"7h", k(-kdb.KH, int16(7)), nil},
	{"7i", k(-kdb.KI, int32(7)), nil},
	{"7", k(-kdb.KJ, int64(7)), nil},
	{"0N", k(-kdb.KJ, int64(-1<<63)), nil},
	{"0W", k(-kdb.KJ, int64(1<<63-1)), nil},
	{"1.5e", k(-kdb.KE, float32(1.5)), nil},
	{"1.5", k(-kdb.KF, 1.5), nil},
	{"`ab", k(-kdb.KS, "ab"), nil},
	{guidText, k(-kdb.UU, guid), nil},
	{"2000.01.02D03:04:05.000000006", k(-kdb.KP, time.Date(2000, 1, 2, 3, 4, 5, 6, time.UTC)), nil},
	{"10b", k(kdb.KB, []bool{true, false}), nil},
	{"0x0102", k(kdb.KG, []byte{1, 2}), nil},
	{"1 2h", k(kdb.KH, []int16{1, 2}), noSend}, // kdbgo's encoder has no short vectors
	{"1 2i", k(kdb.KI, []int32{1, 2}), nil},
	{"1 2 0N", k(kdb.KJ, []int64{1, 2, -1 << 63}), nil},
	{"1 2e", k(kdb.KE, []float32{1, 2}), nil},
	{"1.5 -2", k(kdb.KF, []float64{1.5, -2}), nil},
	{`"ab"`, k(kdb.KC, "ab"), nil},
	{"`a`bc", k(kdb.KS, []string{"a", "bc"}), nil},
	{"2#" + guidText, k(kdb.UU, []uuid.UUID{guid, guid}), nil},
	{"2000.01.02D03:04:05.000000006 2000.01.02D00:00:00", k(kdb.KP, []time.Time{time.Date(2000, 1, 2, 3, 4, 5, 6, time.UTC), time.Date(2000, 1, 2, 0, 0, 0, 0, time.UTC)}), nil},
	{"2000.03 2000.04m", k(kdb.KM, []kdb.Month{2, 3}), k(kdb.KM, []int32{2, 3})},
	{"2000.01.02 2000.01.03", k(kdb.KD, []time.Time{time.Date(2000, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2000, 1, 3, 0, 0, 0, 0, time.UTC)}), k(kdb.KD, []int32{1, 2})},
	{"2000.01.02T03:04:05.006 2000.01.01T00:00:00.000", k(kdb.KZ, []time.Time{time.Date(2000, 1, 2, 3, 4, 5, 6e6, time.UTC), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}), k(kdb.KZ, []float64{1 + 11045.006/86400, 0})},
	{"0D03:04:05.000000006 0D00:00:01", k(kdb.KN, []time.Duration{11045000000006, 1e9}), k(kdb.KN, []int64{11045000000006, 1e9})},
	{"03:04 03:05", k(kdb.KU, []kdb.Minute{kdb.Minute(clock(184 * time.Minute)), kdb.Minute(clock(185 * time.Minute))}), k(kdb.KU, []int32{184, 185})},
	{"03:04:05 03:04:06", k(kdb.KV, []kdb.Second{kdb.Second(clock(11045 * time.Second)), kdb.Second(clock(11046 * time.Second))}), k(kdb.KV, []int32{11045, 11046})},
	{"03:04:05.006 03:04:05.007", k(kdb.KT, []kdb.Time{kdb.Time(time.Date(2000, 1, 1, 3, 4, 5, 6e6, time.UTC)), kdb.Time(time.Date(2000, 1, 1, 3, 4, 5, 7e6, time.UTC))}), k(kdb.KT, []int32{11045006, 11045007})},
	{"(1;`a;\"bc\")", kdb.NewList(kdb.Long(1), kdb.Symbol("a"), k(kdb.KC, "bc")), nil},
	{"`a`b!1 2", kdb.NewDict(kdb.SymbolV([]string{"a", "b"}), kdb.LongV([]int64{1, 2})), nil},
	{"([]a:1 2;b:`x`y)", kdb.NewTable([]string{"a", "b"}, []*kdb.K{kdb.LongV([]int64{1, 2}), kdb.SymbolV([]string{"x", "y"})}), nil},
	{"([k:1 2]v:`a`b)", kdb.NewDict(kdb.NewTable([]string{"k"}, []*kdb.K{kdb.LongV([]int64{1, 2})}), kdb.NewTable([]string{"v"}, []*kdb.K{kdb.SymbolV([]string{"a", "b"})})), nil},
	{"{x+1}", k(kdb.KFUNC, kdb.Function{Body: "{x+1}"}), nil},
}

// noSend marks a value kdbgo cannot send.
var noSend = &kdb.K{}

func same(a, b *kdb.K) bool {
	return a.Type == b.Type && fmt.Sprintf("%#v", a.Data) == fmt.Sprintf("%#v", b.Data) || a.Type == b.Type && a.String() == b.String() && a.Type >= 0
}

func TestTypesBothWays(t *testing.T) {
	c := dial(t)
	for _, tt := range types {
		got, err := c.Call(tt.q)
		if err != nil {
			t.Errorf("%s: %v", tt.q, err)
			continue
		}
		if !same(got, tt.want) {
			t.Errorf("kt -> kdbgo %s: got %d %#v, want %d %#v", tt.q, got.Type, got.Data, tt.want.Type, tt.want.Data)
		}
		send := tt.want
		if tt.send == noSend {
			continue
		}
		if tt.send != nil {
			send = tt.send
		}
		r, err := c.Call("{x~"+tt.q+"}", send)
		if err != nil {
			t.Errorf("kdbgo -> kt %s: %v", tt.q, err)
			continue
		}
		if b, ok := r.Data.(bool); !ok || !b {
			got := call(t, c, "{.Q.s1 x}", send)
			t.Errorf("kdbgo -> kt %s: kt read %v", tt.q, got.Data)
		}
	}
}

func TestErrors(t *testing.T) {
	c := dial(t)
	for q, want := range map[string]string{"1+`a": "type", "'`custom": "custom", "undefinedname": "undefinedname", "f:{x+1};f[1;2]": "rank"} {
		_, err := c.Call(q)
		if err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want '%s", q, err, want)
		}
	}
	if r := call(t, c, "1+1"); r.Data != int64(2) {
		t.Errorf("after the errors: %v", r)
	}
}

func TestSyncAndAsync(t *testing.T) {
	c := dial(t)
	call(t, c, "seen:()")
	for i := range 200 {
		if err := c.AsyncCall("{seen::seen,x}", kdb.Long(int64(i))); err != nil {
			t.Fatal(err)
		}
	}
	// a sync request after them is answered after they are all done
	r := call(t, c, "(count seen;sum seen;seen~til 200)")
	if got := r.String(); !strings.Contains(fmt.Sprint(r.Data.([]*kdb.K)[0].Data), "200") || r.Data.([]*kdb.K)[2].Data != true {
		t.Errorf("after 200 async messages: %s", got)
	}
}

// TestCompression: kdbgo compresses what it sends; kt, started with
// -compress, compresses its answers over 2000 bytes. The answer's header
// is read off the wire to see that it came compressed.
func TestCompression(t *testing.T) {
	host, port := addr(t, "KT_ADDR")
	nc, err := net.DialTimeout("tcp", net.JoinHostPort(host, strconv.Itoa(port)), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(30 * time.Second))
	nc.Write([]byte("kdbgo:\x03\x00"))
	var capability [1]byte
	if _, err := nc.Read(capability[:]); err != nil || capability[0] != 3 {
		t.Fatalf("handshake: %v %v", capability, err)
	}
	big := make([]int64, 100000)
	var sum int64
	for i := range big {
		big[i] = int64(i % 7)
		sum += big[i]
	}
	// kdbgo's Encode compresses this request
	var sent countingWriter
	kdb.Encode(&sent, kdb.SYNC, kdb.NewList(k(kdb.KC, "{(sum x;x)}"), kdb.LongV(big)))
	if sent.n >= 8*len(big)/2 || sent.compressed != 1 {
		t.Fatalf("kdbgo sent %d bytes, compressed flag %d: not compressed", sent.n, sent.compressed)
	}
	kdb.Encode(nc, kdb.SYNC, kdb.NewList(k(kdb.KC, "{(sum x;x)}"), kdb.LongV(big)))
	r := bufio.NewReader(nc)
	head, err := r.Peek(8)
	if err != nil {
		t.Fatal(err)
	}
	if head[2] != 1 {
		t.Errorf("kt's answer of %d longs came uncompressed", len(big))
	}
	v, _, err := kdb.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	l := v.Data.([]*kdb.K)
	if l[0].Data != sum || fmt.Sprint(l[1].Data) != fmt.Sprint(big) {
		t.Errorf("compressed round trip: sum %v", l[0].Data)
	}
}

type countingWriter struct {
	n          int
	compressed byte
}

func (w *countingWriter) Write(b []byte) (int, error) {
	w.n += len(b)
	if len(b) > 2 {
		w.compressed = b[2]
	}
	return len(b), nil
}

func TestAuth(t *testing.T) {
	host, port := addr(t, "KT_AUTH_ADDR")
	for cred, ok := range map[string]bool{"plain:pw": true, "hashed:secret": true, "plain:wrong": false, "hashed:": false, "nobody:pw": false} {
		c, err := kdb.DialKDBTimeout(host, port, cred, 10*time.Second)
		if err == nil {
			// a refused client's connection is closed at once: a call fails
			_, err = c.Call(".z.u")
			c.Close()
		}
		if (err == nil) != ok {
			t.Errorf("%s: accepted %v, want %v (%v)", cred, err == nil, ok, err)
		}
	}
}

// TestLossOverIPC calls the k-api as a q client would, h("mse";(x;y)):
// like ktorch's, kt's loss functions take one argument, the list of
// inputs, targets and options.
func TestLossOverIPC(t *testing.T) {
	c := dial(t)
	x, y := kdb.FloatV([]float64{1, 3, 6, 9}), kdb.FloatV([]float64{1, 2, 4, 8})
	if r := call(t, c, "mse", kdb.NewList(x, y)); r.Type != -kdb.KF || r.Data != 1.5 {
		t.Errorf("mse: %v", r)
	}
	r := call(t, c, "mse", kdb.NewList(x, y, kdb.Symbol("none")))
	if fmt.Sprint(r.Data) != "[0 1 4 1]" {
		t.Errorf("mse none: %v", r)
	}
}

func TestFortyClients(t *testing.T) {
	host, port := addr(t, "KT_ADDR")
	const clients, calls = 40, 50
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	start := make(chan struct{})
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := kdb.DialKDBTimeout(host, port, "client"+strconv.Itoa(i)+":", 10*time.Second)
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			<-start
			for j := range calls {
				r, err := c.Call("{(x;y;.z.u)}", kdb.Long(int64(i)), kdb.Long(int64(j)))
				if err != nil {
					errs <- err
					return
				}
				l := r.Data.([]*kdb.K)
				if l[0].Data != int64(i) || l[1].Data != int64(j) || l[2].Data != "client"+strconv.Itoa(i) {
					errs <- fmt.Errorf("client %d call %d: %v", i, j, r)
					return
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
