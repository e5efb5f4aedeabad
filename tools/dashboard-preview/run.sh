#!/usr/bin/env bash
# Makes docs/dashboard.png and docs/report.png from real runs, on loopback, with no Grafana:
#   1. builds drillbot (Release) and tools/dashboard-preview;
#   2. starts `drillbot lab`, a stand-in Slack (bench/service/slack_stub.py), `drillbot serve` with
#      the repo's drills.yaml at short timings (plus reviews-failover-strict, whose expectation the
#      Lab cannot meet), and Prometheus (Debian's package: temp config and TSDB, scraping serve's
#      /metrics every second as job "drillbot", with charts/drillbot/files/drillbot-alerts.yaml);
#   3. runs drills through the HTTP API for a few minutes (passes of reviews-failover,
#      reviews-distribution and reviews-region-outage, failures of the strict variant, one aborted
#      run) and sends Slack slash commands (signed, unsigned, from a user who may not run drills);
#   4. renders charts/drillbot/dashboards/drillbot.json against that Prometheus (every panel must
#      show data) and screenshots it with headless Chromium into docs/dashboard.png;
#   5. runs reviews-failover with the production timings of drills.yaml (`drillbot run --html`)
#      and screenshots the HTML report at laptop width into docs/report.png.
# Everything it starts is stopped and its temp directory removed at the end (KEEP_TMP=1 keeps the
# directory, with Prometheus' TSDB, for looking at the data again).
# Usage: tools/dashboard-preview/run.sh [all|dashboard|report]
# Needs: dotnet, go, prometheus, chromium, python3 with yaml (python3-yaml), curl, openssl.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
what=${1:-all}
case "$what" in all|dashboard|report) ;; *) echo "usage: $0 [all|dashboard|report]" >&2; exit 2 ;; esac
for tool in dotnet go prometheus chromium python3 curl openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "python3-yaml is not installed" >&2; exit 2; }

tmp=$(mktemp -d /tmp/dashboard-preview.XXXXXX)
pids=()   # started processes, stopped last first
stop_from() { # stop_from N: stop the processes started after the first N
  local i
  for ((i = ${#pids[@]} - 1; i >= $1; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
    unset 'pids[i]'
  done
}
stop_all() { stop_from 0; }
cleanup() {
  stop_all
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  for _ in $(seq 1 $((limit * 10))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "timed out waiting for $what" >&2; return 1
}

echo "# building drillbot (Release) and the preview"
dotnet build src/DrillBot -c Release -v q -nologo -o "$tmp/bin" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
(cd tools/dashboard-preview && go build -o "$tmp/dashboard-preview" .)

# drills.yaml without blackouts (a screenshot must not depend on the hour), as is for the report,
# and at short timings for the dashboard, plus a variant that cannot pass.
python3 - "$tmp" <<'EOF'
import copy, sys, yaml
out = sys.argv[1]
src = yaml.safe_load(open("drills.yaml"))
src.pop("blackouts", None)
yaml.safe_dump(src, open(f"{out}/drills-production.yaml", "w"), sort_keys=False)
short = copy.deepcopy(src)
for d in short["drills"]:
    d.pop("schedule", None)
    d["steadyState"]["duration"] = "2s"
    d["observeFor"] = "12s"
    d["restore"]["verifyWithin"] = "20s"
    if "recovery" in d["expect"]:
        d["expect"]["recovery"]["stableFor"] = "2s"
    if "minSamples" in d["expect"]:
        d["expect"]["minSamples"] = 100
        d["observeFor"] = "15s"
    for step in d["steps"]:
        if "wait" in step:
            step["wait"] = "1s"
strict = copy.deepcopy(next(d for d in short["drills"] if d["name"] == "reviews-failover"))
strict["name"] = "reviews-failover-strict"
strict["description"] = "reviews-failover expecting recovery within 100 ms: the Lab removes endpoints 300 ms after a scale-down, so it fails."
strict["expect"]["recovery"]["within"] = "100ms"
short["drills"].append(strict)
yaml.safe_dump(short, open(f"{out}/drills-short.yaml", "w"), sort_keys=False)
EOF

echo "# starting the Lab"
# dotnet itself in the background (not a shell function around it), so that $! is the process the
# clean-up stops and no Lab outlives the script
dotnet "$tmp/bin/drillbot.dll" lab --dir "$tmp/lab" >"$tmp/lab.log" 2>&1 &
pids+=($!)
wait_for 60 "the Lab" test -f "$tmp/lab/lab.json"
set -a; . "$tmp/lab/lab.env"; set +a

dashboard() {
  local mark=${#pids[@]}
  python3 bench/service/slack_stub.py >"$tmp/stub.port" &
  pids+=($!)
  wait_for 10 "the Slack stand-in" test -s "$tmp/stub.port"
  local stub_port serve_port prom_port token secret=preview-signing-secret base prom
  stub_port=$(head -1 "$tmp/stub.port")
  serve_port=$(free_port)
  token=$(openssl rand -hex 24)
  base="http://127.0.0.1:$serve_port"

  echo "# starting drillbot serve on $base"
  (cd "$tmp" && DRILLBOT_DB="$tmp/data/drillbot.db" DRILLBOT_API_TOKEN=$token \
    SLACK_BOT_TOKEN=xoxb-preview SLACK_SIGNING_SECRET=$secret SLACK_CHANNEL=C0PREVIEW SLACK_ALLOWED_USERS=U0SRE \
    SLACK_API_BASE="http://127.0.0.1:$stub_port/api/" \
    exec dotnet "$tmp/bin/drillbot.dll" serve --config "$tmp/drills-short.yaml" --urls "$base") >"$tmp/serve.log" 2>&1 &
  pids+=($!)
  wait_for 60 "drillbot serve" curl -sf "$base/readyz"

  prom_port=$(free_port)
  prom="http://127.0.0.1:$prom_port"
  cat >"$tmp/prometheus.yml" <<EOF
global: { scrape_interval: 1s, evaluation_interval: 1s }
rule_files: [ "$repo/charts/drillbot/files/drillbot-alerts.yaml" ]
scrape_configs:
  - job_name: drillbot
    static_configs: [ { targets: [ "127.0.0.1:$serve_port" ] } ]
EOF
  echo "# starting Prometheus on $prom"
  prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/tsdb" \
    --web.listen-address="127.0.0.1:$prom_port" --log.level=warn >"$tmp/prometheus.log" 2>&1 &
  pids+=($!)
  wait_for 60 "Prometheus" curl -sf "$prom/-/ready"
  wait_for 30 "the first scrape" sh -c "curl -sf '$prom/api/v1/query?query=up' | grep -q '\"1\"\\]'"
  # The per-minute panels compare each counter with its value a minute earlier: start the drills
  # once Prometheus has a full minute of DrillBot's zeros behind it.
  sleep $(( 62 - $(date +%s) % 60 ))
  local from
  from=$(date +%s)

  slack() { # slack USER TEXT [unsigned]
    local body ts sig
    body="token=x&team_id=T1&channel_id=C0PREVIEW&user_id=$1&user_name=$1&command=%2Fdrill&text=$2&response_url=http%3A%2F%2F127.0.0.1%3A$stub_port%2Fhooks%2F1&trigger_id=preview-$RANDOM$RANDOM"
    ts=$(date +%s)
    sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | awk '{print $NF}')"
    [ "${3:-}" = unsigned ] && sig=v0=0000
    curl -s -o /dev/null -w "  slack /drill $2 ($1${3:+, $3}): %{http_code}\n" -X POST -H "Content-Type: application/x-www-form-urlencoded" \
      -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" --data "$body" "$base/slack/commands"
  }
  drill() { # drill NAME [abort-after-seconds]
    local id verdict
    id=$(curl -sf -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d '{"by": "dashboard-preview"}' \
      "$base/api/drills/$1/runs" | python3 -c 'import json, sys; print(json.load(sys.stdin)["runId"])')
    if [ -n "${2:-}" ]; then
      sleep "$2"
      curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H "X-DrillBot-By: dashboard-preview" "$base/api/runs/$id/abort"
    fi
    for _ in $(seq 1 600); do
      verdict=$(curl -sf -H "Authorization: Bearer $token" "$base/api/runs/$id" | python3 -c '
import json, sys
r = json.load(sys.stdin)
if r.get("status") == "running": sys.exit(0)
rec = (r.get("recovery") or {}).get("seconds")
print(r["verdict"], "recovery %ss" % rec if rec is not None else "", "restore", r["restore"]["status"])') || true
      [ -n "$verdict" ] && break
      sleep 0.5
    done
    echo "  $1: ${verdict:-no verdict after 5 minutes}"
    sleep 2
  }

  echo "# drills through the API and Slack commands"
  slack U0SRE help
  drill reviews-failover
  slack U0SRE status
  drill reviews-distribution
  drill reviews-region-outage
  drill reviews-failover-strict
  slack U0SRE list
  slack U0INTERN "run%20reviews-failover"
  drill reviews-failover
  drill reviews-distribution 4
  drill reviews-region-outage
  slack U0SRE "history%20reviews-failover"
  slack U0SRE "run%20nope%20--what" unsigned
  drill reviews-failover-strict
  drill reviews-distribution
  drill reviews-failover
  slack U0SRE status
  drill reviews-region-outage
  drill reviews-distribution
  sleep 5
  echo "# alerts firing in Prometheus:"
  curl -sf "$prom/api/v1/alerts" | python3 -c '
import json, sys
for a in json.load(sys.stdin)["data"]["alerts"]:
    print("  %s %s{drill=%s}" % (a["state"], a["labels"]["alertname"], a["labels"].get("drill", "")))'

  local to height
  to=$(( $(date +%s) + 10 ))
  echo "# rendering the dashboard, $(( (to - from) / 60 )) min of data"
  "$tmp/dashboard-preview" -dashboard charts/drillbot/dashboards/drillbot.json -prometheus "$prom" \
    -from $((from - 15)) -to "$to" -scrape-interval 1s -width 1600 -out "$tmp/dashboard.html" -require-data | tee "$tmp/preview.txt"
  height=$(sed -n 's/^page [0-9]*x\([0-9]*\) .*/\1/p' "$tmp/preview.txt")
  screenshot "$tmp/dashboard.html" 1600 "$height" docs/dashboard.png
  stop_from "$mark"
}

screenshot() { # screenshot HTML WIDTH HEIGHT PNG: headless Chromium with this machine's flags, cropped
  mkdir -p "$tmp/chromium"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
    --user-data-dir="$tmp/chromium" --window-size="$2,$3" --screenshot="$tmp/shot.png" "file://$1" >"$tmp/chromium.log" 2>&1
  "$tmp/dashboard-preview" crop-png "$tmp/shot.png" "$4"
  echo "# wrote $4"
}

report() {
  echo "# reviews-failover with the production timings of drills.yaml, HTML report"
  local code=0
  (cd "$tmp" && dotnet "$tmp/bin/drillbot.dll" run reviews-failover --config "$tmp/drills-production.yaml" \
    --html "$tmp/report.html" --report-json "$tmp/report.json") >"$tmp/run.log" 2>&1 || code=$?
  tail -5 "$tmp/run.log"
  [ "$code" = 0 ] || { echo "the run exited $code" >&2; exit 1; }
  screenshot "$tmp/report.html" 1440 4000 docs/report.png
}

case "$what" in
  all) dashboard; report ;;
  dashboard) dashboard ;;
  report) report ;;
esac
