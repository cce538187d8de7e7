#!/usr/bin/env bash
# Times ./cskpi demo as a newcomer meets it: from the command's start until the web app's
# /health answers 200, then stops it. Prints the seconds, the load average and the demo's own
# step lines. Usage: bench/demo-ready.sh DATA_DIR PORT [demo options...]
# Uses the jars as they are (CSKPI_NO_BUILD=1): build first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="$1" port="$2"
shift 2
rm -rf "$data_dir"
log="$data_dir.log"
start=$(date +%s%N)
CSKPI_NO_BUILD=1 "$ROOT/cskpi" demo --data-dir "$data_dir" --port "$port" "$@" >"$log" 2>&1 &
demo=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$demo" 2>/dev/null || { echo "the demo stopped before its web app answered; see $log" >&2; exit 1; }
    sleep 0.2
done
end=$(date +%s%N)
printf 'demo ready (start to /health 200): %.1f s, load %s\n' "$(( (end - start) / 1000000 ))e-3" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
grep -E '^\[[0-9]/[0-9]\]|^ +\[[0-9]/[0-9]\]' "$log" | sed 's/ \{2,\}/ /g' | cut -c1-100
kill -TERM "$demo" 2>/dev/null || true
wait "$demo" 2>/dev/null || true
