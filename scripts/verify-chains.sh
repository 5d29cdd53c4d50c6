#!/usr/bin/env bash
# Checks every replay chain of a serve folder: read from round 0 by the chain reader, which refuses a gap or a repeated
# round, and played again from its seed by `replay --verify`, which compares every round. One line a chain; exits 1 if
# any chain fails. The kill tests (kill-cycle.sh, kill-cycle-cluster.sh) end with it.
#
#   scripts/verify-chains.sh FOLDER      (after a build: it runs the Release build of sirarena)
set -euo pipefail
folder=$1
cd "$(dirname "$0")/.."
sirarena=(dotnet src/SirArena.Cli/bin/Release/net10.0/sirarena.dll)
failed=0
for chain in $(ls "$folder"/serve-*.jsonl | grep -v '\.part[0-9]*\.jsonl$'); do
  if result=$("${sirarena[@]}" replay "$chain" --verify 2>&1); then
    echo "$(basename "$chain"): $(echo "$result" | tail -1)"
  else
    echo "$(basename "$chain"): FAILED: $result"
    failed=1
  fi
done
exit $failed
