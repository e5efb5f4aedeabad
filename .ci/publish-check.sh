#!/usr/bin/env bash
# Checks the Dockerfile's build without Docker: runs the Dockerfile's own `dotnet restore` and
# `dotnet publish` commands (read from the Dockerfile, with the output redirected to a temp dir),
# then checks that the published apphost `drillbot` exists, is executable, and `./drillbot --help`
# exits 0. Exit code 0 = fine; anything else = the image would not build or not start.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "publish-check: FAILED: $*" >&2; exit 1; }

restore_line=$(grep -E '^RUN dotnet restore ' Dockerfile | head -1) || fail "no 'RUN dotnet restore' line in Dockerfile"
publish_line=$(grep -E '^RUN dotnet publish ' Dockerfile | head -1) || fail "no 'RUN dotnet publish' line in Dockerfile"
case "$publish_line" in
  "RUN dotnet publish src/DrillBot -c Release -o "*) ;;
  *) fail "the Dockerfile's publish command changed shape: $publish_line" ;;
esac

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The commands exactly as written after RUN, with `-o <dir>` pointed at the temp dir.
read -r -a restore_cmd <<<"${restore_line#RUN }"
read -r -a publish_cmd <<<"${publish_line#RUN }"
for i in "${!publish_cmd[@]}"; do
  if [ "${publish_cmd[$i]}" = "-o" ]; then publish_cmd[$((i + 1))]="$out"; fi
done

echo "publish-check: ${restore_cmd[*]}"
"${restore_cmd[@]}" -nologo -v q >/dev/null || fail "restore failed: ${restore_cmd[*]}"
echo "publish-check: ${publish_cmd[*]}"
"${publish_cmd[@]}" -nologo -v q || fail "publish failed: ${publish_cmd[*]}"

[ -f "$out/drillbot" ] || fail "no apphost 'drillbot' in the publish output (AssemblyName must stay 'drillbot')"
[ -x "$out/drillbot" ] || fail "'drillbot' in the publish output is not executable"
[ -f "$out/drillbot.dll" ] || fail "no drillbot.dll in the publish output"

help_out=$(cd "$out" && ./drillbot --help 2>&1) || fail "'./drillbot --help' exited $?: $help_out"
echo "publish-check: OK: $out/drillbot --help exits 0 ($(du -sh "$out" | cut -f1) published)"
