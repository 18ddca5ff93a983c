package tensor

// DType is a tensor's element type.
type DType uint8

// The element types, as PyTorch names them in String.
const (
	Float32 DType = iota // float (q real, e)
	Float64              // double (q float, f)
	Int64                // long (q long, j)
	Int32                // int (q int, i)
	Int16                // short (q short, h)
	Uint8                // byte (q byte, x)
	Int8                 // char (q char, c)
	Bool                 // bool (q boolean, b)
)

var dtypeNames = [...]string{"float", "double", "long", "int", "short", "byte", "char", "bool"}

// String returns PyTorch's name for the type: "float", "double", "long", ...
func (d DType) String() string {
	if int(d) < len(dtypeNames) {
		return dtypeNames[d]
	}
	return "unknown"
}

// Title returns the type's name as PyTorch's error messages spell it:
// "Float", "Double", "Long", "Int", "Short", "Byte", "Char", "Bool".
func (d DType) Title() string {
	switch d {
	case Float32:
		return "Float"
	case Float64:
		return "Double"
	case Int64:
		return "Long"
	case Int32:
		return "Int"
	case Int16:
		return "Short"
	case Uint8:
		return "Byte"
	case Int8:
		return "Char"
	case Bool:
		return "Bool"
	}
	return "Unknown"
}

// IsFloat reports whether d is a floating-point type.
func (d DType) IsFloat() bool { return d == Float32 || d == Float64 }

// Size returns the size in bytes of one element.
func (d DType) Size() int {
	switch d {
	case Float64, Int64:
		return 8
	case Float32, Int32:
		return 4
	case Int16:
		return 2
	}
	return 1
}

// category orders kinds for promotion: bool < integer < floating.
func (d DType) category() int {
	switch {
	case d == Bool:
		return 0
	case d.IsFloat():
		return 2
	}
	return 1
}

// Promote returns the type PyTorch's promotion gives two tensors of types a
// and b that have the same standing (both dimensioned, or both 0-dim):
// bool < uint8/int8/int16/int32/int64 < float32 < float64, with uint8 and
// int8 meeting at int16.
func Promote(a, b DType) DType {
	if a == b {
		return a
	}
	ca, cb := a.category(), b.category()
	if ca != cb {
		if ca > cb {
			return a
		}
		return b
	}
	if ca == 2 {
		return Float64
	}
	// integers
	if (a == Uint8 && b == Int8) || (a == Int8 && b == Uint8) {
		return Int16
	}
	if intRank(a) > intRank(b) {
		return a
	}
	return b
}

func intRank(d DType) int {
	switch d {
	case Uint8, Int8:
		return 1
	case Int16:
		return 2
	case Int32:
		return 3
	}
	return 4
}

// ResultType returns the type of a pointwise operation on the given
// tensors, as torch.result_type does: dimensioned tensors decide first; a
// 0-dim tensor raises the result only to a higher category (an integer
// tensor with a 0-dim float gives the default float type, float32).
func ResultType(ts ...*Tensor) DType {
	var dim, zero DType
	hasDim, hasZero := false, false
	for _, t := range ts {
		if t == nil {
			continue
		}
		if t.Dim() > 0 {
			if !hasDim {
				dim, hasDim = t.dtype, true
			} else {
				dim = Promote(dim, t.dtype)
			}
		} else {
			if !hasZero {
				zero, hasZero = t.dtype, true
			} else {
				zero = Promote(zero, t.dtype)
			}
		}
	}
	switch {
	case !hasDim:
		return zero
	case !hasZero:
		return dim
	}
	if zero.category() > dim.category() {
		if zero.IsFloat() {
			return Float32
		}
		return zero
	}
	return dim
}
