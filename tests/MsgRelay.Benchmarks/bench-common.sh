# Shared by the benchmark scripts (EndToEnd/e2e.sh, mem.sh, node-cost.sh, cpu-split.sh, Cluster/cross-node.sh); source it
# after setting HERE. Defines ROOT, NODE_DLL, BENCH_DLL, PIDS (every process started, killed on exit)
# and the helpers below. Every wait is bounded.
ROOT=$(cd "$HERE/../../.." && pwd)
NODE_DLL=${NODE_DLL:-$ROOT/src/MsgRelay.Node/bin/Release/net10.0/msgrelay.dll}
BENCH_DLL=${BENCH_DLL:-$ROOT/tests/MsgRelay.Benchmarks/bin/Release/net10.0/MsgRelay.Benchmarks.dll}

# BUILD=1 builds the node and the benchmarks in Release first; either way both must exist.
build_if_asked() {
  if [ "${BUILD:-0}" = 1 ]; then
    dotnet build -c Release "$ROOT/src/MsgRelay.Node" >/dev/null && dotnet build -c Release "$ROOT/tests/MsgRelay.Benchmarks" >/dev/null || exit 1
  fi
  for f in "$NODE_DLL" "$BENCH_DLL"; do [ -f "$f" ] || { echo "missing $f (BUILD=1 builds it)" >&2; exit 1; }; done
}

# Builds ../shared/bench's tools named as arguments (relayload, limitserver) into $WORK once.
build_bench_tools() {
  local tool
  for tool in "$@"; do
    if [ ! -x "$WORK/$tool/$tool" ]; then
      mkdir -p "$WORK" && cp -r "${SHARED_BENCH:-$ROOT/../shared/bench}/$tool" "$WORK/" && chmod -R u+w "$WORK/$tool" && make -s -C "$WORK/$tool" || exit 1
    fi
  done
}

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() { # port: bounded wait (30 s) until something accepts on it
  for _ in $(seq 120); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.25; done
  echo "nothing listening on $1" >&2; return 1
}
field() { echo "$1" | grep -o "\"$2\":[0-9.]*" | cut -d: -f2; }   # a number from relayload's JSON line
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }               # user+system ticks of a process

# start_node_with_agents DLL LOGS MSP RWP ADMIN CLUSTER: a node of build DLL (with $NODE_ENV) on
# those ports and 4 logged-in agents of user "bench"; sets NODE_PID and AGENTS_PID, logs in LOGS.
start_node_with_agents() {
  env ${NODE_ENV:-} dotnet "$1" serve \
    --set msgrelay.listeners.msp.tcp-port="$3" --set msgrelay.listeners.msp.udp-port="$3" \
    --set msgrelay.listeners.rwp.tcp-port="$4" --set msgrelay.listeners.rwp.udp-port="$4" \
    --set msgrelay.admin.port="$5" --set msgrelay.cluster.port="$6" >"$2/node.log" 2>&1 &
  NODE_PID=$!; PIDS+=("$NODE_PID")
  wait_port "$4" && wait_port "$3" || exit 1
  dotnet "$BENCH_DLL" agents --server "127.0.0.1:$4" --users bench --count 4 --ping-seconds 30 >"$2/agents.log" 2>&1 &
  AGENTS_PID=$!; PIDS+=("$AGENTS_PID")
  for _ in $(seq 240); do grep -q '^ready' "$2/agents.log" && break; sleep 0.25; done
  grep -q '^ready' "$2/agents.log" || { echo "agents did not log in:" >&2; cat "$2/agents.log" >&2; exit 1; }
}
