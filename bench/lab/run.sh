#!/usr/bin/env bash
# Lab throughput benchmark: starts `drillbot lab` (Release build), measures idle RSS, then drives
# /productpage with wrk and prints requests/s and p50/p99 latency.
# Usage: bench/lab/run.sh [duration-seconds] [connections] [wrk-threads]
# Targets (issue 2): >= 2,000 req/s with p99 < 20 ms; idle RSS < 150 MB. Loopback only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
duration=${1:-20}
connections=${2:-16}
threads=${3:-1}
out=bench/out/lab
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

echo "# building (Release)"
dotnet build src/DrillBot -c Release -v q -nologo -o "$out/bin" >/dev/null

rm -rf "$out/dir"
trap bench_stop_all EXIT
bench_start_lab "$out/dir" "$out/lab.log" dotnet "$out/bin/drillbot.dll" lab --dir "$out/dir"
pid=$BENCH_LAB_PID
url=$(sed -n 's/^PRODUCTPAGE_URL=//p' "$out/dir/lab.env")

sleep 5
idle_rss_kb=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status)
curl -sf "$url" >/dev/null

echo "# warm-up: wrk -t$threads -c$connections -d5s"
wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null
echo "# measure: wrk -t$threads -c$connections -d${duration}s --latency $url"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$url" | tee "$out/wrk.txt"
loaded_rss_kb=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status)

rps=$(awk '/^Requests\/sec/ {print $2}' "$out/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$out/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $4}' "$out/wrk.txt")
echo
echo "requests/s: $rps"
echo "latency p50: $p50  p99: $p99"
echo "non-2xx responses: ${non2xx:-0}"
echo "idle RSS: $((idle_rss_kb / 1024)) MB   RSS after load: $((loaded_rss_kb / 1024)) MB"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), dotnet $(dotnet --version)"
