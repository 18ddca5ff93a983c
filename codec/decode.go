package codec

import (
	"encoding/binary"
	"math"
	"strconv"
	"unsafe"

	"kt/k"
)

// maxDepth bounds the nesting of a decoded value, so a message of nested
// one-item lists cannot exhaust the stack.
const maxDepth = 10000

// Decode reads one value serialized without message header, in the given
// byte order, and reports an error unless it fills b exactly.
func Decode(b []byte, little bool, o *Options) (k.V, error) {
	d := decoder{b: b, o: o}
	if little {
		d.ord = binary.LittleEndian
	} else {
		d.ord = binary.BigEndian
	}
	if o == nil {
		d.o = &Options{}
	}
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	if d.i != len(d.b) {
		return nil, errBadMsg
	}
	return v, nil
}

// Header is the 8-byte header of an IPC message.
type Header struct {
	Little     bool // byte 0: 1 for little-endian, 0 for big-endian
	Type       byte // byte 1: Async, Sync or Response
	Compressed bool // byte 2
	Len        int  // bytes 4 to 7: the message's length, header included
}

// ReadHeader reads an IPC message header.
func ReadHeader(b []byte) (Header, error) {
	if len(b) < 8 || b[0] > 1 || b[2] > 1 {
		return Header{}, errBadMsg
	}
	h := Header{Little: b[0] == 1, Type: b[1], Compressed: b[2] == 1}
	if h.Little {
		h.Len = int(binary.LittleEndian.Uint32(b[4:]))
	} else {
		h.Len = int(binary.BigEndian.Uint32(b[4:]))
	}
	if h.Len < 8 {
		return Header{}, errBadMsg
	}
	return h, nil
}

// Unmessage reads a whole IPC message (header, then a value, compressed
// or not), as -9! does, and returns its value and message type.
func Unmessage(b []byte, o *Options) (k.V, byte, error) {
	h, err := ReadHeader(b)
	if err != nil {
		return nil, 0, err
	}
	if h.Len != len(b) {
		return nil, 0, errBadMsg
	}
	if h.Compressed {
		if b, err = Uncompress(b); err != nil {
			return nil, 0, err
		}
	}
	v, err := Decode(b[8:], h.Little, o)
	return v, h.Type, err
}

type decoder struct {
	b   []byte
	i   int
	ord binary.ByteOrder
	o   *Options
}

// need reports whether n more bytes are there.
func (d *decoder) need(n int) bool { return n >= 0 && n <= len(d.b)-d.i }

func (d *decoder) u8() (byte, error) {
	if !d.need(1) {
		return 0, errBadMsg
	}
	d.i++
	return d.b[d.i-1], nil
}

func (d *decoder) bytes(n int) ([]byte, error) {
	if !d.need(n) {
		return nil, errBadMsg
	}
	d.i += n
	return d.b[d.i-n : d.i], nil
}

func (d *decoder) u32() (uint32, error) {
	p, err := d.bytes(4)
	if err != nil {
		return 0, err
	}
	return d.ord.Uint32(p), nil
}

func (d *decoder) sym() (string, error) {
	for j := d.i; j < len(d.b); j++ {
		if d.b[j] == 0 {
			s := string(d.b[d.i:j])
			d.i = j + 1
			return s, nil
		}
	}
	return "", errBadMsg
}

func (d *decoder) value(depth int) (k.V, error) {
	if depth > maxDepth {
		return nil, k.Err("badmsg: nested too deep")
	}
	tb, err := d.u8()
	if err != nil {
		return nil, err
	}
	t := int(int8(tb))
	switch {
	case t < 0 && t >= -k.TTime:
		return d.atom(t)
	case t == -k.TEnum:
		dom, err := d.sym()
		if err != nil {
			return nil, err
		}
		p, err := d.bytes(8)
		if err != nil {
			return nil, err
		}
		return k.Enum{Domain: dom, Idx: int64(d.ord.Uint64(p))}, nil
	case t == tError:
		s, err := d.sym()
		if err != nil {
			return nil, err
		}
		return nil, k.Err(s)
	case t >= 0 && t <= k.TTime || t == k.TEnum:
		return d.vector(t, depth)
	case t == k.TTable:
		ac, err := d.u8()
		if err != nil {
			return nil, err
		}
		attr, ok := attrLetter(ac)
		if !ok {
			return nil, errBadMsg
		}
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		dict, ok := v.(*k.Dict)
		if !ok {
			return nil, k.Err("badmsg: a table's body is not a dictionary")
		}
		t, err := tableOf(dict)
		if err != nil {
			return nil, err
		}
		return withAttr(t, attr), nil
	case t == k.TDict || t == tSortedDict:
		keys, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		vals, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if k.Count(keys) != k.Count(vals) {
			return nil, k.Err("badmsg: a dictionary's keys and values differ in count")
		}
		if t == tSortedDict {
			if a, ok := keys.(*k.Attr); ok && a.A == k.AttrSorted {
				keys = a.V
			}
			return &k.Attr{A: k.AttrSorted, V: &k.Dict{Keys: keys, Vals: vals}}, nil
		}
		return &k.Dict{Keys: keys, Vals: vals}, nil
	case t >= k.TLambda && t <= k.TEachLeft:
		return d.fn(t, depth)
	}
	return nil, k.Err("badmsg: unknown type " + strconv.Itoa(t))
}

// tableOf checks a table's dictionary: symbol names to a list of columns
// of one count.
func tableOf(d *k.Dict) (*k.Table, error) {
	cols, ok := k.Plain(d.Keys).(k.Syms)
	if !ok {
		return nil, k.Err("badmsg: a table's column names are not symbols")
	}
	var data k.List
	switch x := d.Vals.(type) {
	case k.List:
		data = x
	default:
		return nil, k.Err("badmsg: a table's columns are not a list")
	}
	for i, c := range data {
		if c.Type() < 0 || c.Type() > k.TEnum || (i > 0 && k.Count(c) != k.Count(data[0])) {
			return nil, k.Err("badmsg: a table's columns are not vectors of one count")
		}
	}
	return &k.Table{Cols: cols, Data: data}, nil
}

func withAttr(v k.V, a byte) k.V {
	if a == k.AttrNone {
		return v
	}
	return &k.Attr{A: a, V: v}
}

func (d *decoder) atom(t int) (k.V, error) {
	switch t {
	case -k.TSym:
		s, err := d.sym()
		return k.Sym(s), err
	case -k.TGuid:
		p, err := d.bytes(16)
		if err != nil {
			return nil, err
		}
		var g k.Guid
		copy(g[:], p)
		return g, nil
	}
	w := width(-t)
	if w == 0 {
		return nil, k.Err("badmsg: unknown type " + strconv.Itoa(t))
	}
	p, err := d.bytes(w)
	if err != nil {
		return nil, err
	}
	v := readVector(-t, p, d.ord)
	return k.At(v, 0), nil
}

// Width is the bytes of one item of simple vector type t (enumerations
// included), 0 for another type.
func Width(t int) int { return width(t) }

func width(t int) int {
	switch t {
	case k.TBool, k.TByte, k.TChar:
		return 1
	case k.TShort:
		return 2
	case k.TInt, k.TReal, k.TMonth, k.TDate, k.TMinute, k.TSecond, k.TTime:
		return 4
	case k.TLong, k.TFloat, k.TTimestamp, k.TDatetime, k.TTimespan, k.TEnum:
		return 8
	case k.TGuid:
		return 16
	}
	return 0
}

func (d *decoder) vector(t, depth int) (k.V, error) {
	ac, err := d.u8()
	if err != nil {
		return nil, err
	}
	attr, ok := attrLetter(ac)
	if !ok {
		return nil, errBadMsg
	}
	n32, err := d.u32()
	if err != nil {
		return nil, err
	}
	n := int(n32)
	if n32 > math.MaxInt32 {
		return nil, k.Err("badmsg: a count past 2 billion")
	}
	var v k.V
	switch t {
	case k.TList:
		// every item takes at least one byte
		if !d.need(n) {
			return nil, errBadMsg
		}
		l := make(k.List, n)
		for i := range l {
			// an item of a byte or two becomes a value of tens of
			// bytes: the items count, for the workspace and an
			// interrupt to stop a long decoding
			if err := k.Tick(); err != nil {
				return nil, err
			}
			if l[i], err = d.value(depth + 1); err != nil {
				return nil, err
			}
		}
		v = l
	case k.TSym:
		if !d.need(n) {
			return nil, errBadMsg
		}
		s := make(k.Syms, n)
		for i := range s {
			if s[i], err = d.sym(); err != nil {
				return nil, err
			}
		}
		v = s
	case k.TEnum:
		dom, err := d.sym()
		if err != nil {
			return nil, err
		}
		p, err := d.bytes(n * 8)
		if err != nil {
			return nil, err
		}
		v = &k.Enums{Domain: dom, Idx: []int64(readVector(k.TLong, p, d.ord).(k.Longs))}
	default:
		if width(t) == 0 {
			return nil, k.Err("badmsg: unknown type " + strconv.Itoa(t))
		}
		p, err := d.bytes(n * width(t))
		if err != nil {
			return nil, err
		}
		v = readVector(t, p, d.ord)
	}
	return withAttr(v, attr), nil
}

// readVector reads len(p)/width(t) items of simple vector type t from p.
func readVector(t int, p []byte, ord binary.ByteOrder) k.V {
	w := width(t)
	n := len(p) / w
	if littleHost && ord == binary.LittleEndian && t != k.TBool && n > 0 {
		// the bytes are the items' own: one copy, then the vector over it
		// a fresh allocation of 8-byte words is aligned for any item
		words := make([]uint64, (len(p)+7)/8)
		buf := unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), len(p))
		copy(buf, p)
		if v := inPlace(t, buf); v != nil {
			return v
		}
	}
	var v k.V
	switch k.Storage(t) {
	case k.TBool:
		r := make(k.Bools, n)
		for i := range r {
			r[i] = p[i] != 0
		}
		v = r
	case k.TGuid:
		r := make(k.Guids, n)
		for i := range r {
			copy(r[i][:], p[16*i:])
		}
		v = r
	case k.TByte:
		v = k.Bytes(append(make([]byte, 0, len(p)), p...))
	case k.TChar:
		v = k.Chars(append(make([]byte, 0, len(p)), p...))
	case k.TShort:
		r := make(k.Shorts, n)
		for i := range r {
			r[i] = int16(ord.Uint16(p[2*i:]))
		}
		v = r
	case k.TInt:
		r := make(k.Ints, n)
		for i := range r {
			r[i] = int32(ord.Uint32(p[4*i:]))
		}
		v = r
	case k.TLong:
		r := make(k.Longs, n)
		for i := range r {
			r[i] = int64(ord.Uint64(p[8*i:]))
		}
		v = r
	case k.TReal:
		r := make(k.Reals, n)
		for i := range r {
			r[i] = math.Float32frombits(ord.Uint32(p[4*i:]))
		}
		v = r
	case k.TFloat:
		r := make(k.Floats, n)
		for i := range r {
			r[i] = math.Float64frombits(ord.Uint64(p[8*i:]))
		}
		v = r
	}
	if k.IsTemporal(t) {
		return k.Retag(v, t)
	}
	return v
}

func (d *decoder) fn(t, depth int) (k.V, error) {
	f := Func{Type: t}
	var err error
	switch {
	case t == k.TLambda:
		if f.Ctx, err = d.sym(); err != nil {
			return nil, err
		}
		src, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		s, ok := src.(k.Chars)
		if !ok {
			return nil, k.Err("badmsg: a lambda's source is not a string")
		}
		f.Src = string(s)
	case t <= k.TIter:
		if f.Index, err = d.u8(); err != nil {
			return nil, err
		}
		if t == k.TUnary && f.Index == 0 {
			return k.Null, nil
		}
	case t == k.TProj || t == k.TComp:
		n, err := d.u32()
		if err != nil {
			return nil, err
		}
		if !d.need(int(n)) || n > math.MaxInt32 {
			return nil, errBadMsg
		}
		f.Parts = make([]k.V, n)
		for i := range f.Parts {
			if f.Parts[i], err = d.value(depth + 1); err != nil {
				return nil, err
			}
		}
	default:
		p, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		f.Parts = []k.V{p}
	}
	if d.o.Funcs == nil {
		return nil, k.Err("nyi: functions cannot be read here")
	}
	return d.o.Funcs.DecodeFunc(f)
}
