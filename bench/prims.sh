#!/usr/bin/env bash
# Times the interpreter's primitives on 1e6 and 1e7 longs beside plain Go
# loops doing the same typed work, one thread, and prints the table of
# medians and ratios (kt/go). Flags go to the prims command: -count N,
# -benchtime D, -rows REGEXP, -v.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench/cmd/prims "$@"
