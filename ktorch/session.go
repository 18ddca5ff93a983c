// Package ktorch is kt's k-api: the functions a q session calls to make
// losses, tensors and optimizers and to compute and train with them,
// faithful to the interface of ktorch, the kdb+/q interface to PyTorch.
//
// Objects live in a Session and are named in q by api pointers: 1-item
// general lists holding a long, as ktorch's are. Freeing an object makes
// its pointer stale; using a stale pointer is an error, never a crash.
package ktorch

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"kt/k"
	"kt/tensor"
)

// object is what an api pointer names.
type object interface {
	class() string
}

// tensorObj is a tensor held by a session.
type tensorObj struct{ t *tensor.Tensor }

// lossObj is a loss module.
type lossObj struct{ st *Settings }

func (*tensorObj) class() string { return "tensor" }
func (*lossObj) class() string   { return "loss" }

// firstID is the first number a session hands out for a pointer; pointers
// look like the addresses ktorch shows, and are never reused.
const firstID = 38154240

// Session holds one q session's objects and settings.
type Session struct {
	objs map[int64]object
	next int64
	// AllOptions is the alloptions setting: definitions show every option
	// (true, the default) or only those that differ from the defaults.
	AllOptions bool
	rng        *rand.Rand
	seed       uint64
}

// NewSession returns an empty session; seed seeds its random numbers.
func NewSession(seed uint64) *Session {
	s := &Session{objs: map[int64]object{}, next: firstID, AllOptions: true}
	s.reseed(seed)
	return s
}

// reseed restarts the session's generator of tensor(`rand...) and
// tensor(`randn...) from seed.
func (s *Session) reseed(seed uint64) {
	s.seed = seed
	s.rng = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// seedFn is ktorch's seed: seed[] is the seed in use, seed n restarts the
// engine's generator from n (q's \S seeds q's ?, not the engine's).
func (s *Session) seedFn(x k.V) (k.V, error) {
	if k.IsNil(x) {
		return k.Long(int64(s.seed)), nil
	}
	switch n := x.(type) {
	case k.Long:
		s.reseed(uint64(n))
	case k.Int:
		s.reseed(uint64(n))
	default:
		return nil, fmt.Errorf("seed: expects a long seed, given %s", k.TypeName(x.Type()))
	}
	return k.Null, nil
}

// Live returns the number of objects the session holds.
func (s *Session) Live() int { return len(s.objs) }

// add registers an object and returns its api pointer.
func (s *Session) add(o object) k.V {
	id := s.next
	s.next += 16
	s.objs[id] = o
	return k.List{k.Long(id)}
}

var errStale = errors.New("stale pointer")

// isPointer reports whether x has the shape of an api pointer.
func isPointer(x k.V) bool {
	l, ok := x.(k.List)
	if !ok || len(l) != 1 {
		return false
	}
	_, ok = l[0].(k.Long)
	return ok
}

// lookup returns the object x points to: ok is false when x is not shaped
// as a pointer, and the error is "stale pointer" when it is shaped as one
// but names nothing held.
func (s *Session) lookup(x k.V) (int64, object, bool, error) {
	if !isPointer(x) {
		return 0, nil, false, nil
	}
	id := int64(x.(k.List)[0].(k.Long))
	o, ok := s.objs[id]
	if !ok {
		return id, nil, true, errStale
	}
	return id, o, true, nil
}

// tensorArg returns the tensor x points to, if x is a tensor pointer.
func (s *Session) tensorArg(x k.V) (*tensor.Tensor, bool, error) {
	_, o, ok, err := s.lookup(x)
	if !ok || err != nil {
		return nil, ok, err
	}
	if t, ok := o.(*tensorObj); ok {
		return t.t, true, nil
	}
	return nil, false, nil
}
