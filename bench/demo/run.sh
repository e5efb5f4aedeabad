#!/usr/bin/env bash
# `drillbot demo` wall time (Release build, N runs; the bar is < 60 s each).
# Usage: bench/demo/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
out=bench/out/demo
mkdir -p "$out"
dotnet build src/DrillBot -c Release -v q -nologo -o "$out/bin" >/dev/null
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  rc=0
  dotnet "$out/bin/drillbot.dll" demo --report-json "$out/report-$i.json" >"$out/demo-$i.txt" 2>&1 || rc=$?
  end=$(date +%s.%N)
  verdict=$(sed -n 's/^  "verdict": "\(.*\)",/\1/p' "$out/report-$i.json" | head -1)
  recovery=$(grep -A1 '"recovery": {' "$out/report-$i.json" | sed -n 's/.*"seconds": \(.*\),/\1/p')
  printf 'run %d: exit %d, verdict %s, recovery %ss, wall %.1f s\n' "$i" "$rc" "$verdict" "$recovery" "$(echo "$end - $start" | bc)"
done
