#!/usr/bin/env bash
# The docker-compose topology without Docker: site A (a1, a2, a3 in one cluster) and site B (b1),
# every node a `msgrelay serve` process on loopback, configured from config/site-*.conf with the
# hosts and ports overridden for 127.0.0.1. The integration tests use this script too.
#
#   scripts/local-cluster.sh start [--base-port N] [--run-dir DIR]   start all four, wait until ready
#   scripts/local-cluster.sh stop  [--run-dir DIR]                   SIGTERM all, wait, SIGKILL stragglers
#   scripts/local-cluster.sh ports [--base-port N]                   print each node's ports
#
# Ports for base N (default 20000), node k = 1..4 for a1, a2, a3, b1:
#   MSP+RWP tcp/udp N+k, cluster N+10+k, admin HTTP N+20+k.
# MSGRELAY names the command that runs the node (default: dotnet <repo>/src/MsgRelay.Node/bin/<cfg>/net10.0/msgrelay.dll).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
action=${1:-}
shift || true
base=20000
run_dir="${TMPDIR:-/tmp}/msgrelay-local-cluster"
while (($#)); do
  case "$1" in
    --base-port) base=$2; shift 2 ;;
    --run-dir) run_dir=$2; shift 2 ;;
    *) echo "local-cluster: unknown option $1" >&2; exit 2 ;;
  esac
done

nodes=(a1 a2 a3 b1)
configs=(site-a-node1 site-a-node2 site-a-node3 site-b)

if [[ -n "${MSGRELAY:-}" ]]; then
  read -r -a msgrelay <<<"$MSGRELAY"
else
  dll=""
  for cfg in Debug Release; do
    [[ -f "$repo/src/MsgRelay.Node/bin/$cfg/net10.0/msgrelay.dll" ]] && dll="$repo/src/MsgRelay.Node/bin/$cfg/net10.0/msgrelay.dll" && break
  done
  if [[ -z "$dll" ]]; then
    dotnet build "$repo/src/MsgRelay.Node" >/dev/null
    dll="$repo/src/MsgRelay.Node/bin/Debug/net10.0/msgrelay.dll"
  fi
  msgrelay=(dotnet "$dll")
fi

port() { echo $((base + $1)); }            # protocol port of node k

# GET http://127.0.0.1:$1$2 answers 200? Plain bash (/dev/tcp), so the script needs no curl.
http_ok() {
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
  read -r -t 5 _ status _ <&3 || status=""
  exec 3<&- 3>&-
  [[ "$status" == "200" ]]
}
cluster_port() { echo $((base + 10 + $1)); }
admin_port() { echo $((base + 20 + $1)); }

start() {
  mkdir -p "$run_dir"
  local seeds routes_a routes_b k
  seeds="[\"127.0.0.1:$(cluster_port 1)\", \"127.0.0.1:$(cluster_port 2)\", \"127.0.0.1:$(cluster_port 3)\"]"
  routes_a="[{ domains = [\"b.example\", \"*.b.example\"], via = [\"rwp://127.0.0.1:$(port 4)\"] }]"
  routes_b="[{ domains = [\"a.example\", \"*.a.example\"], via = [\"rwp://127.0.0.1:$(port 1)\", \"rwp://127.0.0.1:$(port 2)\", \"rwp://127.0.0.1:$(port 3)\"] }]"
  for k in 1 2 3 4; do
    local name=${nodes[k-1]} p
    p=$(port "$k")
    local args=(serve --config "$repo/config/${configs[k-1]}.conf"
      --set "msgrelay.listeners.msp.tcp-port=$p" --set "msgrelay.listeners.rwp.tcp-port=$p"
      --set "msgrelay.listeners.msp.udp-port=$p" --set "msgrelay.listeners.rwp.udp-port=$p"
      --set "msgrelay.admin.port=$(admin_port "$k")"
      --set "msgrelay.cluster.host=127.0.0.1" --set "msgrelay.cluster.port=$(cluster_port "$k")")
    if ((k <= 3)); then
      args+=(--set "msgrelay.cluster.seed-nodes=$seeds" --set "msgrelay.routing.routes=$routes_a")
    else
      args+=(--set "msgrelay.routing.routes=$routes_b")
    fi
    nohup "${msgrelay[@]}" "${args[@]}" >"$run_dir/$name.log" 2>&1 </dev/null &
    echo $! >"$run_dir/$name.pid"
  done

  # Ready = the admin endpoint says so (joined and owning shards), bounded by a deadline.
  local deadline=$((SECONDS + 90))
  for k in 1 2 3 4; do
    local name=${nodes[k-1]}
    until http_ok "$(admin_port "$k")" /health/ready; do
      if ((SECONDS > deadline)) || ! kill -0 "$(cat "$run_dir/$name.pid")" 2>/dev/null; then
        echo "local-cluster: $name did not become ready; its log:" >&2
        tail -n 30 "$run_dir/$name.log" >&2
        stop
        exit 1
      fi
      sleep 0.2
    done
  done
  ports
  echo "local-cluster: up (logs and pids in $run_dir)"
}

stop() {
  local name pid
  for name in "${nodes[@]}"; do
    [[ -f "$run_dir/$name.pid" ]] || continue
    pid=$(cat "$run_dir/$name.pid")
    kill -TERM "$pid" 2>/dev/null || true
  done
  for name in "${nodes[@]}"; do
    [[ -f "$run_dir/$name.pid" ]] || continue
    pid=$(cat "$run_dir/$name.pid")
    for _ in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$run_dir/$name.pid"
  done
}

ports() {
  local k
  for k in 1 2 3 4; do
    echo "${nodes[k-1]} msp+rwp=127.0.0.1:$(port "$k") cluster=127.0.0.1:$(cluster_port "$k") admin=127.0.0.1:$(admin_port "$k")"
  done
}

case "$action" in
  start) start ;;
  stop) stop ;;
  ports) ports ;;
  *) echo "usage: $0 start|stop|ports [--base-port N] [--run-dir DIR]" >&2; exit 2 ;;
esac
