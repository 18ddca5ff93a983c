package prim

import (
	"math"

	"kt/k"
)

// Matrices: mmu, inv, lsq. A matrix is a list of float vectors of one
// length (its rows); a float vector is a row or column as the product
// needs.

// floatRows reads a matrix; ok is false for anything else.
func floatRows(x k.V) ([][]float64, bool) {
	l, ok := x.(k.List)
	if !ok {
		return nil, false
	}
	rows := make([][]float64, len(l))
	for i, e := range l {
		r, ok := e.(k.Floats)
		if !ok || i > 0 && len(r) != len(rows[0]) {
			return nil, false
		}
		rows[i] = r
	}
	return rows, true
}

// isFloatMatrix reports whether x is a float vector or matrix: an
// argument of mmu.
func isFloatMatrix(x k.V) bool {
	if _, ok := x.(k.Floats); ok {
		return true
	}
	_, ok := floatRows(x)
	return ok && k.Count(x) > 0
}

func matrixV(rows [][]float64) k.V {
	r := make(k.List, len(rows))
	for i, e := range rows {
		r[i] = k.Floats(e)
	}
	return r
}

// Mmu is q's mmu (and $ on floats): the matrix product of x and y; a
// vector on the left is a row, on the right a column, and two vectors
// give their dot product.
func Mmu(x, y k.V) (k.V, error) {
	xv, xvec := x.(k.Floats)
	yv, yvec := y.(k.Floats)
	xm, xmat := floatRows(x)
	ym, ymat := floatRows(y)
	if !xvec && !xmat || !yvec && !ymat {
		return nil, k.ErrType
	}
	switch {
	case xvec && yvec:
		if len(xv) != len(yv) {
			return nil, k.ErrLength
		}
		var s float64
		for i := range xv {
			s += xv[i] * yv[i]
		}
		return k.Float(s), nil
	case xvec:
		r, err := matMul([][]float64{xv}, ym)
		if err != nil {
			return nil, err
		}
		return k.Floats(r[0]), nil
	case yvec:
		col := make([][]float64, len(yv))
		for i, e := range yv {
			col[i] = []float64{e}
		}
		r, err := matMul(xm, col)
		if err != nil {
			return nil, err
		}
		out := make(k.Floats, len(r))
		for i := range r {
			out[i] = r[i][0]
		}
		return out, nil
	}
	r, err := matMul(xm, ym)
	if err != nil {
		return nil, err
	}
	return matrixV(r), nil
}

// matMul multiplies an m×n by an n×p matrix.
func matMul(a, b [][]float64) ([][]float64, error) {
	if len(a) > 0 && len(a[0]) != len(b) {
		return nil, k.ErrLength
	}
	p := 0
	if len(b) > 0 {
		p = len(b[0])
	}
	r := make([][]float64, len(a))
	for i, row := range a {
		out := make([]float64, p)
		for j, e := range row {
			for c, f := range b[j] {
				out[c] += e * f
			}
		}
		r[i] = out
	}
	return r, nil
}

// transpose returns the transpose of an m×n matrix (n given for m=0).
func transpose(a [][]float64, n int) [][]float64 {
	r := make([][]float64, n)
	for j := range r {
		r[j] = make([]float64, len(a))
		for i := range a {
			r[j][i] = a[i][j]
		}
	}
	return r
}

// solve returns X with A X = B for square A (n×n) and B (n×m), by
// Gaussian elimination with partial pivoting; ok is false when A is
// singular.
func solve(a, b [][]float64) ([][]float64, bool) {
	n := len(a)
	m := 0
	if len(b) > 0 {
		m = len(b[0])
	}
	// work on copies: the arguments are never changed
	A := make([][]float64, n)
	B := make([][]float64, n)
	for i := range a {
		A[i] = append([]float64(nil), a[i]...)
		B[i] = append([]float64(nil), b[i]...)
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(A[r][c]) > math.Abs(A[p][c]) {
				p = r
			}
		}
		if A[p][c] == 0 {
			return nil, false
		}
		A[c], A[p] = A[p], A[c]
		B[c], B[p] = B[p], B[c]
		for r := c + 1; r < n; r++ {
			f := A[r][c] / A[c][c]
			if f == 0 {
				continue
			}
			for j := c; j < n; j++ {
				A[r][j] -= f * A[c][j]
			}
			for j := 0; j < m; j++ {
				B[r][j] -= f * B[c][j]
			}
		}
	}
	for c := n - 1; c >= 0; c-- {
		for j := 0; j < m; j++ {
			s := B[c][j]
			for r := c + 1; r < n; r++ {
				s -= A[c][r] * B[r][j]
			}
			B[c][j] = s / A[c][c]
		}
	}
	return B, true
}

// nullMatrix is an n×m matrix of float nulls.
func nullMatrix(n, m int) k.V {
	r := make([][]float64, n)
	for i := range r {
		r[i] = make([]float64, m)
		for j := range r[i] {
			r[i][j] = math.NaN()
		}
	}
	return matrixV(r)
}

// Inv is q's inv: the inverse of a square float matrix (nulls when it is
// singular).
func Inv(x k.V) (k.V, error) {
	a, ok := floatRows(x)
	if !ok {
		if f, ok := x.(k.Float); ok {
			return k.Float(1 / f), nil
		}
		return nil, k.ErrType
	}
	n := len(a)
	if n > 0 && len(a[0]) != n {
		return nil, k.ErrLength
	}
	id := make([][]float64, n)
	for i := range id {
		id[i] = make([]float64, n)
		id[i][i] = 1
	}
	r, ok := solve(a, id)
	if !ok {
		return nullMatrix(n, n), nil
	}
	return matrixV(r), nil
}

// Lsq is q's lsq: the least-squares solution w of w mmu y = x, for a
// matrix (or a row vector) x and a matrix y with as many columns.
func Lsq(x, y k.V) (k.V, error) {
	xm, ok := floatRows(x)
	if !ok {
		if v, isVec := x.(k.Floats); isVec {
			r, err := Lsq(k.List{v}, y)
			if err != nil {
				return nil, err
			}
			return r.(k.List)[0], nil
		}
		return nil, k.ErrType
	}
	ym, ok := floatRows(y)
	if !ok || len(ym) == 0 {
		return nil, k.ErrType
	}
	n := len(ym[0])
	if len(xm) > 0 && len(xm[0]) != n {
		return nil, k.ErrLength
	}
	if len(ym) > n {
		return nil, k.ErrLength
	}
	// w y = x  <=>  y' w' = x'; with more columns than rows, the normal
	// equations (y y') w' = y x'
	yt := transpose(ym, n)
	xt := transpose(xm, n)
	var a, b [][]float64
	if len(ym) == n {
		a, b = yt, xt
	} else {
		var err error
		if a, err = matMul(ym, yt); err != nil {
			return nil, err
		}
		if b, err = matMul(ym, xt); err != nil {
			return nil, err
		}
	}
	wt, ok := solve(a, b)
	if !ok {
		return nullMatrix(len(xm), len(ym)), nil
	}
	return matrixV(transpose(wt, len(xm))), nil
}
