# Derives the benchmark's drills file from the repository's drills.yaml:
#  * drops the top-level `blackouts:` block (a benchmark must not depend on the day and hour it runs);
#  * optionally (-v steady=3050ms) sets reviews-failover's steadyState.duration (the per-run fault phase, run.sh) and
#    (-v stable=2s -v observe=10s -v verify=15s) shortens its recovery.stableFor, observeFor and restore.verifyWithin
#    (the smoke run);
#  * optionally (-v interval=10ms -v timeout=70m) sets its probe.interval and timeout (a 10 ms probe; bench/probe's soak);
#  * -v expect=N: fails (exit 1) unless exactly N of those substitutions were made, so a reworded
#    drills.yaml breaks the smoke loudly instead of silently running other timings.
/^blackouts:/ { skip = 1; next }
skip && /^[^ #-]/ { skip = 0 }
skip { next }
/^  - name: / { indrill = ($3 == "reviews-failover") }
indrill && steady != "" && /^    steadyState:/ { n += sub(/duration: [0-9.a-z]+/, "duration: " steady) }
indrill && stable != "" && /^      recovery:/ { n += sub(/stableFor: [0-9.a-z]+/, "stableFor: " stable) }
indrill && observe != "" && /^    observeFor:/ { n += sub(/observeFor: [0-9.a-z]+/, "observeFor: " observe) }
indrill && verify != "" && /^    restore:/ { n += sub(/verifyWithin: [0-9.a-z]+/, "verifyWithin: " verify) }
indrill && interval != "" && /^      interval:/ { n += sub(/interval: [0-9.a-z]+/, "interval: " interval) }
indrill && timeout != "" && /^    timeout:/ { n += sub(/timeout: [0-9.a-z]+/, "timeout: " timeout) }
{ print }
END {
  if (n != expect + 0) { printf "bench-drills.awk: %d timing substitutions, expected %d\n", n, expect > "/dev/stderr"; exit 1 }
}
