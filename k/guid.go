package k

import "encoding/hex"

// Guid is a guid atom (-2h): 16 bytes, shown as 8-4-4-4-12 hex digits.
type Guid [16]byte

// Guids is a guid vector (2h).
type Guids []Guid

// Type is -2.
func (Guid) Type() int { return -TGuid }

// Type is 2.
func (Guids) Type() int { return TGuid }

// String is the guid as q shows it: 8c680a01-5a49-5aab-5a65-d4bfddb6a661.
func (g Guid) String() string {
	var b [36]byte
	hex.Encode(b[0:8], g[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], g[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], g[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], g[8:10])
	b[23] = '-'
	hex.Encode(b[24:36], g[10:16])
	return string(b[:])
}

// ParseGuid reads a guid from its 36-character form (hex digits of
// either case, dashes after the 8th, 12th, 16th and 20th).
func ParseGuid(s string) (Guid, bool) {
	var g Guid
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return g, false
	}
	h := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:36]
	if _, err := hex.Decode(g[:], []byte(h)); err != nil {
		return g, false
	}
	return g, true
}
