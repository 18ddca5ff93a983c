package stop

import (
	"context"
	"testing"
)

func TestRequest(t *testing.T) {
	defer Clear()
	if Requested() {
		t.Fatal("requested before any request")
	}
	Request()
	if !Requested() {
		t.Fatal("request not seen")
	}
	Clear()
	if Requested() {
		t.Fatal("request not withdrawn")
	}
}

func TestWatch(t *testing.T) {
	outer, cancelOuter := context.WithCancel(context.Background())
	inner, cancelInner := context.WithCancel(context.Background())
	restoreOuter := Watch(outer)
	restoreInner := Watch(inner)
	cancelOuter()
	if Requested() {
		t.Fatal("the replaced context is still watched")
	}
	cancelInner()
	if !Requested() {
		t.Fatal("the end of the watched context is not seen")
	}
	restoreInner()
	if !Requested() {
		t.Fatal("the restored context's end is not seen")
	}
	restoreOuter()
	if Requested() {
		t.Fatal("a context is still watched after every restore")
	}
	defer Watch(context.Background())() // a context that never ends watches nothing
	if Requested() {
		t.Fatal("Background reported done")
	}
}
