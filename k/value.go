// Package k holds kt's value model: one Go type per q type, with q's own
// type codes, nulls and infinities, and the console display of values.
//
// Values are immutable once built: an operation that changes a value
// returns a new one. Vectors are plain Go slices (unboxed), so a primitive
// loops over []int64 or []float64 without an interface call per element.
package k

import "math"

// Type codes, as q's type function reports them. Atoms are the negatives
// of the vector codes.
const (
	TList      = 0
	TBool      = 1
	TGuid      = 2
	TByte      = 4
	TShort     = 5
	TInt       = 6
	TLong      = 7
	TReal      = 8
	TFloat     = 9
	TChar      = 10
	TSym       = 11
	TTimestamp = 12
	TMonth     = 13
	TDate      = 14
	TDatetime  = 15
	TTimespan  = 16
	TMinute    = 17
	TSecond    = 18
	TTime      = 19
	TTable     = 98
	TDict      = 99
	TLambda    = 100
	TUnary     = 101
	TOp        = 102
	TIter      = 103
	TProj      = 104
	TComp      = 105
	TEach      = 106 // f'
	TOver      = 107 // f/
	TScan      = 108 // f\
	TPrior     = 109 // f':
	TEachRight = 110 // f/:
	TEachLeft  = 111 // f\:
	TForeign   = 112
	TError     = -128
)

// V is a q value. Type returns q's type code: negative for atoms, 0 for a
// general list, 1..19 for vectors, 98 and up for tables, dictionaries,
// functions and foreign objects.
type V interface {
	Type() int
}

// Atoms.
type (
	// Bool is a boolean atom (-1h).
	Bool bool
	// Byte is a byte atom (-4h).
	Byte uint8
	// Short is a short atom (-5h).
	Short int16
	// Int is an int atom (-6h).
	Int int32
	// Long is a long atom (-7h).
	Long int64
	// Real is a real atom (-8h).
	Real float32
	// Float is a float atom (-9h).
	Float float64
	// Char is a char atom (-10h).
	Char byte
	// Sym is a symbol atom (-11h).
	Sym string
)

// Vectors.
type (
	// Bools is a boolean vector (1h).
	Bools []bool
	// Bytes is a byte vector (4h).
	Bytes []uint8
	// Shorts is a short vector (5h).
	Shorts []int16
	// Ints is an int vector (6h).
	Ints []int32
	// Longs is a long vector (7h).
	Longs []int64
	// Reals is a real vector (8h).
	Reals []float32
	// Floats is a float vector (9h).
	Floats []float64
	// Chars is a string (10h).
	Chars []byte
	// Syms is a symbol vector (11h).
	Syms []string
	// List is a general list (0h).
	List []V
)

// Dict is a dictionary (99h): Keys and Vals have the same count. A keyed
// table is a Dict whose Keys and Vals are both tables.
type Dict struct {
	Keys V
	Vals V
}

// Table is a table (98h): a flipped dictionary of symbol column names to
// columns of equal count.
type Table struct {
	Cols Syms
	Data List
}

// Nil is the generic null ::, q's identity function (101h).
type Nil struct{}

// Null is the value ::.
var Null V = Nil{}

// Error is a q signal: 'msg.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Errorf-like helpers for q's standard signals.
var (
	ErrType   = &Error{"type"}
	ErrLength = &Error{"length"}
	ErrRank   = &Error{"rank"}
	ErrDomain = &Error{"domain"}
	ErrNYI    = &Error{"nyi"}
	ErrIndex  = &Error{"index"}
)

// Err returns a q signal with the given text.
func Err(msg string) error { return &Error{msg} }

// Type codes of the atoms.
func (Bool) Type() int  { return -TBool }
func (Byte) Type() int  { return -TByte }
func (Short) Type() int { return -TShort }
func (Int) Type() int   { return -TInt }
func (Long) Type() int  { return -TLong }
func (Real) Type() int  { return -TReal }
func (Float) Type() int { return -TFloat }
func (Char) Type() int  { return -TChar }
func (Sym) Type() int   { return -TSym }

// Type codes of the vectors.
func (Bools) Type() int  { return TBool }
func (Bytes) Type() int  { return TByte }
func (Shorts) Type() int { return TShort }
func (Ints) Type() int   { return TInt }
func (Longs) Type() int  { return TLong }
func (Reals) Type() int  { return TReal }
func (Floats) Type() int { return TFloat }
func (Chars) Type() int  { return TChar }
func (Syms) Type() int   { return TSym }
func (List) Type() int   { return TList }

// Type of a dictionary, a table and ::.
func (*Dict) Type() int  { return TDict }
func (*Table) Type() int { return TTable }
func (Nil) Type() int    { return TUnary }

// Nulls and infinities.
const (
	NullShort = math.MinInt16
	InfShort  = math.MaxInt16
	NullInt   = math.MinInt32
	InfInt    = math.MaxInt32
	NullLong  = math.MinInt64
	InfLong   = math.MaxInt64
)

// NaN32 is the real null 0Ne.
var NaN32 = float32(math.NaN())
