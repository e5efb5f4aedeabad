#!/usr/bin/env bash
# Engine benchmarks against a standalone `drillbot lab` (Release builds, loopback only, bounded in time):
#   1. what one timed wake-up of a thread costs on this machine (the floor under any prober's cost per sample)
#   2. probe schedule at 10, 100 and 500 samples/s: achieved rate, send-time jitter, late samples, CPU per 1,000 samples,
#      bytes allocated, thread-pool work items and context switches per sample
#   3. CPU per 1,000 requests, side by side: the prober vs `hey -q N -c 1` at 100/s and 500/s, alternating REPEATS times,
#      then `wrk -t1 -c1` and the runbook's curl loop
#   4. ten probers at 100/s each in one process (ten drills at once): late samples, jitter, CPU (twice)
#   5. recovery-time accuracy over N runs of reviews-failover vs the Lab's ground truth (/lab/events)
# Usage: bench/probe/run.sh [seconds-per-rate] [recovery-runs] [repeats]
#        bench/probe/run.sh soak MINUTES    one `drillbot run reviews-failover` probing every 10 ms with observeFor MINUTES:
#                                           RSS growth, report size (soak.csv and the report in bench/out/probe/soak/)
# Needs hey and wrk (apt-get install hey wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
out=bench/out/probe
mkdir -p "$out"

echo "# building (Release)"
dotnet build src/DrillBot -c Release -v q -nologo -o "$out/drillbot" >/dev/null
dotnet build bench/probe -c Release -v q -nologo -o "$out/bench" >/dev/null

rm -rf "$out/lab"
trap bench_stop_all EXIT
bench_start_lab "$out/lab" "$out/lab.log" dotnet "$out/drillbot/drillbot.dll" lab --dir "$out/lab"
bench_lab_env "$out/lab"
export LAB_EVENTS_URL=${PRODUCTPAGE_URL%/productpage}/lab/events
bench=(dotnet "$out/bench/ProbeBench.dll")
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ "${1:-}" = soak ]; then
  minutes=${2:?usage: bench/probe/run.sh soak MINUTES}
  awk -v interval=10ms -v "observe=${minutes}m" -v "timeout=$((minutes + 15))m" -v expect=3 \
    -f bench/recovery-accuracy/bench-drills.awk drills.yaml >"$out/soak.yaml"
  rm -rf "$out/soak"
  echo "# soak: reviews-failover probing every 10 ms, observeFor ${minutes}m (load $(load)), MALLOC_ARENA_MAX=2 as the image sets it"
  MALLOC_ARENA_MAX=2 "${bench[@]}" soak "$out/drillbot/drillbot" "$out/soak.yaml" "$out/soak" | tail -12
  echo "load at the end: $(load); machine: $(nproc) cores, $(uname -sr), dotnet $(dotnet --version)"
  exit 0
fi

seconds=${1:-20}
runs=${2:-10}
repeats=${3:-3}
rc=0
echo "# wake-up cost (load $(load))"
"${bench[@]}" wakeup
echo
echo "# probe schedule: ${seconds}s per rate (load $(load))"
"${bench[@]}" rate "$PRODUCTPAGE_URL" "$seconds" 10 100 500 || rc=1
echo
echo "# CPU per 1,000 requests side by side: ${seconds}s per stretch, $repeats repeats (load $(load))"
"${bench[@]}" clients "$PRODUCTPAGE_URL" "$seconds" "$repeats" bench/recovery-accuracy/loop.sh 100 500 || rc=1
echo
for i in 1 2; do
  echo "# ten probers at 100/s each, ${seconds}s, round $i (load $(load))"
  "${bench[@]}" concurrent "$PRODUCTPAGE_URL" "$seconds" 10 100 || rc=1
done
echo
echo "# recovery accuracy: $runs runs (load $(load))"
"${bench[@]}" recovery drills.yaml "$runs" || rc=1
echo "load at the end: $(load); machine: $(nproc) cores, $(uname -sr), dotnet $(dotnet --version)"
exit "$rc"
