package q

import (
	"kt/k"
)

// A parse tree is a k value in q's own shape: a constant is itself (a
// symbol or a general list constant is enlisted: ,`a), a name is a
// symbol atom, and an application is a general list whose first item is
// the function: (+;1;`x) for 1+x.

// infix holds the binary keywords q's grammar treats as operators, so
// that x in y and f each x read as they do in q.
var infix = map[string]bool{
	"and": true, "or": true, "mod": true, "div": true, "xexp": true, "in": true,
	"within": true, "like": true, "bin": true, "binr": true, "except": true,
	"inter": true, "union": true, "cross": true, "cut": true, "each": true,
	"over": true, "scan": true, "prior": true, "peach": true, "set": true,
	"sv": true, "vs": true, "xbar": true, "xcol": true, "xkey": true,
	"xasc": true, "xdesc": true, "xgroup": true, "xprev": true, "rotate": true,
	"sublist": true, "ss": true, "wavg": true, "wsum": true, "cor": true,
	"cov": true, "insert": true, "upsert": true, "lj": true, "ij": true,
	"uj": true, "pj": true, "ljf": true, "fby": true, "xlog": true, "mmu": true,
	"lsq": true, "mavg": true, "msum": true, "mmax": true, "mmin": true,
	"mcount": true, "mdev": true, "ema": true, "dsave": true, "asof": true,
	"xrank": true, "scov": true, "xcols": true,
}

// primKeywords are the keywords that are q's monadic primitives: q
// parses neg as -: and shows it so.
var primKeywords = map[string]string{
	"neg": "-", "not": "~", "null": "^", "string": "$", "count": "#",
	"first": "*", "reciprocal": "%", "where": "&", "reverse": "|",
	"floor": "_", "distinct": "?", "type": "@", "flip": "+", "group": "=",
	"iasc": "<", "idesc": ">",
}

// item is one term of an expression: a noun or a verb (an operator, an
// infix keyword or a derived function).
type item struct {
	node k.V
	verb bool
	// quiet marks an assignment, which the console does not echo.
	quiet bool
	// pos is the byte offset of the item's first token in the source.
	pos int
	// over1 marks f/[y] or f\[y]: an accumulator applied in brackets to
	// one argument, which literal data to its left joins as the first
	// (42 f/[y] is f/[42;y]); a name may be a function (type f/[y]), so
	// it stays an application.
	over1 bool
}

// lambdaCtx collects what a lambda's body declares while it is parsed.
type lambdaCtx struct {
	locals  []string
	maxXYZ  int
	explict bool
}

type parser struct {
	// spots maps each application to its place in src (mark).
	spots *SourceMap
	src   string
	toks  []token
	pos   int
	lams  []*lambdaCtx
	// depth is the nesting of expressions being parsed (MaxNest bounds it).
	depth int
}

// Statement is one parsed statement: its tree and whether the console
// echoes its value (an assignment is not echoed).
type Statement struct {
	Tree  k.V
	Quiet bool
	// Spots places the statement's applications in the source.
	Spots *SourceMap
}

// SourceMap places the applications of parsed source: the byte offset in
// Src of the operator (or function) of each, by the address of its first
// item, so that an error can point at the primitive that failed.
type SourceMap struct {
	Src string
	At  map[*k.V]int
	// File and Line name where Src starts, for a script's source.
	File string
	Line int
}

// offset is where application n stands, if it is known.
func (m *SourceMap) offset(n *k.V) (int, bool) {
	if m == nil {
		return 0, false
	}
	o, ok := m.At[n]
	return o, ok
}

// Parse parses q source into statements.
func Parse(src string) ([]Statement, error) {
	toks, err := scan(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	var out []Statement
	for {
		it, err := p.expr()
		if err != nil {
			return nil, err
		}
		if it.node == nil {
			out = append(out, Statement{Tree: k.Null, Quiet: true})
		} else {
			out = append(out, Statement{Tree: it.node, Quiet: it.quiet, Spots: p.spots})
		}
		switch p.peek().kind {
		case tSemi:
			p.pos++
			continue
		case tEOF:
			return out, nil
		}
		return nil, errParse(p.tokText(p.peek()))
	}
}

// ParseTree parses source into a single tree, as q's parse does: one
// statement is its tree, several are (";";s1;s2...).
func ParseTree(src string) (k.V, error) {
	st, err := Parse(src)
	if err != nil {
		return nil, err
	}
	if len(st) == 1 {
		return st[0].Tree, nil
	}
	l := make(k.List, 0, len(st)+1)
	l = append(l, seq{})
	for _, s := range st {
		l = append(l, s.Tree)
	}
	return l, nil
}

func (p *parser) peek() token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return token{kind: tEOF, pos: len(p.src)}
}

func (p *parser) next() token {
	t := p.peek()
	if p.pos < len(p.toks) {
		p.pos++
	}
	return t
}

func (p *parser) tokText(t token) string {
	switch t.kind {
	case tRParen:
		return ")"
	case tRBrack:
		return "]"
	case tRBrace:
		return "}"
	case tLParen:
		return "("
	case tLBrack:
		return "["
	case tLBrace:
		return "{"
	case tEOF:
		return "parse"
	}
	if t.text != "" {
		return t.text
	}
	return "parse"
}

func (p *parser) expect(kd kind) error {
	if t := p.next(); t.kind != kd {
		return errParse(p.tokText(t))
	}
	return nil
}

// ends reports whether t ends an expression.
func ends(t token) bool {
	switch t.kind {
	case tSemi, tRParen, tRBrack, tRBrace, tEOF:
		return true
	}
	return false
}

// expr parses one expression up to ; ) ] } or the end.
func (p *parser) expr() (item, error) {
	if p.depth++; p.depth > k.MaxNest {
		return item{}, k.ErrStack
	}
	defer func() { p.depth-- }()
	var items []item
	for !ends(p.peek()) {
		t := p.peek()
		// :x returns from a lambda
		if t.kind == tVerb && t.text == ":" && len(items) == 0 && p.pos+1 < len(p.toks) && !ends(p.toks[p.pos+1]) && p.toks[p.pos+1].kind != tAdverb {
			p.pos++
			r, err := p.expr()
			if err != nil {
				return item{}, err
			}
			if r.node == nil {
				r.node = k.Null
			}
			items = append(items, item{node: k.List{&Verb{Glyph: ":"}, r.node}})
			break
		}
		// 'x signals
		if t.kind == tAdverb && t.text == "'" && len(items) == 0 && p.pos+1 < len(p.toks) && p.toks[p.pos+1].kind != tLBrack {
			p.pos++
			r, err := p.expr()
			if err != nil {
				return item{}, err
			}
			if r.node == nil {
				return item{}, errParse("'")
			}
			items = append(items, item{node: k.List{&control{"'"}, r.node}})
			break
		}
		start := p.peek().pos
		it, err := p.term()
		if err != nil {
			return item{}, err
		}
		it.pos = start
		// assignment: name: v, name::v, name op: v, name[i]: v
		if nt := p.peek(); nt.kind == tVerb && isAssignVerb(nt.text) && assignable(it) {
			p.pos++
			r, err := p.expr()
			if err != nil {
				return item{}, err
			}
			if r.node == nil {
				return item{}, errParse(nt.text)
			}
			a := &assign{global: nt.text == "::"}
			if !a.global {
				a.op = nt.text[:len(nt.text)-1]
			}
			if name, ok := it.node.(k.Sym); ok && !a.global && len(p.lams) > 0 {
				p.local(string(name))
			}
			items = append(items, item{node: k.List{a, it.node, r.node}, quiet: true})
			break
		}
		items = append(items, it)
	}
	if len(items) == 1 {
		return items[0], nil
	}
	n, _, err := p.build(items)
	return item{node: n}, err
}

func isAssignVerb(s string) bool {
	if s == ":" || s == "::" {
		return true
	}
	if len(s) < 2 || s[len(s)-1] != ':' {
		return false
	}
	switch s[:len(s)-1] {
	case "+", "-", "*", "%", "&", "|", "^", "=", "<>", "<", "<=", ">", ">=", "~", "!", "#", "_", ",", "$", "?", "@", ".":
		return true
	}
	return false
}

// assignable reports whether an item can be assigned to: a name, or a
// name indexed with brackets.
func assignable(it item) bool {
	if it.verb {
		return false
	}
	switch n := it.node.(type) {
	case k.Sym:
		return true
	case k.List:
		if len(n) > 1 {
			_, ok := n[0].(k.Sym)
			return ok
		}
	}
	return false
}

func (p *parser) local(name string) {
	c := p.lams[len(p.lams)-1]
	for _, l := range c.locals {
		if l == name {
			return
		}
	}
	c.locals = append(c.locals, name)
}

// build folds the items of an expression right to left into a tree. It
// also reports whether the result is a train: a verb phrase missing its
// right argument (+, 2+, last key@), which a term to its left composes with.
func (p *parser) build(items []item) (k.V, bool, error) {
	n := len(items)
	if n == 0 {
		return nil, false, nil
	}
	if n == 1 {
		return items[0].node, items[0].verb, nil
	}
	a := items[0]
	if !a.verb {
		b := items[1]
		if b.verb {
			if n == 2 {
				return k.List{b.node, a.node, hole{}}, true, nil
			}
			r, rt, err := p.build(items[2:])
			if err != nil {
				return nil, false, err
			}
			if rt {
				return compose(k.List{b.node, a.node, hole{}}, r), true, nil
			}
			return p.mark(k.List{b.node, a.node, r}, b.pos), false, nil
		}
		if n == 2 && b.over1 && isConst(a.node) {
			f := b.node.(k.List)
			return k.List{f[0], a.node, f[1]}, false, nil
		}
		if n == 2 && isConst(a.node) && k.IsNil(b.node) {
			// 3 :: is the identity applied to the constant, not 3[::]
			return k.List{k.Null, a.node}, false, nil
		}
		r, rt, err := p.build(items[1:])
		if err != nil {
			return nil, false, err
		}
		if rt {
			return compose(a.node, r), true, nil
		}
		return p.mark(k.List{a.node, r}, a.pos), false, nil
	}
	r, rt, err := p.build(items[1:])
	if err != nil {
		return nil, false, err
	}
	if rt {
		return compose(monadic(a.node), r), true, nil
	}
	return p.mark(k.List{monadic(a.node), r}, a.pos), false, nil
}

// mark records where application l stands in the source, for the
// location of an error in it.
func (p *parser) mark(l k.List, pos int) k.List {
	if p.spots == nil {
		p.spots = &SourceMap{Src: p.src, At: map[*k.V]int{}}
	}
	p.spots.At[&l[0]] = pos
	return l
}

// isConst reports whether a parse node is literal data: an atom or a
// simple vector, not a name or an application.
func isConst(n k.V) bool {
	if _, ok := n.(k.Sym); ok || n == nil {
		return false
	}
	t := n.Type()
	return t < 0 || (t > 0 && t < k.TTable)
}

func compose(f, g k.V) k.V { return k.List{&Iter{"'"}, f, g} }

// monadic is the prefix form of a verb: the operator's monadic primitive.
func monadic(v k.V) k.V {
	if vb, ok := v.(*Verb); ok && !vb.Monadic {
		return &Verb{Glyph: vb.Glyph, Monadic: true}
	}
	return v
}

// quote makes a constant safe to place in a tree: symbols and general
// lists are enlisted so they are not read as names or applications.
func quote(v k.V) k.V {
	switch v := v.(type) {
	case k.Sym:
		return k.Syms{string(v)}
	case k.Syms, k.List:
		return k.List{v}
	}
	return v
}

// term parses one term with its brackets and iterators.
func (p *parser) term() (item, error) {
	t := p.next()
	var it item
	switch t.kind {
	case tNoun:
		it = item{node: quote(t.val)}
	case tName:
		switch t.text {
		case "if", "do", "while":
			if p.peek().kind == tLBrack {
				p.pos++
				args, err := p.bracketArgs()
				if err != nil {
					return it, err
				}
				it = item{node: append(k.List{&control{t.text}}, args...)}
				return p.postfix(it)
			}
		case "select", "exec", "update", "delete":
			n, err := p.sql(t.text)
			if err != nil {
				return it, err
			}
			return item{node: n}, nil
		}
		if len(p.lams) > 0 {
			c := p.lams[len(p.lams)-1]
			switch t.text {
			case "x":
				c.maxXYZ = max(c.maxXYZ, 1)
			case "y":
				c.maxXYZ = max(c.maxXYZ, 2)
			case "z":
				c.maxXYZ = max(c.maxXYZ, 3)
			}
		}
		if g, ok := primKeywords[t.text]; ok {
			it = item{node: &Verb{Glyph: g, Monadic: true}}
			break
		}
		it = item{node: k.Sym(t.text), verb: infix[t.text]}
	case tVerb:
		switch {
		case t.text == "::":
			it = item{node: k.Null}
		case t.text == ":", t.text == "0:", t.text == "1:", t.text == "2:": // dyadic file operators and dynamic load, not monadic forms
			it = item{node: &Verb{Glyph: t.text}, verb: true}
		case len(t.text) > 1 && t.text[len(t.text)-1] == ':':
			it = item{node: &Verb{Glyph: t.text[:len(t.text)-1], Monadic: true}, verb: true}
		default:
			it = item{node: &Verb{Glyph: t.text}, verb: true}
		}
	case tAdverb:
		if p.peek().kind == tLBrack {
			// an iterator applied in brackets: '[f;g], /[+], \[+]
			it = item{node: &Iter{t.text}, verb: true}
		} else {
			return it, errParse(t.text)
		}
	case tLParen:
		n, err := p.paren()
		if err != nil {
			return it, err
		}
		it = item{node: n}
	case tLBrace:
		n, err := p.lambda(t)
		if err != nil {
			return it, err
		}
		it = item{node: n}
	case tLBrack:
		args, err := p.bracketArgs()
		if err != nil {
			return it, err
		}
		for i, a := range args {
			if _, ok := a.(hole); ok {
				args[i] = k.Null
			}
		}
		it = item{node: append(k.List{seq{}}, args...)}
	default:
		return it, errParse(p.tokText(t))
	}
	it.pos = t.pos // where an application by brackets that follow stands
	return p.postfix(it)
}

// postfix applies brackets and iterators that follow a term.
func (p *parser) postfix(it item) (item, error) {
	for {
		switch t := p.peek(); t.kind {
		case tLBrack:
			p.pos++
			args, err := p.bracketArgs()
			if err != nil {
				return it, err
			}
			if len(args) == 1 {
				if _, ok := args[0].(hole); ok {
					args[0] = k.Null
				}
			}
			over1 := false
			if f, ok := it.node.(k.List); ok && it.verb && len(args) == 1 && len(f) == 2 {
				if i, ok := f[0].(*Iter); ok && (i.Glyph == "/" || i.Glyph == "\\") {
					over1 = true
				}
			}
			it = item{node: p.mark(append(k.List{it.node}, args...), it.pos), over1: over1, pos: it.pos}
		case tAdverb:
			if t.space {
				return it, nil
			}
			p.pos++
			it = item{node: k.List{&Iter{t.text}, it.node}, verb: true}
		default:
			return it, nil
		}
	}
}

// bracketArgs parses a;b;c] with empty places as holes.
func (p *parser) bracketArgs() ([]k.V, error) {
	var args []k.V
	for {
		it, err := p.expr()
		if err != nil {
			return nil, err
		}
		if it.node == nil {
			args = append(args, hole{})
		} else {
			args = append(args, it.node)
		}
		switch t := p.next(); t.kind {
		case tSemi:
			continue
		case tRBrack:
			return args, nil
		default:
			return nil, errParse(p.tokText(t))
		}
	}
}

// paren parses what follows an opening parenthesis: (), (x), (a;b;c) or
// a table ([] a:..; b:..).
func (p *parser) paren() (k.V, error) {
	if p.peek().kind == tLBrack {
		return p.table()
	}
	if p.peek().kind == tRParen {
		p.pos++
		return quote(k.List{}), nil
	}
	var items []k.V
	for {
		it, err := p.expr()
		if err != nil {
			return nil, err
		}
		if it.node == nil {
			items = append(items, hole{})
		} else {
			items = append(items, it.node)
		}
		switch t := p.next(); t.kind {
		case tSemi:
			continue
		case tRParen:
			if len(items) == 1 {
				if _, ok := items[0].(hole); ok {
					return k.Null, nil
				}
				return items[0], nil
			}
			return append(k.List{k.Sym("enlist")}, items...), nil
		default:
			return nil, errParse(p.tokText(t))
		}
	}
}

// table parses ([keys] cols) into q's tree: flip and dictionaries; with
// no columns after the brackets, ([a:1;b:2]) is a dictionary.
func (p *parser) table() (k.V, error) {
	p.pos++ // [
	keys, err := p.columns(tRBrack)
	if err != nil {
		return nil, err
	}
	if p.peek().kind == tSemi {
		p.pos++ // ([k:..]; v:..) is accepted too
	}
	vals, err := p.columns(tRParen)
	if err != nil {
		return nil, err
	}
	switch {
	case keys == nil && vals == nil:
		return &k.Table{Cols: k.Syms{}, Data: k.List{}}, nil // ([]), a table of no columns
	case keys == nil:
		return vals, nil
	case vals == nil:
		// ([a:1;b:2]) is a dictionary: the keys' names!values, unflipped
		return keys.(k.List)[1], nil
	}
	return k.List{&Verb{Glyph: "!"}, keys, vals}, nil
}

// columns parses name:expr;... up to the closer and returns the tree of
// flip names!(values), or nil for none.
func (p *parser) columns(end kind) (k.V, error) {
	if p.peek().kind == end {
		p.pos++
		return nil, nil
	}
	var names k.Syms
	vals := k.List{k.Sym("enlist")}
	for {
		name := ""
		if p.peek().kind == tName && p.pos+1 < len(p.toks) && p.toks[p.pos+1].kind == tVerb && p.toks[p.pos+1].text == ":" {
			name = p.next().text
			p.pos++
		}
		it, err := p.expr()
		if err != nil {
			return nil, err
		}
		if it.node == nil {
			return nil, errParse(p.tokText(p.peek()))
		}
		if name == "" {
			name = colName(it.node, len(names))
		}
		names = append(names, name)
		vals = append(vals, it.node)
		switch t := p.next(); {
		case t.kind == tSemi:
			continue
		case t.kind == end:
			return k.List{&Verb{Glyph: "+", Monadic: true}, k.List{&Verb{Glyph: "!"}, quote(names), vals}}, nil
		default:
			return nil, errParse(p.tokText(t))
		}
	}
}

// colName is the name q gives a column written without one: the last
// name in its expression, else x, x1, x2...
func colName(n k.V, i int) string {
	switch n := n.(type) {
	case k.Sym:
		return string(n)
	case k.List:
		if len(n) > 1 {
			return colName(n[len(n)-1], i)
		}
	}
	if i == 0 {
		return "x"
	}
	return "x" + itoa(i)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// adoptInner sets Outer of the lambdas written in tree t (not those
// inside them, which have their own) to l.
func adoptInner(t k.V, l *Lambda) {
	switch v := t.(type) {
	case *Lambda:
		if v.Outer == nil {
			v.Outer = l
		}
	case k.List:
		for _, e := range v {
			adoptInner(e, l)
		}
	case *Derived:
		adoptInner(v.F, l)
	}
}

// lambda parses {[params] body} after the opening brace.
func (p *parser) lambda(open token) (k.V, error) {
	c := &lambdaCtx{}
	p.lams = append(p.lams, c)
	defer func() { p.lams = p.lams[:len(p.lams)-1] }()
	var params []string
	if p.peek().kind == tLBrack {
		p.pos++
		c.explict = true
		for {
			t := p.next()
			switch t.kind {
			case tName:
				params = append(params, t.text)
				if nt := p.next(); nt.kind == tRBrack {
					goto body
				} else if nt.kind != tSemi {
					return nil, errParse(p.tokText(nt))
				}
			case tRBrack:
				if len(params) == 0 {
					goto body
				}
				return nil, errParse("]")
			default:
				return nil, errParse(p.tokText(t))
			}
		}
	}
body:
	var body []k.V
	for {
		it, err := p.expr()
		if err != nil {
			return nil, err
		}
		if it.node == nil {
			body = append(body, k.Null)
		} else {
			body = append(body, it.node)
		}
		t := p.next()
		if t.kind == tSemi {
			continue
		}
		if t.kind != tRBrace {
			return nil, errParse(p.tokText(t))
		}
		if !c.explict {
			n := max(c.maxXYZ, 1)
			params = []string{"x", "y", "z"}[:n]
		}
		if len(params) > 8 {
			return nil, errParse("params")
		}
		names := append([]string(nil), params...)
	locals:
		for _, l := range c.locals {
			for _, n := range names {
				if n == l {
					continue locals
				}
			}
			names = append(names, l)
		}
		src := p.src[open.pos : t.pos+1]
		l := &Lambda{Src: src, Params: params, Names: names, Body: body, Spots: p.spots, Start: open.pos}
		for _, st := range body {
			adoptInner(st, l)
		}
		return l, nil
	}
}
