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
