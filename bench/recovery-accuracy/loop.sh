#!/usr/bin/env bash
# The runbook's check as a loop, as fast as it goes: one `curl | grep -c 'full stars'` after another, each line
# "EPOCH COUNT" with EPOCH (bash's EPOCHREALTIME, microseconds) taken just before curl starts. COUNT is 2 when
# reviews-v2 (cn-shanghai) served the page, 0 otherwise (v1, degraded page, or no answer at all).
# Usage: loop.sh URL STOP_FILE HWM_FILE   (stops when STOP_FILE exists; then writes its own VmHWM in kB to HWM_FILE)
url=$1 stop=$2 hwm=$3
while [ ! -e "$stop" ]; do
  printf '%s ' "$EPOCHREALTIME"
  curl -s "$url" | grep -c 'full stars'
done
while read -r key value _; do
  if [ "$key" = "VmHWM:" ]; then echo "$value" >"$hwm"; fi
done </proc/$$/status
exit 0
