#!/usr/bin/env bash
# The failover test of `sirarena serve --cluster`: a redis-server and 3 silos on loopback serve 12 matches; one silo,
# picked at random among those serving matches, is killed with SIGKILL at a random moment, KILLS times, and started
# again on its address each time. After each kill the status file must show every match running on a live silo
# within 30 s. Then the spread over the silos must be even again (at most one match apart) within 120 s, as serve
# moves matches to the silo started last. At the end serve and the silos are stopped cleanly and every chain is checked
# as kill-cycle.sh checks it: read whole from round 0 (no gap, no repeated round) and played again round for round by
# `replay --verify`.
#
#   scripts/kill-cycle-cluster.sh [KILLS]   (default 10; OUT=folder to keep the files, SKIP_BUILD=1 to use the last build)
set -euo pipefail
kills=${1:-10}
limit=30
cd "$(dirname "$0")/.."
out=${OUT:-$(mktemp -d /tmp/sirarena-kill-cycle-cluster.XXXXXX)}
mkdir -p "$out"
if [ -z "${SKIP_BUILD:-}" ]; then dotnet build -c Release src/SirArena.Cli -v q -nologo > /dev/null; fi
sirarena=(dotnet src/SirArena.Cli/bin/Release/net10.0/sirarena.dll)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$out" --logfile "$out/redis.log" &
redis_pid=$!
cluster=redis://127.0.0.1:$redis_port
silo_ports=() gateway_ports=() silo_pids=()
for i in 0 1 2; do silo_ports[i]=$(free_port); gateway_ports[i]=$(free_port); done
serve_pid=
cleanup() {
  for pid in $serve_pid "${silo_pids[@]}" $redis_pid; do kill -9 "$pid" 2> /dev/null || true; done
}
trap cleanup EXIT

# Starts silo $1 on its ports and waits until it has joined (its log gains one "joined the cluster" line).
start_silo() {
  local joined; joined=$(grep -c 'joined the cluster' "$out/silo-$1.log" 2> /dev/null || true)
  "${sirarena[@]}" silo --cluster "$cluster" --address 127.0.0.1 --silo-port "${silo_ports[$1]}" \
    --gateway-port "${gateway_ports[$1]}" --parallelism 2 >> "$out/silo-$1.log" 2>&1 &
  silo_pids[$1]=$!
  for _ in $(seq 1 600); do
    [ "$(grep -c 'joined the cluster' "$out/silo-$1.log" || true)" -gt "${joined:-0}" ] && return 0
    sleep 0.2
  done
  echo "silo $1 did not join within 120 s; see $out/silo-$1.log"; exit 1
}

# True when the status file, written after $1 (ns since the epoch), shows 12 matches running, none on port $2.
served_without() {
  local status utc
  status=$(cat "$out/status.json" 2> /dev/null) || return 1
  utc=$(jq -r .utc <<< "$status") || return 1
  [ "$(date -d "$utc" +%s%N)" -gt "$1" ] || return 1
  jq -e --arg on "127.0.0.1:$2@" '(.matches | length) == 12
    and all(.matches[]; .state == "Running" and ((.silo // "") | startswith($on) | not))' <<< "$status" > /dev/null
}

# The running matches per silo, "a b c" for silos 0, 1 and 2, from the status file.
spread() {
  local serving; serving=$(jq -r '.matches[] | select(.state == "Running") | .silo // empty' "$out/status.json" 2> /dev/null) || return 1
  for i in 0 1 2; do grep -c "^127.0.0.1:${silo_ports[i]}@" <<< "$serving" || true; done | paste -sd ' '
}

for i in 0 1 2; do start_silo "$i"; done
"${sirarena[@]}" serve --cluster "$cluster" --opponent rock-biased grocery-distances switching \
  --agent sir streaming sir-adaptive frequency --out "$out" --checkpoint-every 25 --roll-every 200 --status-seconds 1 >> "$out/serve.log" 2>&1 &
serve_pid=$!
start=$(date +%s%N)
until served_without "$start" 0; do
  sleep 0.5
  [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 180 ] || { echo "the 12 matches were not all running within 180 s; see $out/serve.log"; exit 1; }
done
echo "kill-cycle-cluster: 12 matches on 3 silos ($(jq -r '[.matches[].silo] | group_by(.) | map(length) | join(", ")' "$out/status.json") each), $kills kills, into $out"

failed=0 slowest=0
for k in $(seq 1 "$kills"); do
  pause=$(awk -v seed="$RANDOM" 'BEGIN { srand(seed); printf "%.2f", 5 + 10 * rand() }')
  sleep "$pause"
  # A silo that serves matches now, so that every kill moves some (a silo started again serves none until serve moves
  # matches to it).
  serving=$(jq -r '.matches[].silo // empty' "$out/status.json")
  candidates=()
  for i in 0 1 2; do grep -q "^127.0.0.1:${silo_ports[i]}@" <<< "$serving" && candidates+=("$i"); done
  victim=${candidates[RANDOM % ${#candidates[@]}]}
  moved=$(grep -c "^127.0.0.1:${silo_ports[victim]}@" <<< "$serving")
  before=$(spread || echo "?")
  kill -9 "${silo_pids[victim]}"
  wait "${silo_pids[victim]}" 2> /dev/null || true
  killed=$(date +%s%N)
  back=
  while [ $(( ($(date +%s%N) - killed) / 1000000000 )) -lt 90 ]; do
    if served_without "$killed" "${silo_ports[victim]}"; then back=$(( ($(date +%s%N) - killed) / 1000000 )); break; fi
    sleep 0.25
  done
  if [ -z "$back" ]; then
    echo "kill $k: silo $victim, serving $moved matches (spread ${before// /, }), killed after $pause s; its matches were NOT back within 90 s"; failed=1
  else
    seconds=$(awk -v ms="$back" 'BEGIN { printf "%.1f", ms / 1000 }')
    echo "kill $k: silo $victim, serving $moved matches (spread ${before// /, }), killed after $pause s; every match running on a live silo $seconds s later"
    [ "$back" -gt "$slowest" ] && slowest=$back
    [ "$back" -le $((limit * 1000)) ] || failed=1
  fi
  start_silo "$victim"
done

# The spread over the 3 silos evens out again: a silo started after a kill serves none until serve moves matches to it.
back_at=$(date +%s%N) even=
while [ $(( ($(date +%s%N) - back_at) / 1000000000 )) -lt 120 ]; do
  counts=$(spread) || { sleep 0.5; continue; }
  sorted=$(tr ' ' '\n' <<< "$counts" | sort -n | paste -sd ' ')
  read -r least _ most <<< "$sorted"
  if [ $(( ${counts// /+} )) -eq 12 ] && [ $((most - least)) -le 1 ]; then
    even=$(( ($(date +%s%N) - back_at) / 1000000 )); break
  fi
  sleep 0.5
done
if [ -n "$even" ]; then
  echo "spread even again $(awk -v ms="$even" 'BEGIN { printf "%.1f", ms / 1000 }') s after the last silo was back: ${counts// /, } matches"
else
  echo "spread NOT even within 120 s after the last silo was back: $(spread) matches"; failed=1
fi
echo "matches moved to even the spread: $(grep -c 'to move from silo' "$out/serve.log" || true)"

# SIGTERM, not SIGINT: a non-interactive shell starts background jobs with SIGINT ignored.
kill -TERM "$serve_pid"
wait "$serve_pid"
echo "serve stopped cleanly by SIGTERM (exit 0): every match stopped at a checkpoint"
for i in 0 1 2; do kill -TERM "${silo_pids[i]}"; wait "${silo_pids[i]}" || true; done
kill "$redis_pid"; wait "$redis_pid" 2> /dev/null || true

echo "slowest failover: $(awk -v ms="$slowest" 'BEGIN { printf "%.1f", ms / 1000 }') s (limit $limit s)"
echo "resumes: $(cat "$out"/silo-*.log | grep -c 'resumed at round'); refused checkpoints: $(cat "$out"/silo-*.log | grep -c 'checkpoint refused' || true)"
scripts/verify-chains.sh "$out" || failed=1
exit $failed
