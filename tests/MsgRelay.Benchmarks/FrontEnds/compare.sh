#!/bin/bash
# Alternates the limit server and MsgRelay's front ends per mode (limit, ours, limit, ours, ...)
# so both see the same background load on a shared machine. Start both servers first:
#   limitserver --msp-port 10018 --rwp-port 10019 &
#   dotnet tests/MsgRelay.Benchmarks/bin/Release/net10.0/MsgRelay.Benchmarks.dll frontends --msp-port 20018 --rwp-port 20019 --seconds 300 &
# Usage: RELAYLOAD=/path/to/relayload REPS=3 compare.sh
RL=${RELAYLOAD:-/tmp/fe-bench/relayload/relayload}
REPS=${REPS:-2}
for mode in msp2-tcp rwp msp1-udp msp2-udp; do
  for rep in $(seq "$REPS"); do
    for who in limit ours; do
      if [ $who = limit ]; then M=10018; R=10019; else M=20018; R=20019; fi
      P=$M; [ $mode = rwp ] && P=$R
      out=$("$RL" --mode $mode --port $P --concurrency 64 --duration 5)
      echo "$mode $who $(echo "$out" | grep -o '"msgs_per_s":[0-9.]*\|"p50_us":[0-9.]*\|"errors":[0-9]*' | paste -sd' ')"
    done
  done
done
