package q

import (
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"kt/k"
)

// BenchmarkIPC measures the server side by side with the loopback it
// runs on: round trips of a small query from 1 and from 40 clients
// (round-trips/s), and a vector of 1e7 floats sent to kt and fetched from
// it, against the same 80 MB through a bare TCP connection, all in one
// run: go test -run XXX -bench IPC ./q
func BenchmarkIPC(b *testing.B) {
	s := startServer(b, "v:10000000?1f")
	query := k.Chars("1+1")
	b.Run("roundtrip/clients=1", func(b *testing.B) {
		c := mustDial(b, s.addr)
		c.c.SetDeadline(time.Time{})
		b.ResetTimer()
		for range b.N {
			if _, err := c.call(b, query); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "round-trips/s")
	})
	b.Run("roundtrip/clients=40", func(b *testing.B) {
		const clients = 40
		cs := make([]*rawClient, clients)
		for i := range cs {
			cs[i] = mustDial(b, s.addr)
			cs[i].c.SetDeadline(time.Time{})
		}
		b.ResetTimer()
		var wg sync.WaitGroup
		for i, c := range cs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := i; j < b.N; j += clients {
					if _, err := c.call(b, query); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "round-trips/s")
	})
	floats := make(k.Floats, 1e7)
	b.Run("1e7 floats/to kt", func(b *testing.B) {
		c := mustDial(b, s.addr)
		c.c.SetDeadline(time.Time{})
		b.SetBytes(8e7)
		msg := k.List{k.Chars("{count x}"), floats}
		for range b.N {
			if _, err := c.call(b, msg); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("1e7 floats/from kt", func(b *testing.B) {
		c := mustDial(b, s.addr)
		c.c.SetDeadline(time.Time{})
		b.SetBytes(8e7)
		for range b.N {
			if v, err := c.call(b, k.Chars("v")); err != nil || k.Count(v) != 1e7 {
				b.Fatal(err)
			}
		}
	})
	b.Run("1e7 floats/raw TCP", func(b *testing.B) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		defer ln.Close()
		go func() {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
			buf := make([]byte, 64<<10)
			for {
				// answer each 80 MB with one byte, as a response would
				left := int(8e7)
				for left > 0 {
					m, err := c.Read(buf[:min(len(buf), left)])
					if err != nil {
						return
					}
					left -= m
				}
				c.Write([]byte{1})
			}
		}()
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		data := make([]byte, 8e7)
		b.SetBytes(8e7)
		b.ResetTimer()
		var ack [1]byte
		for range b.N {
			if _, err := c.Write(data); err != nil {
				b.Fatal(err)
			}
			if _, err := io.ReadFull(c, ack[:]); err != nil {
				b.Fatal(err)
			}
		}
	})
}
