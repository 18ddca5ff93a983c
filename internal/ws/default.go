package ws

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Default is the limit kt takes without -w: half of physical memory, or
// half of what is left of the process's address-space limit (ulimit -v)
// where that is lower, so that a runaway allocation leaves the machine and the process
// alive. It is 0 (no limit) where neither can be read.
func Default() int64 {
	m := Physical()
	if as := addressLimit(); as > 0 {
		if free := as - virtual(); m == 0 || free < m {
			m = max(free, 0)
		}
	}
	return m / 2
}

// asLimit is the address-space limit, read once: the checks run often.
var asLimit = readAddressLimit()

// addressLimit is the process's address-space limit in bytes (ulimit -v;
// 0: none), as it was when the process started.
func addressLimit() int64 { return asLimit }

func readAddressLimit() int64 {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &r); err != nil || r.Cur == 0 || r.Cur >= 1<<62 {
		return 0
	}
	return int64(r.Cur)
}

// virtual is the process's address space in use, in bytes, from
// /proc/self/statm (0 if it cannot be read).
func virtual() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	pages, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// Physical is the machine's memory in bytes from /proc/meminfo (0 if it
// cannot be read).
func Physical() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
