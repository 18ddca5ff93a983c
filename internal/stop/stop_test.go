package stop

import (
	"context"
	"errors"
	"testing"
)

func TestRequest(t *testing.T) {
	defer Clear()
	if Requested() {
		t.Fatal("requested before any request")
	}
	Request()
	if !Requested() || !Flagged() {
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
	if Flagged() {
		t.Fatal("Flagged sees a watched context")
	}
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

func TestFail(t *testing.T) {
	defer Clear()
	if Cause() != Err {
		t.Fatal("a cause before any failure")
	}
	wsfull, other := errors.New("wsfull"), errors.New("other")
	Fail(wsfull)
	Fail(other) // the first cause stays
	if !Requested() || Cause() != wsfull {
		t.Fatalf("after Fail: %v %v", Requested(), Cause())
	}
	Clear()
	if Requested() || Cause() != Err {
		t.Fatalf("after Clear: %v %v", Requested(), Cause())
	}
	Request()
	Fail(wsfull)
	if err := TakeFailure(); err != wsfull || !Requested() || Cause() != Err {
		t.Fatalf("a failure taken: %v, and the request left: %v %v", err, Requested(), Cause())
	}
	if err := TakeFailure(); err != nil {
		t.Fatalf("a failure taken twice: %v", err)
	}
}
