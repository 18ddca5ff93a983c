package prim

import (
	"strings"

	"kt/k"
)

// Strings and symbols: like, lower, upper, trim, ltrim, rtrim, ss, ssr.

// textOf reads a string (char vector or char atom) or symbol atom.
func textOf(x k.V) (string, bool) {
	switch v := x.(type) {
	case k.Chars:
		return string(v), true
	case k.Char:
		return string([]byte{byte(v)}), true
	case k.Sym:
		return string(v), true
	}
	return "", false
}

// Like is q's like: whether text x matches pattern y (* any run, ? any
// character, [set] and [^set] a character class).
func Like(x, y k.V) (k.V, error) {
	p, ok := textOf(y)
	if !ok {
		return nil, k.ErrType
	}
	switch v := x.(type) {
	case k.Syms:
		r := make(k.Bools, len(v))
		for i, s := range v {
			r[i] = likeMatch(s, p)
		}
		return r, nil
	case k.List:
		r := make([]k.V, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			b, err := Like(e, y)
			if err != nil {
				return nil, err
			}
			r[i] = b
		}
		return k.Uniform(r), nil
	case *k.Dict:
		r, err := Like(v.Vals, y)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	}
	s, ok := textOf(x)
	if !ok {
		return nil, k.ErrType
	}
	return k.Bool(likeMatch(s, p)), nil
}

// likeMatch matches s against a like pattern.
func likeMatch(s, p string) bool {
	for len(p) > 0 {
		switch p[0] {
		case '*':
			for i := len(s); i >= 0; i-- {
				if likeMatch(s[i:], p[1:]) {
					return true
				}
			}
			return false
		case '?':
			if len(s) == 0 {
				return false
			}
			s, p = s[1:], p[1:]
		case '[':
			end := strings.IndexByte(p[1:], ']')
			if end < 0 || len(s) == 0 {
				return false
			}
			set := p[1 : end+1]
			neg := len(set) > 0 && set[0] == '^'
			if neg {
				set = set[1:]
			}
			if inSet(s[0], set) == neg {
				return false
			}
			s, p = s[1:], p[end+2:]
		default:
			if len(s) == 0 || s[0] != p[0] {
				return false
			}
			s, p = s[1:], p[1:]
		}
	}
	return len(s) == 0
}

// inSet reports whether c is in a character class body (with a-z ranges).
func inSet(c byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if i+2 < len(set) && set[i+1] == '-' {
			if set[i] <= c && c <= set[i+2] {
				return true
			}
			i += 2
			continue
		}
		if set[i] == c {
			return true
		}
	}
	return false
}

// mapText applies f to the text of strings, chars and symbols, through
// lists and dictionaries.
func mapText(x k.V, f func(string) string) (k.V, error) {
	switch v := x.(type) {
	case k.Chars:
		return k.Chars(f(string(v))), nil
	case k.Char:
		s := f(string([]byte{byte(v)}))
		if len(s) == 1 {
			return k.Char(s[0]), nil
		}
		return k.Chars(s), nil
	case k.Sym:
		return k.Sym(f(string(v))), nil
	case k.Syms:
		r := make(k.Syms, len(v))
		for i, s := range v {
			r[i] = f(s)
		}
		return r, nil
	case k.List:
		r := make([]k.V, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			t, err := mapText(e, f)
			if err != nil {
				return nil, err
			}
			r[i] = t
		}
		return k.List(r), nil
	case *k.Dict:
		r, err := mapText(v.Vals, f)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	}
	return nil, k.ErrType
}

// Lower is q's lower.
func Lower(x k.V) (k.V, error) { return mapText(x, strings.ToLower) }

// Upper is q's upper.
func Upper(x k.V) (k.V, error) { return mapText(x, strings.ToUpper) }

// trimmer removes blanks from the ends of strings (nulls from the ends
// of other vectors), through lists, dictionaries and tables; other atoms
// are left as they are.
func trimmer(x k.V, left, right bool) (k.V, error) {
	switch v := x.(type) {
	case k.Chars, k.Char:
		return mapText(v, func(s string) string {
			if left {
				s = strings.TrimLeft(s, " ")
			}
			if right {
				s = strings.TrimRight(s, " ")
			}
			return s
		})
	case k.Sym, k.Syms:
		return nil, k.ErrType
	case k.List:
		r := make(k.List, len(v))
		for i, e := range v {
			if err := k.Tick(); err != nil {
				return nil, err
			}
			t, err := trimmer(e, left, right)
			if err != nil {
				return nil, err
			}
			r[i] = t
		}
		return r, nil
	case *k.Dict:
		r, err := trimmer(v.Vals, left, right)
		if err != nil {
			return nil, err
		}
		return &k.Dict{Keys: v.Keys, Vals: r}, nil
	case *k.Table:
		return tableMap(v, func(c k.V) (k.V, error) { return trimmer(c, left, right) })
	}
	if !isVec(x) {
		return x, nil
	}
	i, j := 0, k.Count(x)
	for left && i < j && isNullAtom(k.At(x, i)) {
		i++
	}
	for right && j > i && isNullAtom(k.At(x, j-1)) {
		j--
	}
	return slice(x, i, j), nil
}

// Trim is q's trim: leading and trailing blanks (nulls) removed.
func Trim(x k.V) (k.V, error) { return trimmer(x, true, true) }

// Ltrim is q's ltrim: leading blanks (nulls) removed.
func Ltrim(x k.V) (k.V, error) { return trimmer(x, true, false) }

// Rtrim is q's rtrim: trailing blanks (nulls) removed.
func Rtrim(x k.V) (k.V, error) { return trimmer(x, false, true) }

// patternWidth is the number of characters a match of the ss pattern p
// spans: one for each literal, each ? and each [..] class.
func patternWidth(p string) int {
	n := 0
	for i := 0; i < len(p); i++ {
		if p[i] == '[' {
			if end := strings.IndexByte(p[i+1:], ']'); end >= 0 {
				i += end + 1
			}
		}
		n++
	}
	return n
}

// ssFind returns the positions of non-overlapping occurrences of pattern
// p (? matches any character, [..] one of a class) in s, and the width
// of a match.
func ssFind(s, p string) ([]int64, int) {
	r := []int64{}
	w := patternWidth(p)
	if w == 0 {
		return r, 0
	}
	for i := 0; i+w <= len(s); {
		if likeMatch(s[i:i+w], p) {
			r = append(r, int64(i))
			i += w
		} else {
			i++
		}
	}
	return r, w
}

// Ss is q's ss: the positions of pattern y in string x.
func Ss(x, y k.V) (k.V, error) {
	s, ok1 := textOf(x)
	p, ok2 := textOf(y)
	if !ok1 || !ok2 {
		return nil, k.ErrType
	}
	at, _ := ssFind(s, p)
	return k.Longs(at), nil
}

// Ssr is q's ssr on data: string x with occurrences of y replaced by
// string z.
func Ssr(x, y, z k.V) (k.V, error) {
	w, ok := textOf(z)
	if !ok {
		return nil, k.ErrType
	}
	return SsrWith(x, y, func(k.V) (k.V, error) { return k.Chars(w), nil })
}

// SsrWith is q's ssr with a function: string x with each match of
// pattern y replaced by the text f makes of it (a string or a char).
func SsrWith(x, y k.V, f func(match k.V) (k.V, error)) (k.V, error) {
	s, ok1 := textOf(x)
	p, ok2 := textOf(y)
	if !ok1 || !ok2 {
		return nil, k.ErrType
	}
	at, w := ssFind(s, p)
	var b strings.Builder
	last := 0
	for _, i := range at {
		r, err := f(k.Chars(s[i : int(i)+w]))
		if err != nil {
			return nil, err
		}
		t, ok := textOf(r)
		if !ok {
			return nil, k.ErrType
		}
		b.WriteString(s[last:i])
		b.WriteString(t)
		last = int(i) + w
	}
	b.WriteString(s[last:])
	return k.Chars(b.String()), nil
}
