package codec

import (
	"bytes"
	"encoding/hex"
	"io"
	"math"
	"math/rand"
	"reflect"
	"testing"

	"kt/k"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The hex dumps of kdb+'s documentation: the Knowledge Base page
// "Serialization examples" and the q reference's internal functions.
var documented = []struct {
	name string
	v    k.V
	hex  string
}{
	{"-8!1i", k.Int(1), "010000000d000000fa01000000"},
	{"-8!enlist 1i", k.Ints{1}, "010000001200000006000100000001000000"},
	{"-8!`byte$til 5", k.Bytes{0, 1, 2, 3, 4}, "01000000130000000400050000000001020304"},
	{"-8!`byte$enlist til 5", k.List{k.Bytes{0, 1, 2, 3, 4}}, "01000000190000000000010000000400050000000001020304"},
	{"-8!`a`b!2 3i", &k.Dict{Keys: k.Syms{"a", "b"}, Vals: k.Ints{2, 3}},
		"0100000021000000630b0002000000610062000600020000000200000003000000"},
	{"-8!`s#`a`b!2 3i", &k.Attr{A: k.AttrSorted, V: &k.Dict{Keys: k.Syms{"a", "b"}, Vals: k.Ints{2, 3}}},
		"01000000210000007f0b0102000000610062000600020000000200000003000000"},
	{"-8!`a`b!enlist each 2 3i", &k.Dict{Keys: k.Syms{"a", "b"}, Vals: k.List{k.Ints{2}, k.Ints{3}}},
		"010000002d000000630b0002000000610062000000020000000600010000000200000006000100000003000000"},
	{"-8!([]a:enlist 2i;b:enlist 3i)", &k.Table{Cols: k.Syms{"a", "b"}, Data: k.List{k.Ints{2}, k.Ints{3}}},
		"010000002f0000006200630b0002000000610062000000020000000600010000000200000006000100000003000000"},
	{"-8!`s#([]a:enlist 2i;b:enlist 3i)", &k.Attr{A: k.AttrSorted, V: &k.Table{Cols: k.Syms{"a", "b"},
		Data: k.List{&k.Attr{A: k.AttrParted, V: k.Ints{2}}, k.Ints{3}}}},
		"010000002f0000006201630b0002000000610062000000020000000603010000000200000006000100000003000000"},
	{"-8!([a:enlist 2i]b:enlist 3i)", &k.Dict{
		Keys: &k.Table{Cols: k.Syms{"a"}, Data: k.List{k.Ints{2}}},
		Vals: &k.Table{Cols: k.Syms{"b"}, Data: k.List{k.Ints{3}}}},
		"010000003f000000636200630b00010000006100000001000000060001000000020000006200630b0001000000620000000100000006000100000003000000"},
	{"-8!`s#([a:enlist 2i]b:enlist 3i)", &k.Attr{A: k.AttrSorted, V: &k.Dict{
		Keys: &k.Table{Cols: k.Syms{"a"}, Data: k.List{k.Ints{2}}},
		Vals: &k.Table{Cols: k.Syms{"b"}, Data: k.List{k.Ints{3}}}}},
		"010000003f0000007f6201630b00010000006100000001000000060001000000020000006200630b0001000000620000000100000006000100000003000000"},
	{"-8!1 2 3 (ints in the q reference's example)", k.Ints{1, 2, 3}, "010000001a000000060003000000010000000200000003000000"},
	{"-8!(1 2;3)", k.List{k.Longs{1, 2}, k.Long(3)},
		"010000002d00000000000200000007000200000001000000000000000200000000000000f90300000000000000"},
}

func TestDocumentedBytes(t *testing.T) {
	for _, c := range documented {
		want := unhex(t, c.hex)
		got, err := Message(c.v, Async, nil)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %x\nwant %x", c.name, got, want)
		}
		back, _, err := Unmessage(want, nil)
		if err != nil {
			t.Errorf("%s: -9!: %v", c.name, err)
			continue
		}
		if !reflect.DeepEqual(back, c.v) {
			t.Errorf("%s: -9! gives %#v", c.name, back)
		}
	}
}

// fnStub stands for the interpreter's functions: it keeps the serialized
// form as the value.
type fnStub struct{ f Func }

func (s *fnStub) Type() int { return s.f.Type }

type stubFuncs struct{}

func (stubFuncs) EncodeFunc(v k.V) (Func, error) { return v.(*fnStub).f, nil }
func (stubFuncs) DecodeFunc(f Func) (k.V, error) { return &fnStub{f}, nil }

func TestFunctionBytes(t *testing.T) {
	o := &Options{Funcs: stubFuncs{}}
	cases := []struct {
		name string
		f    Func
		hex  string
	}{
		{"-8!{x+y}", Func{Type: k.TLambda, Src: "{x+y}"}, "010000001500000064000a00050000007b782b797d"},
		{"-8!.d.test", Func{Type: k.TLambda, Ctx: "d", Src: "{x+y}"}, "01000000160000006464000a00050000007b782b797d"},
		{"-8!sums", Func{Type: k.TScan, Parts: []k.V{&fnStub{Func{Type: k.TOp, Index: 1}}}}, "010000000b0000006c6601"},
		{`-8!("ab"@0x40\:)`, Func{Type: k.TComp, Parts: []k.V{
			&fnStub{Func{Type: k.TProj, Parts: []k.V{&fnStub{Func{Type: k.TOp, Index: 18}}, k.Chars("ab")}}},
			&fnStub{Func{Type: k.TEachLeft, Parts: []k.V{k.Byte(0x40)}}}}},
			"010000001f0000006902000000680200000066120a000200000061626ffc40"},
	}
	for _, c := range cases {
		want := unhex(t, c.hex)
		got, err := Message(&fnStub{c.f}, Async, o)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %x %v\nwant %x", c.name, got, err, want)
		}
		back, _, err := Unmessage(want, o)
		if err != nil || !reflect.DeepEqual(back, &fnStub{c.f}) {
			t.Errorf("%s: -9! gives %#v %v", c.name, back, err)
		}
	}
	if _, err := Message(&fnStub{Func{Type: k.TLambda}}, Async, nil); err == nil {
		t.Error("a function without Funcs encoded")
	}
}

func TestBigEndian(t *testing.T) {
	// -8!1 2 3 as a big-endian machine sends it
	b := unhex(t, "0000000000000026"+"0700"+"00000003"+"0000000000000001"+"0000000000000002"+"0000000000000003")
	v, _, err := Unmessage(b, nil)
	if err != nil || !reflect.DeepEqual(v, k.Longs{1, 2, 3}) {
		t.Fatalf("got %v %v", v, err)
	}
}

func TestErrorMessage(t *testing.T) {
	b := ErrorMessage("type")
	if want := unhex(t, "010200000e000000807479706500"); !bytes.Equal(b, want) {
		t.Errorf("got %x, want %x", b, want)
	}
	_, _, err := Unmessage(b, nil)
	if err == nil || err.Error() != "type" {
		t.Fatalf("got %v", err)
	}
}

// -18!2000#1b, as a kdb+ wrote it (from the tests of the open-source Go
// client sv/kdbgo).
const compressed2000True = "0100010026000000de0700000001" +
	"00d0070000010" + "1ff00ff00ff00ff00ff00ff00ff00ff00c5"

func TestCompressKnown(t *testing.T) {
	bs := make(k.Bools, 2000)
	for i := range bs {
		bs[i] = true
	}
	msg, err := Message(bs, Async, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := unhex(t, compressed2000True)
	if got := Compress(msg); !bytes.Equal(got, want) {
		t.Errorf("-18!2000#1b\n got %x\nwant %x", got, want)
	}
	u, err := Uncompress(want)
	if err != nil || !bytes.Equal(u, msg) {
		t.Errorf("uncompress: %v", err)
	}
	// the q reference: count -18!til 1000 is 3276
	til := make(k.Longs, 1000)
	for i := range til {
		til[i] = int64(i)
	}
	msg, _ = Message(til, Async, nil)
	if c := Compress(msg); len(c) != 3276 {
		t.Errorf("count -18!til 1000 is %d, want 3276", len(c))
	}
}

func TestCompressRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 200; i++ {
		n := 2001 + r.Intn(20000)
		msg := make([]byte, n)
		msg[0] = 1
		alpha := 1 + r.Intn(8)
		for j := 8; j < n; j++ {
			if r.Intn(10) < 3 && j > 20 {
				msg[j] = msg[j-1-r.Intn(12)]
			} else {
				msg[j] = byte(r.Intn(alpha))
			}
		}
		c := Compress(msg)
		if len(c) == len(msg) {
			continue
		}
		u, err := Uncompress(c)
		if err != nil || !bytes.Equal(u[8:], msg[8:]) {
			t.Fatalf("round trip %d failed: %v", i, err)
		}
	}
}

// Random values of every type survive -8! then -9!.
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 500; i++ {
		v := RandomValue(r, 3)
		b, err := Message(v, Response, nil)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		back, mt, err := Unmessage(b, nil)
		if err != nil || mt != Response || !Same(back, v) {
			t.Fatalf("%#v came back %#v (%v)", v, back, err)
		}
		if c := Compress(b); len(c) != len(b) {
			back, _, err := Unmessage(c, nil)
			if err != nil || !Same(back, v) {
				t.Fatalf("compressed %#v came back %#v (%v)", v, back, err)
			}
		}
		f, err := EncodeFile(v, nil)
		if err != nil {
			t.Fatal(err)
		}
		back, err = DecodeFile(f, nil)
		if err != nil || !Same(back, v) {
			t.Fatalf("file of %#v came back %#v (%v)", v, back, err)
		}
	}
}

func TestEnumsResolve(t *testing.T) {
	o := &Options{Resolve: func(d string) (k.Syms, error) { return k.Syms{"a", "b"}, nil }}
	b, err := Encode(&k.Enums{Domain: "sym", Idx: []int64{1, 0, k.NullLong}}, o)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Decode(b, true, nil)
	if err != nil || !reflect.DeepEqual(v, k.Syms{"b", "a", ""}) {
		t.Fatalf("got %#v %v", v, err)
	}
}

func TestCorrupt(t *testing.T) {
	for _, s := range []string{
		"", "01", "0100000008000000", "010000000d000000fa010000",
		"0100000012000000060000ffffff7f01000000", // a count of 2 billion
		"0100000012000000000000ffffff7f01000000",
		"0100000012000000070500000000000000000000", // a bad attribute
		"0100010014000000ffffff7f0000000000000000", // compressed, claims 2GB
		"01000000100000000b000100000061",           // symbol without its zero
	} {
		b := unhex(t, s)
		if len(b) >= 8 {
			b[4] = byte(len(b))
		}
		if _, _, err := Unmessage(b, nil); err == nil {
			t.Errorf("%s read", s)
		}
	}
}

// A list file a real kdb+ wrote (`:out set () then h (1 2;3)), as read1
// showed it in a public answer about kdb+'s file format: its serialized
// list follows ff 01 and six zero bytes.
func TestRealListFile(t *testing.T) {
	b := unhex(t, "ff0100000000000000000200000007000200000001000000000000000200000000000000f90300000000000000")
	v, err := DecodeFile(b, nil)
	if err != nil || !reflect.DeepEqual(v, k.List{k.Longs{1, 2}, k.Long(3)}) {
		t.Fatalf("got %#v %v", v, err)
	}
}

func FuzzUnmessage(f *testing.F) {
	for _, c := range documented {
		f.Add(unhex(f, c.hex))
	}
	f.Add(unhex(f, compressed2000True))
	f.Fuzz(func(t *testing.T, b []byte) {
		v, _, err := Unmessage(b, &Options{Funcs: stubFuncs{}})
		if err == nil && v == nil {
			t.Fatal("no value and no error")
		}
	})
}

func FuzzDecodeFile(f *testing.F) {
	for _, v := range []k.V{k.Longs{1, 2}, k.Syms{"a"}, &k.Enums{Domain: "sym", Idx: []int64{0}}, k.Floats{math.Pi}} {
		b, _ := EncodeFile(v, nil)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := DecodeFile(b, nil)
		if err == nil && v == nil {
			t.Fatal("no value and no error")
		}
		w, err2 := FileInPlace(b)
		if (err == nil) != (err2 == nil) || err == nil && !Same(v, w) {
			t.Fatalf("read in place: %v %v, copied: %v %v", w, err2, v, err)
		}
	})
}

func TestStream(t *testing.T) {
	var buf bytes.Buffer
	big := make(k.Longs, 5000)
	for _, v := range []k.V{k.Longs{1, 2, 3}, big, k.Syms{"a"}} {
		if err := WriteMessage(&buf, v, Sync, true, nil); err != nil {
			t.Fatal(err)
		}
	}
	if buf.Len() > 1000 {
		t.Errorf("5000 zero longs sent as %d bytes: not compressed", buf.Len())
	}
	for _, want := range []k.V{k.Longs{1, 2, 3}, big, k.Syms{"a"}} {
		v, mt, err := ReadMessage(&buf, nil)
		if err != nil || mt != Sync || !Same(v, want) {
			t.Fatalf("got %v %d %v", v, mt, err)
		}
	}
	// a header claiming 2 GB before 4 bytes end the stream
	claim := unhex(t, "01000000ffffff7f07000000")
	if _, _, err := ReadMessage(bytes.NewReader(claim), nil); err != io.ErrUnexpectedEOF {
		t.Errorf("got %v", err)
	}
}

func TestZipped(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, alg := range []int{0, 2} {
		for i := 0; i < 30; i++ {
			v := RandomValue(r, 3)
			if i == 0 {
				v = make(k.Longs, 100000) // many blocks
			}
			f, _ := EncodeFile(v, nil)
			z, err := Zip(f, 12, alg, 6)
			if err != nil {
				t.Fatal(err)
			}
			u, err := Unzip(z)
			if err != nil || !bytes.Equal(u, f) {
				t.Fatalf("alg %d: %v", alg, err)
			}
			if i == 0 && alg == 2 && len(z) > len(f)/10 {
				t.Errorf("100000 zero longs compressed to %d bytes", len(z))
			}
		}
	}
	if _, err := Zip(nil, 17, 1, 6); err == nil {
		t.Error("algorithm 1 written")
	}
}

func FuzzUnzip(f *testing.F) {
	z, _ := Zip(make([]byte, 10000), 12, 2, 6)
	f.Add(z)
	z, _ = Zip([]byte("abc"), 12, 0, 0)
	f.Add(z)
	f.Fuzz(func(t *testing.T, b []byte) {
		Unzip(b)
	})
}

// FuzzReadFrame reads messages back to back from a stream, as a server
// reads a client's: each frame is never longer than the bytes that came,
// and each decodes to a value or an error.
func FuzzReadFrame(f *testing.F) {
	for _, c := range documented {
		f.Add(unhex(f, c.hex))
	}
	f.Add(unhex(f, compressed2000True))
	f.Add([]byte{1, 1, 0, 0, 0xf0, 0xff, 0xff, 0xff, 10, 0})
	f.Add([]byte{0, 1, 0, 0, 0, 0, 0, 17, 10, 0, 0, 0, 0, 3, '1', '+', '1'})
	f.Fuzz(func(t *testing.T, b []byte) {
		r := bytes.NewReader(b)
		read := 0
		for {
			frame, err := ReadFrame(r)
			if err != nil {
				break
			}
			read += len(frame)
			if read > len(b) {
				t.Fatalf("frames of %d bytes from %d", read, len(b))
			}
			v, _, err := Unmessage(frame, &Options{Funcs: stubFuncs{}})
			if err == nil && v == nil {
				t.Fatal("no value and no error")
			}
		}
	})
}
