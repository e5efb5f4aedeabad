#!/usr/bin/env bash
# Engine benchmarks against a standalone `drillbot lab` (Release builds, loopback only, bounded in time):
#   1. probe schedule at 10, 100 and 500 samples/s: achieved rate, send-time jitter, late samples, CPU per 1,000 samples
#   2. recovery-time accuracy over N runs of reviews-failover vs the Lab's ground truth (/lab/events)
# Usage: bench/probe/run.sh [seconds-per-rate] [recovery-runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
seconds=${1:-20}
runs=${2:-10}
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

echo "# probe schedule: ${seconds}s per rate"
rate_rc=0
dotnet "$out/bench/ProbeBench.dll" rate "$PRODUCTPAGE_URL" "$seconds" 10 100 500 || rate_rc=$?
echo
echo "# recovery accuracy: $runs runs"
rec_rc=0
dotnet "$out/bench/ProbeBench.dll" recovery drills.yaml "$runs" || rec_rc=$?
echo "machine: $(nproc) cores, $(uname -sr), dotnet $(dotnet --version)"
[ "$rate_rc" -eq 0 ] && [ "$rec_rc" -eq 0 ]
