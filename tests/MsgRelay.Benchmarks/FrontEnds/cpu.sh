#!/bin/bash
# One relayload run against PORT; prints msgs/s and the server's CPU time (user+system, from
# /proc/PID/stat) per answered message, a figure far less sensitive to other load than msgs/s.
# Usage: RELAYLOAD=/path/to/relayload cpu.sh PID PORT MODE
RL=${RELAYLOAD:-/tmp/fe-bench/relayload/relayload}
PID=$1; P=$2; MODE=$3
t0=$(awk '{print $14+$15}' /proc/$PID/stat)
out=$("$RL" --mode "$MODE" --port "$P" --concurrency 64 --duration 5 --warmup 0)
t1=$(awk '{print $14+$15}' /proc/$PID/stat)
ok=$(echo "$out" | grep -o '"ok":[0-9]*' | cut -d: -f2)
rate=$(echo "$out" | grep -o '"msgs_per_s":[0-9.]*' | cut -d: -f2)
hz=$(getconf CLK_TCK)
echo "$MODE pid=$PID msgs/s=$rate cpu_us_per_msg=$(echo "scale=2; ($t1-$t0)*1000000/$hz/$ok" | bc)"
