#!/usr/bin/env bash
# Smoke test of the recovery-accuracy benchmark for CI: one short run of the whole pipeline (Lab, blackbox_exporter
# and Prometheus scraping, curl loop, drillbot run, ground truth, analysis, docs section and SVG) into a temporary
# directory. Exits non-zero when any part breaks (the run's data is then kept in bench/out/recovery-accuracy/
# smoke-failed/); never touches docs/. Bars are not judged (one short run), nor is the drill's verdict.
# Usage: bench/recovery-accuracy/smoke.sh [--configuration Debug|Release]   (default Debug: reuses CI's build)
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration=Debug
if [ "${1:-}" = "--configuration" ]; then configuration=$2; fi
started=$(date +%s)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/recovery-accuracy-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
docs_sum() { cat docs/benchmarks.md docs/recovery-accuracy.svg 2>/dev/null | cksum || true; }
before=$(docs_sum)
cp docs/benchmarks.md "$tmp/benchmarks.md"

rc=0
bench/recovery-accuracy/run.sh --smoke --runs 1 --configuration "$configuration" \
  --out "$tmp/data" --doc "$tmp/benchmarks.md" --svg "$tmp/recovery-accuracy.svg" || rc=$?
if [ "$rc" -ne 0 ]; then # keep the evidence (events.json, report.json, result.json, samples) for the next look
  kept=bench/out/recovery-accuracy/smoke-failed
  rm -rf "$kept" && mkdir -p "$kept" && cp -r "$tmp/data/." "$kept/" 2>/dev/null || true
  echo "smoke: run.sh exited $rc; its data is in $kept" >&2
  exit "$rc"
fi

fail() { echo "smoke: $*" >&2; exit 1; }
grep -q '^## Recovery accuracy: DrillBot vs blackbox_exporter vs curl loop' "$tmp/benchmarks.md" || fail "no section in the generated doc"
grep -q '^| DrillBot median abs error |' "$tmp/benchmarks.md" || fail "no bars table in the generated doc"
grep -q '^# Benchmarks' "$tmp/benchmarks.md" || fail "the rest of the doc was lost"
grep -q '</svg>' "$tmp/recovery-accuracy.svg" || fail "no SVG plot"
[ "$(docs_sum)" = "$before" ] || fail "docs/ was changed"
echo "smoke: recovery-accuracy pipeline ok in $(($(date +%s) - started)) s"
