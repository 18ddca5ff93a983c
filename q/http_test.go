package q

import (
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	c := http.Client{Timeout: 10 * time.Second}
	r, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r.StatusCode, r.Header.Get("Content-Type"), string(b)
}

func TestHTTP(t *testing.T) {
	s := startServer(t, "t:([]epoch:til 4;loss:4 3 2.5 2.25)\nloss:100%1+til 50")
	base := "http://" + s.addr + "/"
	tests := []struct {
		path   string
		status int
		ctype  string
		want   string // the body, or a part of it for a page
	}{
		{".csv?t", 200, "text/csv", "epoch,loss\n0,4\n1,3\n2,2.5\n3,2.25\n"},
		{".json?t", 200, "application/json", `[{"epoch":0,"loss":4},{"epoch":1,"loss":3},{"epoch":2,"loss":2.5},{"epoch":3,"loss":2.25}]`},
		{".json?(1;0n;`a;\"b\\nc\";1b;`x`y!(0W;2000.01.02))", 200, "application/json", `[1,null,"a","b\nc",true,{"x":null,"y":"2000.01.02"}]`},
		{".txt?til%203", 200, "text/plain", "0 1 2\n"},
		{".txt?1%2B%60a", 400, "text/plain", "'type"},
		{".csv?1%202", 400, "text/plain", "'type: .csv shows a table"},
		{"?t", 200, "text/html", `<pre id="value">epoch loss`},
		{"?1%2B%60a", 400, "text/html", `<pre id="value">&#39;type</pre>`},
		{"?%22%3Cb%3E%22", 200, "text/html", `&#34;&lt;b&gt;&#34;`},
		{"", 200, "text/html", "<form"},
		{".xls?t", 404, "text/plain", "'nyi: .xls"},
	}
	for _, tt := range tests {
		status, ctype, body := get(t, base+tt.path)
		if status != tt.status || !strings.HasPrefix(ctype, tt.ctype) || !strings.Contains(body, tt.want) {
			t.Errorf("GET /%s: %d %s\n%s\nwant %d %s with %q", tt.path, status, ctype, body, tt.status, tt.ctype, tt.want)
		}
	}
	// a numeric vector and a table's series are drawn: one line each,
	// a point per item; a table's first column of ascending integers is
	// the x axis
	for _, c := range []struct {
		expr   string
		lines  int
		points int
	}{{"loss", 1, 50}, {"t", 1, 4}, {"([]a:1 2 3f;b:3 2 1)", 2, 3}, {"`a`b", 0, 0}, {"enlist 1f", 0, 0}} {
		_, _, body := get(t, base+"?"+strings.ReplaceAll(c.expr, " ", "%20"))
		if n := strings.Count(body, "<polyline"); n != c.lines {
			t.Errorf("%s: %d lines drawn, want %d", c.expr, n, c.lines)
		}
		if c.lines > 0 {
			pts := body[strings.Index(body, `points="`)+8:]
			pts = pts[:strings.Index(pts, `"`)]
			if n := len(strings.Fields(pts)); n != c.points {
				t.Errorf("%s: %d points, want %d", c.expr, n, c.points)
			}
		}
	}
	// the IPC port still answers
	alive(t, s)
}

func TestHTTPHandlers(t *testing.T) {
	s := startServer(t, ".z.ph:{\"HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nConnection: close\\r\\n\\r\\n\",x 0}\n"+
		".z.pp:{\"HTTP/1.1 200 OK\\r\\nConnection: close\\r\\n\\r\\n\",string count x 0}")
	base := "http://" + s.addr + "/"
	if _, _, body := get(t, base+"some/path?x=1"); body != "some/path?x=1" {
		t.Errorf(".z.ph got %q", body)
	}
	r, err := http.Post(base+"p", "text/plain", strings.NewReader("0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if string(b) != "12" { // "p", a space, then the 10 bytes of the body
		t.Errorf(".z.pp got %q", b)
	}
}

func TestHTTPHostile(t *testing.T) {
	s := startServer(t, "")
	for _, req := range []string{"GET \x00\x01\x02 garbage\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\nabc", "GET / HTTP/1.1\r\n"} {
		c, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte(req))
		c.(*net.TCPConn).CloseWrite()
		c.SetReadDeadline(time.Now().Add(15 * time.Second))
		io.ReadAll(c)
		c.Close()
		alive(t, s)
	}
	// POST without .z.pp
	r, err := http.Post("http://"+s.addr+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusNotImplemented {
		t.Errorf("POST without .z.pp: %d", r.StatusCode)
	}
}

// TestHTTPChartScreenshot draws a loss curve in headless Chromium, where
// Debian's chromium is installed, and looks for the line's colour in the
// picture.
func TestHTTPChartScreenshot(t *testing.T) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed: TestHTTP checks the page's HTML")
	}
	s := startServer(t, "loss:100%1+til 50")
	dir := t.TempDir()
	shot := filepath.Join(dir, "chart.png")
	cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=800,600", "--screenshot="+shot,
		"http://"+s.addr+"/?loss")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// the series is drawn in #1f77b4; the curve falls from left to right
	var xs, ys []int
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if near(img, x, y, 0x1f, 0x77, 0xb4) {
				xs, ys = append(xs, x), append(ys, y)
			}
		}
	}
	if len(xs) < 100 {
		t.Fatalf("%d pixels of the line's colour", len(xs))
	}
	first, last := extremes(xs, ys)
	if first >= last { // the loss falls: the right end is lower, a larger y
		t.Errorf("the curve does not fall: y %d at its left end, %d at its right", first, last)
	}
}

// near reports whether the pixel at x, y is about the colour r g b.
func near(img image.Image, x, y int, r, g, b uint8) bool {
	pr, pg, pb, _ := img.At(x, y).RGBA()
	d := func(a uint32, c uint8) bool { a >>= 8; return a+40 >= uint32(c) && a <= uint32(c)+40 }
	return d(pr, r) && d(pg, g) && d(pb, b)
}

// extremes is the height (smaller is higher) of the leftmost and the
// rightmost pixels.
func extremes(xs, ys []int) (int, int) {
	li, ri := 0, 0
	for i := range xs {
		if xs[i] < xs[li] {
			li = i
		}
		if xs[i] > xs[ri] {
			ri = i
		}
	}
	return ys[li], ys[ri]
}

// TestHTTPAuth: under a password file HTTP needs basic authentication,
// and -u's restrictions hold for HTTP clients too.
func TestHTTPAuth(t *testing.T) {
	file := filepath.Join(t.TempDir(), "users")
	os.WriteFile(file, []byte("ann:pw\n"), 0o644)
	s := startServer(t, "")
	if err := s.in.SetUsers(file, true); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		user, path string
		status     int
		body       string
	}{
		{"", ".txt?1+1", 401, "'access"},
		{"ann:wrong", ".txt?1+1", 401, "'access"},
		{"ann:pw", ".txt?1+1", 200, "2\n"},
		{"ann:pw", ".txt?.z.u", 200, "`ann\n"},
		{"ann:pw", ".txt?.z.w>0", 200, "1b\n"},
		{"ann:pw", ".txt?system%22p%22", 400, "'access"},
	} {
		url := "http://" + s.addr + "/" + c.path
		if c.user != "" {
			url = "http://" + c.user + "@" + s.addr + "/" + c.path
		}
		status, _, body := get(t, url)
		if status != c.status || body != c.body {
			t.Errorf("%s %s: %d %q, want %d %q", c.user, c.path, status, body, c.status, c.body)
		}
	}
	// a websocket too
	s.eval(t, ".z.ws:{neg[.z.w] x}")
	if _, resp := dialWS(t, s.addr); resp.StatusCode != 401 {
		t.Errorf("a websocket without credentials: %s", resp.Status)
	}
}

func TestHTTPAccessHandler(t *testing.T) {
	s := startServer(t, `.z.ac:{$[`+"`Token in key x 1;$[(x[1]`Token)~\"secret\";(1;\"tok\");(0;\"\")];(x 0)~\"custom\";(2;\"HTTP/1.1 418 I'm a teapot\\r\\nConnection: close\\r\\n\\r\\n\");(4;\"\")]}")
	for _, c := range []struct {
		path, token string
		status      int
		body        string
	}{
		{".txt?.z.u", "secret", 200, "`tok\n"},
		{".txt?.z.u", "wrong", 401, "'access"},
		{"custom", "", 418, ""},
		{".txt?1+1", "", 200, "2\n"}, // (4;""): basic authentication, and no password file
	} {
		req, _ := http.NewRequest("GET", "http://"+s.addr+"/"+c.path, nil)
		if c.token != "" {
			req.Header.Set("Token", c.token)
		}
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if r.StatusCode != c.status || string(b) != c.body {
			t.Errorf("%s %s: %d %q, want %d %q", c.path, c.token, r.StatusCode, b, c.status, c.body)
		}
	}
}

func TestHTTPMethods(t *testing.T) {
	s := startServer(t, "")
	do := func(method string) (int, string) {
		req, _ := http.NewRequest(method, "http://"+s.addr+"/thing", strings.NewReader("body"))
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return r.StatusCode, string(b)
	}
	if status, body := do("DELETE"); status != 501 || body != "'nyi: DELETE needs .z.pm" {
		t.Errorf("DELETE without .z.pm: %d %q", status, body)
	}
	s.eval(t, `.z.pm:{"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n",string[x 0]," ",x 1}`)
	for _, m := range []string{"PUT", "DELETE", "OPTIONS", "PATCH"} {
		if status, body := do(m); status != 200 || body != m+" thing body" {
			t.Errorf("%s: %d %q", m, status, body)
		}
	}
}
