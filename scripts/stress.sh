#!/usr/bin/env bash
# The million-round stress run of docs/benchmarks.md: an arena of 1,008 language-model matches of 1,000 rounds
# (4 memory policies x 7 scenarios x 36 seeds) on the shipped model, two matches side by side, from a published
# build so that rebuilding the work tree cannot touch the running program. It passes when the arena exits 0 with no
# failed match and the log holds no native exception. About an hour and a half on 2 idle cores, 2.5 GB of disk.
# STRESS_MODEL=tiny runs it instead on a 2-layer, 32-wide decoder the script trains for 30 steps (about half an
# hour): the same engine with far less arithmetic per round.
# Usage: [STRESS_MODEL=tiny] scripts/stress.sh [OUT_DIR]
# An interrupted run is finished with: OUT_DIR/bin/sirarena arena --resume OUT_DIR/replays/arena-...
set -uo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/sirarena-stress}"
bin="$out/bin"
mkdir -p "$out"
dotnet publish -c Release -o "$bin" src/SirArena.Cli >"$out/publish.log" || { echo "publish failed: $out/publish.log" >&2; exit 2; }
git rev-parse HEAD >"$out/commit"
if [ "${STRESS_MODEL:-shipped}" = tiny ]; then
  "$bin/sirarena" train --scenarios scenarios --out "$out/model" --steps 30 --hidden-size 32 --layers 2 --heads 4 --kv-heads 2 \
    --intermediate-size 64 --context-length 512 --corpus-windows 256 --eval-windows 16 --eval-interval 30 --opening-steps 0 \
    --warmup 5 --batch-size 4 --checkpoint-interval 30 --threads 1 >"$out/train.log" 2>&1 || { echo "training the stress model failed: $out/train.log" >&2; exit 2; }
  export SIRARENA_Arena__Model="$out/model"
fi
/usr/bin/time -v "$bin/sirarena" arena --config scripts/stress-arena.json --out "$out/replays" --parallelism 2 >"$out/arena.log" 2>&1
status=$?
if grep -qE "ExternalException|c10::|Expected false to be true|failed:" "$out/arena.log"; then
  echo "stress: native exception or failed match, see $out/arena.log" >&2
  status=1
fi
tail -n 30 "$out/arena.log"
echo "stress: exit $status, commit $(cat "$out/commit")"
exit $status
