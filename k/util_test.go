package k

import "testing"

func TestTypeName(t *testing.T) {
	for _, c := range []struct {
		t    int
		want string
	}{
		{TBool, "boolean"}, {-TLong, "long"}, {TChar, "char"}, {TSym, "symbol"},
		{TTime, "time"}, {TList, ""}, {TTable, ""}, {3, ""}, {-TError, ""},
	} {
		if got := TypeName(c.t); got != c.want {
			t.Errorf("TypeName(%d) = %q, want %q", c.t, got, c.want)
		}
	}
}

func TestGuid(t *testing.T) {
	const s = "8c680a01-5a49-5aab-5a65-d4bfddb6a661"
	g, ok := ParseGuid(s)
	if !ok || g.String() != s || g[0] != 0x8c || g[15] != 0x61 {
		t.Fatalf("ParseGuid(%q) = %v, %v", s, g, ok)
	}
	for _, bad := range []string{"", "8c680a01-5a49-5aab-5a65-d4bfddb6a66", "8c680a01x5a49-5aab-5a65-d4bfddb6a661", "zc680a01-5a49-5aab-5a65-d4bfddb6a661"} {
		if _, ok := ParseGuid(bad); ok {
			t.Errorf("ParseGuid(%q) accepted", bad)
		}
	}
	p := &Printer{}
	for _, c := range []struct {
		v    V
		want string
	}{
		{g, s},
		{Guids{g, {}}, s + " 00000000-0000-0000-0000-000000000000"},
		{Guids{g}, "," + s},
		{Guids{}, "`guid$()"},
	} {
		if got := p.String1(c.v); got != c.want {
			t.Errorf("String1 = %q, want %q", got, c.want)
		}
	}
	if Count(Guids{g, g}) != 2 || At(Guids{{}, g}, 1) != g || Uniform([]V{g, g}).Type() != TGuid {
		t.Error("Count, At or Uniform of guids")
	}
}
