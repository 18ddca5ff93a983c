// Package q is kt's q language: a scanner, a parser that builds q's own
// parse trees (what q's parse shows), and an evaluator that walks them
// right to left. All session state lives in an Interp.
package q

import (
	"strconv"
	"strings"
	"unsafe"

	"kt/k"
)

// kind is the kind of a token.
type kind int

const (
	tEOF    kind = iota
	tNoun        // a literal: number, vector, string, symbol
	tName        // a name: x, .z.p, .Q.s1
	tVerb        // a glyph: + - <> ... and its colon form +:
	tAdverb      // ' ': / /: \ \:
	tLParen
	tRParen
	tLBrack
	tRBrack
	tLBrace
	tRBrace
	tSemi // ; or a line break that separates statements
)

// token is one lexical item of q source.
type token struct {
	kind kind
	text string // source text of names, verbs, adverbs
	val  k.V    // value of a literal
	pos  int    // byte offset in the source
	// space is true when white space precedes the token.
	space bool
}

// scanner splits q source into tokens.
type scanner struct {
	src  string
	pos  int
	toks []token
}

// errParse is a parse error signal, as q reports it.
func errParse(msg string) error { return k.Err(msg) }

// scan splits src into tokens, ending with tEOF. Line breaks become
// statement separators except where a bracket is open in a way that
// joins lines (the parser drops separators next to openers and closers).
func scan(src string) ([]token, error) {
	// a token per byte at most: a line too long for that is 'wsfull
	if err := k.Need(len(src)+1, int(unsafe.Sizeof(token{}))); err != nil {
		return nil, err
	}
	s := &scanner{src: src}
	for {
		space := s.skipSpace()
		if s.pos >= len(s.src) {
			s.toks = append(s.toks, token{kind: tEOF, pos: s.pos})
			return tidy(s.toks), nil
		}
		c := s.src[s.pos]
		start := s.pos
		switch {
		case c == '\n':
			s.pos++
			s.emit(token{kind: tSemi, text: "\n", pos: start, space: space})
		case c == '/' && (space || start == 0 || s.src[start-1] == '\n'):
			// a comment runs to the end of the line
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		case c == '"':
			v, err := s.str()
			if err != nil {
				return nil, err
			}
			s.emit(token{kind: tNoun, val: v, pos: start, space: space})
		case c == '`':
			s.emit(token{kind: tNoun, val: s.syms(), pos: start, space: space})
		case (c == '0' || c == '1' || c == '2') && s.dynLoad(start):
			// 0: 1: 2: are the file text, file binary and dynamic load operators
			s.pos += 2
			s.emit(token{kind: tVerb, text: s.src[start : start+2], pos: start, space: space})
		case isDigit(c) || c == '.' && s.peekDigit(1) || c == '-' && s.negNumber(space):
			v, err := s.numbers()
			if err != nil {
				return nil, err
			}
			s.emit(token{kind: tNoun, val: v, pos: start, space: space})
		case isAlpha(c) || c == '.' && s.pos+1 < len(s.src) && isAlpha(s.src[s.pos+1]):
			s.emit(token{kind: tName, text: s.name(), pos: start, space: space})
		case c == '(':
			s.pos++
			s.emit(token{kind: tLParen, pos: start, space: space})
		case c == ')':
			s.pos++
			s.emit(token{kind: tRParen, pos: start, space: space})
		case c == '[':
			s.pos++
			s.emit(token{kind: tLBrack, pos: start, space: space})
		case c == ']':
			s.pos++
			s.emit(token{kind: tRBrack, pos: start, space: space})
		case c == '{':
			s.pos++
			s.emit(token{kind: tLBrace, pos: start, space: space})
		case c == '}':
			s.pos++
			s.emit(token{kind: tRBrace, pos: start, space: space})
		case c == ';':
			s.pos++
			s.emit(token{kind: tSemi, text: ";", pos: start, space: space})
		case c == '\'' || c == '/' || c == '\\':
			s.pos++
			if s.pos < len(s.src) && s.src[s.pos] == ':' {
				s.pos++
			}
			s.emit(token{kind: tAdverb, text: s.src[start:s.pos], pos: start, space: space})
		case strings.IndexByte("+-*%&|^=<>~!#_,$?@.:", c) >= 0:
			s.pos++
			if s.pos < len(s.src) {
				d := s.src[s.pos]
				if c == '<' && (d == '>' || d == '=') || c == '>' && d == '=' {
					s.pos++
				}
			}
			if s.pos < len(s.src) && s.src[s.pos] == ':' {
				s.pos++
			}
			s.emit(token{kind: tVerb, text: s.src[start:s.pos], pos: start, space: space})
		default:
			return nil, errParse(string(c))
		}
	}
}

func (s *scanner) emit(t token) { s.toks = append(s.toks, t) }

// dynLoad reports whether the 2 at i is the verb 2: (dynamic load): a
// lone digit, not part of a name or a number, followed by one colon.
func (s *scanner) dynLoad(i int) bool {
	if i+1 >= len(s.src) || s.src[i+1] != ':' || i+2 < len(s.src) && s.src[i+2] == ':' {
		return false
	}
	if i > 0 {
		p := s.src[i-1]
		if isDigit(p) || isAlpha(p) || p == '.' || p == '_' {
			return false
		}
	}
	return true
}

// skipSpace skips blanks (not line breaks) and reports whether any were
// skipped, or whether the position is at the start of a line.
func (s *scanner) skipSpace() bool {
	start := s.pos
	for s.pos < len(s.src) && (s.src[s.pos] == ' ' || s.src[s.pos] == '\t' || s.src[s.pos] == '\r') {
		s.pos++
	}
	return s.pos > start || s.pos == 0 || s.src[s.pos-1] == '\n'
}

func (s *scanner) peekDigit(off int) bool {
	return s.pos+off < len(s.src) && isDigit(s.src[s.pos+off])
}

// negNumber reports whether a minus sign at the current position begins a
// negative number: it must be followed by a digit (or .digit) and not
// follow a noun, so x-1 subtracts while x -1 and (-1) are literals.
func (s *scanner) negNumber(space bool) bool {
	if !(s.peekDigit(1) || s.pos+2 < len(s.src) && s.src[s.pos+1] == '.' && isDigit(s.src[s.pos+2])) {
		return false
	}
	if len(s.toks) == 0 {
		return true
	}
	switch p := s.toks[len(s.toks)-1]; p.kind {
	case tNoun, tName, tRParen, tRBrack, tRBrace:
		return space
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlpha(c byte) bool { return 'A' <= c&^32 && c&^32 <= 'Z' }
func isNameChar(c byte) bool {
	return isAlpha(c) || isDigit(c) || c == '_' || c == '.'
}

func (s *scanner) name() string {
	start := s.pos
	s.pos++
	for s.pos < len(s.src) && isNameChar(s.src[s.pos]) {
		s.pos++
	}
	return s.src[start:s.pos]
}

// syms scans one or more symbols: `a, `a`b, `, `:file/path.
func (s *scanner) syms() k.V {
	var out []string
	for s.pos < len(s.src) && s.src[s.pos] == '`' {
		s.pos++
		start := s.pos
		file := s.pos < len(s.src) && s.src[s.pos] == ':'
		for s.pos < len(s.src) && (isNameChar(s.src[s.pos]) || file && (s.src[s.pos] == ':' || s.src[s.pos] == '/')) {
			s.pos++
		}
		out = append(out, s.src[start:s.pos])
		// `a `b is one vector too
		j := s.pos
		for j < len(s.src) && s.src[j] == ' ' {
			j++
		}
		if j > s.pos && j < len(s.src) && s.src[j] == '`' {
			s.pos = j
		}
	}
	if len(out) == 1 {
		return k.Sym(out[0])
	}
	return k.Syms(out)
}

// str scans a string literal with q's escapes.
func (s *scanner) str() (k.V, error) {
	s.pos++ // opening quote
	var b []byte
	for {
		if s.pos >= len(s.src) {
			return nil, errParse("\"")
		}
		c := s.src[s.pos]
		s.pos++
		switch c {
		case '"':
			if len(b) == 1 {
				return k.Char(b[0]), nil
			}
			if b == nil {
				b = []byte{}
			}
			return k.Chars(b), nil
		case '\\':
			if s.pos >= len(s.src) {
				return nil, errParse("\"")
			}
			e := s.src[s.pos]
			s.pos++
			switch e {
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			case 'r':
				b = append(b, '\r')
			case '\\', '"':
				b = append(b, e)
			default:
				if '0' <= e && e <= '7' && s.pos+1 < len(s.src) {
					n, err := strconv.ParseUint(s.src[s.pos-1:s.pos+2], 8, 8)
					if err == nil {
						b = append(b, byte(n))
						s.pos += 2
						continue
					}
				}
				b = append(b, e)
			}
		default:
			b = append(b, c)
		}
	}
}

// numWord scans one numeric word: -?[0-9a-zA-Z.]* with a sign allowed
// after an exponent e.
func (s *scanner) numWord() string {
	start := s.pos
	if s.src[s.pos] == '-' {
		s.pos++
	}
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if isDigit(c) || isAlpha(c) || c == '.' {
			s.pos++
			continue
		}
		if c == ':' && s.pos-start >= 2 && isDigit(s.src[s.pos-1]) && isDigit(s.src[s.pos-2]) && s.peekDigit(1) {
			// The clock of a temporal literal: 12:30, 2024.01.15D12:00.
			s.pos++
			continue
		}
		if c == '-' && (s.src[s.pos-1] == 'e' || s.src[s.pos-1] == 'E') && s.peekDigit(1) && !strings.HasPrefix(s.src[start:], "0x") {
			s.pos++
			continue
		}
		break
	}
	return s.src[start:s.pos]
}

// numbers scans a number or a vector literal of numbers separated by
// blanks: 1 2 3e, 1 -2 0N, 101b, 0x0a0b.
func (s *scanner) numbers() (k.V, error) {
	w := s.numWord()
	if w == "0Ng" {
		return k.Guid{}, nil
	}
	if strings.HasPrefix(w, "0x") {
		return hexBytes(w[2:])
	}
	if len(w) > 1 && w[len(w)-1] == 'b' && strings.Trim(w[:len(w)-1], "01") == "" {
		bits := w[:len(w)-1]
		if len(bits) == 1 {
			return k.Bool(bits[0] == '1'), nil
		}
		v := make(k.Bools, len(bits))
		for i := range bits {
			v[i] = bits[i] == '1'
		}
		return v, nil
	}
	words := []string{w}
	for {
		j := s.pos
		for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t') {
			j++
		}
		if j == s.pos || j >= len(s.src) {
			break
		}
		c := s.src[j]
		if !(isDigit(c) || c == '.' && j+1 < len(s.src) && isDigit(s.src[j+1]) ||
			c == '-' && j+1 < len(s.src) && (isDigit(s.src[j+1]) || s.src[j+1] == '.' && j+2 < len(s.src) && isDigit(s.src[j+2]))) {
			break
		}
		save := s.pos
		s.pos = j
		nw := s.numWord()
		if strings.HasPrefix(nw, "0x") || len(nw) > 1 && nw[len(nw)-1] == 'b' && strings.Trim(nw[:len(nw)-1], "01") == "" {
			s.pos = save
			break
		}
		words = append(words, nw)
	}
	return numVector(words)
}

// num is one parsed numeric word before the vector's type is fixed.
type num struct {
	f       float64
	i       int64
	isFloat bool
	null    bool
	inf     int // +1, -1 or 0
	suffix  byte
}

func parseNum(w string) (num, error) {
	var n num
	neg := strings.HasPrefix(w, "-")
	body := strings.TrimPrefix(w, "-")
	if body == "" {
		return n, errParse(w)
	}
	last := body[len(body)-1]
	switch last {
	case 'e', 'f', 'j', 'i', 'h':
		n.suffix = last
		body = body[:len(body)-1]
	}
	switch body {
	case "0n", "0N":
		n.null = true
		n.isFloat = body == "0n"
		return n, nil
	case "0w", "0W":
		n.inf = 1
		if neg {
			n.inf = -1
		}
		n.isFloat = body == "0w"
		return n, nil
	case "":
		return n, errParse(w)
	}
	if strings.ContainsAny(body, ".eE") || n.suffix == 'e' || n.suffix == 'f' {
		f, err := strconv.ParseFloat(body, 64)
		if err != nil {
			return n, errParse(w)
		}
		if neg {
			f = -f
		}
		n.f, n.isFloat = f, true
		return n, nil
	}
	u, err := strconv.ParseUint(body, 10, 64)
	if err != nil {
		return n, errParse(w)
	}
	n.i = int64(u)
	if neg {
		n.i = -n.i
	}
	n.f = float64(n.i)
	return n, nil
}

// numVector builds an atom (one word) or a vector from numeric words. The
// type comes from the last word's suffix, else float if any word is a
// float, else long.
func numVector(words []string) (k.V, error) {
	for _, w := range words {
		if t, _ := k.LiteralType(w); t != 0 {
			return temporalVector(words)
		}
	}
	nums := make([]num, len(words))
	var suffix byte
	anyFloat := false
	for i, w := range words {
		n, err := parseNum(w)
		if err != nil {
			return nil, err
		}
		if n.suffix != 0 {
			if i < len(words)-1 && n.suffix != nums[0].suffix {
				return nil, errParse(w)
			}
			suffix = n.suffix
		}
		anyFloat = anyFloat || n.isFloat
		nums[i] = n
	}
	if suffix == 0 {
		suffix = 'j'
		if anyFloat {
			suffix = 'f'
		}
	}
	if (suffix == 'j' || suffix == 'i' || suffix == 'h') && anyFloat {
		for _, n := range nums {
			if n.isFloat && !n.null && n.inf == 0 && n.f != float64(int64(n.f)) {
				return nil, errParse(words[0])
			}
		}
	}
	atom := len(nums) == 1
	switch suffix {
	case 'f':
		v := make(k.Floats, len(nums))
		for i, n := range nums {
			v[i] = n.float()
		}
		if atom {
			return k.Float(v[0]), nil
		}
		return v, nil
	case 'e':
		v := make(k.Reals, len(nums))
		for i, n := range nums {
			v[i] = float32(n.float())
		}
		if atom {
			return k.Real(v[0]), nil
		}
		return v, nil
	case 'i':
		v := make(k.Ints, len(nums))
		for i, n := range nums {
			v[i] = int32(n.integer(k.NullInt, k.InfInt))
		}
		if atom {
			return k.Int(v[0]), nil
		}
		return v, nil
	case 'h':
		v := make(k.Shorts, len(nums))
		for i, n := range nums {
			v[i] = int16(n.integer(k.NullShort, k.InfShort))
		}
		if atom {
			return k.Short(v[0]), nil
		}
		return v, nil
	}
	v := make(k.Longs, len(nums))
	for i, n := range nums {
		v[i] = n.integer(k.NullLong, k.InfLong)
	}
	if atom {
		return k.Long(v[0]), nil
	}
	return v, nil
}

// temporalVector builds a temporal atom or vector from literal words:
// the type is the last word's type letter, else the type every word's
// shape gives (0N and 0W words take the others' type).
func temporalVector(words []string) (k.V, error) {
	t := 0
	bodies := make([]string, len(words))
	for i, w := range words {
		wt, body := k.LiteralType(w)
		bodies[i] = body
		switch {
		case body != w && i < len(words)-1 && w[len(w)-1] != words[len(words)-1][len(words[len(words)-1])-1]:
			return nil, errParse(w) // a type letter before the last word, not the last's
		case body != w:
			t = wt
		case wt != 0 && t != 0 && wt != t:
			if _, b := k.LiteralType(words[len(words)-1]); b == words[len(words)-1] {
				return nil, errParse(w) // shapes of two types, no letter
			}
		case wt != 0:
			t = wt
		}
	}
	if t == 0 {
		return nil, errParse(words[0])
	}
	items := make([]k.V, len(words))
	for i, b := range bodies {
		if b == "0" && b != words[i] {
			items[i] = k.TemporalZero(t)
			continue
		}
		v, ok := k.ParseTemporal(t, b)
		if !ok {
			return nil, errParse(words[i])
		}
		items[i] = v
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return k.Uniform(items), nil
}

func (n num) float() float64 {
	switch {
	case n.null:
		return nan
	case n.inf > 0:
		return posInf
	case n.inf < 0:
		return negInf
	}
	return n.f
}

func (n num) integer(null, inf int64) int64 {
	switch {
	case n.null:
		return null
	case n.inf > 0:
		return inf
	case n.inf < 0:
		return -inf
	case n.isFloat:
		return int64(n.f)
	}
	return n.i
}

func hexBytes(h string) (k.V, error) {
	if len(h)%2 == 1 {
		h = "0" + h
	}
	b := make(k.Bytes, len(h)/2)
	for i := range b {
		n, err := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		if err != nil {
			return nil, errParse("0x" + h)
		}
		b[i] = byte(n)
	}
	if len(b) == 1 {
		return k.Byte(b[0]), nil
	}
	return b, nil
}

// tidy drops line-break separators where they do not separate statements:
// at the start, after another separator or an opener, and before a closer.
func tidy(toks []token) []token {
	out := toks[:0]
	for i, t := range toks {
		if t.kind == tSemi && t.text == "\n" {
			if len(out) == 0 {
				continue
			}
			switch out[len(out)-1].kind {
			case tSemi, tLParen, tLBrack, tLBrace:
				continue
			}
			if i+1 < len(toks) {
				switch toks[i+1].kind {
				case tRParen, tRBrack, tRBrace, tEOF, tSemi:
					continue
				}
			}
		}
		out = append(out, t)
	}
	return out
}
