#!/usr/bin/env bash
# The crash test of `sirarena serve` (issue 6): serve a few matches, kill the process with SIGKILL at a random moment,
# start it again, CYCLES times; then stop it cleanly and check every replay chain. A chain is read from round 0 by
# the chain reader, which refuses a gap or a repeated round, and `replay --verify` plays the match again from its
# seed and compares every round, so a pass means no round lost, none twice, and the resumed rounds are exactly those
# of an uninterrupted run.
#
#   scripts/kill-cycle.sh [CYCLES]       (default 20; OUT=folder to keep the files, SKIP_BUILD=1 to use the last build)
set -euo pipefail
cycles=${1:-20}
cd "$(dirname "$0")/.."
out=${OUT:-$(mktemp -d /tmp/sirarena-kill-cycle.XXXXXX)}
mkdir -p "$out"
if [ -z "${SKIP_BUILD:-}" ]; then dotnet build -c Release src/SirArena.Cli -v q -nologo > /dev/null; fi
sirarena=(dotnet src/SirArena.Cli/bin/Release/net10.0/sirarena.dll)
serve=("${sirarena[@]}" serve --opponent rock-biased grocery-distances --agent sir streaming
       --out "$out" --checkpoint-every 25 --roll-every 200 --status-seconds 2)

echo "kill-cycle: $cycles cycles into $out"
for i in $(seq 1 "$cycles"); do
  "${serve[@]}" >> "$out/serve.log" 2>&1 &
  pid=$!
  pause=$(awk -v seed="$RANDOM" 'BEGIN { srand(seed); printf "%.2f", 3 + 6 * rand() }')
  sleep "$pause"
  kill -9 "$pid"
  wait "$pid" 2> /dev/null || true
  echo "cycle $i: killed with SIGKILL after $pause s"
done

"${serve[@]}" >> "$out/serve.log" 2>&1 &
pid=$!
sleep 6
# SIGTERM, not SIGINT: a non-interactive shell starts background jobs with SIGINT ignored.
kill -TERM "$pid"
wait "$pid"
echo "last run stopped cleanly by SIGTERM (exit 0)"

echo "resumes: $(grep -c 'resumed at round' "$out/serve.log"); refused checkpoints: $(grep -c 'checkpoint refused' "$out/serve.log" || true)"
scripts/verify-chains.sh "$out"
