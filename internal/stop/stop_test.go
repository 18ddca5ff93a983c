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
	a, cancelA := context.WithCancel(context.Background())
	b, cancelB := context.WithCancel(context.Background())
	endA, endB := Watch(a), Watch(b)
	if Requested() {
		t.Fatal("requested before a context ended")
	}
	cancelA()
	if !Requested() {
		t.Fatal("the end of a watched context is not seen")
	}
	endA() // out of the order they began
	if Requested() {
		t.Fatal("a context is seen after its watch ended")
	}
	cancelB()
	if !Requested() {
		t.Fatal("the end of the other watched context is not seen")
	}
	endB()
	endB() // a second call changes nothing
	if Requested() {
		t.Fatal("a context is still watched after every watch ended")
	}
	defer Watch(context.Background())() // a context that never ends watches nothing
	defer Watch(nil)()
	if Requested() {
		t.Fatal("Background reported done")
	}
}
