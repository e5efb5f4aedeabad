# Shared functions of the bench/ scripts. Source it after `cd` to the repository root:
#   . bench/lib.sh
# Every process started through bench_track / bench_start_lab is stopped by pid (never by name) in
# bench_stop_all, which scripts call from their EXIT trap (`trap bench_stop_all EXIT`, or from their own
# cleanup function when they have more to clean up).

bench_pids=()

# bench_track PID: stop PID in bench_stop_all.
bench_track() { bench_pids+=("$1"); }

# bench_stop_all: SIGTERM every tracked process, then wait for each.
bench_stop_all() {
  local p
  for p in "${bench_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${bench_pids[@]}"; do wait "$p" 2>/dev/null || true; done
}

# bench_wait_for SECONDS DESCRIPTION LOG COMMAND...: polls COMMAND every 100 ms until it succeeds.
# Returns 1 after SECONDS, with the last lines of LOG and DESCRIPTION on stderr (the caller decides the exit).
bench_wait_for() {
  local seconds=$1 what=$2 log=$3 i
  shift 3
  for ((i = 0; i < seconds * 10; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  tail -5 "$log" >&2 || true
  echo "$what (waited ${seconds}s; the last lines of $log are above)" >&2
  return 1
}

# bench_start_lab DIR LOG COMMAND...: runs COMMAND (a `drillbot lab --dir DIR …` command line) in the background
# with its output in LOG, tracks it, and waits up to 60 s for DIR/lab.json. Sets BENCH_LAB_PID. Exits 1 when
# the Lab does not start.
bench_start_lab() {
  local dir=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 &
  BENCH_LAB_PID=$!
  bench_track "$BENCH_LAB_PID"
  bench_wait_for 60 "the Lab did not start" "$log" test -f "$dir/lab.json" || exit 1
}

# bench_lab_env DIR: exports the Lab's lab.env (KUBECONFIG, PRODUCTPAGE_URL, …) into this shell.
bench_lab_env() {
  set -a
  # shellcheck disable=SC1091
  . "$1/lab.env"
  set +a
}
