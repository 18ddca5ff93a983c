// Package codec reads and writes kdb+'s serialized form of q values: the
// byte layout of IPC messages (-8! and -9!), its compression (-18!), and
// the layouts of the files set and get use.
//
// The layout follows the public documentation of kdb+ (the Knowledge Base
// page "Serialization examples" and the IPC page of the q reference) and
// what the open-source clients send and accept. Values are written
// little-endian; both byte orders are read.
//
// The decoder never trusts a count before the bytes it claims are there:
// a vector of n items is allocated only once n items' bytes remain, so a
// corrupt or hostile length is an error, not an allocation.
package codec

import (
	"encoding/binary"
	"math"
	"slices"
	"strconv"
	"strings"

	"kt/k"
)

// Message types of the IPC header's second byte.
const (
	Async    = 0
	Sync     = 1
	Response = 2
)

// Extra type codes of the serialized form.
const (
	tSortedDict = 127
	tError      = -128
)

// Func is the serialized form of a function value. Package k does not
// define q's functions (lambdas, projections, compositions and derived
// functions live with the interpreter), so an Options.Funcs converts them
// to and from this form.
type Func struct {
	Type  int    // 100 to 111
	Ctx   string // a lambda's context: "" for the root, "d" for .d
	Src   string // a lambda's source text
	Index byte   // 101 to 103: the primitive's index
	Parts []k.V  // 104, 105: the function then its arguments; 106 to 111: the function
}

// Funcs converts function values to and from their serialized form.
type Funcs interface {
	// EncodeFunc gives the serialized form of function v, or an error
	// (q's 'type or 'nyi) where v has none.
	EncodeFunc(v k.V) (Func, error)
	// DecodeFunc builds the function f describes.
	DecodeFunc(f Func) (k.V, error)
}

// Options adjust encoding and decoding.
type Options struct {
	// Funcs converts function values; without it a function is 'nyi.
	Funcs Funcs
	// Resolve gives the symbols of an enumeration's domain: IPC sends an
	// enumeration as the symbols it stands for, as kdb+ does. Without it
	// an enumeration is written as type 20 with its domain name, the form
	// of kdb+'s files.
	Resolve func(domain string) (k.Syms, error)
}

// errors of the codec, as q names them.
var (
	errBadMsg = k.Err("badmsg")
	errNYIFn  = k.Err("nyi: this function has no serialized form")
)

// Encode is v's serialized form without the message header.
func Encode(v k.V, o *Options) ([]byte, error) {
	if err := k.CheckNest(v); err != nil {
		return nil, err
	}
	e := encoder{o: o}
	if o == nil {
		e.o = &Options{}
	}
	if err := e.value(v); err != nil {
		return nil, err
	}
	return e.b, nil
}

// Message is v as an IPC message of the given type (Async, Sync or
// Response): the 8-byte header, then v's serialized form.
func Message(v k.V, msgType byte, o *Options) ([]byte, error) {
	if err := k.CheckNest(v); err != nil {
		return nil, err // the encoder recurses, one call a level
	}
	e := encoder{o: o, b: make([]byte, 8, 64)}
	if o == nil {
		e.o = &Options{}
	}
	if err := e.value(v); err != nil {
		return nil, err
	}
	if len(e.b) > math.MaxInt32 {
		return nil, k.Err("limit")
	}
	e.b[0] = 1
	e.b[1] = msgType
	binary.LittleEndian.PutUint32(e.b[4:], uint32(len(e.b)))
	return e.b, nil
}

type encoder struct {
	b []byte
	o *Options
}

func (e *encoder) u8(x byte)     { e.b = append(e.b, x) }
func (e *encoder) u16(x uint16)  { e.b = binary.LittleEndian.AppendUint16(e.b, x) }
func (e *encoder) u32(x uint32)  { e.b = binary.LittleEndian.AppendUint32(e.b, x) }
func (e *encoder) u64(x uint64)  { e.b = binary.LittleEndian.AppendUint64(e.b, x) }
func (e *encoder) f64(x float64) { e.u64(math.Float64bits(x)) }

func (e *encoder) sym(s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return k.Err("domain: a symbol holding a zero byte has no serialized form")
	}
	e.b = append(e.b, s...)
	e.b = append(e.b, 0)
	return nil
}

// head writes a vector's type, attribute and count.
func (e *encoder) head(t int, attr byte, n int) error {
	if n > math.MaxInt32 {
		return k.Err("limit")
	}
	e.u8(byte(t))
	e.u8(attrCode(attr))
	e.u32(uint32(n))
	return nil
}

// attrCode is an attribute letter's serialized code.
func attrCode(a byte) byte {
	switch a {
	case k.AttrSorted:
		return 1
	case k.AttrUnique:
		return 2
	case k.AttrParted:
		return 3
	case k.AttrGroup:
		return 4
	}
	return 0
}

// attrLetter is the attribute letter of a serialized code.
func attrLetter(c byte) (byte, bool) {
	switch c {
	case 0:
		return k.AttrNone, true
	case 1:
		return k.AttrSorted, true
	case 2:
		return k.AttrUnique, true
	case 3:
		return k.AttrParted, true
	case 4:
		return k.AttrGroup, true
	}
	return 0, false
}

func (e *encoder) value(v k.V) error {
	return e.attrValue(v, k.AttrNone)
}

func (e *encoder) attrValue(v k.V, attr byte) error {
	// a value whose items share their parts can serialize to many times
	// its size: each value counts, so that the workspace and an
	// interrupt stop the encoding
	if err := k.Tick(); err != nil {
		return err
	}
	switch x := v.(type) {
	case *k.Attr:
		if x.A == k.AttrSorted {
			if d, ok := x.V.(*k.Dict); ok {
				e.u8(tSortedDict)
				if err := e.attrValue(d.Keys, k.AttrSorted); err != nil {
					return err
				}
				return e.value(d.Vals)
			}
		}
		return e.attrValue(x.V, x.A)
	case k.Bool:
		e.u8(atomType(k.TBool))
		e.u8(b2u(bool(x)))
	case k.Guid:
		e.u8(atomType(k.TGuid))
		e.b = append(e.b, x[:]...)
	case k.Byte:
		e.u8(atomType(k.TByte))
		e.u8(byte(x))
	case k.Short:
		e.u8(atomType(k.TShort))
		e.u16(uint16(x))
	case k.Int:
		e.u8(atomType(k.TInt))
		e.u32(uint32(x))
	case k.Long:
		e.u8(atomType(k.TLong))
		e.u64(uint64(x))
	case k.Real:
		e.u8(atomType(k.TReal))
		e.u32(math.Float32bits(float32(x)))
	case k.Float:
		e.u8(atomType(k.TFloat))
		e.f64(float64(x))
	case k.Char:
		e.u8(atomType(k.TChar))
		e.u8(byte(x))
	case k.Sym:
		e.u8(atomType(k.TSym))
		return e.sym(string(x))
	case k.Timestamp, k.Month, k.Date, k.Datetime, k.Timespan, k.Minute, k.Second, k.Time:
		e.u8(atomType(-x.Type()))
		return e.atomData(k.Under(x))
	case k.Enum:
		return e.enumAtom(x)
	case k.Bools, k.Guids, k.Bytes, k.Shorts, k.Ints, k.Longs, k.Reals, k.Floats, k.Chars,
		k.Timestamps, k.Months, k.Dates, k.Datetimes, k.Timespans, k.Minutes, k.Seconds, k.Times:
		if err := e.head(v.Type(), attr, k.Count(v)); err != nil {
			return err
		}
		e.b = AppendVector(e.b, v)
	case k.Syms:
		if err := e.head(k.TSym, attr, len(x)); err != nil {
			return err
		}
		for _, s := range x {
			if err := e.sym(s); err != nil {
				return err
			}
		}
	case *k.Enums:
		return e.enums(x, attr)
	case k.List:
		if err := e.head(k.TList, attr, len(x)); err != nil {
			return err
		}
		for _, item := range x {
			if err := e.value(item); err != nil {
				return err
			}
		}
	case *k.Dict:
		e.u8(k.TDict)
		if err := e.value(x.Keys); err != nil {
			return err
		}
		return e.value(x.Vals)
	case *k.Table:
		e.u8(k.TTable)
		e.u8(attrCode(attr))
		e.u8(k.TDict)
		if err := e.value(x.Cols); err != nil {
			return err
		}
		return e.value(x.Data)
	case k.Nil:
		e.u8(k.TUnary)
		e.u8(0)
	case *k.Builtin:
		return errNYIFn
	default:
		if v.Type() < k.TLambda || e.o.Funcs == nil {
			return k.Err("nyi: no serialized form for type " + strconv.Itoa(v.Type()))
		}
		f, err := e.o.Funcs.EncodeFunc(v)
		if err != nil {
			return err
		}
		return e.fn(f)
	}
	return nil
}

// atomData writes a numeric atom's bytes.
func (e *encoder) atomData(v k.V) error {
	switch x := v.(type) {
	case k.Int:
		e.u32(uint32(x))
	case k.Long:
		e.u64(uint64(x))
	case k.Float:
		e.f64(float64(x))
	default:
		return k.ErrType
	}
	return nil
}

func (e *encoder) enumAtom(x k.Enum) error {
	if e.o.Resolve != nil {
		syms, err := e.o.Resolve(x.Domain)
		if err != nil {
			return err
		}
		s := ""
		if x.Idx >= 0 && x.Idx < int64(len(syms)) {
			s = syms[x.Idx]
		} else if x.Idx != k.NullLong {
			return k.Err("index: enumeration beyond its domain " + x.Domain)
		}
		return e.value(k.Sym(s))
	}
	e.u8(atomType(k.TEnum))
	if err := e.sym(x.Domain); err != nil {
		return err
	}
	e.u64(uint64(x.Idx))
	return nil
}

func (e *encoder) enums(x *k.Enums, attr byte) error {
	if e.o.Resolve != nil {
		syms, err := e.o.Resolve(x.Domain)
		if err != nil {
			return err
		}
		r := make(k.Syms, len(x.Idx))
		for i, j := range x.Idx {
			if j >= 0 && j < int64(len(syms)) {
				r[i] = syms[j]
			} else if j != k.NullLong {
				return k.Err("index: enumeration beyond its domain " + x.Domain)
			}
		}
		return e.attrValue(r, attr)
	}
	if err := e.head(k.TEnum, attr, len(x.Idx)); err != nil {
		return err
	}
	if err := e.sym(x.Domain); err != nil {
		return err
	}
	for _, j := range x.Idx {
		e.u64(uint64(j))
	}
	return nil
}

func (e *encoder) fn(f Func) error {
	e.u8(byte(f.Type))
	switch {
	case f.Type == k.TLambda:
		if err := e.sym(f.Ctx); err != nil {
			return err
		}
		return e.value(k.Chars(f.Src))
	case f.Type >= k.TUnary && f.Type <= k.TIter:
		e.u8(f.Index)
	case f.Type == k.TProj || f.Type == k.TComp:
		e.u32(uint32(len(f.Parts)))
		for _, p := range f.Parts {
			if err := e.value(p); err != nil {
				return err
			}
		}
	case f.Type >= k.TEach && f.Type <= k.TEachLeft && len(f.Parts) == 1:
		return e.value(f.Parts[0])
	default:
		return errNYIFn
	}
	return nil
}

// AppendVector appends the items of a simple vector (types 1 to 19 but
// 11) to b, little-endian, as kdb+ lays them out in a message and a file.
func AppendVector(b []byte, v k.V) []byte {
	le := binary.LittleEndian
	switch x := k.Under(v).(type) {
	case k.Bools:
		at, b := grow(b, len(x))
		for i, c := range x {
			b[at+i] = b2u(c)
		}
		return b
	case k.Guids:
		at, b := grow(b, 16*len(x))
		for i, g := range x {
			copy(b[at+16*i:], g[:])
		}
		return b
	case k.Bytes:
		return append(b, x...)
	case k.Chars:
		return append(b, x...)
	case k.Shorts:
		at, b := grow(b, 2*len(x))
		for i, n := range x {
			le.PutUint16(b[at+2*i:], uint16(n))
		}
		return b
	case k.Ints:
		at, b := grow(b, 4*len(x))
		for i, n := range x {
			le.PutUint32(b[at+4*i:], uint32(n))
		}
		return b
	case k.Longs:
		at, b := grow(b, 8*len(x))
		for i, n := range x {
			le.PutUint64(b[at+8*i:], uint64(n))
		}
		return b
	case k.Reals:
		at, b := grow(b, 4*len(x))
		for i, f := range x {
			le.PutUint32(b[at+4*i:], math.Float32bits(f))
		}
		return b
	case k.Floats:
		at, b := grow(b, 8*len(x))
		for i, f := range x {
			le.PutUint64(b[at+8*i:], math.Float64bits(f))
		}
		return b
	}
	return b
}

// grow extends b by n bytes and returns where they start.
func grow(b []byte, n int) (int, []byte) {
	at := len(b)
	return at, slices.Grow(b, n)[:at+n]
}

// atomType is the type byte of an atom of vector type t.
func atomType(t int) byte { return byte(int8(-t)) }

// EncodeError is the serialized form of the error 'msg: type -128, then
// the text. A message holding it signals the error where it is read.
func EncodeError(msg string) []byte {
	b := append([]byte{0x80}, msg...)
	return append(b, 0)
}

// ErrorMessage is an IPC response signalling 'msg, as kdb+ answers a
// request that failed.
func ErrorMessage(msg string) []byte {
	b := append(make([]byte, 8, 8+len(msg)+2), EncodeError(msg)...)
	b[0], b[1] = 1, Response
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)))
	return b
}

func b2u(b bool) byte {
	if b {
		return 1
	}
	return 0
}
