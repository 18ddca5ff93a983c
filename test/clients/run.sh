#!/usr/bin/env bash
# Checks a kt server with two kdb+ clients this project did not write:
# node-q (npm) and github.com/sv/kdbgo (Go), at the exact versions that
# node/package-lock.json and kdbgo/go.sum pin. It builds kt, starts two
# servers on the loopback (one compressing its answers as kdb+ does to a
# remote peer, one with a password file), runs both clients' tests, and
# stops the servers; each server also stops by itself after ten minutes.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
work=$(mktemp -d)
# start runs in a command substitution, a subshell: it writes each
# server's pid to a file, which cleanup reads
cleanup() {
	for p in $(cat "$work/pids" 2>/dev/null); do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

(cd ../.. && go build -o "$work/kt" ./cmd/kt)

# plain:pw in plain text, hashed:secret as the md5 of secret
printf 'plain:pw\nhashed:5ebe2294ecd0e0f08eab7690d2a6ee69\n' >"$work/users"

# start ARGS...: starts kt -p 0W ARGS server.q, prints its loopback address
start() {
	local out="$work/server$RANDOM.out"
	timeout 600 "$work/kt" -p 0W "$@" server.q </dev/null >"$out" 2>&1 &
	echo $! >>"$work/pids"
	for _ in $(seq 100); do
		if grep -q '^port ' "$out"; then
			echo "127.0.0.1:$(sed -n 's/^port //p' "$out")"
			return
		fi
		sleep 0.1
	done
	echo "kt did not start:" >&2
	cat "$out" >&2
	exit 1
}
KT_ADDR=$(start -compress)
KT_AUTH_ADDR=$(start -U "$work/users")
export KT_ADDR KT_AUTH_ADDR

echo "kdbgo against kt at $KT_ADDR and $KT_AUTH_ADDR"
(cd kdbgo && go test -count=1 ./...)

echo "node-q against kt at $KT_ADDR and $KT_AUTH_ADDR"
(cd node && npm ci --no-audit --no-fund --loglevel=error && node --test kt.test.js)
