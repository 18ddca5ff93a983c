#!/usr/bin/env bash
# The console rows: kt's \t:n against torch on the same work, in one run,
# one thread, in both builds (the default and GOEXPERIMENT=simd), three
# rounds alternating kt default, kt SIMD and torch; prints the best of the
# rounds for each, in ms per call, and kt's ratio to torch.
#
#   bash bench/console.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kt" ./cmd/kt
GOEXPERIMENT=simd go build -o "$tmp/kt-simd" ./cmd/kt
export MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=4294967296
for r in $(seq "$rounds"); do
  GOMAXPROCS=1 "$tmp/kt" bench/console/rows.q < /dev/null > "$tmp/default.$r"
  GOMAXPROCS=1 "$tmp/kt-simd" bench/console/rows.q < /dev/null > "$tmp/simd.$r"
  /usr/bin/python3 bench/console/rows.py > "$tmp/torch.$r"
done
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); engine at $(git rev-parse --short HEAD); best of $rounds rounds, one thread, ms per call"
python3 - "$tmp" "$rounds" <<'PY'
import sys
tmp, rounds = sys.argv[1], int(sys.argv[2])
def best(kind):
    b = {}
    for r in range(1, rounds + 1):
        for line in open(f"{tmp}/{kind}.{r}"):
            name, ms = line.split()
            b[name] = min(b.get(name, float("inf")), float(ms))
    return b
t, d, s = best("torch"), best("default"), best("simd")
print(f"| {'row':<20} | {'torch':>7} | {'kt default':>10} | {'ratio':>5} | {'kt simd':>7} | {'ratio':>5} |")
print("|" + "---|" * 6)
for name in t:
    print(f"| {name:<20} | {t[name]:7.2f} | {d[name]:10.2f} | {d[name]/t[name]:5.2f} | {s[name]:7.2f} | {s[name]/t[name]:5.2f} |")
PY
