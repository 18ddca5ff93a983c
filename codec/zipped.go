package codec

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"io"
	"strconv"

	"kt/k"
)

// kdb+'s compressed files (`(`:f;17;2;6) set x`, -19!): the magic
// "kxzipped", the file's bytes cut into logical blocks of 2^lbs bytes, each
// compressed on its own and stored one after another, then a trailer:
// 4 bytes (zero), the algorithm, the level, 2 bytes (zero), the
// uncompressed size, the compressed file's size, the block size (8 bytes each),
// then per block its compressed length and its algorithm (4 bytes each),
// and last the number of blocks (8 bytes). kdb+ documents none of this:
// the layout is the one the open-source kdb+ file reader of DolphinDB's
// kdb+ plugin reads, and no file a real kdb+ compressed was tested. kt
// writes and reads algorithm 0 (stored) and 2 (gzip's deflate, in zlib's
// wrapping; a gzip-wrapped block is read too); 1 (q IPC) and 3, 4 (snappy,
// lz4) are 'nyi.

const zipMagic = "kxzipped"

// IsZipped reports whether b starts as a compressed file does.
func IsZipped(b []byte) bool { return len(b) >= 8 && string(b[:8]) == zipMagic }

// Zip compresses a file's bytes as kdb+ does: blocks of 2^lbs bytes
// (lbs 12 to 20), algorithm alg (0 or 2), level lvl (0 to 9).
func Zip(file []byte, lbs, alg, lvl int) ([]byte, error) {
	if lbs < 12 || lbs > 20 || lvl < 0 || lvl > 9 {
		return nil, k.ErrDomain
	}
	if alg != 0 && alg != 2 {
		return nil, k.Err("nyi: compression algorithm " + strconv.Itoa(alg))
	}
	bs := 1 << lbs
	out := []byte(zipMagic)
	var lens []int
	for at := 0; at < len(file); at += bs {
		blk := file[at:min(at+bs, len(file))]
		start := len(out)
		if alg == 0 {
			out = append(out, blk...)
		} else {
			var buf bytes.Buffer
			w, err := zlib.NewWriterLevel(&buf, lvl)
			if err != nil {
				return nil, err
			}
			w.Write(blk)
			w.Close()
			out = append(out, buf.Bytes()...)
		}
		lens = append(lens, len(out)-start)
	}
	le := binary.LittleEndian
	total := len(out) + 8*(5+len(lens)) // the compressed file's size
	out = append(out, 0, 0, 0, 0, byte(alg), byte(lvl), 0, 0)
	out = le.AppendUint64(out, uint64(len(file)))
	out = le.AppendUint64(out, uint64(total))
	out = le.AppendUint64(out, uint64(bs))
	for _, n := range lens {
		out = le.AppendUint32(out, uint32(n))
		out = le.AppendUint32(out, uint32(alg))
	}
	return le.AppendUint64(out, uint64(len(lens))), nil
}

// Unzip expands a compressed file into the bytes it stands for. Each
// block is expanded only up to the block size, so a corrupt trailer
// cannot make it allocate more than the blocks there are could hold.
func Unzip(b []byte) ([]byte, error) {
	bad := k.Err("badtail: not a kdb+ compressed file")
	if !IsZipped(b) || len(b) < 8+40 {
		return nil, bad
	}
	le := binary.LittleEndian
	body := b[8:]
	nb := le.Uint64(body[len(body)-8:])
	if nb > uint64(len(body))/8 {
		return nil, bad
	}
	tl := 8 * (5 + int(nb))
	if tl > len(body) {
		return nil, bad
	}
	tr := body[len(body)-tl:]
	size := le.Uint64(tr[8:])
	bs := le.Uint64(tr[24:])
	if bs == 0 || bs > 1<<20 || size > bs*nb {
		return nil, bad
	}
	out := make([]byte, 0, min(size, uint64(len(b))*4))
	src := body[:len(body)-tl]
	for i := range int(nb) {
		e := tr[32+8*i:]
		n, alg := int(le.Uint32(e)), le.Uint32(e[4:])
		if n > len(src) {
			return nil, bad
		}
		blk := src[:n]
		src = src[n:]
		switch alg {
		case 0:
			if uint64(n) > bs {
				return nil, bad
			}
			out = append(out, blk...)
		case 2:
			var r io.Reader
			var err error
			if len(blk) >= 2 && blk[0] == 0x1f && blk[1] == 0x8b {
				r, err = gzip.NewReader(bytes.NewReader(blk))
			} else {
				r, err = zlib.NewReader(bytes.NewReader(blk))
			}
			if err != nil {
				return nil, bad
			}
			var buf bytes.Buffer
			m, err := io.Copy(&buf, io.LimitReader(r, int64(bs)+1))
			if err != nil || uint64(m) > bs {
				return nil, bad
			}
			out = append(out, buf.Bytes()...)
		default:
			return nil, k.Err("nyi: compression algorithm " + strconv.FormatUint(uint64(alg), 10))
		}
	}
	if uint64(len(out)) != size {
		return nil, bad
	}
	return out, nil
}
