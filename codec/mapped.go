package codec

import (
	"encoding/binary"
	"unsafe"

	"kt/k"
)

// littleHost reports whether this machine stores numbers little-endian,
// as kdb+'s files do: only then can a vector use a file's bytes in place.
var littleHost = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// VectorInPlace reads a simple vector file (fe 20) as a vector whose items
// are b's own bytes, not a copy: over a mapped file, the column's pages
// load as they are touched. Booleans are copied (a byte other than 0 or 1
// is no Go bool), and so is everything on a big-endian machine.
func VectorInPlace(b []byte) (k.V, error) {
	t, attr, n, err := VectorFileHeader(b)
	if err != nil {
		return nil, err
	}
	p := b[VectorHeader : VectorHeader+n*width(t)]
	if !littleHost || t == k.TBool || n == 0 {
		return withAttr(readVector(t, p, binary.LittleEndian), attr), nil
	}
	return withAttr(inPlace(t, p), attr), nil
}

// FileInPlace reads a vector or enumeration file as VectorInPlace does:
// the items are b's own bytes. Other files are read as DecodeFile reads
// them.
func FileInPlace(b []byte) (k.V, error) {
	switch {
	case len(b) >= 2 && b[0] == fileVector && b[1] == 0x20:
		return VectorInPlace(b)
	case len(b) >= 2 && b[0] == fileEnum && b[1] == 0x20:
		return enumFile(b, true)
	}
	return DecodeFile(b, nil)
}

// inPlace is the vector of type t whose items are the bytes p (a whole
// number of items, aligned for the type, little-endian on a little-endian
// machine).
func inPlace(t int, p []byte) k.V {
	n := len(p) / width(t)
	at := unsafe.Pointer(&p[0])
	var v k.V
	switch k.Storage(t) {
	case k.TGuid:
		v = k.Guids(unsafe.Slice((*k.Guid)(at), n))
	case k.TByte:
		v = k.Bytes(p)
	case k.TChar:
		v = k.Chars(p)
	case k.TShort:
		v = k.Shorts(unsafe.Slice((*int16)(at), n))
	case k.TInt:
		v = k.Ints(unsafe.Slice((*int32)(at), n))
	case k.TLong:
		v = k.Longs(unsafe.Slice((*int64)(at), n))
	case k.TReal:
		v = k.Reals(unsafe.Slice((*float32)(at), n))
	case k.TFloat:
		v = k.Floats(unsafe.Slice((*float64)(at), n))
	default:
		return nil
	}
	if k.IsTemporal(t) {
		v = k.Retag(v, t)
	}
	return v
}
