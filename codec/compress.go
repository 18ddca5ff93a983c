package codec

import "encoding/binary"

// kdb+'s IPC compression is a byte-oriented LZ scheme. The compressed
// message keeps the 8-byte header (byte 2 set to 1, bytes 4 to 7 the
// compressed length), then the uncompressed length (header included) as
// 4 bytes, then groups of eight items, each group led by a flag byte whose
// bits, lowest first, say whether an item is a literal byte or a match. A
// match is two bytes: a slot of a 256-entry table and the count of bytes
// it copies past two. The table maps the xor of two adjacent bytes to the
// last position where they were seen; both sides update it the same way:
// after each item, with every position the output has passed, except the
// positions inside a match's copy past its first byte.

// compressMin is the size below which -18! and IPC leave a message as it is.
const compressMin = 2000

// Compress compresses an IPC message (header included) as kdb+ does, and
// returns it unchanged when it is under 2000 bytes or when compression
// would not halve it.
func Compress(msg []byte) []byte {
	if len(msg) <= compressMin {
		return msg
	}
	c := compress(msg)
	if c == nil {
		return msg
	}
	return c
}

// compress is msg compressed, or nil when the result would reach half
// of msg's size.
func compress(msg []byte) []byte {
	n := len(msg)
	out := make([]byte, n/2)
	copy(out, msg[:4])
	out[2] = 1
	binary.LittleEndian.PutUint32(out[8:], uint32(n))
	if msg[0] == 0 {
		binary.BigEndian.PutUint32(out[8:], uint32(n))
	}
	var table [256]int
	flagAt, o := 12, 12 // the current flag byte, the next output byte
	var flags, bit byte
	pending, pendingHash := 0, 0 // a literal's position, entered one step late
	for s := 8; s < n; bit <<= 1 {
		if bit == 0 {
			if o > len(out)-17 {
				return nil
			}
			out[flagAt] = flags
			flagAt, o = o, o+1
			flags, bit = 0, 1
		}
		h, p := 0, 0
		literal := s > n-3
		if !literal {
			h = int(msg[s] ^ msg[s+1])
			p = table[h]
			literal = p == 0 || msg[s] != msg[p]
		}
		if pending > 0 {
			table[pendingHash] = pending
			pending = 0
		}
		if literal {
			pending, pendingHash = s, h
			out[o] = msg[s]
			o++
			s++
			continue
		}
		table[h] = s
		flags |= bit
		p += 2
		s += 2
		start := s
		end := min(s+255, n)
		for s < end && msg[p] == msg[s] {
			p++
			s++
		}
		out[o], out[o+1] = byte(h), byte(s-start)
		o += 2
	}
	out[flagAt] = flags
	out = out[:o]
	ord := order(msg)
	ord.PutUint32(out[4:], uint32(o))
	ord.PutUint32(out[8:], uint32(n))
	return out
}

func order(msg []byte) binary.ByteOrder {
	if msg[0] == 1 {
		return binary.LittleEndian
	}
	return binary.BigEndian
}

// Uncompress expands a compressed IPC message (header included) into the
// message it stands for, with byte 2 of its header cleared. A corrupt
// message is the error 'badmsg, whatever its claims: the claimed size is
// allocated only when the compressed bytes could make it.
func Uncompress(msg []byte) ([]byte, error) {
	if len(msg) < 12 {
		return nil, errBadMsg
	}
	ord := order(msg)
	size := int(ord.Uint32(msg[8:]))
	// a match of two input bytes makes at most 257 output bytes
	if size < 8 || size/257 > len(msg) {
		return nil, errBadMsg
	}
	dst := make([]byte, size)
	copy(dst, msg[:8])
	dst[2] = 0
	ord.PutUint32(dst[4:], uint32(size))
	var table [256]int
	d := 12
	s, p := 8, 8
	var flags, bit byte
	for s < size {
		if bit == 0 {
			if d >= len(msg) {
				return nil, errBadMsg
			}
			flags, bit = msg[d], 1
			d++
		}
		n := 0
		match := flags&bit != 0
		if match {
			if d+2 > len(msg) {
				return nil, errBadMsg
			}
			r := table[msg[d]]
			n = int(msg[d+1])
			d += 2
			if r >= s || s+2+n > size {
				return nil, errBadMsg
			}
			// the source may overlap the bytes being written: copy in order
			for j := 0; j < 2+n; j++ {
				dst[s+j] = dst[r+j]
			}
			s += 2
		} else {
			if d >= len(msg) {
				return nil, errBadMsg
			}
			dst[s] = msg[d]
			d++
			s++
		}
		for ; p < s-1; p++ {
			table[dst[p]^dst[p+1]] = p
		}
		if match {
			s += n
			p = s
		}
		bit <<= 1
	}
	return dst, nil
}
