#!/bin/bash
# Cross-node benchmark: two clustered msgrelay nodes A and B on loopback, acknowledging agents
# logged in on B, relayload sending to A (every message crosses nodes: A's router -> the user's
# directory shard on A or B -> the agent session on B -> ack back) and, as the baseline, to B.
# Prints one line per run: where sent, msgs/s, p50 and p99 latency, errors.
#
# Usage: [NODE_ARGS="--set k=v"] [DURATION=5] [AGENTS=4] [CONCS="64 1"] [MODES="rwp msp2-tcp"] [BUILD=1] \
#        tests/MsgRelay.Benchmarks/Cluster/cross-node.sh
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../bench-common.sh"
WORK=${E2E_WORK:-/tmp/e2e-bench}
DURATION=${DURATION:-5}
AGENTS=${AGENTS:-4}
CONCS=${CONCS:-"64 1"}
MODES=${MODES:-"rwp msp2-tcp"}
A_MSP=26018; A_RWP=26019; A_ADMIN=26080; A_CLUSTER=26552
B_MSP=27018; B_RWP=27019; B_ADMIN=27080; B_CLUSTER=27552

build_bench_tools relayload
RL=$WORK/relayload/relayload
build_if_asked

LOGS=$(mktemp -d /tmp/cluster-bench.XXXX)
SEEDS="[\"127.0.0.1:$A_CLUSTER\",\"127.0.0.1:$B_CLUSTER\"]"
start_node() { # name msp rwp admin cluster
  dotnet "$NODE_DLL" serve --set msgrelay.node.name="$1" \
    --set msgrelay.listeners.msp.tcp-port="$2" --set msgrelay.listeners.msp.udp-port="$2" \
    --set msgrelay.listeners.rwp.tcp-port="$3" --set msgrelay.listeners.rwp.udp-port="$3" \
    --set msgrelay.admin.port="$4" --set msgrelay.cluster.port="$5" --set "msgrelay.cluster.seed-nodes=$SEEDS" ${NODE_ARGS:-} >"$LOGS/$1.log" 2>&1 &
  PIDS+=("$!")
}
start_node a $A_MSP $A_RWP $A_ADMIN $A_CLUSTER
start_node b $B_MSP $B_RWP $B_ADMIN $B_CLUSTER
for _ in $(seq 160); do grep -q "is up" "$LOGS/a.log" && grep -q "is up" "$LOGS/b.log" && break; sleep 0.25; done
grep -q "is up" "$LOGS/b.log" || { echo "nodes did not come up" >&2; cat "$LOGS"/*.log >&2; exit 1; }

dotnet "$BENCH_DLL" agents --server "127.0.0.1:$B_RWP" --users bench --count "$AGENTS" --user-count 1 --ping-seconds 30 >"$LOGS/agents.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 240); do grep -q '^ready' "$LOGS/agents.log" && break; sleep 0.25; done
grep -q '^ready' "$LOGS/agents.log" || { echo "agents did not log in" >&2; cat "$LOGS/agents.log" >&2; exit 1; }
echo "# $(date -u +%FT%TZ) commit $(git -C "$ROOT" rev-parse --short HEAD) load: $(cut -d' ' -f1-3 /proc/loadavg) nproc $(nproc); agents on node b"
for mode in $MODES; do
  for conc in $CONCS; do
    for via in b a; do
      if [ $via = a ]; then M=$A_MSP; R=$A_RWP; else M=$B_MSP; R=$B_RWP; fi
      P=$M; [ "$mode" = rwp ] && P=$R
      out=$("$RL" --mode "$mode" --port "$P" --to bench --concurrency "$conc" --duration "$DURATION" --warmup 1)
      label=same-node; [ $via = a ] && label=cross-node
      echo "$mode c=$conc $label msgs_per_s=$(field "$out" msgs_per_s) p50_us=$(field "$out" p50_us) p99_us=$(field "$out" p99_us) errors=$(field "$out" errors)"
    done
  done
done
echo "# logs in $LOGS"
