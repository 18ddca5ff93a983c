#!/usr/bin/env bash
# Times the engine's losses and PyTorch's side by side and prints the
# table of medians and ratios (engine/torch). Flags go to the compare
# command: -quick, -reps N, -threads 1,2, -rows REGEXP, -benchtime D, -v.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench/cmd/compare "$@"
