package q

import (
	"bytes"
	"testing"

	"kt/k"
)

// newHost is an interpreter with a few host functions registered.
func newHost(t *testing.T) *Interp {
	t.Helper()
	in := New()
	var out bytes.Buffer
	in.Stdout = &out
	// args returns its argument's count: a rank-1 builtin gets a
	// parenthesised list as one argument.
	in.Register(&k.Builtin{Name: "args", Rank: 1, Fn: func(a []k.V) (k.V, error) {
		return k.Long(k.Count(a[0])), nil
	}})
	in.Register(&k.Builtin{Name: "sub", Rank: 2, Fn: func(a []k.V) (k.V, error) {
		x, ok1 := a[0].(k.Long)
		y, ok2 := a[1].(k.Long)
		if !ok1 || !ok2 {
			return nil, k.ErrType
		}
		return x - y, nil
	}})
	// ptr returns an api pointer: a 1-item general list holding a long.
	in.Register(&k.Builtin{Name: "ptr", Rank: 1, Fn: func(a []k.V) (k.V, error) {
		return k.List{k.Long(68610912)}, nil
	}})
	in.Register(&k.Builtin{Name: "fail", Rank: 1, Fn: func(a []k.V) (k.V, error) {
		return nil, k.Err("hostfail")
	}})
	return in
}

func TestHostFunctions(t *testing.T) {
	in := newHost(t)
	p := k.DefaultPrinter()
	for _, c := range []struct{ src, want string }{
		{"args(`mse;`none)", "2"},
		{"args(1;2;3)", "3"},
		{"args 1 2 3 4", "4"},
		{"sub[10;3]", "7"},
		{"sub[10] 3", "7"},
		{"s:sub[;1]; s 5", "4"},
		{"sub[;1] each 1 2 3", "0 1 2"},
		{"10 sub/ 1 2", "7"},
		{"sub/[10;1 2]", "7"},
		{"1 2 sub' 3 4", "-2 -2"},
		{"(neg sub)[1;3]", "'type"},
		{"'[neg;sub][1;3]", "2"},
		{"type ptr 0", "0h"},
		{"ptr 0", ",68610912"},
		{"type first ptr 0", "-7h"},
		{"(ptr 0;ptr 1)", "(,68610912;,68610912)"},
		{"type each (ptr 0;ptr 1)", "0 0h"},
		{"@[fail;0;{x}]", "\"hostfail\""},
		{"type args", "112h"},
	} {
		v, err := in.Eval(c.src)
		got := ""
		if err != nil {
			got = FormatError(err)
		} else {
			got = p.String1(v)
		}
		if got != c.want {
			t.Errorf("%s = %s, want %s", c.src, got, c.want)
		}
	}
	if _, err := in.Eval("fail 1"); FormatError(err) != "'hostfail" {
		t.Errorf("fail 1: %v", err)
	}
}

func TestSessionsIndependent(t *testing.T) {
	a, b := New(), New()
	if _, err := a.Eval("x:1"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Eval("x"); FormatError(err) != "'x" {
		t.Errorf("x in another session: %v", err)
	}
	a.Printer.Precision = 3
	if b.Printer.Precision != 7 {
		t.Error("printer settings shared between sessions")
	}
}

func TestLimits(t *testing.T) {
	in := New()
	in.MaxSteps = 1000
	if _, err := in.Eval("while[1b; 1]"); FormatError(err) != "'limit" {
		t.Errorf("endless while: %v", err)
	}
	in.MaxSteps = 0
	in.MaxDepth = 50
	if _, err := in.Eval("f:{f x}; f 1"); FormatError(err) != "'stack" {
		t.Errorf("endless recursion: %v", err)
	}
	in.MaxItems = 1000
	if _, err := in.Eval("{x,x}/[1 2]"); FormatError(err) != "'limit" {
		t.Errorf("growing converge: %v", err)
	}
}
