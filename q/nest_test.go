package q

import (
	"strings"
	"testing"
)

// TestNest gives the parser, the evaluator, the display and the recursive
// primitives values and lines nested far past MaxNest: each answers 'stack
// and the session goes on.
func TestNest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds deeply nested values")
	}
	checkLines(t, New(), []lineCase{
		{strings.Repeat("(", 200000), "'stack"},
		{strings.Repeat("{", 200000), "'stack"},
		{strings.Repeat("{", 100000) + strings.Repeat("}", 100000), "'stack"},
		{strings.Repeat("[", 100000), "'stack"},
		{"x:{enlist x}/[200000;1]", ""},
		{"x", "'stack"},
		{"x+1", "'stack"},
		{"x~x", "'stack"},
		{"x?x", "'stack"},
		{"distinct x", "'stack"},
		{"x in x", "'stack"},
		{"x@x", "'stack"},
		{"trim x", "'stack"},
		{"-3!x", "'stack"},
		{"0N!x", "'stack"},
		{".Q.s x", "'stack"},
		{"show x", "'stack"},
		{"eval x", "'stack"},
		{"-8!x", "'stack"},
		{"count x", "1\n"},
		{"y:{enlist x}/[50;1]", ""},
		{"y~y", "1b\n"},
		{"count -3!y", "51\n"},
		{"1+1", "2\n"},
	})
}
