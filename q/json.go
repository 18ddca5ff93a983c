package q

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"kt/k"
)

// The .j namespace: JSON as q writes (.j.j, .j.jd) and reads it (.j.k).
// Numbers are written as q shows them, float infinities as inf and -inf
// (null with .j.jd's null0w), nulls as null, symbols, strings, guids and
// temporal values as strings (dates and timestamps in ISO form), a
// dictionary as an object, a table as an array of objects. Reading, every
// number is a float, strings are strings, an array of numbers, booleans or
// strings is a vector or list of them, and an array of objects with the
// same keys is a table.

func jsonKeywords() map[string]*Keyword {
	return map[string]*Keyword{
		".j.j": unary(".j.j", func(in *Interp, x k.V) (k.V, error) {
			var b strings.Builder
			if err := in.writeJSON(&b, x, false); err != nil {
				return nil, err
			}
			return k.Chars(b.String()), nil
		}),
		".j.jd": unary(".j.jd", func(in *Interp, x k.V) (k.V, error) {
			l, ok := x.(k.List)
			if !ok || len(l) != 2 {
				return nil, k.ErrType
			}
			null0w := false
			if d, ok := l[1].(*k.Dict); ok {
				if keys, ok := d.Keys.(k.Syms); ok {
					for i, s := range keys {
						if s == "null0w" {
							b, ok := k.At(d.Vals, i).(k.Bool)
							null0w = ok && bool(b)
						}
					}
				}
			} else {
				return nil, k.ErrType
			}
			var b strings.Builder
			if err := in.writeJSON(&b, l[0], null0w); err != nil {
				return nil, err
			}
			return k.Chars(b.String()), nil
		}),
		".j.k": unary(".j.k", func(in *Interp, x k.V) (k.V, error) {
			s, ok := bytesOf(x)
			if !ok {
				return nil, k.ErrType
			}
			dec := json.NewDecoder(strings.NewReader(string(s)))
			dec.UseNumber()
			v, err := readJSON(dec, 0)
			if err != nil {
				return nil, k.Err("json: " + err.Error())
			}
			if _, err := dec.Token(); err == nil {
				return nil, k.Err("json: text after the value")
			}
			return v, nil
		}),
	}
}

// writeJSON writes x as JSON.
func (in *Interp) writeJSON(b *strings.Builder, x k.V, null0w bool) error {
	if err := k.Tick(); err != nil { // an interrupt; the workspace, as the text grows
		return err
	}
	x = in.resolve(k.Plain(x))
	switch v := x.(type) {
	case k.Chars:
		quoteJSON(b, string(v))
		return nil
	case k.Char:
		quoteJSON(b, string([]byte{byte(v)}))
		return nil
	case *k.Dict:
		if t, ok := v.Keys.(*k.Table); ok {
			// a keyed table: its rows, keys and values together
			vt, _ := v.Vals.(*k.Table)
			if vt == nil {
				return k.ErrType
			}
			return in.writeJSON(b, &k.Table{Cols: append(append(k.Syms{}, t.Cols...), vt.Cols...), Data: append(append(k.List{}, t.Data...), vt.Data...)}, null0w)
		}
		b.WriteByte('{')
		n := k.Count(v.Keys)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			key := k.At(v.Keys, i)
			ks, ok := key.(k.Sym)
			if !ok {
				s, isText := key.(k.Chars)
				if !isText {
					ks = k.Sym(in.Printer.String1(key))
				} else {
					ks = k.Sym(s)
				}
			}
			quoteJSON(b, string(ks))
			b.WriteByte(':')
			if err := in.writeJSON(b, k.At(v.Vals, i), null0w); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	case *k.Table:
		b.WriteByte('[')
		for i := range k.Count(v) {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := in.writeJSON(b, k.At(v, i), null0w); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	}
	t := x.Type()
	switch {
	case t < 0 && t > -20:
		in.jsonAtom(b, x, null0w)
		return nil
	case t >= 0 && t < 20:
		b.WriteByte('[')
		for i := range k.Count(x) {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := in.writeJSON(b, k.At(x, i), null0w); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	}
	return k.Err("nyi: .j.j of type " + strconv.Itoa(t))
}

// jsonAtom writes one atom.
func (in *Interp) jsonAtom(b *strings.Builder, x k.V, null0w bool) {
	switch v := x.(type) {
	case k.Bool:
		if v {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
		return
	case k.Sym:
		quoteJSON(b, string(v))
		return
	case k.Guid:
		quoteJSON(b, v.String())
		return
	case k.Float, k.Real:
		f := float64(0)
		if r, ok := v.(k.Real); ok {
			f = float64(r)
		} else {
			f = float64(v.(k.Float))
		}
		switch {
		case f != f:
			b.WriteString("null")
		case math.IsInf(f, 0) && null0w:
			b.WriteString("null")
		case math.IsInf(f, 1):
			b.WriteString("inf")
		case math.IsInf(f, -1):
			b.WriteString("-inf")
		default:
			b.WriteString(in.Printer.FormatFloat(f))
		}
		return
	case k.Byte:
		b.WriteString(strconv.Itoa(int(v)))
		return
	}
	if k.IsTemporal(x.Type()) {
		if isNullAtomQ(x) {
			b.WriteString("null")
			return
		}
		s := k.TemporalString(x)
		switch -x.Type() {
		case k.TDate, k.TMonth:
			s = strings.ReplaceAll(s, ".", "-")
		case k.TTimestamp, k.TDatetime:
			if i := strings.IndexAny(s, "DT"); i == 10 {
				s = strings.ReplaceAll(s[:10], ".", "-") + "T" + s[11:]
			}
		}
		quoteJSON(b, s)
		return
	}
	if isNullAtomQ(x) {
		b.WriteString("null")
		return
	}
	n, _ := toInt(x)
	b.WriteString(strconv.FormatInt(n, 10))
}

// isNullAtomQ reports whether atom x is a null of its type.
func isNullAtomQ(x k.V) bool {
	r, err := prim1("^", x)
	if err != nil {
		return false
	}
	v, ok := r.(k.Bool)
	return ok && bool(v)
}

// quoteJSON writes s as a JSON string.
func quoteJSON(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[c>>4])
			b.WriteByte("0123456789abcdef"[c&15])
		case c < utf8.RuneSelf:
			b.WriteByte(c)
		default:
			// bytes past ASCII pass through as they are
			b.WriteByte(c)
		}
		i++
	}
	b.WriteByte('"')
}

// maxJSONDepth bounds the nesting .j.k reads ('stack past it).
const maxJSONDepth = 1000

// readJSON reads one JSON value from dec, keeping the order of an
// object's keys.
func readJSON(dec *json.Decoder, depth int) (k.V, error) {
	if depth > maxJSONDepth {
		return nil, k.Err("stack")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch x := tok.(type) {
	case nil:
		return k.Float(math.NaN()), nil
	case bool:
		return k.Bool(x), nil
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return k.Float(math.NaN()), nil
		}
		return k.Float(f), nil
	case string:
		return k.Chars(x), nil
	case json.Delim:
		switch x {
		case '[':
			var items []k.V
			for dec.More() {
				v, err := readJSON(dec, depth+1)
				if err != nil {
					return nil, err
				}
				items = append(items, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			if len(items) == 0 {
				return k.List{}, nil
			}
			return k.Uniform(items), nil
		case '{':
			var keys k.Syms
			var vals []k.V
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				v, err := readJSON(dec, depth+1)
				if err != nil {
					return nil, err
				}
				keys = append(keys, key)
				vals = append(vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			if keys == nil {
				return &k.Dict{Keys: k.Syms{}, Vals: k.List{}}, nil
			}
			return &k.Dict{Keys: keys, Vals: k.Uniform(vals)}, nil
		}
	}
	return nil, k.Err("json: unexpected " + strconv.Quote(strings.TrimSpace(stringOf(tok))))
}

func stringOf(t json.Token) string {
	if d, ok := t.(json.Delim); ok {
		return d.String()
	}
	return ""
}
