//go:build unix

package q

import (
	"os"
	"syscall"
)

// mapFile maps a file's bytes into memory, as kdb+ maps a column: pages
// load as they are touched. The mapping is private (a write, were any
// made, copies the page and never reaches the file) and lives as long as
// the process: values may hold slices of it. An empty file is read.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, osError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, osError(path, err)
	}
	if st.Size() == 0 || st.Size() != int64(int(st.Size())) {
		return readFile(path)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE)
	if err != nil {
		return readFile(path)
	}
	return b, nil
}
