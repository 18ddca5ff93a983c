package codec

import (
	"bytes"
	"io"

	"kt/k"
)

// ReadMessage reads one IPC message from r (see ReadFrame), then its value.
func ReadMessage(r io.Reader, o *Options) (k.V, byte, error) {
	b, err := ReadFrame(r)
	if err != nil {
		return nil, 0, err
	}
	return Unmessage(b, o)
}

// ReadFrame reads the bytes of one IPC message from r, undecoded: its
// header, then the bytes the header claims, gathered as they arrive (a
// claim of 2 GB from a peer that sends 10 bytes allocates about 10
// bytes). A claim past the workspace limit is refused before any of it
// is read ('wsfull).
func ReadFrame(r io.Reader) ([]byte, error) {
	var h [8]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return nil, err
	}
	hd, err := ReadHeader(h[:])
	if err != nil {
		return nil, err
	}
	if err := k.Need(hd.Len, 1); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Write(h[:])
	n, err := io.CopyN(&buf, r, int64(hd.Len-8))
	if err != nil {
		if err == io.EOF && n < int64(hd.Len-8) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteMessage writes v to w as an IPC message of the given type,
// compressed as kdb+ compresses one for a remote peer when compress is
// set (over 2000 bytes, and only when that halves it).
func WriteMessage(w io.Writer, v k.V, msgType byte, compress bool, o *Options) error {
	b, err := Message(v, msgType, o)
	if err != nil {
		_, werr := w.Write(ErrorMessage(err.Error()))
		if werr != nil {
			return werr
		}
		return err
	}
	if compress {
		b = Compress(b)
	}
	_, err = w.Write(b)
	return err
}
