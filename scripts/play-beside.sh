#!/usr/bin/env bash
# How fast `sirarena play` plays when other work shares the cores: one `play` alone, then two at once (rock-biased
# and paper-biased), then one beside as many busy shell loops as the machine has cores. Each line gives the rounds/s
# each `play` reported; a `play` that has not finished in 90 s reports its last progress line's rate.
#
#   scripts/play-beside.sh [ROUNDS] [-- PLAY OPTIONS]   (default 600 rounds; SKIP_BUILD=1 to use the last build)
#
# e.g. `scripts/play-beside.sh 600 -- --threads 1`, or `GOMP_SPINCOUNT=300000 scripts/play-beside.sh` for libgomp's own
# default spin (docs/benchmarks.md, "Two `play` processes on 2 cores").
set -euo pipefail
rounds=${1:-600}
shift || true
if [ "${1:-}" = "--" ]; then shift; fi
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then dotnet build -c Release src/SirArena.Cli -v q -nologo > /dev/null; fi
sirarena=(dotnet src/SirArena.Cli/bin/Release/net10.0/sirarena.dll)
out=$(mktemp -d /tmp/sirarena-play-beside.XXXXXX)
busy=()
cleanup() {
  for pid in "${busy[@]}"; do kill "$pid" 2> /dev/null || true; done
  rm -rf "$out"
}
trap cleanup EXIT

play() { # OPPONENT LOG [PLAY OPTIONS]
  local opponent=$1 log=$2
  shift 2
  timeout 90 "${sirarena[@]}" play --opponent "$opponent" --rounds "$rounds" --out "$out" "$@" > "$log" 2>&1 || true
}
rate() { grep -oE '[0-9.]+ rounds/s' "$1" | tail -1 || echo "no round finished"; }

play rock-biased "$out/alone.log" "$@"
echo "alone: $(rate "$out/alone.log")"

play rock-biased "$out/first.log" "$@" &
play paper-biased "$out/second.log" "$@" &
wait
echo "two at once: $(rate "$out/first.log"), $(rate "$out/second.log")"

for _ in $(seq "$(nproc)"); do
  (while :; do :; done) &
  busy+=($!)
done
play rock-biased "$out/busy.log" "$@"
echo "beside $(nproc) busy loops: $(rate "$out/busy.log")"
