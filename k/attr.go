package k

// Attributes and enumerations: the two ways q decorates a vector.

// Attribute letters, as `s# `u# `p# `g# apply them and attr reports them.
const (
	AttrNone   byte = 0
	AttrSorted byte = 's'
	AttrUnique byte = 'u'
	AttrParted byte = 'p'
	AttrGroup  byte = 'g'
)

// Attr is a value with an attribute: a vector, or a dictionary whose keys
// carry it (a sorted dictionary, `s#d, is a step function). It has the
// type of the value it wraps. Primitives see the plain value (Plain); the
// few that make use of an attribute (bin, find, lookup in a sorted
// dictionary) look for it first.
type Attr struct {
	A byte // AttrSorted, AttrUnique, AttrParted or AttrGroup
	V V    // the value, itself without an attribute

	// Index is a hash from item to first position, built once on first
	// use for `u# and `g# (by the primitive that uses it).
	Index any
	// Groups is group of the value, kept once made for `g#.
	Groups V
}

// Type is the type of the value.
func (a *Attr) Type() int { return a.V.Type() }

// AttrOf is v's attribute letter, or AttrNone.
func AttrOf(v V) byte {
	if a, ok := v.(*Attr); ok {
		return a.A
	}
	return AttrNone
}

// Plain is v without attributes: at its top, in the columns of a table,
// the keys and values of a dictionary and the items of a general list.
// It shares storage with v and allocates only where something was
// stripped.
func Plain(v V) V {
	r, _ := plain(v)
	return r
}

// plain is Plain, reporting whether anything was stripped. It looks one
// level in (a table's columns, a dictionary's keys and values, a keyed
// table's two tables, a list's items), so its cost never grows with
// nesting.
func plain(v V) (V, bool) {
	switch x := v.(type) {
	case *Attr:
		return x.V, true
	case *Table:
		if x != nil {
			if d := plainItems(x.Data); d != nil {
				return &Table{Cols: x.Cols, Data: d}, true
			}
		}
	case *Dict:
		if x != nil {
			k, ck := plainPart(x.Keys)
			vs, cv := plainPart(x.Vals)
			if ck || cv {
				return &Dict{Keys: k, Vals: vs}, true
			}
		}
	case List:
		if d := plainItems(x); d != nil {
			return d, true
		}
	}
	return v, false
}

// plainPart strips a dictionary's keys or values: an attribute, or those
// of a table's columns.
func plainPart(v V) (V, bool) {
	switch x := v.(type) {
	case *Attr:
		return x.V, true
	case *Table:
		if d := plainItems(x.Data); d != nil {
			return &Table{Cols: x.Cols, Data: d}, true
		}
	}
	return v, false
}

// plainItems is l with attributes stripped from its items, or nil if none
// had one.
func plainItems(l List) List {
	var r List
	for i, e := range l {
		if a, ok := e.(*Attr); ok {
			if r == nil {
				r = append(List(nil), l...)
			}
			r[i] = a.V
		}
	}
	return r
}

// TEnum is the type of an enumeration vector (20h; its atoms are -20h):
// kdb+ gives every enumeration domain this one type code.
const TEnum = 20

// Enum is an enumeration atom (-20h): an index into the list named by
// Domain (`sym$`a).
type Enum struct {
	Domain string
	Idx    int64
}

// Enums is an enumeration vector (20h): indices into the list named by
// Domain. Index NullLong is a null item.
type Enums struct {
	Domain string
	Idx    []int64
}

// Type is -20.
func (Enum) Type() int { return -TEnum }

// Type is 20.
func (*Enums) Type() int { return TEnum }
