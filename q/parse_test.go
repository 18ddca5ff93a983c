package q

import (
	"testing"

	"kt/k"
)

func TestScanLiterals(t *testing.T) {
	p := k.DefaultPrinter()
	for _, c := range []struct{ src, want string }{
		{"1", "1"},
		{"1 2 3", "1 2 3"},
		{"1 2 3e", "1 2 3e"},
		{"1 -2", "1 -2"},
		{".5", "0.5"},
		{"2f", "2f"},
		{"1e-06", "1e-06"},
		{"0n", "0n"},
		{"0N", "0N"},
		{"0w", "0w"},
		{"-0w", "-0w"},
		{"0Ne", "0Ne"},
		{"0we", "0we"},
		{"0Wj", "0W"},
		{"0Ni", "0Ni"},
		{"0Nh", "0Nh"},
		{"1 0N 3", "1 0N 3"},
		{"1 2.5", "1 2.5"},
		{"1 0n", "1 0n"},
		{"3i", "3i"},
		{"3h", "3h"},
		{"101b", "101b"},
		{"1b", "1b"},
		{"0x0a0b", "0x0a0b"},
		{"0xff", "0xff"},
		{`"abc"`, `"abc"`},
		{`"a"`, `"a"`},
		{`""`, `""`},
		{`"a\nb"`, `"a\nb"`},
		{`"\101"`, `"A"`},
		{"`a", "`a"},
		{"`a`b", "`a`b"},
		{"`", "`"},
		{"`a.b", "`a.b"},
		{"`:dir/file", "`:dir/file"},
	} {
		toks, err := scan(c.src)
		if err != nil {
			t.Errorf("scan %q: %v", c.src, err)
			continue
		}
		if len(toks) != 2 || toks[0].kind != tNoun {
			t.Errorf("scan %q: %d tokens, want one literal", c.src, len(toks)-1)
			continue
		}
		if got := p.String1(toks[0].val); got != c.want {
			t.Errorf("scan %q = %s, want %s", c.src, got, c.want)
		}
	}
}

func TestScanTokens(t *testing.T) {
	for _, c := range []struct {
		src   string
		kinds []kind
	}{
		{"x-1", []kind{tName, tVerb, tNoun}},
		{"x -1", []kind{tName, tNoun}},
		{"x[1]-1", []kind{tName, tLBrack, tNoun, tRBrack, tVerb, tNoun}},
		{"(a+b)- 1", []kind{tLParen, tName, tVerb, tName, tRParen, tVerb, tNoun}},
		{"a /comment", []kind{tName}},
		{"+/x", []kind{tVerb, tAdverb, tName}},
		{"f':x", []kind{tName, tAdverb, tName}},
		{"x,:y", []kind{tName, tVerb, tName}},
		{"#:x", []kind{tVerb, tName}},
		{".z.p", []kind{tName}},
		{".Q.s1 x", []kind{tName, tName}},
		{"a<>b", []kind{tName, tVerb, tName}},
		{"a\nb", []kind{tName, tSemi, tName}},
		{"{a\n b}", []kind{tLBrace, tName, tSemi, tName, tRBrace}},
		{"(1;\n 2)", []kind{tLParen, tNoun, tSemi, tNoun, tRParen}},
		{"{a;\n}", []kind{tLBrace, tName, tSemi, tRBrace}},
	} {
		toks, err := scan(c.src)
		if err != nil {
			t.Errorf("scan %q: %v", c.src, err)
			continue
		}
		var got []kind
		for _, tk := range toks[:len(toks)-1] {
			got = append(got, tk.kind)
		}
		if len(got) != len(c.kinds) {
			t.Errorf("scan %q = %v, want %v", c.src, got, c.kinds)
			continue
		}
		for i := range got {
			if got[i] != c.kinds[i] {
				t.Errorf("scan %q = %v, want %v", c.src, got, c.kinds)
				break
			}
		}
	}
}

func TestParseShape(t *testing.T) {
	p := k.DefaultPrinter()
	for _, c := range []struct{ src, want string }{
		{"1+2", "(+;1;2)"},
		{"x+y*z", "(+;`x;(*;`y;`z))"},
		{"-x", "(-:;`x)"},
		{"f x", "(`f;`x)"},
		{"f[x;y]", "(`f;`x;`y)"},
		{"f[;2]", "(`f;::;2)"},
		{"`a", ",`a"},
		{"`a`b", ",`a`b"},
		{"(1;`a)", "(`enlist;1;,`a)"},
		{"x:3", "(:;`x;3)"},
		{"x::3", "(::;`x;3)"},
		{"x+:1", "(+:;`x;1)"},
		{"x[1]:2", "(:;(`x;1);2)"},
		{"+/x", "((/;+);`x)"},
		{"f'[x;y]", "((';`f);`x;`y)"},
		{"2+", "(+;2;::)"},
		{"$[a;b;c]", "($;`a;`b;`c)"},
		{"a;b", "(;;`a;`b)"},
	} {
		tree, err := ParseTree(c.src)
		if err != nil {
			t.Errorf("parse %q: %v", c.src, err)
			continue
		}
		if got := p.String1(tree); got != c.want {
			t.Errorf("parse %q = %s, want %s", c.src, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"(1;2", "f[1", "{x", ")", "]", "1 2)", "\"abc", "{[x;1] x}"} {
		if _, err := Parse(src); err == nil {
			t.Errorf("parse %q: no error", src)
		}
	}
}

func TestLambdaParams(t *testing.T) {
	for _, c := range []struct {
		src    string
		params []string
		locals int
	}{
		{"{1}", []string{"x"}, 1},
		{"{x}", []string{"x"}, 1},
		{"{y}", []string{"x", "y"}, 2},
		{"{z+x}", []string{"x", "y", "z"}, 3},
		{"{[a;b] c:a; d::b}", []string{"a", "b"}, 3},
		{"{a:1; {b:x}; a}", []string{"x"}, 2},
		{"{[] 1}", nil, 0},
	} {
		tree, err := ParseTree(c.src)
		if err != nil {
			t.Errorf("parse %q: %v", c.src, err)
			continue
		}
		l, ok := tree.(*Lambda)
		if !ok {
			t.Errorf("parse %q: %T, want a lambda", c.src, tree)
			continue
		}
		if len(l.Params) != len(c.params) || len(l.Names) != c.locals {
			t.Errorf("parse %q: params %v names %v, want %v and %d names", c.src, l.Params, l.Names, c.params, c.locals)
		}
		if l.Src != c.src {
			t.Errorf("parse %q: source %q", c.src, l.Src)
		}
	}
}
