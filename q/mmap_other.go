//go:build !unix

package q

// mapFile reads a file: mapping is for unix systems.
func mapFile(path string) ([]byte, error) { return readFile(path) }
