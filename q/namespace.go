package q

import (
	"slices"
	"strings"

	"kt/k"
)

// Namespaces. A global's full name holds its namespace (.fee.fi.fo), as
// q's do. \d .foo makes .foo the current namespace: a name that is not a
// local is then read as .foo.name where that exists, and assigned there;
// a lambda runs in the namespace it was defined in. A namespace is also a
// value, the dictionary q shows for it: `` ` `` to ::, then its names.

// systemNamespaces are the namespaces kt has from the start, as key `
// lists them.
var systemNamespaces = []string{"q", "Q", "h", "j", "o", "z"}

// qualify is a global name as seen from the current namespace.
func (in *Interp) qualify(name string) string {
	if in.ns == "" || strings.HasPrefix(name, ".") {
		return name
	}
	return in.ns + "." + name
}

// nsNames are the names directly inside namespace ns ("" is the root):
// each one's next component, once, sorted.
func (in *Interp) nsNames(ns string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(full string) {
		var rest string
		if ns == "" {
			if strings.HasPrefix(full, ".") {
				return
			}
			rest = full
		} else {
			var ok bool
			if rest, ok = strings.CutPrefix(full, ns+"."); !ok {
				return
			}
		}
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			rest = rest[:i]
		}
		if rest != "" && !seen[rest] {
			seen[rest] = true
			out = append(out, rest)
		}
	}
	for name := range in.globals {
		add(name)
	}
	if ns != "" {
		for name := range in.keywords {
			add(name)
		}
		if ns == ".q" {
			for name := range in.keywords {
				if isWord(name) && !strings.HasPrefix(name, ".") {
					add(".q." + name)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// namespaces are the namespaces of the root: kt's own, then those that
// globals name, sorted.
func (in *Interp) namespaces() k.Syms {
	out := append(k.Syms{}, systemNamespaces...)
	seen := map[string]bool{}
	for _, s := range out {
		seen[s] = true
	}
	var user []string
	for name := range in.globals {
		if rest, ok := strings.CutPrefix(name, "."); ok {
			if i := strings.IndexByte(rest, '.'); i > 0 {
				rest = rest[:i]
			}
			if !seen[rest] {
				seen[rest] = true
				user = append(user, rest)
			}
		}
	}
	slices.Sort(user)
	return append(out, user...)
}

// isNamespace reports whether name (.foo) names a namespace: a system one,
// or the prefix of a global's name.
func (in *Interp) isNamespace(name string) bool {
	if !strings.HasPrefix(name, ".") || len(name) < 2 {
		return false
	}
	if slices.Contains(systemNamespaces, name[1:]) {
		return true
	}
	for g := range in.globals {
		if strings.HasPrefix(g, name+".") {
			return true
		}
	}
	return false
}

// nsValue is namespace ns as a dictionary: ` to ::, then each name to its
// value (a namespace inside it as its own dictionary).
func (in *Interp) nsValue(ns string) k.V {
	names := in.nsNames(ns)
	keys := append(k.Syms{""}, names...)
	vals := make(k.List, 0, len(keys))
	vals = append(vals, k.Null)
	for _, n := range names {
		full := ns + "." + n
		if v, err := in.lookup(full, nil); err == nil {
			vals = append(vals, v)
		} else {
			vals = append(vals, in.nsValue(full))
		}
	}
	return &k.Dict{Keys: keys, Vals: vals}
}

// nsKey is key of a namespace's name: its names after a first `.
func (in *Interp) nsKey(name string) (k.V, bool) {
	switch name {
	case "":
		return in.namespaces(), true
	case ".":
		return k.Syms(in.nsNames("")), true
	}
	if !in.isNamespace(name) {
		return nil, false
	}
	return append(k.Syms{""}, in.nsNames(name)...), true
}

// changeDir is \d: with no argument the current namespace (`. for the
// root), else a change to the namespace named.
func (in *Interp) changeDir(arg string) (k.V, error) {
	if arg == "" {
		if in.ns == "" {
			return k.Sym("."), nil
		}
		return k.Sym(in.ns), nil
	}
	switch {
	case arg == ".":
		in.ns = ""
	case strings.HasPrefix(arg, ".") && validNamespace(arg[1:]):
		in.ns = arg
	default:
		return nil, k.Err("type")
	}
	return nil, nil
}

func validNamespace(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if part == "" || !isAlpha(part[0]) {
			return false
		}
		for i := 0; i < len(part); i++ {
			if !isNameChar(part[i]) {
				return false
			}
		}
	}
	return true
}

// varsOf is \v, \f or \a: the names in a namespace whose values are
// variables (anything but functions), functions, or tables.
func (in *Interp) varsOf(kind byte, arg string) (k.V, error) {
	ns := in.ns
	if arg != "" {
		if arg == "." {
			ns = ""
		} else {
			ns = arg
		}
	}
	var out k.Syms
	for _, n := range in.nsNames(ns) {
		full := n
		if ns != "" {
			full = ns + "." + n
		}
		v, ok := in.globals[full]
		if !ok {
			continue
		}
		t := v.Type()
		switch kind {
		case 'f':
			if t >= k.TLambda && t < k.TForeign {
				out = append(out, n)
			}
		case 'a':
			if _, ok := v.(*k.Table); ok || k.IsKeyedTable(v) {
				out = append(out, n)
			} else if _, ok := v.(*partedTable); ok {
				out = append(out, n)
			}
		default:
			if t < k.TLambda {
				out = append(out, n)
			}
		}
	}
	if out == nil {
		out = k.Syms{}
	}
	return out, nil
}
