// Package prim holds q's primitives and keywords on data values: the
// one-argument (Monads) and two-argument (Dyads) meanings of the glyphs
// + - * % & | ^ = <> < <= > >= ~ ! # _ , $ ? @ . and of the keywords that
// take data, with q's type promotion, atomic extension over lists,
// dictionaries and tables, nulls and infinities.
//
// Anything that applies a function (iterators, amend, apply) belongs to
// the evaluator; this package only computes on data. Every function
// returns a q signal (*k.Error) rather than panicking, and never modifies
// its arguments.
package prim

import (
	"math"

	"kt/k"
)

// Monad is the meaning of a primitive or keyword applied to one argument.
type Monad = func(x k.V) (k.V, error)

// Dyad is the meaning of a primitive or keyword applied to two arguments.
type Dyad = func(x, y k.V) (k.V, error)

// Monads maps q's glyphs and keyword names to their one-argument meaning
// on data. It is read-only.
var Monads = map[string]func(x k.V) (k.V, error){
	"+": Flip, "-": Neg, "*": First, "%": Reciprocal, "&": Where, "|": Reverse, "^": Null,
	"=": Group, "<": Iasc, ">": Idesc, "~": Not, "!": Key, "#": Count, "_": Floor, ",": Enlist,
	"$": String, "?": Distinct, "@": Type, ".": Value,

	"abs": Abs, "all": All, "any": Any, "asc": Asc, "avg": Avg, "avgs": Avgs, "ceiling": Ceiling,
	"cols": Cols, "count": Count, "deltas": Deltas, "desc": Desc, "dev": Dev, "differ": Differ,
	"distinct": Distinct, "enlist": Enlist, "exp": Exp, "fills": Fills, "first": First, "flip": Flip,
	"floor": Floor, "group": Group, "iasc": Iasc, "idesc": Idesc, "key": Key, "keys": Keys,
	"last": Last, "log": Log, "lower": Lower, "ltrim": Ltrim, "max": Max, "maxs": Maxs, "med": Med,
	"meta": Meta, "min": Min, "mins": Mins, "neg": Neg, "next": Next, "not": Not, "null": Null,
	"prd": Prd, "prds": Prds, "prev": Prev, "ratios": Ratios, "raze": Raze, "reciprocal": Reciprocal,
	"reverse": Reverse, "rtrim": Rtrim, "sdev": Sdev, "signum": Signum, "sqrt": Sqrt, "string": String,
	"sum": Sum, "sums": Sums, "svar": Svar, "til": Til, "trim": Trim, "type": Type, "upper": Upper,
	"value": Value, "var": Var, "where": Where,
	"inv": Inv, "rank": Rank, "ungroup": Ungroup,
	"sin": Sin, "cos": Cos, "tan": Tan, "asin": Asin, "acos": Acos, "atan": Atan,
	"attr": AttrName,
}

// Dyads maps q's glyphs and keyword names to their two-argument meaning
// on data. It is read-only.
var Dyads = map[string]func(x, y k.V) (k.V, error){
	"+": Add, "-": Subtract, "*": Multiply, "%": Divide, "&": Lesser, "|": Greater, "^": Fill,
	"=": compareEq, "<>": compareNe, "<": compareLt, "<=": compareLe, ">": compareGt, ">=": compareGe,
	"~": Match, "!": Dict, "#": Take, "_": Drop, ",": Join, "$": Cast, "?": Find, "@": Index,
	".": IndexDepth,

	"and": Lesser, "or": Greater, "bin": Bin, "binr": Binr, "cor": Cor, "cov": Cov, "cross": Cross,
	"cut": Cut, "div": Div, "except": Except, "in": In, "inter": Inter, "like": Like, "mod": Mod,
	"rotate": Rotate, "scov": Scov, "ss": Ss, "sublist": Sublist, "sv": Sv, "union": Union, "vs": Vs,
	"wavg": Wavg, "within": Within, "wsum": Wsum, "xasc": Xasc, "xbar": Xbar, "xcol": Xcol, "xcols": Xcols,
	"xdesc": Xdesc, "xexp": Xexp, "xkey": Xkey, "xlog": Xlog, "xprev": Xprev,
	"lj": Lj, "ij": Ij, "uj": Uj, "xgroup": Xgroup,
	"mmu": Mmu, "lsq": Lsq, "xrank": Xrank,
	"deltas": DeltasFrom, "ratios": RatiosFrom,
	"mavg": Mavg, "mcount": Mcount, "mdev": Mdev, "mmax": Mmax, "mmin": Mmin, "msum": Msum,
}

func compareEq(x, y k.V) (k.V, error) { return atomic2(x, y, compareKern(eqBit)) }
func compareNe(x, y k.V) (k.V, error) { return atomic2(x, y, compareKern(ltBit|gtBit)) }
func compareLt(x, y k.V) (k.V, error) { return atomic2(x, y, compareKern(ltBit)) }
func compareLe(x, y k.V) (k.V, error) { return atomic2(x, y, compareKern(ltBit|eqBit)) }
func compareGt(x, y k.V) (k.V, error) { return atomic2(x, y, compareKern(gtBit)) }
func compareGe(x, y k.V) (k.V, error) { return atomic2(x, y, compareKern(gtBit|eqBit)) }

// Floor is q's floor (monadic _): floats round down to longs; a float
// within comparison tolerance of an integer is that integer.
func Floor(x k.V) (k.V, error) { return roundFn(tolerant(math.Floor))(x) }

// Ceiling is q's ceiling: floats round up to longs, tolerantly.
func Ceiling(x k.V) (k.V, error) { return roundFn(tolerant(math.Ceil))(x) }

// tolerant makes a rounding function give the nearest integer to a
// float tolerantly equal to it.
func tolerant(f func(float64) float64) func(float64) float64 {
	return func(x float64) float64 {
		if r := math.Round(x); feq(x, r) {
			return r
		}
		return f(x)
	}
}

// Exp is q's exp: e to the power x.
func Exp(x k.V) (k.V, error) { return floatFn(math.Exp)(x) }

// Log is q's log: the natural logarithm.
func Log(x k.V) (k.V, error) { return floatFn(math.Log)(x) }

// Sqrt is q's sqrt.
func Sqrt(x k.V) (k.V, error) { return floatFn(math.Sqrt)(x) }

// Sin is q's sin.
func Sin(x k.V) (k.V, error) { return floatFn(math.Sin)(x) }

// Cos is q's cos.
func Cos(x k.V) (k.V, error) { return floatFn(math.Cos)(x) }

// Tan is q's tan.
func Tan(x k.V) (k.V, error) { return floatFn(math.Tan)(x) }

// Asin is q's asin.
func Asin(x k.V) (k.V, error) { return floatFn(math.Asin)(x) }

// Acos is q's acos.
func Acos(x k.V) (k.V, error) { return floatFn(math.Acos)(x) }

// Atan is q's atan.
func Atan(x k.V) (k.V, error) { return floatFn(math.Atan)(x) }

// Cross is q's cross: all pairs of items of x and y (rows of tables).
func Cross(x, y k.V) (k.V, error) {
	xt, ok1 := x.(*k.Table)
	yt, ok2 := y.(*k.Table)
	nx, ny := k.Count(x), k.Count(y)
	ix := make([]int64, 0, nx*ny)
	iy := make([]int64, 0, nx*ny)
	for i := 0; i < nx; i++ {
		for j := 0; j < ny; j++ {
			ix = append(ix, int64(i))
			iy = append(iy, int64(j))
		}
	}
	if ok1 && ok2 {
		return joinCols(pick(xt, ix).(*k.Table), pick(yt, iy).(*k.Table)), nil
	}
	x, y = listOf(x), listOf(y)
	r := make(k.List, len(ix))
	for i := range r {
		r[i] = k.Uniform([]k.V{k.At(x, int(ix[i])), k.At(y, int(iy[i]))})
	}
	return r, nil
}

// Cond is q's vector conditional ?[c;a;b] on data: items of a where c is
// true, of b where it is false; a and b are atoms or lists of c's count.
func Cond(c, a, b k.V) (k.V, error) {
	cb, ok := c.(k.Bools)
	if !ok {
		if v, ok := c.(k.Bool); ok {
			cb = k.Bools{bool(v)}
		} else {
			return nil, k.ErrType
		}
	}
	n := len(cb)
	for _, v := range []k.V{a, b} {
		if !isAtom(v) && k.Count(v) != n {
			return nil, k.ErrLength
		}
	}
	r := make([]k.V, n)
	for i, e := range cb {
		src := b
		if e {
			src = a
		}
		if isAtom(src) {
			r[i] = src
		} else {
			r[i] = k.At(src, i)
		}
	}
	if isAtom(c) {
		return r[0], nil
	}
	return k.Uniform(r), nil
}
