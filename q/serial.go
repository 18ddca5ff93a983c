package q

import (
	"strings"

	"kt/codec"
	"kt/k"
)

// qfuncs gives the codec the interpreter's functions: lambdas by their
// source, the primitives by q's index of them (: + - * % & | ^ = < > $ , #
// _ ~ ! ? @ . are 0 to 19), projections, compositions and the functions
// iterators derive.
type qfuncs struct{ in *Interp }

// derivedTypes are the iterator glyphs in the order of types 106 to 111.
var derivedTypes = []string{"'", "/", "\\", "':", "/:", "\\:"}

func (qf qfuncs) EncodeFunc(v k.V) (codec.Func, error) {
	switch f := v.(type) {
	case *Lambda:
		return codec.Func{Type: k.TLambda, Src: f.Src}, nil
	case *Verb:
		i := strings.Index(primCodes, f.Glyph)
		if len(f.Glyph) != 1 || i < 0 {
			break
		}
		return codec.Func{Type: f.Type(), Index: byte(i)}, nil
	case *Proj:
		parts := []k.V{f.F}
		for _, a := range f.Args {
			if a == nil {
				return codec.Func{}, k.Err("nyi: serializing a projection with an elided argument")
			}
			parts = append(parts, a)
		}
		return codec.Func{Type: k.TProj, Parts: parts}, nil
	case *Comp:
		return codec.Func{Type: k.TComp, Parts: []k.V{f.F, f.G}}, nil
	case *Derived:
		return codec.Func{Type: f.Type(), Parts: []k.V{f.F}}, nil
	}
	return codec.Func{}, k.Err("nyi: serializing " + str(v))
}

func (qf qfuncs) DecodeFunc(f codec.Func) (k.V, error) {
	switch {
	case f.Type == k.TLambda:
		if f.Ctx != "" {
			return nil, k.Err("nyi: a lambda of context ." + f.Ctx)
		}
		st, err := Parse(f.Src)
		if err != nil {
			return nil, err
		}
		if len(st) != 1 {
			return nil, k.Err("badmsg: a lambda's source is not one lambda")
		}
		v, err := qf.in.run(st)
		if err != nil {
			return nil, err
		}
		if _, ok := v.(*Lambda); !ok {
			return nil, k.Err("badmsg: a lambda's source is not a lambda")
		}
		return v, nil
	case f.Type == k.TUnary || f.Type == k.TOp:
		if int(f.Index) >= len(primCodes) {
			return nil, k.Err("nyi: primitive " + k.DefaultPrinter().String1(k.Byte(f.Index)))
		}
		return &Verb{Glyph: primCodes[f.Index : f.Index+1], Monadic: f.Type == k.TUnary}, nil
	case f.Type == k.TProj && len(f.Parts) >= 2:
		return &Proj{F: f.Parts[0], Args: f.Parts[1:]}, nil
	case f.Type == k.TComp && len(f.Parts) == 2:
		return &Comp{F: f.Parts[0], G: f.Parts[1]}, nil
	case f.Type >= k.TEach && f.Type <= k.TEachLeft && len(f.Parts) == 1:
		return &Derived{Glyph: derivedTypes[f.Type-k.TEach], F: f.Parts[0]}, nil
	}
	return nil, k.Err("nyi: reading a function of type " + k.DefaultPrinter().String1(k.Short(f.Type)))
}

// serialize is -8!x (compress false) and -18!x (compress true).
func (in *Interp) serialize(x k.V, compress bool) (k.V, error) {
	b, err := codec.Message(x, codec.Async, in.codecOptions(true))
	if err != nil {
		return nil, err
	}
	if compress {
		b = codec.Compress(b)
	}
	return k.Bytes(b), nil
}

// deserialize is -9!x.
func (in *Interp) deserialize(x k.V) (k.V, error) {
	b, ok := k.Plain(x).(k.Bytes)
	if !ok {
		return nil, k.ErrType
	}
	v, _, err := codec.Unmessage(b, in.codecOptions(false))
	return v, err
}
