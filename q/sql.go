package q

import "kt/k"

// sql parses a qSQL query after its keyword.
func (p *parser) sql(kw string) (k.V, error) { return nil, k.ErrNYI }
