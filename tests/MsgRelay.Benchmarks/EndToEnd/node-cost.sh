#!/bin/bash
# What one delivered message costs the node: CPU time, context switches and (where perf can read
# tracepoints) socket system calls per message, for one or two node builds alternated under the same
# load. Each round starts the node and 4 agents, warms up with one relayload run, then measures a
# second run with `perf stat` attached to the node. Used for the A/B table in docs/PERFORMANCE.md
# (end-to-end section); the ratio to the limit server is e2e.sh's job.
#
# Usage: [ROUNDS=2] [MODE=msp2-tcp] [CONC=64] [NODE_ENV="VAR=value ..."] \
#        tests/MsgRelay.Benchmarks/EndToEnd/node-cost.sh [NODE_DLL ...]
#   With no argument, the node of this checkout (bin/Release); with several, they alternate.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../bench-common.sh"
WORK=${E2E_WORK:-/tmp/e2e-bench}
ROUNDS=${ROUNDS:-2}; MODE=${MODE:-msp2-tcp}; CONC=${CONC:-64}
MSP=21018; RWP=21019; ADMIN=21080; CLUSTER=21552
command -v perf >/dev/null || { echo "perf is needed (apt-get install linux-perf)" >&2; exit 1; }
build_bench_tools relayload
RL=$WORK/relayload/relayload
[ $# -gt 0 ] || set -- "$NODE_DLL"
build_if_asked
PORT=$MSP; [ "$MODE" = rwp ] && PORT=$RWP
EVENTS=task-clock,context-switches
perf stat -e syscalls:sys_enter_sendto -- true >/dev/null 2>&1 && EVENTS=$EVENTS,syscalls:sys_enter_sendto,syscalls:sys_enter_recvfrom,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_sched_yield

count() { grep -E " $1( |$)" "$2" | awk '{gsub(",","",$1); print $1}'; }
for round in $(seq "$ROUNDS"); do
  for dll in "$@"; do
    LOGS=$(mktemp -d /tmp/node-cost.XXXX)
    start_node_with_agents "$dll" "$LOGS" $MSP $RWP $ADMIN $CLUSTER
    "$RL" --mode "$MODE" --port $PORT --to bench --concurrency "$CONC" --duration 4 --warmup 1 >/dev/null
    "$RL" --mode "$MODE" --port $PORT --to bench --concurrency "$CONC" --duration 8 --warmup 0 >"$LOGS/rl.json" &
    RL_PID=$!
    perf stat -e "$EVENTS" -p "$NODE_PID" -o "$LOGS/perf.txt" -- sleep 7 2>/dev/null
    wait "$RL_PID"
    rate=$(field "$(cat "$LOGS/rl.json")" msgs_per_s)
    awk -v r="$rate" -v t="$(count task-clock "$LOGS/perf.txt")" -v c="$(count context-switches "$LOGS/perf.txt")" \
        -v s="$(count syscalls:sys_enter_sendto "$LOGS/perf.txt")" -v v="$(count syscalls:sys_enter_recvfrom "$LOGS/perf.txt")" \
        -v dll="$dll" -v round="$round" 'BEGIN { n = r * 7; if (n == 0) n = 1
          printf "round=%s msgs_per_s=%.0f cpu_us_per_msg=%.1f ctx_switches_per_msg=%.2f", round, r, t * 1000 / n, c / n
          if (s != "") printf " sendto_per_msg=%.2f recvfrom_per_msg=%.2f", s / n, v / n
          printf " node=%s\n", dll }'
    kill "$AGENTS_PID" "$NODE_PID" 2>/dev/null; wait "$AGENTS_PID" "$NODE_PID" 2>/dev/null
  done
done
