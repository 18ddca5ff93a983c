package codec

import (
	"encoding/binary"

	"kt/k"
)

// kdb+'s files (set, get, the columns of splayed tables) start with a
// two-byte magic number that says where the rest of the header is:
//
//	ff 01   any value: its serialized form follows (an atom, a symbol
//	        vector, a general list, a dictionary, a table ...)
//	fe 20   a simple vector: byte 2 its type, byte 3 its attribute,
//	        bytes 8 to 15 its count; the items start at byte 16
//	fd 20   an enumeration vector: the domain's name from byte 16; the
//	        vector's header (as for fe 20) at byte 4080; the items, 8
//	        bytes each, at byte 4096
//
// The layout is taken from the public open-source readers of kdb+ files;
// kdb+'s documentation gives none. Whether kt's files are byte-identical
// to kdb+'s has been checked against those readers' descriptions, not
// against files a real kdb+ wrote.
const (
	fileAny    = 0xff
	fileVector = 0xfe
	fileEnum   = 0xfd

	// VectorHeader is the size of a simple vector file's header: its
	// items start there.
	VectorHeader = 16
	enumHeader   = 4096
)

// EncodeFile is v in kdb+'s file layout.
func EncodeFile(v k.V, o *Options) ([]byte, error) {
	if err := k.CheckNest(v); err != nil {
		return nil, err
	}
	attr := k.AttrOf(v)
	plain := v
	if a, ok := v.(*k.Attr); ok {
		plain = a.V
	}
	t := plain.Type()
	switch {
	case t > 0 && t <= k.TTime && t != k.TSym:
		n := k.Count(plain)
		b := make([]byte, VectorHeader, VectorHeader+n*width(t))
		b[0], b[1], b[2], b[3] = fileVector, 0x20, byte(t), attrCode(attr)
		binary.LittleEndian.PutUint64(b[8:], uint64(n))
		return AppendVector(b, plain), nil
	case t == k.TEnum:
		x := plain.(*k.Enums)
		if len(x.Domain) > 4080-16-1 {
			return nil, k.Err("domain: an enumeration's domain name is too long")
		}
		b := make([]byte, enumHeader, enumHeader+8*len(x.Idx))
		b[0], b[1], b[2], b[3] = fileEnum, 0x20, k.TEnum, attrCode(attr)
		copy(b[16:], x.Domain)
		h := b[4080:]
		h[0], h[1], h[2], h[3] = fileEnum, 0x20, k.TEnum, attrCode(attr)
		binary.LittleEndian.PutUint64(h[8:], uint64(len(x.Idx)))
		for _, j := range x.Idx {
			b = binary.LittleEndian.AppendUint64(b, uint64(j))
		}
		return b, nil
	}
	body, err := Encode(v, &Options{Funcs: optFuncs(o)})
	if err != nil {
		return nil, err
	}
	return append([]byte{fileAny, 1}, body...), nil
}

func optFuncs(o *Options) Funcs {
	if o == nil {
		return nil
	}
	return o.Funcs
}

// DecodeFile reads a value from the contents of a kdb+ file.
func DecodeFile(b []byte, o *Options) (k.V, error) {
	if len(b) < 2 {
		return nil, errBadFile
	}
	switch {
	case b[0] == fileAny && b[1] == 1:
		v, err := Decode(b[2:], true, &Options{Funcs: optFuncs(o)})
		if err != nil && len(b) > 8 && allZero(b[2:8]) {
			// the form a real kdb+ gave a list file made by set () and
			// appended to: six zero bytes before the serialized form
			if v2, err2 := Decode(b[8:], true, &Options{Funcs: optFuncs(o)}); err2 == nil {
				return v2, nil
			}
		}
		return v, err
	case b[0] == fileVector && b[1] == 0x20:
		t, attr, n, err := VectorFileHeader(b)
		if err != nil {
			return nil, err
		}
		return withAttr(readVector(t, b[VectorHeader:VectorHeader+n*width(t)], binary.LittleEndian), attr), nil
	case b[0] == fileEnum && b[1] == 0x20:
		return enumFile(b, false)
	}
	return nil, errBadFile
}

// enumFile reads an enumeration file; in place, its indices are b's own
// bytes (on a little-endian machine).
func enumFile(b []byte, inPlaceOK bool) (k.V, error) {
	if len(b) < enumHeader {
		return nil, errBadFile
	}
	h := b[4080:]
	attr, ok := attrLetter(h[3])
	if h[2] != k.TEnum || !ok {
		return nil, errBadFile
	}
	n := binary.LittleEndian.Uint64(h[8:])
	if n > uint64(len(b)-enumHeader)/8 {
		return nil, errBadFile
	}
	name := b[16:4080]
	for i, c := range name {
		if c == 0 {
			name = name[:i]
			break
		}
	}
	p := b[enumHeader : enumHeader+8*int(n)]
	var idx k.Longs
	if inPlaceOK && littleHost && n > 0 {
		idx = inPlace(k.TLong, p).(k.Longs)
	} else {
		idx = readVector(k.TLong, p, binary.LittleEndian).(k.Longs)
	}
	return withAttr(&k.Enums{Domain: string(name), Idx: idx}, attr), nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

var errBadFile = k.Err("badtail: not a kdb+ file")

// VectorFileHeader reads the header of a simple vector file: its type,
// attribute and count, checked against the bytes there are.
func VectorFileHeader(b []byte) (t int, attr byte, n int, err error) {
	if len(b) < VectorHeader || b[0] != fileVector || b[1] != 0x20 {
		return 0, 0, 0, errBadFile
	}
	t = int(b[2])
	attr, ok := attrLetter(b[3])
	w := width(t)
	if !ok || w == 0 || t == k.TEnum {
		return 0, 0, 0, errBadFile
	}
	c := binary.LittleEndian.Uint64(b[8:])
	if c > uint64(len(b)-VectorHeader)/uint64(w) {
		return 0, 0, 0, errBadFile
	}
	return t, attr, int(c), nil
}
