#!/bin/bash
# End-to-end benchmark: relayload against the limit server and against a real msgrelay node with
# logged-in agents that acknowledge every delivery, alternating limit/ours per repetition so both
# see the same background load. Prints one line per run and a summary (medians, ratio of pairs).
# Results and their reading: docs/PERFORMANCE.md (end-to-end section).
#
# Usage: [REPS=3] [DURATION=5] [AGENTS=4] [USERS=1] [CONCS="64 1"] [MODES="msp2-tcp rwp"] \
#        [BUILD=1] [NODE_DLL=...] [BENCH_DLL=...] tests/MsgRelay.Benchmarks/EndToEnd/e2e.sh
#   AGENTS agents log in as user "bench" (USERS=1: one user with AGENTS sessions, ttys a1..aN;
#   USERS=U>1: users bench1..benchU, and relayload sends to bench1).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../bench-common.sh"
WORK=${E2E_WORK:-/tmp/e2e-bench}
REPS=${REPS:-3}
DURATION=${DURATION:-5}
AGENTS=${AGENTS:-4}
USERS=${USERS:-1}
CONCS=${CONCS:-"64 1"}
MODES=${MODES:-"msp2-tcp rwp"}
LIMIT_MSP=${LIMIT_MSP:-10118}; LIMIT_RWP=${LIMIT_RWP:-10119}
NODE_MSP=${NODE_MSP:-21018}; NODE_RWP=${NODE_RWP:-21019}; ADMIN=${ADMIN:-21080}; CLUSTER=${CLUSTER:-21552}
TO=bench; [ "$USERS" -gt 1 ] && TO=bench1

# The measuring sticks, built from a writable copy (never commit their binaries).
build_bench_tools relayload limitserver
RL=$WORK/relayload/relayload
build_if_asked

LOGS=$(mktemp -d /tmp/e2e-logs.XXXX)
"$WORK/limitserver/limitserver" --msp-port "$LIMIT_MSP" --rwp-port "$LIMIT_RWP" >"$LOGS/limit.log" 2>&1 &
LIMIT_PID=$!; PIDS+=("$LIMIT_PID")
# MSP and RWP on separate ports as the limit server does (a shared port costs RWP the sniff window).
dotnet "$NODE_DLL" serve \
  --set msgrelay.listeners.msp.tcp-port="$NODE_MSP" --set msgrelay.listeners.msp.udp-port="$NODE_MSP" \
  --set msgrelay.listeners.rwp.tcp-port="$NODE_RWP" --set msgrelay.listeners.rwp.udp-port="$NODE_RWP" \
  --set msgrelay.admin.port="$ADMIN" --set msgrelay.cluster.port="$CLUSTER" >"$LOGS/node.log" 2>&1 &
NODE_PID=$!; PIDS+=("$NODE_PID")
wait_port "$LIMIT_MSP" && wait_port "$NODE_RWP" && wait_port "$NODE_MSP" || exit 1

dotnet "$BENCH_DLL" agents --server "127.0.0.1:$NODE_RWP" --users bench --count "$AGENTS" --user-count "$USERS" \
  --ping-seconds 30 >"$LOGS/agents.log" 2>&1 &
AGENTS_PID=$!; PIDS+=("$AGENTS_PID")
for _ in $(seq 240); do grep -q '^ready' "$LOGS/agents.log" && break; sleep 0.25; done
grep '^ready' "$LOGS/agents.log" || { echo "agents did not log in:" >&2; cat "$LOGS/agents.log" >&2; exit 1; }
echo "# $(date -u +%FT%TZ) commit $(git -C "$ROOT" rev-parse --short HEAD) load: $(cut -d' ' -f1-3 /proc/loadavg) nproc $(nproc)"

RESULTS=$LOGS/results
for mode in $MODES; do
  for conc in $CONCS; do
    for rep in $(seq "$REPS"); do
      for who in limit ours; do
        if [ $who = limit ]; then M=$LIMIT_MSP; R=$LIMIT_RWP; PID=$LIMIT_PID; else M=$NODE_MSP; R=$NODE_RWP; PID=$NODE_PID; fi
        P=$M; [ "$mode" = rwp ] && P=$R
        s0=$(cpu_ticks "$PID"); a0=$(cpu_ticks "$AGENTS_PID")
        out=$("$RL" --mode "$mode" --port "$P" --to "$TO" --concurrency "$conc" --duration "$DURATION" --warmup 1)
        s1=$(cpu_ticks "$PID"); a1=$(cpu_ticks "$AGENTS_PID")
        ok=$(field "$out" ok); [ -z "$ok" ] && ok=0
        # Server CPU (user+system) per answered message over warm-up and run; rough (includes warm-up
        # messages, which relayload does not count), so compare it only between limit and ours.
        hz=$(getconf CLK_TCK)
        cpu=$(awk -v d=$((s1 - s0)) -v n="$ok" -v hz="$hz" -v w=$((DURATION + 1)) -v t="$DURATION" 'BEGIN{ if (n>0) printf "%.1f", d*1e6/hz/(n*w/t); else print "-" }')
        acpu=$(awk -v d=$((a1 - a0)) -v n="$ok" -v hz="$hz" -v w=$((DURATION + 1)) -v t="$DURATION" 'BEGIN{ if (n>0) printf "%.1f", d*1e6/hz/(n*w/t); else print "-" }')
        [ $who = limit ] && acpu=-
        line="$mode c=$conc rep=$rep $who msgs_per_s=$(field "$out" msgs_per_s) p50_us=$(field "$out" p50_us) p99_us=$(field "$out" p99_us) errors=$(field "$out" errors) server_cpu_us_per_msg=$cpu agents_cpu_us_per_msg=$acpu"
        echo "$line"; echo "$line" >>"$RESULTS"
      done
    done
  done
done

echo "# summary (medians over $REPS alternating pairs; ratio = ours/limit per pair, median)"
printf '%-9s %4s %12s %12s %7s %-19s %10s %10s %10s %10s %8s\n' mode conc limit_msg/s ours_msg/s ratio ratio_range limit_p50 ours_p50 limit_p99 ours_p99 ours_cpu
for mode in $MODES; do
  for conc in $CONCS; do
    awk -v mode="$mode" -v conc="c=$conc" '
      function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                       return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      function v(k,   i) { for (i = 5; i <= NF; i++) if (index($i, k "=") == 1) return substr($i, length(k) + 2); return 0 }
      $1 == mode && $2 == conc {
        if ($4 == "limit") { nl++; lr[nl] = v("msgs_per_s"); l5[nl] = v("p50_us"); l9[nl] = v("p99_us") }
        else { no++; orr[no] = v("msgs_per_s"); o5[no] = v("p50_us"); o9[no] = v("p99_us"); oc[no] = v("server_cpu_us_per_msg"); if (lr[no] > 0) { ra[no] = orr[no] / lr[no]; rb[no] = ra[no] } }
      }
      END {
        if (no == 0) exit
        lo = 1e9; hi = 0; for (i = 1; i <= no; i++) { if (rb[i] < lo) lo = rb[i]; if (rb[i] > hi) hi = rb[i] }
        printf "%-9s %4s %12.0f %12.0f %7.2f %-19s %9.0fus %9.0fus %9.0fus %9.0fus %6.1fus\n", mode, substr(conc, 3), med(lr, nl), med(orr, no), med(ra, no),
          sprintf("%.2f-%.2f", lo, hi), med(l5, nl), med(o5, no), med(l9, nl), med(o9, no), med(oc, no)
      }' "$RESULTS"
  done
done
kill "$AGENTS_PID" 2>/dev/null; wait "$AGENTS_PID" 2>/dev/null
grep '^agents:' "$LOGS/agents.log"
echo "# logs in $LOGS"
