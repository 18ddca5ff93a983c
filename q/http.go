package q

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"kt/internal/stop"
	"kt/ipc"
	"kt/k"
)

// HTTP on the listening port: a GET of /?expr is the value of expr as a
// page (the console's display, a line chart of a numeric vector or of a
// table's numeric columns), /.txt?expr the display as text, /.csv?expr a
// table as CSV, /.json?expr the value as JSON. .z.ph replaces all of it
// when defined, .z.pp answers POST: each gets (request text; headers) and
// returns the whole HTTP response as a string, as q's do.

// httpRequest answers one HTTP request and closes its connection.
// With a password file (-U, -u) or .z.pw, a request must bring a user
// and password by HTTP's basic authentication, checked as a kdb+
// client's handshake is; while it is answered it has a handle, .z.w,
// and its user is .z.u.
func (in *Interp) httpRequest(c *ipc.Conn, req *http.Request, body []byte) error {
	text := strings.TrimPrefix(req.URL.RequestURI(), "/")
	if t, err := url.PathUnescape(text); err == nil { // a + stays a +, as in q
		text = t
	}
	headers := httpHeaders(req)
	switch ok, custom := in.httpAuthorized(c, req, text, headers); {
	case custom != "":
		c.Write([]byte(custom))
		c.CloseWhenSent()
		return nil
	case !ok:
		defer c.CloseWhenSent()
		return httpReply(c, http.StatusUnauthorized, "text/plain", []byte("'access"), "WWW-Authenticate: Basic realm=\"kt\"")
	}
	if ipc.IsWebSocket(req) {
		return in.openWebSocket(c, req)
	}
	defer c.CloseWhenSent()
	h := in.freeHandle()
	c.Handle = h
	in.net.conns[h] = c
	defer delete(in.net.conns, h)
	handler := ".z.ph"
	switch req.Method {
	case "GET", "HEAD":
	case "POST":
		handler, text = ".z.pp", text+" "+string(body)
	default: // OPTIONS PUT PATCH DELETE
		f, ok := in.globals[".z.pm"]
		if !ok {
			return httpReply(c, http.StatusNotImplemented, "text/plain", []byte("'nyi: "+req.Method+" needs .z.pm"))
		}
		return in.httpHandler(c, ".z.pm", f, k.List{k.Sym(req.Method), k.Chars(text + " " + string(body)), headers})
	}
	if f, ok := in.globals[handler]; ok {
		return in.httpHandler(c, handler, f, k.List{k.Chars(text), headers})
	}
	if req.Method == "POST" {
		return httpReply(c, http.StatusNotImplemented, "text/plain", []byte("'nyi: POST needs .z.pp"))
	}
	format, expr, _ := strings.Cut(text, "?")
	if expr == "" && format == "" {
		return httpReply(c, http.StatusOK, "text/html; charset=utf-8", page("", nil, ""))
	}
	v, err := in.httpEval(h, func() (k.V, error) { return in.valueOf(k.Chars(expr)) })
	if err != nil {
		if format == "" {
			return httpReply(c, http.StatusBadRequest, "text/html; charset=utf-8", page(expr, nil, FormatError(err)))
		}
		return httpReply(c, http.StatusBadRequest, "text/plain", []byte(FormatError(err)))
	}
	switch format {
	case "":
		return httpReply(c, http.StatusOK, "text/html; charset=utf-8", page(expr, v, in.Printer.Show(v)))
	case ".txt":
		return httpReply(c, http.StatusOK, "text/plain; charset=utf-8", []byte(in.Printer.Show(v)))
	case ".csv":
		b, err := in.csvOf(v)
		if err != nil {
			return httpReply(c, http.StatusBadRequest, "text/plain", []byte(FormatError(err)))
		}
		return httpReply(c, http.StatusOK, "text/csv; charset=utf-8", b)
	case ".json":
		var b bytes.Buffer
		writeJSON(&b, v, in.Printer)
		return httpReply(c, http.StatusOK, "application/json", b.Bytes())
	}
	return httpReply(c, http.StatusNotFound, "text/plain", []byte("'nyi: "+format+"; kt serves /?expr, .txt, .csv and .json"))
}

// httpHandler calls a user's .z.ph, .z.pp or .z.pm on x and sends the
// response it returns.
func (in *Interp) httpHandler(c *ipc.Conn, name string, f k.V, x k.V) error {
	v, err := in.httpEval(c.Handle, func() (k.V, error) { return in.apply(f, []k.V{x}) })
	if err != nil {
		return httpReply(c, http.StatusBadRequest, "text/plain", []byte(FormatError(err)))
	}
	s, ok := text2(v)
	if !ok {
		return httpReply(c, http.StatusInternalServerError, "text/plain", []byte("'type: "+name+" returns a string"))
	}
	_, err = c.Write([]byte(s))
	return exitOnly(err)
}

// httpAuthorized decides on an HTTP request: .z.ac when defined, whose
// (0;"") refuses, (1;"user") admits as user, (2;"response") answers
// with that response and (4;"") falls back to basic authentication,
// checked against the password file and .z.pw as a handshake is.
func (in *Interp) httpAuthorized(c *ipc.Conn, req *http.Request, text string, headers k.V) (ok bool, custom string) {
	if ac, defined := in.globals[".z.ac"]; defined {
		v, err := in.httpEval(0, func() (k.V, error) { return in.apply(ac, []k.V{k.List{k.Chars(text), headers}}) })
		l, isList := v.(k.List)
		if err != nil || !isList || len(l) != 2 {
			return false, ""
		}
		code, _ := toInt(l[0])
		s, _ := text2(l[1])
		switch code {
		case 0:
			return false, ""
		case 1:
			c.User = s
			return true, ""
		case 2:
			return false, s
		case 4:
		default:
			return false, ""
		}
	}
	c.User, c.Password, _ = req.BasicAuth()
	ok = in.authorized(c)
	c.Password = ""
	return ok, ""
}

// openWebSocket accepts a websocket when .z.ws is defined, gives it a
// handle and calls .z.wo.
func (in *Interp) openWebSocket(c *ipc.Conn, req *http.Request) error {
	if _, ok := in.globals[".z.ws"]; !ok {
		defer c.CloseWhenSent()
		return httpReply(c, http.StatusNotFound, "text/plain", []byte("'nyi: a websocket needs .z.ws"))
	}
	h := in.freeHandle()
	c.Handle = h
	in.net.conns[h] = c
	if err := c.AcceptWebSocket(req, in.net.events); err != nil {
		delete(in.net.conns, h)
		return nil
	}
	_, err := in.callback(".z.wo", h, k.Int(h))
	return exitOnly(err)
}

// sendWebSocket is neg[h] x on a websocket: a string goes as a text
// frame, bytes as a binary one.
func sendWebSocket(c *ipc.Conn, x k.V) error {
	switch v := x.(type) {
	case k.Chars:
		return c.WriteWebSocket([]byte(v), true)
	case k.Bytes:
		return c.WriteWebSocket(v, false)
	}
	return k.Err("type: a websocket sends a string or bytes")
}

// httpEval evaluates for an HTTP client on handle h, bounded as a
// message is.
func (in *Interp) httpEval(h int64, f func() (k.V, error)) (v k.V, err error) {
	defer guard(&err)
	defer settle(&v, &err)
	prev, prevCtx := in.net.cur, in.Ctx
	in.net.cur = h
	defer func() { in.net.cur, in.Ctx = prev, prevCtx }()
	in.steps, in.depth = 0, 0
	if in.Timeout > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), in.Timeout)
		defer cancel()
		in.Ctx = ctx
	}
	defer stop.Watch(in.Ctx)()
	return f()
}

func text2(v k.V) (string, bool) {
	s, ok := v.(k.Chars)
	return string(s), ok
}

// httpHeaders is a request's headers as q gives them to .z.ph: a
// dictionary of symbols to strings.
func httpHeaders(req *http.Request) *k.Dict {
	names := make([]string, 0, len(req.Header))
	for n := range req.Header {
		names = append(names, n)
	}
	sort.Strings(names)
	keys, vals := k.Syms{"Host"}, k.List{k.Chars(req.Host)}
	for _, n := range names {
		keys = append(keys, n)
		vals = append(vals, k.Chars(strings.Join(req.Header[n], ", ")))
	}
	return &k.Dict{Keys: keys, Vals: vals}
}

// httpReply writes a response, with any further header lines.
func httpReply(c *ipc.Conn, status int, ctype string, body []byte, headers ...string) error {
	head := fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Type: %s\r\nConnection: close\r\n", status, http.StatusText(status), ctype)
	for _, h := range headers {
		head += h + "\r\n"
	}
	head += fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))
	c.Write(append([]byte(head), body...))
	return nil
}

// csvOf is a table as CSV, as "," 0: t prepares it.
func (in *Interp) csvOf(v k.V) ([]byte, error) {
	if _, ok := k.Plain(v).(*k.Table); !ok {
		return nil, k.Err("type: .csv shows a table")
	}
	f, err := in.value(k.Chars(`{"," 0: x}`))
	if err != nil {
		return nil, err
	}
	lines, err := in.apply(f, []k.V{v})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	for _, l := range lines.(k.List) {
		s, _ := text(l)
		b.WriteString(s)
		b.WriteString("\n")
	}
	return b.Bytes(), nil
}

// page is the HTML view of a value: a form for the next expression, a
// line chart when the value has numeric series, and the console's
// display of it.
func page(expr string, v k.V, shown string) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>kt")
	if expr != "" {
		b.WriteString(" " + html.EscapeString(expr))
	}
	b.WriteString("</title>\n<style>body{font-family:sans-serif;margin:1em}pre{font-family:monospace}" +
		"svg{border:1px solid #ccc;background:#fff}</style></head><body>\n")
	fmt.Fprintf(&b, "<form onsubmit=\"location='/?'+encodeURIComponent(this.q.value);return false\"><input name=\"q\" size=\"80\" value=\"%s\"></form>\n", html.EscapeString(expr))
	if s := series(v); len(s) > 0 {
		chart(&b, s)
	}
	fmt.Fprintf(&b, "<pre id=\"value\">%s</pre>\n</body></html>\n", html.EscapeString(shown))
	return b.Bytes()
}

// line is one series of a chart: its name and values.
type line struct {
	name string
	y    []float64
}

// series finds what a chart can draw: a numeric vector, or the numeric
// columns of a table (a training loss curve is the case).
func series(v k.V) []line {
	if v == nil {
		return nil
	}
	if y, ok := floats(v); ok {
		return []line{{"", y}}
	}
	t, ok := k.Plain(v).(*k.Table)
	if !ok {
		return nil
	}
	var ls []line
	for i, c := range t.Cols {
		if i == 0 && isIndex(t.Data[i]) {
			continue // the x axis: epochs, steps
		}
		if y, ok := floats(t.Data[i]); ok {
			ls = append(ls, line{c, y})
		}
	}
	return ls
}

// isIndex reports whether v is a vector of integers in ascending order,
// which a chart takes for its x axis rather than a series.
func isIndex(v k.V) bool {
	x, ok := k.Plain(v).(k.Longs)
	if !ok {
		i, isInts := k.Plain(v).(k.Ints)
		if !isInts {
			return false
		}
		for _, e := range i {
			x = append(x, int64(e))
		}
	}
	for j := 1; j < len(x); j++ {
		if x[j] <= x[j-1] {
			return false
		}
	}
	return true
}

// floats reads a numeric vector of two items or more as floats.
func floats(v k.V) ([]float64, bool) {
	var y []float64
	switch x := k.Plain(v).(type) {
	case k.Floats:
		y = x
	case k.Reals:
		for _, e := range x {
			y = append(y, float64(e))
		}
	case k.Longs:
		for _, e := range x {
			y = append(y, nullOr(e == math.MinInt64, float64(e)))
		}
	case k.Ints:
		for _, e := range x {
			y = append(y, nullOr(e == math.MinInt32, float64(e)))
		}
	case k.Shorts:
		for _, e := range x {
			y = append(y, nullOr(e == math.MinInt16, float64(e)))
		}
	default:
		return nil, false
	}
	return y, len(y) > 1
}

func nullOr(null bool, x float64) float64 {
	if null {
		return math.NaN()
	}
	return x
}

// chart draws series as an SVG line chart, one polyline each, with the
// range of y on its axis.
func chart(b *bytes.Buffer, ls []line) {
	const w, h, pad = 640.0, 320.0, 48.0
	lo, hi, n := math.Inf(1), math.Inf(-1), 0
	for _, l := range ls {
		n = max(n, len(l.y))
		for _, y := range l.y {
			if !math.IsNaN(y) && !math.IsInf(y, 0) {
				lo, hi = min(lo, y), max(hi, y)
			}
		}
	}
	if lo > hi {
		return
	}
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	colours := []string{"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"}
	fmt.Fprintf(b, "<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%g\" height=\"%g\">\n", w, h)
	fmt.Fprintf(b, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#888\"/><line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#888\"/>\n",
		pad, h-pad, w-pad/2, h-pad, pad, pad/2, pad, h-pad)
	fmt.Fprintf(b, "<text x=\"4\" y=\"%g\" font-size=\"11\">%s</text><text x=\"4\" y=\"%g\" font-size=\"11\">%s</text>\n",
		pad/2+4, html.EscapeString(strconv.FormatFloat(hi, 'g', 4, 64)), h-pad, html.EscapeString(strconv.FormatFloat(lo, 'g', 4, 64)))
	fmt.Fprintf(b, "<text x=\"%g\" y=\"%g\" font-size=\"11\">0</text><text x=\"%g\" y=\"%g\" font-size=\"11\" text-anchor=\"end\">%d</text>\n",
		pad, h-pad+14, w-pad/2, h-pad+14, n-1)
	for i, l := range ls {
		colour := colours[i%len(colours)]
		fmt.Fprintf(b, "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"", colour)
		for j, y := range l.y {
			if math.IsNaN(y) || math.IsInf(y, 0) {
				continue
			}
			x := pad + (w-1.5*pad)*float64(j)/float64(max(n-1, 1))
			fmt.Fprintf(b, "%.1f,%.1f ", x, (h-pad)-(h-1.5*pad)*(y-lo)/(hi-lo))
		}
		b.WriteString("\"/>\n")
		if l.name != "" {
			fmt.Fprintf(b, "<text x=\"%g\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>\n", w-pad*2.5, 16+14*i, colour, html.EscapeString(l.name))
		}
	}
	b.WriteString("</svg>\n")
}

// writeJSON writes a value as JSON, as q's .j.j does: numbers, booleans
// and strings as themselves, symbols as strings, nulls and infinities
// as null, lists as arrays, dictionaries as objects, tables as arrays of
// objects, temporal values as their display.
func writeJSON(b *bytes.Buffer, v k.V, p *k.Printer) {
	v = k.Plain(v)
	switch x := v.(type) {
	case k.Chars:
		writeJSONString(b, string(x))
		return
	case k.Char:
		writeJSONString(b, string(rune(x)))
		return
	case k.Sym:
		writeJSONString(b, string(x))
		return
	case k.Bool:
		b.WriteString(strconv.FormatBool(bool(x)))
		return
	case *k.Table:
		b.WriteByte('[')
		for i := range k.Count(x) {
			if i > 0 {
				b.WriteByte(',')
			}
			row := &k.Dict{Keys: k.Syms(x.Cols), Vals: k.List{}}
			for c := range x.Cols {
				row.Vals = append(row.Vals.(k.List), k.At(x.Data[c], i))
			}
			writeJSON(b, row, p)
		}
		b.WriteByte(']')
		return
	case *k.Dict:
		if keys, ok := k.Plain(x.Keys).(k.Syms); ok {
			b.WriteByte('{')
			for i, key := range keys {
				if i > 0 {
					b.WriteByte(',')
				}
				writeJSONString(b, string(key))
				b.WriteByte(':')
				writeJSON(b, k.At(x.Vals, i), p)
			}
			b.WriteByte('}')
			return
		}
	}
	if !k.IsAtom(v) {
		if _, isDict := v.(*k.Dict); !isDict {
			b.WriteByte('[')
			for i := range k.Count(v) {
				if i > 0 {
					b.WriteByte(',')
				}
				writeJSON(b, k.At(v, i), p)
			}
			b.WriteByte(']')
			return
		}
	}
	switch x := v.(type) {
	case k.Float:
		writeJSONNumber(b, float64(x))
	case k.Real:
		writeJSONNumber(b, float64(x))
	case k.Long:
		writeJSONNumber(b, nullOr(x == math.MinInt64 || x == math.MaxInt64 || x == -math.MaxInt64, float64(x)))
	case k.Int:
		writeJSONNumber(b, nullOr(x == math.MinInt32 || x == math.MaxInt32 || x == -math.MaxInt32, float64(x)))
	case k.Short:
		writeJSONNumber(b, nullOr(x == math.MinInt16 || x == math.MaxInt16 || x == -math.MaxInt16, float64(x)))
	case k.Byte:
		writeJSONNumber(b, float64(x))
	default:
		writeJSONString(b, p.String1(v))
	}
}

func writeJSONNumber(b *bytes.Buffer, x float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		b.WriteString("null")
		return
	}
	b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
}

func writeJSONString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}
