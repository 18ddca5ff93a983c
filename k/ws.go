package k

import "kt/internal/ws"

// Need reports whether n items of size bytes each may be allocated: nil,
// or the q signal 'limit (a size that cannot exist) or 'wsfull (past the
// workspace limit). Builders of large values call it before they allocate.
func Need(n, size int) error {
	if err := ws.Check(n, size); err != nil {
		return Err(err.Error())
	}
	return nil
}

// ItemSize is the bytes one item of a vector of type t takes (t's sign is
// ignored): 16 for a general list's item, a symbol or a guid.
func ItemSize(t int) int {
	switch max(t, -t) {
	case TBool, TByte, TChar:
		return 1
	case TShort:
		return 2
	case TInt, TReal, TMonth, TDate, TMinute, TSecond, TTime:
		return 4
	case TLong, TFloat, TTimestamp, TDatetime, TTimespan:
		return 8
	}
	return 16
}

// NeedItems is Need for n items of a vector of type t.
func NeedItems(n, t int) error { return Need(n, ItemSize(t)) }
