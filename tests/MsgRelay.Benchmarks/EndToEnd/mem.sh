#!/bin/bash
# Memory per idle agent session: one node, SESSIONS idle agents logged in by the agents command
# (a separate process), the node measured before and after the logins:
#   - VmRSS and RssAnon from /proc/PID/status (process memory, includes GC slack and native buffers),
#   - the managed heap after a forced full compacting GC, through a startup hook (StartupHook.cs)
#     that the node loads from MsgRelay.Benchmarks.dll, so no node code is changed,
#   - kernel TCP buffer memory (/proc/net/sockstat "TCP mem", pages, both ends of every connection).
# Usage: [SESSIONS=10000] [USERS=10000] [CONNECT_ONLY=1] [BUILD=1] [NODE_DLL=...] [BENCH_DLL=...] mem.sh
#   USERS=1: one user holding every session (no per-user directory entity in the figure);
#   CONNECT_ONLY=1: plain idle RWP connections that never log in (the connection's own share).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../bench-common.sh"
SESSIONS=${SESSIONS:-10000}
USERS=${USERS:-$SESSIONS}
PORT=${PORT:-22019}; MSP=${MSP:-22018}; ADMIN=${ADMIN:-22080}; CLUSTER=${CLUSTER:-22552}
build_if_asked

LOGS=$(mktemp -d /tmp/e2e-mem.XXXX)
wait_ready() { # log file, bounded 10 minutes (10,000 logins on a loaded 2-core machine)
  for _ in $(seq 2400); do grep -q '^ready' "$1" && return 0; sleep 0.25; done; return 1
}
kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
tcp_pages() { awk '$1 == "TCP:" { for (i = 2; i < NF; i++) if ($i == "mem") print $(i + 1) }' /proc/net/sockstat; }
probe() { # prints "rss_kb anon_kb tcp_pages heap_bytes committed_bytes"
  rm -f "$LOGS/gc.out"; touch "$LOGS/gc"
  for _ in $(seq 300); do [ -f "$LOGS/gc.out" ] && break; sleep 0.1; done
  local heap committed
  heap=$(grep -o 'heap_bytes=[0-9]*' "$LOGS/gc.out" | cut -d= -f2)
  committed=$(grep -o 'committed=[0-9]*' "$LOGS/gc.out" | cut -d= -f2)
  sleep 1 # RSS after the collection has released what it could
  echo "$(kb "$NODE_PID" VmRSS) $(kb "$NODE_PID" RssAnon) $(tcp_pages) ${heap:-0} ${committed:-0}"
}

# Limits raised: the node must accept every session, and none may time out while idle.
ulimit -n "$(ulimit -Hn)"
DOTNET_STARTUP_HOOKS=$BENCH_DLL E2E_GC_PROBE=$LOGS/gc dotnet "$NODE_DLL" serve \
  --set msgrelay.listeners.msp.tcp-port="$MSP" --set msgrelay.listeners.msp.udp-port="$MSP" \
  --set msgrelay.listeners.rwp.tcp-port="$PORT" --set msgrelay.listeners.rwp.udp-port="$PORT" \
  --set msgrelay.admin.port="$ADMIN" --set msgrelay.cluster.port="$CLUSTER" --set msgrelay.listeners.max-connections=$((SESSIONS + 1000)) \
  --set msgrelay.listeners.idle-timeout=3600s >"$LOGS/node.log" 2>&1 &
NODE_PID=$!; PIDS+=("$NODE_PID")
wait_port "$PORT" || exit 1

# Warm-up: the login and logout paths run (JIT, pools, first shards) before the baseline is taken.
dotnet "$BENCH_DLL" agents --server "127.0.0.1:$PORT" --users warm --count 200 --user-count 200 --seconds 3 >"$LOGS/warm.log" 2>&1
sleep 3
read -r rss0 anon0 tcp0 heap0 comm0 < <(probe)
echo "# $(date -u +%FT%TZ) commit $(git -C "$ROOT" rev-parse --short HEAD) load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "before: VmRSS=${rss0}kB RssAnon=${anon0}kB tcp_mem_pages=$tcp0 managed_heap_after_gc=$heap0 gc_committed=$comm0"

dotnet "$BENCH_DLL" agents --server "127.0.0.1:$PORT" --users idle --count "$SESSIONS" --user-count "$USERS" \
  --login-parallel 64 --ping-seconds 600 --connect-only "${CONNECT_ONLY:-0}" >"$LOGS/agents.log" 2>&1 &
AGENTS_PID=$!; PIDS+=("$AGENTS_PID")
wait_ready "$LOGS/agents.log" || { echo "agents not ready" >&2; cat "$LOGS/agents.log" >&2; exit 1; }
grep '^ready' "$LOGS/agents.log"
sleep 5
read -r rss1 anon1 tcp1 heap1 comm1 < <(probe)
echo "after:  VmRSS=${rss1}kB RssAnon=${anon1}kB tcp_mem_pages=$tcp1 managed_heap_after_gc=$heap1 gc_committed=$comm1"
sessions=$(curl -s "http://127.0.0.1:$ADMIN/who" | grep -o '"tty"' | wc -l)
echo "node /who lists $sessions sessions; threads: $(awk '$1 == "Threads:" {print $2}' "/proc/$NODE_PID/status")"
awk -v n="$SESSIONS" -v r0="$rss0" -v r1="$rss1" -v a0="$anon0" -v a1="$anon1" -v h0="$heap0" -v h1="$heap1" \
    -v c0="$comm0" -v c1="$comm1" -v t0="$tcp0" -v t1="$tcp1" 'BEGIN {
  printf "per session: RSS %.1f KB, anonymous RSS %.1f KB, managed heap after full GC %.1f KB, GC committed %.1f KB, kernel TCP buffers (both ends) %.2f KB\n",
    (r1 - r0) / n, (a1 - a0) / n, (h1 - h0) / 1024 / n, (c1 - c0) / 1024 / n, (t1 - t0) * 4 / n }'
