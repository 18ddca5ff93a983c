package ipc

import (
	"bytes"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"io"
	"net/http"
	"strings"

	"kt/k"
)

// WebSocket frames (RFC 6455) on a connection that an HTTP request
// upgraded: the interpreter accepts the upgrade (AcceptWebSocket), then
// each text or binary message arrives as a WebSocket event, and
// WriteWebSocket sends one back.

// maxWebSocketMessage bounds one message, its fragments joined.
const maxWebSocketMessage = 64 << 20

const (
	opContinue = 0x0
	opText     = 0x1
	opBinary   = 0x2
	opClose    = 0x8
	opPing     = 0x9
	opPong     = 0xa
)

// IsWebSocket reports whether an HTTP request asks to upgrade to a
// websocket.
func IsWebSocket(req *http.Request) bool {
	return strings.EqualFold(req.Header.Get("Upgrade"), "websocket") && req.Header.Get("Sec-WebSocket-Key") != ""
}

// AcceptWebSocket answers an upgrade request and starts reading the
// connection's websocket messages into events.
func (c *Conn) AcceptWebSocket(req *http.Request, events chan<- Event) error {
	sum := sha1.Sum([]byte(req.Header.Get("Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	c.WebSocket = true
	if _, err := c.Write([]byte("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Accept: " + base64.StdEncoding.EncodeToString(sum[:]) + "\r\n\r\n")); err != nil {
		return err
	}
	go c.readWebSocket(events)
	return nil
}

// WriteWebSocket sends one message, a text frame or a binary one.
func (c *Conn) WriteWebSocket(b []byte, text bool) error {
	op := byte(opBinary)
	if text {
		op = opText
	}
	_, err := c.Write(frame(op, b))
	return err
}

// frame is an unmasked frame, as a server sends.
func frame(op byte, b []byte) []byte {
	h := []byte{0x80 | op}
	switch n := len(b); {
	case n < 126:
		h = append(h, byte(n))
	case n < 1<<16:
		h = append(h, 126, byte(n>>8), byte(n))
	default:
		h = append(h, 127)
		h = binary.BigEndian.AppendUint64(h, uint64(n))
	}
	return append(h, b...)
}

var errWebSocket = errors.New("websocket: bad frame")

// readWebSocket posts each message until the peer closes or sends what
// is not a websocket frame.
func (c *Conn) readWebSocket(events chan<- Event) {
	var msg []byte
	var text bool
	for {
		fin, op, payload, err := c.readFrame(maxWebSocketMessage - len(msg))
		if err == nil {
			switch op {
			case opPing:
				c.Write(frame(opPong, payload))
				continue
			case opPong:
				continue
			case opClose:
				// answer, then close once the answer is sent
				c.Write(frame(opClose, nil))
				c.CloseWhenSent()
				events <- Event{Kind: Closed, Conn: c}
				return
			case opText, opBinary:
				if msg != nil {
					err = errWebSocket
				}
				msg, text = append([]byte{}, payload...), op == opText
			case opContinue:
				if msg == nil {
					err = errWebSocket
				}
				msg = append(msg, payload...)
			default:
				err = errWebSocket
			}
		}
		if err != nil {
			c.Close()
			if errors.Is(err, io.EOF) {
				err = nil
			}
			events <- Event{Kind: Closed, Conn: c, Err: err}
			return
		}
		if fin {
			events <- Event{Kind: WebSocket, Conn: c, Frame: msg, Text: text}
			msg = nil
		}
	}
}

// readFrame reads one frame from a client (masked, as clients must),
// its payload at most limit bytes and checked against the workspace
// before it is read.
func (c *Conn) readFrame(limit int) (fin bool, op byte, payload []byte, err error) {
	var h [2]byte
	if _, err = io.ReadFull(c.r, h[:]); err != nil {
		return
	}
	fin, op = h[0]&0x80 != 0, h[0]&0x0f
	if h[1]&0x80 == 0 {
		return false, 0, nil, errWebSocket // a client's frame is masked
	}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var b [2]byte
		if _, err = io.ReadFull(c.r, b[:]); err != nil {
			return
		}
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		if _, err = io.ReadFull(c.r, b[:]); err != nil {
			return
		}
		n = binary.BigEndian.Uint64(b[:])
	}
	if n > uint64(limit) {
		return false, 0, nil, errors.New("websocket: message too large")
	}
	if err = k.Need(int(n), 1); err != nil {
		return
	}
	var mask [4]byte
	if _, err = io.ReadFull(c.r, mask[:]); err != nil {
		return
	}
	// gathered as they arrive, as ReadFrame gathers a message
	var buf bytes.Buffer
	if _, err = io.CopyN(&buf, c.r, int64(n)); err != nil {
		return
	}
	payload = buf.Bytes()
	for i := range payload {
		payload[i] ^= mask[i&3]
	}
	return fin, op, payload, nil
}
