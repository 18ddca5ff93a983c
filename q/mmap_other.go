//go:build !unix

package q

import "os"

// mapFile reads a file: mapping is for unix systems.
func mapFile(path string) ([]byte, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, osError(path, err)
	}
	return b, nil
}
