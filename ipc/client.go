package ipc

import (
	"errors"
	"net"
	"time"
)

// Dial opens a connection to a kdb+ server at addr ("host:port") with the
// given credentials, within timeout (zero: no limit), and starts reading
// its messages: responses into Response, anything else into events.
func Dial(addr, user, pass string, timeout time.Duration, events chan<- Event) (*Conn, error) {
	d := net.Dialer{Timeout: timeout}
	nc, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c := newConn(nc, time.Minute)
	c.User, c.Password, c.client = user, pass, true
	c.resp = make(chan []byte)
	c.arrived = make(chan struct{}, 1)
	if timeout > 0 {
		nc.SetDeadline(time.Now().Add(timeout))
	}
	cred := append([]byte(user+":"+pass), Capability, 0)
	if _, err := nc.Write(cred); err != nil {
		nc.Close()
		return nil, err
	}
	var cap [1]byte
	if _, err := c.r.Read(cap[:]); err != nil {
		nc.Close()
		return nil, errors.New("access") // the server closed: refused
	}
	nc.SetDeadline(time.Time{})
	c.Cap = min(cap[0], Capability)
	go c.read(events)
	return c, nil
}
