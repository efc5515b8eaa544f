#!/bin/bash
# Where the CPU of one delivered message goes: user and system time per message of the node, the
# agents and relayload, for one or more node builds alternated under the same load (no perf needed,
# nothing attached). Each round starts the node and 4 agents, warms up with a 3 s relayload run,
# then measures a 6 s run. Used for the user/system figures in docs/PERFORMANCE.md (end to end).
#
# Usage: [ROUNDS=2] [MODE=msp2-tcp] [CONC=64] [NODE_ENV="VAR=value ..."] \
#        tests/MsgRelay.Benchmarks/EndToEnd/cpu-split.sh [NODE_DLL ...]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../bench-common.sh"
WORK=${E2E_WORK:-/tmp/e2e-bench}
ROUNDS=${ROUNDS:-2}; MODE=${MODE:-msp2-tcp}; CONC=${CONC:-64}
MSP=21018; RWP=21019; ADMIN=21080; CLUSTER=21552
[ -x /usr/bin/time ] || { echo "GNU time is needed for relayload's CPU (apt-get install time)" >&2; exit 1; }
build_bench_tools relayload
RL=$WORK/relayload/relayload
[ $# -gt 0 ] || set -- "$NODE_DLL"
build_if_asked
PORT=$MSP; [ "$MODE" = rwp ] && PORT=$RWP
HZ=$(getconf CLK_TCK)

ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }   # user and system ticks of a process
for round in $(seq "$ROUNDS"); do
  for dll in "$@"; do
    LOGS=$(mktemp -d /tmp/cpu-split.XXXX)
    start_node_with_agents "$dll" "$LOGS" $MSP $RWP $ADMIN $CLUSTER
    "$RL" --mode "$MODE" --port $PORT --to bench --concurrency "$CONC" --duration 3 --warmup 1 >/dev/null
    read -r nu0 ns0 < <(ticks "$NODE_PID"); read -r au0 as0 < <(ticks "$AGENTS_PID")
    /usr/bin/time -f "%U %S" -o "$LOGS/rl.time" "$RL" --mode "$MODE" --port $PORT --to bench \
      --concurrency "$CONC" --duration 6 --warmup 0 >"$LOGS/rl.json"
    read -r nu1 ns1 < <(ticks "$NODE_PID"); read -r au1 as1 < <(ticks "$AGENTS_PID")
    out=$(cat "$LOGS/rl.json"); ok=$(field "$out" ok); rate=$(field "$out" msgs_per_s)
    read -r ru rs < "$LOGS/rl.time"
    awk -v r="$round" -v rate="$rate" -v ok="$ok" -v hz="$HZ" -v dll="$dll" \
      -v nu=$((nu1 - nu0)) -v ns=$((ns1 - ns0)) -v au=$((au1 - au0)) -v as=$((as1 - as0)) -v ru="$ru" -v rs="$rs" \
      'BEGIN { us = 1e6 / ok; printf "round=%s msgs_per_s=%s node_user=%.1f node_sys=%.1f agents_user=%.1f agents_sys=%.1f relayload_user=%.1f relayload_sys=%.1f us_per_msg node=%s\n",
               r, rate, nu / hz * us, ns / hz * us, au / hz * us, as / hz * us, ru * us, rs * us, dll }'
    kill "$AGENTS_PID" "$NODE_PID" 2>/dev/null; wait "$AGENTS_PID" "$NODE_PID" 2>/dev/null
  done
done
