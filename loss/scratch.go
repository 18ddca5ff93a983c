package loss

import "sync"

// rowScratch is one float64 buffer from which a loss computed a row at a
// time takes its per-row values (norms, cosines, losses). A forward that
// records a backward leaves them to the backward's closure; one that does
// not returns the buffer to the pool, so that a forward without gradients
// allocates nothing beyond its output.
type rowScratch struct {
	buf  []float64
	used int
}

var rowPool = sync.Pool{New: func() any { return new(rowScratch) }}

// getRows returns a scratch buffer with room for n values, zeroed.
func getRows(n int) *rowScratch {
	s, ok := rowPool.Get().(*rowScratch)
	if !ok {
		s = new(rowScratch)
	}
	if cap(s.buf) < n {
		s.buf = make([]float64, n)
	} else {
		s.buf = s.buf[:n]
		clear(s.buf)
	}
	s.used = 0
	return s
}

// take returns the next n values of the buffer (a fresh slice if the
// buffer is short).
func (s *rowScratch) take(n int) []float64 {
	if s.used+n > len(s.buf) {
		return make([]float64, n)
	}
	t := s.buf[s.used : s.used+n : s.used+n]
	s.used += n
	return t
}

// release returns the buffer to the pool unless a recorded backward
// refers to it.
func (s *rowScratch) release(recorded bool) {
	if !recorded {
		rowPool.Put(s)
	}
}
