#!/usr/bin/env bash
# Reliability figures against standalone `drillbot lab` processes (Release builds, loopback only), driving the
# real drillbot executable with the reliability tests' short drill timings (steady state 0.3 s, observe 2 s):
#   1. every kill point of reviews-failover (DRILLBOT_TEST_PAUSE_AT stops the run exactly there), REPEAT times:
#      SIGKILL then `drillbot restore` at once (restored exactly? restart -> verified restore wall time), and SIGTERM
#      (restored before exit? exit code)
#   2. RUNS runs of reviews-failover against a Lab failing 20 % of Kubernetes API requests on every context
# Usage: bench/reliability/run.sh [repeat-per-kill-point] [runs-under-api-errors]   (0 skips a part)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
repeat=${1:-3}
runs=${2:-50}
out=bench/out/reliability
rm -rf "$out/lab" "$out/faulty-lab" "$out/kills" "$out/faults"
mkdir -p "$out"

echo "# building (Release)"
dotnet build src/DrillBot -c Release -v q -nologo -o "$out/drillbot" >/dev/null
dotnet build bench/reliability -c Release -v q -nologo -o "$out/bench" >/dev/null

trap bench_stop_all EXIT
start_lab() { bench_start_lab "$1" "$1.log" "$out/drillbot/drillbot" lab --dir "$1" --topology "$2"; } # dir topology
start_lab "$out/lab" bench/reliability/lab-topology.yaml
start_lab "$out/faulty-lab" bench/reliability/faulty-topology.yaml

kills_rc=0
if [ "$repeat" -gt 0 ]; then
  echo "# kill points: SIGKILL + drillbot restore, and SIGTERM, $repeat times each"
  "$out/bench/ReliabilityBench" kills "$out/drillbot/drillbot" "$out/lab" "$out/kills" "$repeat" || kills_rc=$?
  echo
fi
faults_rc=0
if [ "$runs" -gt 0 ]; then
  echo "# $runs runs with 20 % of API requests failing"
  "$out/bench/ReliabilityBench" faults "$out/drillbot/drillbot" "$out/faulty-lab" "$out/faults" "$runs" || faults_rc=$?
fi
echo "machine: $(nproc) cores, $(uname -sr), dotnet $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$kills_rc" -eq 0 ] && [ "$faults_rc" -eq 0 ]
