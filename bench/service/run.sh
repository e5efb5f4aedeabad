#!/usr/bin/env bash
# Service benchmark (issue 4): start-to-ready of `drillbot serve`, idle RSS, and the acknowledgement
# latency of signed Slack slash commands with 20 concurrent requests (hey), against a running Lab.
# Usage: bench/service/run.sh [requests-per-command] [concurrency]
# Targets: ack p99 < 50 ms with 20 concurrent requests; idle RSS < 150 MB; start to ready < 2 s.
# Loopback only; a stand-in Slack (bench/service/slack_stub.py) answers the bot's own posts.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
requests=${1:-2000}
concurrency=${2:-20}
out=bench/out/service
mkdir -p "$out"
command -v hey >/dev/null || { echo "hey is not installed (apt-get install hey)" >&2; exit 2; }
command -v openssl >/dev/null || { echo "openssl is needed to sign the requests" >&2; exit 2; }

echo "# building (Release)"
dotnet build src/DrillBot -c Release -v q -nologo -o "$out/bin" >/dev/null

trap bench_stop_all EXIT

rm -rf "$out/lab" "$out/data"
bench_start_lab "$out/lab" "$out/lab.log" dotnet "$out/bin/drillbot.dll" lab --dir "$out/lab"
bench_lab_env "$out/lab"

python3 bench/service/slack_stub.py >"$out/stub.port" &
bench_track $!
for _ in $(seq 1 50); do [ -s "$out/stub.port" ] && break; sleep 0.1; done
stub_port=$(head -1 "$out/stub.port")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
secret=bench-signing-secret
export DRILLBOT_DB="$out/data/drillbot.db" DRILLBOT_API_TOKEN=bench-api-token-0123456789 \
  SLACK_BOT_TOKEN=xoxb-bench SLACK_SIGNING_SECRET=$secret SLACK_CHANNEL=C0BENCH SLACK_ALLOWED_USERS='*' \
  SLACK_API_BASE="http://127.0.0.1:$stub_port/api/" DRILLBOT_LOG_FORMAT=text

# start to ready: from exec to the first 200 from /readyz (polled every 10 ms); first start creates the schemas
start_serve() {
  local t0 ms
  t0=$(date +%s%N)
  dotnet "$out/bin/drillbot.dll" serve --config drills.yaml --urls "http://127.0.0.1:$port" >>"$out/serve.log" 2>&1 &
  serve_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
    kill -0 "$serve_pid" 2>/dev/null || { tail -20 "$out/serve.log"; echo "serve died" >&2; exit 1; }
    sleep 0.01
  done
  ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_serve() { kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; }

: >"$out/serve.log"
start_serve; first=$ready_ms; stop_serve
start_serve; second=$ready_ms; stop_serve
start_serve; third=$ready_ms
bench_track "$serve_pid"
echo "start to ready: first start (empty database) ${first} ms, restarts ${second} ms, ${third} ms"

sleep 10
idle_rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$serve_pid/status")
echo "idle RSS: $((idle_rss_kb / 1024)) MB"

# one signed body per command, reused by every request (the signature stays valid for 5 minutes)
ack() {
  local text=$1 label=$2 body ts sig
  body="token=x&team_id=T1&channel_id=C1&user_id=U0BENCH&user_name=bench&command=%2Fdrill&text=$text&response_url=http%3A%2F%2F127.0.0.1%3A$stub_port%2Fhooks%2F1&trigger_id=bench-$label"
  ts=$(date +%s)
  sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | awk '{print $NF}')"
  hey -n 200 -c "$concurrency" -m POST -T application/x-www-form-urlencoded -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" -d "$body" "http://127.0.0.1:$port/slack/commands" >/dev/null
  hey -n "$requests" -c "$concurrency" -m POST -T application/x-www-form-urlencoded -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" -d "$body" "http://127.0.0.1:$port/slack/commands" >"$out/hey-$label.txt"
  printf '%-28s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %s req/s  statuses: %s\n' "/drill $(printf '%b' "${text//%/\\x}")" \
    "$(awk '$1 == "50%%" || $1 == "50%" {print $3 * 1000}' "$out/hey-$label.txt")" \
    "$(awk '$1 == "99%" {print $3 * 1000}' "$out/hey-$label.txt")" \
    "$(awk '/Slowest:/ {print $2 * 1000}' "$out/hey-$label.txt")" \
    "$(awk '/Requests\/sec:/ {print $2}' "$out/hey-$label.txt")" \
    "$(awk '/\[[0-9]+\]/ {printf "%s%s ", $1, $2}' "$out/hey-$label.txt")"
}
echo "# acknowledgement latency, $requests signed requests per command, $concurrency concurrent (after 200 warm-up)"
ack help help
ack status status
ack list list
ack "history%20reviews-failover" history
ack "run%20reviews-failover" run
rss_after_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$serve_pid/status")
echo "RSS after the load: $((rss_after_kb / 1024)) MB"
echo "load average during the run: $(cut -d" " -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), dotnet $(dotnet --version)"
