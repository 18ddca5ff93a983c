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

// plain is Plain, reporting whether anything was stripped.
func plain(v V) (V, bool) {
	switch x := v.(type) {
	case *Attr:
		r, _ := plain(x.V)
		return r, true
	case *Table:
		if x != nil {
			if d := plainItems(x.Data); d != nil {
				return &Table{Cols: x.Cols, Data: d}, true
			}
		}
	case *Dict:
		if x != nil {
			k, ck := plain(x.Keys)
			vs, cv := plain(x.Vals)
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

// plainItems is l with attributes stripped from its items, or nil if none
// had one.
func plainItems(l List) List {
	var r List
	for i, e := range l {
		switch e.(type) {
		case *Attr, *Table, *Dict:
			p, changed := plain(e)
			if !changed {
				continue
			}
			if r == nil {
				r = append(List(nil), l...)
			}
			r[i] = p
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
