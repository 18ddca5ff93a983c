package k

// Builtin is a function written in Go that a host registers by name, the
// way a C function is loaded into q with 2:. Like such a function it has
// type 112 and displays as code. Fn receives exactly Rank arguments.
type Builtin struct {
	Name string
	Rank int
	Fn   func(args []V) (V, error)
}

// Type is 112, as q reports for a function loaded from a shared library.
func (*Builtin) Type() int { return TForeign }

// String is how q displays such a function.
func (*Builtin) String() string { return "code" }
