package k

import "strings"

// The console lines of general lists, dictionaries and tables.
//
// A general list shows one item a line in one-line form, unless its items
// are all lists of one count (and not all booleans, bytes or strings): then
// it is a matrix, each item split into cells (the items of a simple vector
// as q's string gives them, the lines of a general list) and the cells
// aligned in columns. A dictionary shows its key lines padded to the widest,
// "| ", and its value lines. A table shows each column's lines under its
// name, all columns padded to their widest cell, with a line of dashes
// under the header. A keyed table is a dictionary of two tables.

// shower renders console lines. limit bounds the lines it builds: the
// console cuts every line at the width, so a line is kept to limit+1
// bytes (still longer than the width, so still cut the same way), and a
// value nested deep, whose lines would double at each level, costs only
// what shows. seen holds the lines of each container already rendered:
// values share their parts ({x!x}/[40;1] is 40 dictionaries but 2^40
// paths), and a part's lines are the same wherever it appears.
type shower struct {
	p     *Printer
	limit int
	seen  map[[2]uintptr]shown
}

// shown is what lines gave for one container.
type shown struct {
	lines []string
	ok    bool
}

// clip keeps s to the limit: see shower.
func (f shower) clip(s string) string {
	if len(s) > f.limit+1 {
		return s[:f.limit+1]
	}
	return s
}

func (f shower) one(v V) string { return f.p.one(v, f.limit) }

// lines renders v as console lines before the cut to the width. ok is false
// where q's display fails (mismatched counts): the console then shows the
// one-line form instead.
func (f shower) lines(v V) (lines []string, ok bool) {
	id, container := identity(v)
	if !container {
		return f.render(v)
	}
	if r, seen := f.seen[id]; seen {
		return r.lines, r.ok
	}
	lines, ok = f.render(v)
	if PulseN(1 + len(lines)) {
		// a value too large to show before an interrupt or a full
		// workspace: the evaluation ends with the error (PulseN)
		return nil, false
	}
	f.seen[id] = shown{lines, ok}
	return lines, ok
}

// render is lines, for a value not seen before.
func (f shower) render(v V) (lines []string, ok bool) {
	switch x := v.(type) {
	case List:
		return f.listLines(x)
	case *Dict:
		if x == nil {
			return []string{"::"}, true
		}
		return f.dictLines(x)
	case *Table:
		if x == nil {
			return []string{"::"}, true
		}
		return f.tableLines(x)
	}
	if t := typeOf(v); t > 0 && t < 77 {
		return f.p.cells(v), true
	}
	return []string{f.one(v)}, true
}

// listLines renders a general list: one item a line, or a matrix.
func (f shower) listLines(x List) ([]string, bool) {
	if len(x) == 0 {
		return nil, true
	}
	matrix := true
	n, t0 := Count(x[0]), typeOf(x[0])
	sameType := true
	for _, e := range x {
		t := typeOf(e)
		if t < 0 || t > 97 || Count(e) != n {
			matrix = false
			break
		}
		sameType = sameType && t == t0
	}
	if matrix && sameType && (t0 == TBool || t0 == TByte || t0 == TChar) {
		matrix = false
	}
	if !matrix {
		lines := make([]string, len(x))
		for i, e := range x {
			lines[i] = f.one(e)
		}
		return lines, true
	}
	rows := make([][]string, len(x))
	for i, e := range x {
		cells, ok := f.lines(first(e, maxCells))
		if !ok {
			return nil, false
		}
		rows[i] = cells
	}
	return f.tabulate(rows), true
}

// dictLines renders key| value lines. Where one side is a table and the other
// is not, the other side gets a blank line and a line of dashes to match the
// table's header.
func (f shower) dictLines(d *Dict) ([]string, bool) {
	vals, ok := f.lines(d.Vals)
	if !ok {
		return nil, false
	}
	keys, ok := f.lines(d.Keys)
	if !ok {
		return nil, false
	}
	if len(vals) > len(keys) {
		keys = underHeader(keys)
	}
	w := 0
	for _, k := range keys {
		w = max(w, len(k))
	}
	if len(keys) > len(vals) {
		vals = underHeader(vals)
	}
	if len(keys) != len(vals) {
		return nil, false
	}
	lines := make([]string, len(keys))
	for i, k := range keys {
		lines[i] = f.clip(pad(k, w) + "| " + vals[i])
	}
	return lines, true
}

// underHeader puts a blank line and a line of dashes, as wide as the first
// line, above lines.
func underHeader(lines []string) []string {
	w := 0
	if len(lines) > 0 {
		w = len(lines[0])
	}
	return append([]string{strings.Repeat(" ", w), strings.Repeat("-", w)}, lines...)
}

// tableLines renders a table: header, dashes, rows.
func (f shower) tableLines(t *Table) ([]string, bool) {
	if len(t.Cols) != len(t.Data) {
		return nil, false
	}
	ncol := min(len(t.Cols), maxCells)
	cols := make([][]string, ncol)
	for j := range ncol {
		c, ok := f.lines(t.Data[j])
		if !ok {
			return nil, false
		}
		cols[j] = c
	}
	nrow := 0
	if ncol > 0 {
		nrow = len(cols[0])
	}
	rows := make([][]string, 1+nrow)
	rows[0] = append([]string(nil), t.Cols[:ncol]...)
	for i := range nrow {
		row := make([]string, ncol)
		for j, c := range cols {
			if len(c) != nrow {
				return nil, false
			}
			row[j] = c[i]
		}
		rows[1+i] = row
	}
	lines := f.tabulate(rows)
	head := lines[0]
	return append([]string{head, strings.Repeat("-", len(head))}, lines[1:]...), true
}

// tabulate pads each column of cells to its widest cell and joins each row's
// cells with single spaces; the last column is padded too. A row stops once
// it is past the limit.
func (f shower) tabulate(rows [][]string) []string {
	var widths []int
	for _, r := range rows {
		for j, c := range r {
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], len(c))
		}
	}
	lines := make([]string, len(rows))
	var b strings.Builder
	for i, r := range rows {
		b.Reset()
		for j, c := range r {
			if b.Len() > f.limit {
				break
			}
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(pad(c, widths[j]))
		}
		lines[i] = f.clip(b.String())
	}
	return lines
}

// pad left-aligns s in a field of w bytes.
func pad(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}
